"""Table filters for the links and facet selections of the plugin, added through
Datasette's ``filters_from_request`` hook: they work where arbitrary SQL (``_where``)
is off, combine with column filters, and read as words above the table.

On ``articles``:

- ``?_mentions=<entity id>``: articles mentioning the entity ("mentioning Xi Jinping");
- ``?_quoting=<entity id>``: articles quoting the person ("quoting Hua Chunying");
- ``?_label=<entity id>:<label>``: articles putting that label on that person
  ("calling Alexander Lukashenko “strongman”");
- ``?_wire=<reuse id>``: articles carrying a sentence of that wire-copy group.

On a table with ``article_id`` (labels, quotes, figures, sentences, mentions…):

- ``?_visit=<visit id>``: rows from articles about that visit ("in articles about
  State visit, 2023").

Datasette's own ``_through`` would do for some of these, but it names its parameter
``p0``, as the first column filter does, so ``?outlet_id=dw&_through=…`` compares
``outlet_id`` with the ``_through`` value and finds nothing (0.65.5 and 1.0a41).
"""

from __future__ import annotations

from dataclasses import dataclass

from datasette.filters import FilterArguments

ARTICLE_CHILD_TABLES = frozenset(
    {
        "labels",
        "quotes",
        "figures",
        "sentences",
        "mentions",
        "article_entities",
        "article_sources",
    }
)


@dataclass(frozen=True)
class PluginFilter:
    """One filter: its parameter, the tables it applies to, its SQL and its words.

    ``sql`` takes ``{a}`` and ``{b}`` for the parameter names of the value's parts
    (a ``_label`` value is ``entity id:label``; the others have one part);
    ``name_sql`` looks up what the words call the first part.
    """

    param: str
    tables: frozenset[str]
    sql: str
    words: str
    name_sql: str | None = None


FILTERS = [
    PluginFilter(
        "_mentions",
        frozenset({"articles"}),
        "id in (select article_id from article_entities where entity_id = :{a})",
        "mentioning {name}",
        "select name from entities where id = ?",
    ),
    PluginFilter(
        "_quoting",
        frozenset({"articles"}),
        "id in (select article_id from quotes where speaker_id = :{a})",
        "quoting {name}",
        "select name from entities where id = ?",
    ),
    PluginFilter(
        "_label",
        frozenset({"articles"}),
        "id in (select article_id from labels where entity_id = :{a} and label = :{b})",
        "calling {name} “{b}”",
        "select name from entities where id = ?",
    ),
    PluginFilter(
        "_wire",
        frozenset({"articles"}),
        "id in (select article_id from sentences where reuse_id = :{a})",
        "carrying the wire sentence “{name}”",
        "select substr(text, 1, 80) from reuse where id = ?",
    ),
    PluginFilter(
        "_visit",
        ARTICLE_CHILD_TABLES,
        "article_id in (select id from articles where visit_id = :{a})",
        "in articles about {name}",
        "select title from visits where id = ?",
    ),
]


def mentions_arg(entity_id: str) -> tuple[str, str]:
    """The filter for articles mentioning ``entity_id``."""
    return ("_mentions", entity_id)


def quoting_arg(entity_id: str) -> tuple[str, str]:
    """The filter for articles quoting ``entity_id``."""
    return ("_quoting", entity_id)


def label_arg(entity_id: str, label: str) -> tuple[str, str]:
    """The filter for articles putting ``label`` on ``entity_id``."""
    return ("_label", f"{entity_id}:{label}")


def wire_arg(reuse_id: int) -> tuple[str, str]:
    """The filter for articles carrying a sentence of wire group ``reuse_id``."""
    return ("_wire", str(reuse_id))


def visit_arg(visit_id: str) -> tuple[str, str]:
    """The filter for rows of articles about ``visit_id``."""
    return ("_visit", visit_id)


async def filter_arguments(datasette, request, database: str, table: str):
    """The plugin filters of ``request`` that apply to ``table``, as Datasette filter
    arguments; None when there are none."""
    db = datasette.get_database(database)
    where, params, words = [], {}, []
    for number, spec in enumerate(FILTERS):
        if table not in spec.tables:
            continue
        for i, value in enumerate(request.args.getlist(spec.param)):
            a, b = f"nv_{number}_{i}_a", f"nv_{number}_{i}_b"
            first, _, second = (
                value.partition(":")
                if spec.param == "_label"
                else (
                    value,
                    "",
                    "",
                )
            )
            where.append(spec.sql.format(a=a, b=b))
            params[a] = first
            if "{b}" in spec.sql:
                params[b] = second
            name = await _one(db, spec.name_sql, first) if spec.name_sql else None
            words.append(spec.words.format(name=name or first, b=second))
    if not where:
        return None
    return FilterArguments(where, params, words)


async def _one(db, sql: str, value: str):
    rows = (await db.execute(sql, [value])).rows
    return rows[0][0] if rows else None
