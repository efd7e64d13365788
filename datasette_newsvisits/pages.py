"""The plugin's pages: overview, comparison (one visit or chosen articles) and entity.

Pages read the load-time aggregate tables (``aggregates.py``); a comparison of chosen
articles computes the same aggregates live, restricted to at most ``MAX_ARTICLES``.
Every item links to the Datasette table rows behind it.
"""

from __future__ import annotations

import json
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from datasette.utils import tilde_decode
from datasette.utils.asgi import NotFound, Response

from . import charts
from .aggregates import scoped_select

PLUGIN = "datasette-newsvisits"
UNKNOWN = "unknown outlet"
MAX_ARTICLES = 200
MAX_COLUMNS = 12
PER_COLUMN = 12
VEGA_DIR = "datasette_vega"


async def find_database(datasette) -> str:
    """The database to read: plugin config ``database``, else ``newsvisits``, else the
    first database with an ``articles`` table."""
    config = datasette.plugin_config(PLUGIN) or {}
    names = [config.get("database"), "newsvisits", *datasette.databases]
    for name in names:
        usable = name and name in datasette.databases and name != "_internal"
        if usable and await datasette.databases[name].table_exists("articles"):
            return name
    raise NotFound("No newsvisits database (a database with an articles table)")


async def query(datasette, database: str, sql: str, params=None) -> list[dict]:
    """Rows of ``sql`` as dicts."""
    results = await datasette.execute(database, sql, params or {})
    return [dict(row) for row in results.rows]


def table_url(datasette, database: str, table: str, args: dict | list) -> str:
    """A Datasette table URL with ``args`` as filters."""
    pairs = args.items() if isinstance(args, dict) else args
    query_string = urllib.parse.urlencode([(k, v) for k, v in pairs if v is not None])
    return datasette.urls.table(database, table) + (
        "?" + query_string if query_string else ""
    )


def sql_literal(value: str) -> str:
    """``value`` as a quoted SQL string literal."""
    return "'" + str(value).replace("'", "''") + "'"


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
        if self.visit_id:
            return [
                (
                    "_where",
                    (
                        "article_id in (select id from articles where visit_id = "
                        f"{sql_literal(self.visit_id)})"
                    ),
                )
            ]
        return []


def outlet_filter(column_key: str) -> tuple[str, str]:
    """The table filter for one outlet column ('' is the unknown outlet)."""
    return ("outlet_id", column_key) if column_key else ("outlet_id__isnull", "1")


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
        FROM {figures} t WHERE {where} GROUP BY t.kind, t.value, t.unit
        ORDER BY articles DESC, t.kind, t.value LIMIT {limit}""",
    "shared": """SELECT t.reuse_id, sum(t.sentences) AS sentences, r.text, r.outlets
        FROM {shared} t JOIN reuse r ON r.id = t.reuse_id
        WHERE {where} GROUP BY t.reuse_id
        ORDER BY r.outlets DESC, sentences DESC, t.reuse_id LIMIT {limit}""",
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
    for column in columns:
        column_params = {**params, "outlet_id": column["outlet_id"]}
        for name, sql in SECTIONS.items():
            column[name] = await query(
                datasette,
                db,
                sql.format(**sources, where=in_column, limit=PER_COLUMN),
                column_params,
            )
        for row in column["quotes"]:
            # Outlets of this scope carrying the same quote (the key is indexed).
            row["outlets"] = (
                await query(
                    datasette,
                    db,
                    f"""SELECT count(DISTINCT coalesce(t.outlet_id, '')) AS n
                    FROM {sources["quotes"]} t
                    WHERE {where} AND t.quote_key = :quote_key""",
                    {**params, "quote_key": row["quote_key"]},
                )
            )[0]["n"]
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
            table_url(datasette, db, "quotes", [("quote_key", row["quote_key"])])
        )
    for row in column["figures"]:
        value = (
            ("value", row["value"])
            if row["value"] is not None
            else ("value__isnull", "1")
        )
        links["figures"].append(
            table_url(datasette, db, "figures", [*child, ("kind", row["kind"]), value])
        )
    for row in column["shared"]:
        links["shared"].append(
            table_url(datasette, db, "sentences", [("reuse_id", row["reuse_id"])])
        )
    return links


def _chart_rows(rows: list[dict], key: str, keep: int = 10) -> list[dict]:
    """Rows with all but the ``keep`` largest values of ``key`` folded into 'other'."""
    totals: dict[str, int] = {}
    for row in rows:
        totals[row[key]] = totals.get(row[key], 0) + row["articles"]
    top = set(sorted(totals, key=lambda k: -totals[k])[:keep])
    return [{**row, key: row[key] if row[key] in top else "other"} for row in rows]


def vega_bundle_url(datasette) -> str | None:
    """URL of the JavaScript bundle datasette-vega ships (vega, vega-lite inside)."""
    try:
        import datasette_vega
    except ImportError:
        return None
    static = Path(datasette_vega.__file__).parent / "static"
    bundles = sorted(static.glob("main.*.js"))
    if not bundles:
        return None
    return datasette.urls.static_plugins(VEGA_DIR, bundles[0].name)


async def render(datasette, request, template: str, context: dict) -> Response:
    """Render one of the plugin's templates with the chart scripts' URLs."""
    context = {
        **context,
        "vega_bundle": vega_bundle_url(datasette),
        "charts_js": datasette.urls.static_plugins("datasette_newsvisits", "charts.js"),
        "css": datasette.urls.static_plugins("datasette_newsvisits", "newsvisits.css"),
        "script_json": charts.script_json,
        "page_root": datasette.urls.path("/-/newsvisits"),
    }
    html = await datasette.render_template(template, context, request=request)
    return Response.html(html)


def path_value(request, name: str) -> str:
    """A value from the URL path, percent- or tilde-encoded."""
    value = urllib.parse.unquote(request.url_vars[name])
    return tilde_decode(value) if "~" in value else value


async def _check(datasette, request, db: str) -> None:
    await datasette.ensure_permissions(
        request.actor, [("view-database", db), "view-instance"]
    )


async def overview_page(datasette, request):
    """``/-/newsvisits``: each visit, the outlets that covered it, coverage over time."""
    db = await find_database(datasette)
    await _check(datasette, request, db)
    visits = await query(
        datasette,
        db,
        """SELECT t.visit_id, v.title, v.kind, v.place, v.start_date, v.end_date,
        sum(t.articles) AS articles, count(*) AS outlets
        FROM visit_outlet t LEFT JOIN visits v ON v.id = t.visit_id
        GROUP BY t.visit_id ORDER BY v.start_date IS NULL, v.start_date""",
    )
    outlets = await query(
        datasette,
        db,
        f"""SELECT * FROM (SELECT t.visit_id, coalesce(t.outlet_id, '') AS col,
        coalesce(o.name, t.outlet_id, '{UNKNOWN}') AS name, t.articles,
        row_number() OVER (PARTITION BY t.visit_id ORDER BY t.articles DESC) AS rank
        FROM visit_outlet t LEFT JOIN outlets o ON o.id = t.outlet_id)
        WHERE rank <= 20""",
    )
    for visit in visits:
        visit["outlet_list"] = [
            {
                **row,
                "url": table_url(
                    datasette,
                    db,
                    "articles",
                    [
                        ("visit_id", visit["visit_id"])
                        if visit["visit_id"]
                        else ("visit_id__isnull", "1"),
                        outlet_filter(row["col"]),
                    ],
                ),
            }
            for row in outlets
            if row["visit_id"] == visit["visit_id"]
        ]
        visit["articles_url"] = table_url(
            datasette,
            db,
            "articles",
            [
                ("visit_id", visit["visit_id"])
                if visit["visit_id"]
                else ("visit_id__isnull", "1")
            ],
        )
    others = await query(
        datasette,
        db,
        """SELECT id, title, start_date FROM visits WHERE id NOT IN
        (SELECT visit_id FROM visit_outlet WHERE visit_id IS NOT NULL)
        ORDER BY start_date""",
    )
    coverage = await query(
        datasette,
        db,
        """SELECT t.month, coalesce(v.title, t.visit_id, 'no visit assigned') AS visit,
        sum(t.articles) AS articles FROM coverage t
        LEFT JOIN visits v ON v.id = t.visit_id
        WHERE t.month IS NOT NULL GROUP BY t.month, t.visit_id ORDER BY t.month""",
    )
    spec = charts.coverage_over_time(
        coverage, "month", "visit", "Articles per month of publication, by visit"
    )
    return await render(
        datasette,
        request,
        "newsvisits_overview.html",
        {
            "db": db,
            "visits": visits,
            "others": others,
            "coverage_spec": spec,
            "total": sum(v["articles"] for v in visits),
            "articles_url": table_url(datasette, db, "articles", {}),
        },
    )


async def visit_page(datasette, request):
    """``/-/newsvisits/visit/<visit_id>``: the outlets' coverage of one visit compared."""
    db = await find_database(datasette)
    await _check(datasette, request, db)
    visit_id = path_value(request, "visit_id")
    visit = await query(datasette, db, "SELECT * FROM visits WHERE id = ?", [visit_id])
    if not visit:
        raise NotFound(f"No visit {visit_id}")
    scope = Scope(visit_id=visit_id, outlets=request.args.getlist("outlet"))
    return await _comparison_page(datasette, request, db, scope, visit[0])


async def compare_page(datasette, request):
    """``/-/newsvisits/compare?articles=id,id`` or ``?outlet=a&outlet=b[&visit=v]``."""
    db = await find_database(datasette)
    await _check(datasette, request, db)
    articles = [
        a.strip()
        for value in request.args.getlist("articles")
        for a in value.split(",")
        if a.strip()
    ][:MAX_ARTICLES]
    scope = Scope(
        visit_id=request.args.get("visit") or None,
        outlets=request.args.getlist("outlet"),
        articles=articles,
    )
    visit = None
    if scope.visit_id:
        found = await query(
            datasette, db, "SELECT * FROM visits WHERE id = ?", [scope.visit_id]
        )
        visit = found[0] if found else None
    return await _comparison_page(datasette, request, db, scope, visit)


async def _comparison_page(datasette, request, db, scope: Scope, visit) -> Response:
    data = await comparison(datasette, db, scope)
    params = scope.params()
    names = {c["col"]: c["name"] for c in data["columns"]}
    days = await query(
        datasette,
        db,
        f"""SELECT t.day, coalesce(t.outlet_id, '') AS col, sum(t.articles) AS articles
        FROM {scope.source("coverage_day")} t WHERE {scope.where()}
        GROUP BY t.day, t.outlet_id ORDER BY t.day""",
        params,
    )
    day_rows = _chart_rows(
        [
            {
                "day": r["day"],
                "outlet": names.get(r["col"], r["col"] or UNKNOWN),
                "articles": r["articles"],
            }
            for r in days
        ],
        "outlet",
    )
    label_rows = [
        {
            "outlet": column["name"],
            "label": f"{row['label']} ({row['entity']})",
            "articles": row["articles"],
        }
        for column in data["columns"]
        for row in column["labels"]
    ]
    return await render(
        datasette,
        request,
        "newsvisits_compare.html",
        {
            "db": db,
            "visit": visit,
            "scope": scope,
            **data,
            "coverage_spec": charts.coverage_over_time(
                day_rows, "day", "outlet", "Articles per day, by outlet"
            ),
            "labels_spec": charts.labels_by_outlet(
                _chart_rows(label_rows, "label", keep=12), "Labels by outlet"
            ),
            "articles_url": table_url(
                datasette, db, "articles", scope.article_filter()
            ),
        },
    )


async def entity_page(datasette, request):
    """``/-/newsvisits/entity/<entity_id>``: names, spellings, labels and quotes of one
    entity. Any spelling in place of the id redirects to the entity's page."""
    db = await find_database(datasette)
    await _check(datasette, request, db)
    entity_id = path_value(request, "entity_id")
    found = await query(
        datasette, db, "SELECT * FROM entities WHERE id = ?", [entity_id]
    )
    if not found:
        resolved = await query(
            datasette, db, "SELECT canonical_entity_id(?) AS id", [entity_id]
        )
        if resolved and resolved[0]["id"]:
            path = "/-/newsvisits/entity/" + urllib.parse.quote(
                resolved[0]["id"], safe=""
            )
            return Response.redirect(datasette.urls.path(path))
        raise NotFound(f"No entity {entity_id}")
    entity = found[0]
    params = {"id": entity_id}
    spellings = await query(
        datasette,
        db,
        """SELECT surface, sum(mentions) AS mentions, sum(articles) AS articles,
        max(outlets) AS outlets FROM entity_surface WHERE entity_id = :id
        GROUP BY surface ORDER BY mentions DESC LIMIT 200""",
        params,
    )
    seen = {s["surface"] for s in spellings}
    aliases = [
        row["alias"]
        for row in await query(
            datasette,
            db,
            "SELECT alias FROM aliases WHERE entity_id = :id ORDER BY alias LIMIT 500",
            params,
        )
        if row["alias"] not in seen
    ]
    labels = await query(
        datasette,
        db,
        f"""SELECT coalesce(t.outlet_id, '') AS col,
        coalesce(o.name, t.outlet_id, '{UNKNOWN}') AS outlet, t.label,
        sum(t.articles) AS articles FROM label_outlet t
        LEFT JOIN outlets o ON o.id = t.outlet_id WHERE t.entity_id = :id
        GROUP BY t.outlet_id, t.label ORDER BY outlet, articles DESC LIMIT 1000""",
        params,
    )
    for row in labels:
        row["url"] = table_url(
            datasette,
            db,
            "labels",
            [
                ("entity_id", entity_id),
                ("label", row["label"]),
                outlet_filter(row["col"]),
            ],
        )
    quotes_by = await query(
        datasette,
        db,
        """SELECT t.quote_key, max(t.text) AS text, sum(t.articles) AS articles,
        count(DISTINCT t.outlet_id) AS outlets FROM quote_outlet t
        WHERE t.speaker_id = :id GROUP BY t.quote_key
        ORDER BY outlets DESC, articles DESC LIMIT 50""",
        params,
    )
    for row in quotes_by:
        row["url"] = table_url(
            datasette, db, "quotes", [("quote_key", row["quote_key"])]
        )
    quotes_about = await query(
        datasette,
        db,
        f"""SELECT q.id, q.text, coalesce(e.name, q.speaker) AS speaker, q.speaker_id,
        coalesce(o.name, a.outlet_id, '{UNKNOWN}') AS outlet, a.source
        FROM quote_entities qe JOIN quotes q ON q.id = qe.quote_id
        JOIN articles a ON a.id = q.article_id
        LEFT JOIN entities e ON e.id = q.speaker_id
        LEFT JOIN outlets o ON o.id = a.outlet_id
        WHERE qe.entity_id = :id AND q.speaker_id IS NOT :id LIMIT 50""",
        params,
    )
    for row in quotes_about:
        row["url"] = datasette.urls.row(db, "quotes", str(row["id"]))
    months = await query(
        datasette,
        db,
        """SELECT t.month, coalesce(v.title, t.visit_id, 'no visit assigned') AS visit,
        sum(t.articles) AS articles FROM entity_outlet_month t
        LEFT JOIN visits v ON v.id = t.visit_id
        WHERE t.entity_id = :id AND t.month IS NOT NULL
        GROUP BY t.month, t.visit_id ORDER BY t.month""",
        params,
    )
    wikidata = entity.get("wikidata")
    return await render(
        datasette,
        request,
        "newsvisits_entity.html",
        {
            "db": db,
            "entity": entity,
            "wikidata_url": f"https://www.wikidata.org/wiki/{wikidata}"
            if wikidata and wikidata[:1] == "Q" and wikidata[1:].isdigit()
            else None,
            "spellings": spellings,
            "aliases": aliases,
            "labels": labels,
            "quotes_by": quotes_by,
            "quotes_about": quotes_about,
            "labels_spec": charts.labels_by_outlet(
                labels, f"Labels on {entity['name']}, by outlet"
            ),
            "months_spec": charts.coverage_over_time(
                months, "month", "visit", f"Articles mentioning {entity['name']}"
            ),
            "mentions_url": table_url(
                datasette, db, "mentions", [("entity_id", entity_id)]
            ),
            "articles_url": table_url(
                datasette,
                db,
                "articles",
                [
                    (
                        "_where",
                        (
                            "id in (select article_id from article_entities where "
                            f"entity_id = {sql_literal(entity_id)})"
                        ),
                    )
                ],
            ),
        },
    )


ROUTES = [
    (r"^/-/newsvisits/?$", overview_page),
    (r"^/-/newsvisits/visit/(?P<visit_id>[^/]+)$", visit_page),
    (r"^/-/newsvisits/compare$", compare_page),
    (r"^/-/newsvisits/entity/(?P<entity_id>[^/]+)$", entity_page),
]
