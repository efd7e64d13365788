"""Aggregate tables precomputed at load time, so that pages, facets and canned queries
read a few indexed rows instead of grouping a million at request time.

Each aggregate is declared once, as DDL plus a SELECT over the base tables with a
``{where}`` placeholder on the articles alias ``a``: ``refresh_aggregates`` fills the
tables with ``where = 1``; the comparison page runs the same SELECT live for a chosen
set of articles (``scoped_select``). Every aggregate counts an article once per cell,
and articles with no known outlet are kept with ``outlet_id`` NULL.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class Aggregate:
    """One aggregate table: its columns, the query that fills it, its indexes."""

    name: str
    description: str
    columns: str
    select: str
    indexes: tuple[str, ...] = ()  # each "column" or "column, column"
    # A cheaper equivalent of ``select`` (where = 1) over aggregates built before it.
    refresh: str | None = None


def comparable_figure(alias: str = "f") -> str:
    """SQL true for figures worth comparing (on a figures table or aggregate
    ``alias``): money, percentages and counts; never dates, nor a count with no unit
    that reads as a year."""
    return (
        f"{alias}.kind IN ('money', 'percent', 'count') AND NOT ({alias}.kind = 'count' "
        f"AND {alias}.unit IS NULL AND {alias}.value BETWEEN 1000 AND 2999)"
    )


# The plugin's comparison pages rank items within a visit (or across all): these hold
# one row per item and visit, with the outlets carrying it, so the top rows come
# straight from an index. Outlet lists are ordered by outlet id.
COMPARISON_AGGREGATES = [
    Aggregate(
        "figure_visit",
        "Figures (money, percent, counts; no dates) per visit: how many outlets and "
        "articles report each normalized value, which outlets, a wording.",
        "visit_id TEXT, kind TEXT, value REAL, unit TEXT, outlets INTEGER, "
        "articles INTEGER, outlet_ids TEXT, surface TEXT",
        f"""SELECT visit_id, kind, value, unit, count(outlet_id) AS outlets,
        sum(articles) AS articles, group_concat(outlet_id) AS outlet_ids,
        min(surface) AS surface FROM (
          SELECT a.visit_id, a.outlet_id, f.kind, f.value, f.unit,
          count(DISTINCT f.article_id) AS articles, min(f.surface) AS surface
          FROM figures f JOIN articles a ON a.id = f.article_id
          WHERE {comparable_figure()} AND {{where}}
          GROUP BY a.visit_id, f.kind, f.value, f.unit, a.outlet_id
          ORDER BY a.visit_id, f.kind, f.value, f.unit, a.outlet_id
        ) GROUP BY visit_id, kind, value, unit""",
        ("visit_id, kind, outlets DESC, articles DESC",),
    ),
    Aggregate(
        "figure_groups",
        "Figures (money, percent, counts; no dates) across all visits: how many "
        "outlets and articles report each normalized value, which outlets, a wording.",
        "kind TEXT, value REAL, unit TEXT, outlets INTEGER, articles INTEGER, "
        "outlet_ids TEXT, surface TEXT",
        f"""SELECT kind, value, unit, count(outlet_id) AS outlets,
        sum(articles) AS articles, group_concat(outlet_id) AS outlet_ids,
        min(surface) AS surface FROM (
          SELECT a.outlet_id, f.kind, f.value, f.unit,
          count(DISTINCT f.article_id) AS articles, min(f.surface) AS surface
          FROM figures f JOIN articles a ON a.id = f.article_id
          WHERE {comparable_figure()} AND {{where}}
          GROUP BY f.kind, f.value, f.unit, a.outlet_id
          ORDER BY f.kind, f.value, f.unit, a.outlet_id
        ) GROUP BY kind, value, unit""",
        ("kind, outlets DESC, articles DESC",),
    ),
    Aggregate(
        "quote_visit",
        "Each quotation (quote_key) per visit: outlets and articles carrying it, how "
        "many different speakers they name, the longest wording.",
        "visit_id TEXT, quote_key TEXT, quotes INTEGER, articles INTEGER, "
        "outlets INTEGER, speakers INTEGER, text TEXT",
        """SELECT a.visit_id, q.quote_key, count(*) AS quotes,
        count(DISTINCT q.article_id) AS articles, count(DISTINCT a.outlet_id) AS outlets,
        count(DISTINCT coalesce(q.speaker_id, q.speaker)) AS speakers,
        max(length(q.text)) AS _longest, q.text
        FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.quote_key IS NOT NULL AND q.quote_key != '' AND {where}
        GROUP BY a.visit_id, q.quote_key""",
        ("visit_id, outlets DESC, articles DESC",),
    ),
    Aggregate(
        "reuse_visit",
        "Each group of shared (wire) sentences per visit: outlets, articles and "
        "sentences carrying it, and how many different wordings.",
        "visit_id TEXT, reuse_id INTEGER, outlets INTEGER, articles INTEGER, "
        "sentences INTEGER, variants INTEGER",
        """SELECT a.visit_id, s.reuse_id, count(DISTINCT a.outlet_id) AS outlets,
        count(DISTINCT s.article_id) AS articles, count(*) AS sentences,
        count(DISTINCT s.text) AS variants
        FROM sentences s JOIN articles a ON a.id = s.article_id
        WHERE s.reuse_id IS NOT NULL AND {where}
        GROUP BY a.visit_id, s.reuse_id""",
        ("visit_id, outlets DESC, articles DESC", "reuse_id"),
    ),
]

AGGREGATES = [
    Aggregate(
        "coverage",
        "Articles per visit, outlet and month of publication.",
        "visit_id TEXT, outlet_id TEXT, month TEXT, articles INTEGER, words INTEGER",
        """SELECT a.visit_id, a.outlet_id, a.month, count(*) AS articles,
        sum(a.word_count) AS words
        FROM articles a WHERE {where} GROUP BY a.visit_id, a.outlet_id, a.month""",
        ("visit_id", "outlet_id", "month"),
    ),
    Aggregate(
        "coverage_day",
        "Articles per visit, outlet and day of publication (NULL: undated).",
        "visit_id TEXT, outlet_id TEXT, day TEXT, articles INTEGER",
        """SELECT a.visit_id, a.outlet_id, substr(a.published, 1, 10) AS day,
        count(*) AS articles FROM articles a WHERE {where}
        GROUP BY a.visit_id, a.outlet_id, substr(a.published, 1, 10)""",
        ("visit_id", "day"),
    ),
    Aggregate(
        "visit_outlet",
        "Per visit and outlet: articles, first and last publication, mean wire share.",
        "visit_id TEXT, outlet_id TEXT, articles INTEGER, words INTEGER, "
        "first_published TEXT, last_published TEXT, wire_share REAL",
        """SELECT a.visit_id, a.outlet_id, count(*) AS articles,
        sum(a.word_count) AS words, min(a.published) AS first_published,
        max(a.published) AS last_published, avg(a.wire_share) AS wire_share
        FROM articles a WHERE {where} GROUP BY a.visit_id, a.outlet_id""",
        ("visit_id", "outlet_id"),
    ),
    Aggregate(
        "entity_outlet_month",
        "Mentions of each entity, and articles mentioning it, per outlet, visit and month.",
        "entity_id TEXT, outlet_id TEXT, visit_id TEXT, month TEXT, "
        "mentions INTEGER, articles INTEGER",
        """SELECT ae.entity_id, a.outlet_id, a.visit_id, a.month,
        sum(ae.mentions) AS mentions, count(*) AS articles
        FROM article_entities ae JOIN articles a ON a.id = ae.article_id
        WHERE {where} GROUP BY ae.entity_id, a.outlet_id, a.visit_id, a.month""",
        ("entity_id", "outlet_id", "visit_id"),
    ),
    Aggregate(
        "entity_totals",
        "Per entity: articles and outlets mentioning it, and mentions in all.",
        "entity_id TEXT PRIMARY KEY, articles INTEGER, outlets INTEGER, mentions INTEGER",
        """SELECT ae.entity_id, count(*) AS articles,
        count(DISTINCT a.outlet_id) AS outlets, sum(ae.mentions) AS mentions
        FROM article_entities ae JOIN articles a ON a.id = ae.article_id
        WHERE {where} GROUP BY ae.entity_id""",
        ("articles",),
        refresh="""SELECT entity_id, sum(articles) AS articles,
        count(DISTINCT outlet_id) AS outlets, sum(mentions) AS mentions
        FROM entity_outlet_month GROUP BY entity_id""",
    ),
    Aggregate(
        "entity_surface",
        "Every spelling an entity was found under, with its mentions, articles and outlets.",
        "entity_id TEXT, surface TEXT, mentions INTEGER, articles INTEGER, outlets INTEGER",
        """SELECT m.entity_id, m.surface, count(*) AS mentions,
        count(DISTINCT m.article_id) AS articles, count(DISTINCT a.outlet_id) AS outlets
        FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE {where} GROUP BY m.entity_id, m.surface""",
        ("entity_id",),
        # mentions carry their article's outlet_id: no join over every mention.
        refresh="""SELECT m.entity_id, m.surface, count(*) AS mentions,
        count(DISTINCT m.article_id) AS articles, count(DISTINCT m.outlet_id) AS outlets
        FROM mentions m GROUP BY m.entity_id, m.surface""",
    ),
    Aggregate(
        "label_outlet",
        "Labels put on each entity, per outlet, visit and month: articles and "
        "occurrences.",
        "entity_id TEXT, label TEXT, outlet_id TEXT, visit_id TEXT, month TEXT, "
        "articles INTEGER, occurrences INTEGER, example TEXT",
        """SELECT l.entity_id, l.label, a.outlet_id, a.visit_id, a.month,
        count(DISTINCT l.article_id) AS articles, count(*) AS occurrences,
        min(l.surface) AS example
        FROM labels l JOIN articles a ON a.id = l.article_id
        WHERE {where}
        GROUP BY l.entity_id, l.label, a.outlet_id, a.visit_id, a.month""",
        ("entity_id", "outlet_id, visit_id", "visit_id", "month", "label"),
    ),
    Aggregate(
        "speaker_outlet",
        "Who was quoted by whom: quotations per speaker, outlet, visit and month.",
        "speaker_id TEXT, speaker TEXT, outlet_id TEXT, visit_id TEXT, month TEXT, "
        "quotes INTEGER, articles INTEGER",
        """SELECT q.speaker_id, coalesce(e.name, q.speaker) AS speaker, a.outlet_id,
        a.visit_id, a.month, count(*) AS quotes,
        count(DISTINCT q.article_id) AS articles
        FROM quotes q JOIN articles a ON a.id = q.article_id
        LEFT JOIN entities e ON e.id = q.speaker_id
        WHERE (q.speaker_id IS NOT NULL OR q.speaker IS NOT NULL) AND {where}
        GROUP BY q.speaker_id, coalesce(e.name, q.speaker), a.outlet_id, a.visit_id,
        a.month""",
        ("speaker_id", "outlet_id, visit_id", "visit_id", "month"),
    ),
    Aggregate(
        "quote_groups",
        "Each quote_key: how many quotations, articles and outlets carry it, "
        "the speaker and the longest wording.",
        "quote_key TEXT PRIMARY KEY, quotes INTEGER, articles INTEGER, outlets INTEGER, "
        "outlet_ids TEXT, speaker_id TEXT, text TEXT",
        """SELECT q.quote_key, count(*) AS quotes, count(DISTINCT q.article_id) AS articles,
        count(DISTINCT a.outlet_id) AS outlets,
        group_concat(DISTINCT a.outlet_id) AS outlet_ids,
        max(q.speaker_id) AS speaker_id, max(length(q.text)) AS _longest, q.text
        FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.quote_key IS NOT NULL AND q.quote_key != '' AND {where}
        GROUP BY q.quote_key""",
        ("outlets",),
    ),
    Aggregate(
        "quote_outlet",
        "Each quotation per outlet and visit, keyed by quote_key, with one example row.",
        "visit_id TEXT, outlet_id TEXT, quote_key TEXT, speaker_id TEXT, speaker TEXT, "
        "kind TEXT, quotes INTEGER, articles INTEGER, quote_id INTEGER, text TEXT",
        """SELECT a.visit_id, a.outlet_id, q.quote_key, max(q.speaker_id) AS speaker_id,
        max(q.speaker) AS speaker, max(q.kind) AS kind, count(*) AS quotes,
        count(DISTINCT q.article_id) AS articles, min(q.id) AS quote_id,
        max(length(q.text)) AS _longest, q.text
        FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.quote_key IS NOT NULL AND q.quote_key != '' AND {where}
        GROUP BY a.visit_id, a.outlet_id, q.quote_key""",
        ("outlet_id, visit_id", "visit_id", "quote_key, visit_id", "speaker_id"),
    ),
    Aggregate(
        "quote_entities",
        "Which entities each quotation mentions (a mention inside its span): "
        "quotes about someone.",
        "quote_id INTEGER, entity_id TEXT",
        """SELECT DISTINCT q.id AS quote_id, m.entity_id
        FROM quotes q JOIN articles a ON a.id = q.article_id
        JOIN mentions m ON m.article_id = q.article_id
        AND m.start >= q.start AND m."end" <= q."end"
        WHERE {where}""",
        ("entity_id",),
    ),
    Aggregate(
        "figure_outlet",
        "Figures reported per outlet and visit: kind, value, unit, articles, a wording.",
        "visit_id TEXT, outlet_id TEXT, kind TEXT, value REAL, unit TEXT, "
        "articles INTEGER, surface TEXT",
        """SELECT a.visit_id, a.outlet_id, f.kind, f.value, f.unit,
        count(DISTINCT f.article_id) AS articles, min(f.surface) AS surface
        FROM figures f JOIN articles a ON a.id = f.article_id
        WHERE {where} GROUP BY a.visit_id, a.outlet_id, f.kind, f.value, f.unit""",
        ("outlet_id, visit_id, articles DESC, kind, value", "visit_id", "kind"),
    ),
    Aggregate(
        "reuse_outlet",
        "Shared (wire) sentences per outlet and visit: reuse group, sentences, articles, "
        "and how many outlets carry the group in all.",
        "visit_id TEXT, outlet_id TEXT, reuse_id INTEGER, sentences INTEGER, "
        "articles INTEGER, outlets INTEGER",
        """SELECT a.visit_id, a.outlet_id, s.reuse_id, count(*) AS sentences,
        count(DISTINCT s.article_id) AS articles, max(r.outlets) AS outlets
        FROM sentences s JOIN articles a ON a.id = s.article_id
        JOIN reuse r ON r.id = s.reuse_id
        WHERE s.reuse_id IS NOT NULL AND {where}
        GROUP BY a.visit_id, a.outlet_id, s.reuse_id""",
        (
            "outlet_id, visit_id, outlets DESC, sentences DESC, reuse_id",
            "visit_id",
            "reuse_id",
        ),
    ),
    *COMPARISON_AGGREGATES,
]

BY_NAME = {aggregate.name: aggregate for aggregate in AGGREGATES}


def column_names(aggregate: Aggregate) -> list[str]:
    """The column names of an aggregate table, in order."""
    return _COLUMN.findall(aggregate.columns)


_COLUMN = re.compile(r"(?:^|,)\s*(\w+)\s+(?:TEXT|INTEGER|REAL)\b")


def scoped_select(name: str, where: str) -> str:
    """The SELECT of aggregate ``name`` over the articles ``a`` matching ``where``,
    returning exactly the table's columns: the aggregate computed live."""
    aggregate = BY_NAME[name]
    names = ", ".join(f"[{c}]" for c in column_names(aggregate))
    return f"SELECT {names} FROM ({aggregate.select.format(where=where)})"


def _index_sql(table: str, index: str) -> str:
    """CREATE INDEX for "col, col DESC, …" (a column may carry a DESC order)."""
    parts = [c.strip().split() for c in index.split(",")]
    name = "_".join(p[0] for p in parts)
    columns = ", ".join(
        f"[{p[0]}]" + (" DESC" if p[1:] == ["DESC"] else "") for p in parts
    )
    return f"CREATE INDEX [idx_{table}_{name}] ON [{table}] ({columns})"


def refresh_aggregates(conn: sqlite3.Connection) -> dict[str, int]:
    """(Re)build every aggregate table from the base tables, in one transaction.

    Returns the number of rows of each. Call it at the end of every load.
    """
    own_transaction = not conn.in_transaction
    if own_transaction:
        conn.execute("BEGIN")
    try:
        counts = {}
        for aggregate in AGGREGATES:
            conn.execute(f"DROP TABLE IF EXISTS [{aggregate.name}]")
            conn.execute(f"CREATE TABLE [{aggregate.name}] ({aggregate.columns})")
            columns = ", ".join(f"[{c}]" for c in column_names(aggregate))
            select = aggregate.refresh or scoped_select(aggregate.name, "1")
            conn.execute(f"INSERT INTO [{aggregate.name}] ({columns}) {select}")
            for index in aggregate.indexes:
                conn.execute(_index_sql(aggregate.name, index))
            counts[aggregate.name] = conn.execute(
                f"SELECT count(*) FROM [{aggregate.name}]"
            ).fetchone()[0]
        if own_transaction:
            conn.execute("COMMIT")
    except Exception:
        if own_transaction:
            conn.execute("ROLLBACK")
        raise
    return counts
