"""Two table filters Datasette's own cannot express, added through its
``filters_from_request`` hook, so they work where arbitrary SQL (``_where``) is off and
read as words above the table:

- ``?_label=<entity id>:<label>`` on ``articles``: articles putting that label on that
  person ("calling Alexander Lukashenko “strongman”");
- ``?_visit=<visit id>`` on a table with ``article_id`` (labels, quotes, figures,
  sentences, mentions…): rows from articles about that visit ("in articles about
  State visit, 2023").

Everything else the plugin links to uses column filters and ``_through``.
"""

from __future__ import annotations

import json

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


def label_arg(entity_id: str, label: str) -> tuple[str, str]:
    """The ``_label`` filter for articles putting ``label`` on ``entity_id``."""
    return ("_label", f"{entity_id}:{label}")


def visit_arg(visit_id: str) -> tuple[str, str]:
    """The ``_visit`` filter for rows of articles about ``visit_id``."""
    return ("_visit", visit_id)


def through_arg(table: str, column: str, value) -> tuple[str, str]:
    """Datasette's ``_through`` filter: rows linked through ``table.column = value``."""
    spec = {"table": table, "column": column, "value": value}
    return ("_through", json.dumps(spec, ensure_ascii=False, separators=(",", ":")))


async def filter_arguments(datasette, request, database: str, table: str):
    """The ``_label`` and ``_visit`` filters of ``request`` as Datasette filter
    arguments, or None when it has neither (or the table is not one they apply to)."""
    labels = request.args.getlist("_label") if table == "articles" else []
    visits = request.args.getlist("_visit") if table in ARTICLE_CHILD_TABLES else []
    if not labels and not visits:
        return None
    db = datasette.get_database(database)
    where, params, words = [], {}, []
    for i, value in enumerate(labels):
        entity_id, _, label = value.partition(":")
        where.append(
            f"id in (select article_id from labels where entity_id = :nv_le{i} "
            f"and label = :nv_ll{i})"
        )
        params.update({f"nv_le{i}": entity_id, f"nv_ll{i}": label})
        name = await _one(db, "select name from entities where id = ?", entity_id)
        words.append(f"calling {name or entity_id} “{label}”")
    for i, visit_id in enumerate(visits):
        where.append(
            f"article_id in (select id from articles where visit_id = :nv_v{i})"
        )
        params[f"nv_v{i}"] = visit_id
        title = await _one(db, "select title from visits where id = ?", visit_id)
        words.append(f"in articles about {title or visit_id}")
    return FilterArguments(where, params, words)


async def _one(db, sql: str, value: str):
    rows = (await db.execute(sql, [value])).rows
    return rows[0][0] if rows else None
