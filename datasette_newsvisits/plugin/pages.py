"""The plugin's pages: overview, comparison (one visit or chosen articles) and entity.

Pages read the load-time aggregate tables (``aggregates.py``); a comparison of chosen
articles computes the same aggregates live, restricted to at most ``MAX_ARTICLES``.
Every item links to the Datasette table rows behind it.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

from datasette.utils import tilde_decode
from datasette.utils.asgi import NotFound, Response
from datasette.views.base import DatasetteError

from ..aggregates import AGGREGATES
from . import charts
from .comparison import Scope, comparison
from .queries import (
    UNKNOWN,
    find_database,
    outlet_filter,
    query,
    sql_literal,
    table_url,
)

MAX_ARTICLES = 200
UNDATED = "undated"  # sorts after every yyyy-mm(-dd) on a chart's axis
VEGA_DIR = "datasette_vega"


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
    if not await datasette.databases[db].table_exists(AGGREGATES[-1].name):
        raise DatasetteError(
            f"The database {db} has no aggregate tables: load it again with "
            "newsvisits-load, which rebuilds them.",
            title="Aggregate tables missing",
            status=503,
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
    people = await query(
        datasette,
        db,
        """SELECT t.entity_id, e.name, t.articles FROM entity_totals t
        JOIN entities e ON e.id = t.entity_id WHERE e.type = 'person'
        ORDER BY t.articles DESC, e.name LIMIT 24""",
    )
    coverage = await query(
        datasette,
        db,
        f"""SELECT coalesce(t.month, '{UNDATED}') AS month,
        coalesce(v.title, t.visit_id, 'no visit assigned') AS visit,
        sum(t.articles) AS articles FROM coverage t
        LEFT JOIN visits v ON v.id = t.visit_id
        GROUP BY t.month, t.visit_id ORDER BY t.month""",
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
            "people": people,
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
                "day": r["day"] or UNDATED,
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
    for row in spellings:
        row["url"] = table_url(
            datasette,
            db,
            "mentions",
            [("entity_id", entity_id), ("surface", row["surface"])],
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
        f"""SELECT coalesce(t.month, '{UNDATED}') AS month,
        coalesce(v.title, t.visit_id, 'no visit assigned') AS visit,
        sum(t.articles) AS articles FROM entity_outlet_month t
        LEFT JOIN visits v ON v.id = t.visit_id
        WHERE t.entity_id = :id GROUP BY t.month, t.visit_id ORDER BY t.month""",
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
