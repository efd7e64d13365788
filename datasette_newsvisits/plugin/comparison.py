"""The comparison of outlets: one column per outlet, over a visit, chosen outlets or
chosen articles, read from the aggregate tables (or computed live for chosen articles).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..aggregates import comparable_figure, scoped_select
from .figures_view import FIGURE_KINDS, describe_figure
from .filters import visit_arg
from .queries import UNKNOWN, outlet_filter, page_url, query, table_url

MAX_COLUMNS = 12
PER_COLUMN = 12
FIGURE_RANK = "CASE t.kind WHEN 'money' THEN 0 WHEN 'percent' THEN 1 ELSE 2 END"


@dataclass
class Scope:
    """Which articles a comparison covers: a visit, chosen outlets, or chosen articles."""

    visit_id: str | None = None
    outlets: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)

    def source(self, aggregate: str) -> str:
        """The aggregate table, or the same aggregate computed over the chosen articles."""
        if self.articles:
            where = "a.id IN (SELECT value FROM json_each(:articles))"
            return f"({scoped_select(aggregate, where)})"
        return f"[{aggregate}]"

    def where(self, alias: str = "t") -> str:
        """SQL restricting an aggregate (alias ``alias``) to this scope."""
        parts = ["1"]
        if self.visit_id and not self.articles:
            parts.append(f"{alias}.visit_id = :visit_id")
        if self.outlets:
            parts.append(
                f"coalesce({alias}.outlet_id, '') IN (SELECT value FROM json_each(:outlets))"
            )
        return " AND ".join(parts)

    def params(self) -> dict:
        """Parameters for ``source`` and ``where``."""
        return {
            "visit_id": self.visit_id,
            "outlets": json.dumps(self.outlets),
            "articles": json.dumps(self.articles),
        }

    def article_filter(self) -> list[tuple[str, str]]:
        """Filters on the articles table that select this scope's articles."""
        if self.articles:
            return [("id__in", ",".join(self.articles))]
        return [("visit_id", self.visit_id)] if self.visit_id else []

    def child_filter(self) -> list[tuple[str, str]]:
        """Filters on a table with ``article_id`` that select this scope's rows."""
        if self.articles:
            return [("article_id__in", ",".join(self.articles))]
        return [visit_arg(self.visit_id)] if self.visit_id else []


# One query per outlet column and section, each reading one outlet's rows of an
# aggregate through its (outlet_id, visit_id) index, with a LIMIT.
SECTIONS = {
    "labels": """SELECT t.entity_id, t.label, coalesce(e.name, t.entity_id) AS entity,
        sum(t.articles) AS articles
        FROM {labels} t LEFT JOIN entities e ON e.id = t.entity_id
        WHERE {where} GROUP BY t.entity_id, t.label
        ORDER BY articles DESC, entity, t.label LIMIT {limit}""",
    "speakers": """SELECT t.speaker_id, max(t.speaker) AS speaker,
        sum(t.quotes) AS quotes, sum(t.articles) AS articles
        FROM {speakers} t WHERE {where} GROUP BY t.speaker_id, t.speaker
        ORDER BY quotes DESC, speaker LIMIT {limit}""",
    "quotes": """SELECT t.quote_key, max(t.text) AS text, max(t.speaker_id) AS speaker_id,
        coalesce(max(e.name), max(t.speaker)) AS speaker_name, max(t.kind) AS kind,
        sum(t.articles) AS articles, max(g.outlets) AS all_outlets
        FROM {quotes} t JOIN quote_groups g ON g.quote_key = t.quote_key
        LEFT JOIN entities e ON e.id = t.speaker_id
        WHERE {where} GROUP BY t.quote_key
        ORDER BY all_outlets DESC, articles DESC, t.quote_key LIMIT {limit}""",
    "figures": """SELECT t.kind, t.value, t.unit, min(t.surface) AS surface,
        sum(t.articles) AS articles
        FROM {figures} t WHERE {where} AND {comparable}
        GROUP BY t.kind, t.value, t.unit
        ORDER BY {figure_rank}, articles DESC, t.value DESC LIMIT {limit}""",
    # The top groups are chosen from the aggregate alone; only they are joined to reuse.
    "shared": """SELECT x.reuse_id, x.sentences, r.text, x.outlets FROM (
          SELECT t.reuse_id, sum(t.sentences) AS sentences, max(t.outlets) AS outlets
          FROM {shared} t WHERE {where} GROUP BY t.reuse_id
          ORDER BY outlets DESC, sentences DESC, t.reuse_id LIMIT {limit}
        ) x JOIN reuse r ON r.id = x.reuse_id
        ORDER BY x.outlets DESC, x.sentences DESC, x.reuse_id""",
}
# Within one visit an aggregate has one row per item and outlet: no grouping is needed,
# and the (outlet_id, visit_id, order…) indexes give the top rows without a sort.
# Figures: the top money, percent and count rows, each read in index order.
ONE_VISIT_SECTIONS = {
    "figures": " UNION ALL ".join(
        f"""SELECT * FROM (SELECT t.kind, t.value, t.unit, t.surface, t.articles
        FROM {{figures}} t WHERE {{where}} AND t.kind = '{kind}' AND {{comparable}}
        ORDER BY t.articles DESC, t.value DESC LIMIT {{limit}})"""
        for kind in FIGURE_KINDS
    ),
    "shared": """SELECT t.reuse_id, t.sentences, r.text, t.outlets
        FROM {shared} t JOIN reuse r ON r.id = t.reuse_id WHERE {where}
        ORDER BY t.outlets DESC, t.sentences DESC, t.reuse_id LIMIT {limit}""",
}
SECTION_SOURCES = {
    "labels": "label_outlet",
    "speakers": "speaker_outlet",
    "quotes": "quote_outlet",
    "figures": "figure_outlet",
    "shared": "reuse_outlet",
}


async def comparison(datasette, db: str, scope: Scope) -> dict:
    """Everything the comparison page shows, one column per outlet."""
    params = scope.params()
    where = scope.where()
    columns = await query(
        datasette,
        db,
        f"""SELECT coalesce(t.outlet_id, '') AS col, t.outlet_id,
        coalesce(o.name, t.outlet_id, '{UNKNOWN}') AS name, sum(t.articles) AS articles,
        sum(t.wire_share * t.articles)
          / sum(CASE WHEN t.wire_share IS NOT NULL THEN t.articles END) AS wire_share
        FROM {scope.source("visit_outlet")} t LEFT JOIN outlets o ON o.id = t.outlet_id
        WHERE {where} GROUP BY t.outlet_id ORDER BY articles DESC, name""",
        params,
    )
    total_columns = len(columns)
    columns = columns[:MAX_COLUMNS]
    sources = {
        name: scope.source(aggregate) for name, aggregate in SECTION_SOURCES.items()
    }
    in_column = f"{where} AND t.outlet_id IS :outlet_id"
    sections = dict(SECTIONS)
    if scope.visit_id and not scope.articles:
        sections.update(ONE_VISIT_SECTIONS)
    for column in columns:
        column_params = {**params, "outlet_id": column["outlet_id"]}
        for name, sql in sections.items():
            column[name] = await query(
                datasette,
                db,
                sql.format(
                    **sources,
                    where=in_column,
                    limit=PER_COLUMN,
                    comparable=comparable_figure("t"),
                    figure_rank=FIGURE_RANK,
                ),
                column_params,
            )
        column["figures"] = [
            {**row, "reads": describe_figure(row)} for row in column["figures"]
        ][:PER_COLUMN]
    await _count_outlets_per_quote(datasette, db, scope, columns, sources["quotes"])
    unknown = []
    if any(c["col"] == "" for c in columns):
        where_articles = (
            "id IN (SELECT value FROM json_each(:articles))"
            if scope.articles
            else ("visit_id = :visit_id" if scope.visit_id else "1")
        )
        unknown = await query(
            datasette,
            db,
            f"""SELECT id, source, title FROM articles
            WHERE outlet_id IS NULL AND {where_articles} LIMIT 20""",
            params,
        )
    for column in columns:
        column["links"] = _column_links(datasette, db, scope, column)
    return {"columns": columns, "total_columns": total_columns, "unknown": unknown}


async def _count_outlets_per_quote(datasette, db, scope, columns, source) -> None:
    """Set each quote's ``outlets``: outlets of this scope carrying the same quote_key."""
    keys = sorted({row["quote_key"] for c in columns for row in c["quotes"]})
    counts = {
        row["quote_key"]: row["n"]
        for row in await query(
            datasette,
            db,
            f"""SELECT t.quote_key, count(DISTINCT coalesce(t.outlet_id, '')) AS n
            FROM {source} t WHERE {scope.where()}
            AND t.quote_key IN (SELECT value FROM json_each(:keys))
            GROUP BY t.quote_key""",
            {**scope.params(), "keys": json.dumps(keys)},
        )
    }
    for column in columns:
        for row in column["quotes"]:
            row["outlets"] = counts.get(row["quote_key"], 1)


def _column_links(datasette, db: str, scope: Scope, column: dict) -> dict:
    """Table URLs behind each item of one outlet column."""
    outlet = outlet_filter(column["col"])
    child = [*scope.child_filter(), outlet]
    links = {
        "articles": table_url(
            datasette, db, "articles", [*scope.article_filter(), outlet]
        ),
        "labels": [],
        "speakers": [],
        "quotes": [],
        "figures": [],
        "shared": [],
    }
    for row in column["labels"]:
        links["labels"].append(
            table_url(
                datasette,
                db,
                "labels",
                [*child, ("entity_id", row["entity_id"]), ("label", row["label"])],
            )
        )
    for row in column["speakers"]:
        speaker = (
            ("speaker_id", row["speaker_id"])
            if row["speaker_id"]
            else ("speaker", row["speaker"])
        )
        links["speakers"].append(table_url(datasette, db, "quotes", [*child, speaker]))
    for row in column["quotes"]:
        links["quotes"].append(
            page_url(
                datasette,
                "/quotes",
                [("quote_key", row["quote_key"]), ("visit", scope.visit_id)],
            )
        )
    for row in column["figures"]:
        value = (
            ("value", row["value"])
            if row["value"] is not None
            else ("value__isnull", "1")
        )
        unit = ("unit", row["unit"]) if row["unit"] else ("unit__isnull", "1")
        links["figures"].append(
            table_url(
                datasette, db, "figures", [*child, ("kind", row["kind"]), value, unit]
            )
        )
    for row in column["shared"]:
        links["shared"].append(page_url(datasette, f"/wire/{row['reuse_id']}"))
    return links
