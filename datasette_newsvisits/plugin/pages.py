"""The overview and the outlet comparisons (one visit, chosen outlets or chosen
articles), and the table of every route the plugin serves.

Pages read the load-time aggregate tables (``aggregates.py``); a comparison of chosen
articles computes the same aggregates live, restricted to at most ``MAX_ARTICLES``.
Every item links to the Datasette rows behind it; every page is also ``.json``.
"""

from __future__ import annotations

import urllib.parse

from datasette.utils.asgi import NotFound

from . import canned, charts
from .choices import visit_and_outlet_choices
from .comparison import Scope, comparison
from .coverage_view import coverage_page
from .entity_view import entity_page
from .figures_view import figures_page
from .labels_view import labels_page
from .queries import (
    UNDATED,
    UNKNOWN,
    articles_per_month_by_visit,
    outlet_filter,
    page_url,
    path_value,
    query,
    table_url,
    visit_filter,
)
from .quotes_view import quotes_page
from .render import asset, database_for, respond
from .search_view import search_page
from .wire_view import wire_group_page, wire_list_page

MAX_ARTICLES = 200

# The comparison views the overview links to: (path, title, what it answers).
VIEWS = [
    ("/labels", "Labels by outlet", "which outlets called a person what, as shares"),
    ("/quotes", "Quotes across outlets", "the same quotation everywhere? who said it?"),
    (
        "/wire",
        "Wire copy",
        "which outlets reprinted a sentence, and how they changed it",
    ),
    ("/figures", "Figures", "money, percentages and counts each outlet reported"),
    (
        "/coverage",
        "Coverage over time",
        "each outlet's articles per month, across visits",
    ),
    ("/compare", "Compare outlets", "chosen outlets side by side, in one visit or all"),
    ("/search", "Search", "find articles by their words"),
]


def menu_links(datasette) -> list[dict]:
    """Datasette's menu entry for the plugin's pages."""
    return [
        {
            "href": datasette.urls.path("/-/newsvisits"),
            "label": "News coverage compared",
        }
    ]


async def overview_page(datasette, request):
    """``/-/newsvisits[.json]``: each visit, the outlets that covered it, coverage over
    time, and links to every comparison view and canned query."""
    db = await database_for(datasette, request)
    visits = await query(
        datasette,
        db,
        """SELECT t.visit_id, v.title, v.kind, v.place, v.start_date, v.end_date,
        sum(t.articles) AS articles, count(*) AS outlets
        FROM visit_outlet t LEFT JOIN visits v ON v.id = t.visit_id
        GROUP BY t.visit_id ORDER BY v.start_date IS NULL, v.start_date DESC""",
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
        in_visit = visit_filter(visit["visit_id"])
        visit["outlet_list"] = [
            {
                **row,
                "url": table_url(
                    datasette, db, "articles", [in_visit, outlet_filter(row["col"])]
                ),
            }
            for row in outlets
            if row["visit_id"] == visit["visit_id"]
        ]
        visit["articles_url"] = table_url(datasette, db, "articles", [in_visit])
        if visit["visit_id"]:
            visit["url"] = page_url(
                datasette, "/visit/" + urllib.parse.quote(visit["visit_id"], safe="")
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
    coverage = await articles_per_month_by_visit(datasette, db, "coverage")
    views = [
        {"url": page_url(datasette, path), "title": title, "answers": answers}
        for path, title, answers in VIEWS
    ]
    queries = [
        {
            "name": name,
            "title": query_["title"],
            "url": datasette.urls.database(db) + "/" + urllib.parse.quote(name),
            "chart_url": canned.chart_url(datasette, db, name)
            if query_.get("fragment")
            else None,
        }
        for name, query_ in canned.QUERIES.items()
    ]
    return await respond(
        datasette,
        request,
        "newsvisits_overview.html",
        {
            "database": db,
            "total": sum(v["articles"] for v in visits),
            "visits": visits,
            "others": others,
            "people": people,
            "coverage": coverage,
        },
        {
            "views": views,
            "queries": queries,
            "coverage_spec": charts.stacked_bars(
                coverage,
                "month",
                "visit",
                "Articles per month of publication, by visit",
            ),
            "articles_url": table_url(datasette, db, "articles", {}),
            "database_url": datasette.urls.database(db),
        },
    )


async def visit_page(datasette, request):
    """``/-/newsvisits/visit/<visit_id>[.json]``: the outlets' coverage of one visit."""
    db = await database_for(datasette, request)
    visit_id = path_value(request, "visit_id")
    visit = await query(datasette, db, "SELECT * FROM visits WHERE id = ?", [visit_id])
    if not visit:
        raise NotFound(f"No visit {visit_id}")
    scope = Scope(visit_id=visit_id, outlets=_outlets(request))
    return await _comparison_page(datasette, request, db, scope, visit[0])


async def compare_page(datasette, request):
    """``/-/newsvisits/compare[.json]?articles=id,id`` or ``?outlet=a&outlet=b[&visit=v]``."""
    db = await database_for(datasette, request)
    articles = [
        a.strip()
        for value in request.args.getlist("articles")
        for a in value.split(",")
        if a.strip()
    ][:MAX_ARTICLES]
    scope = Scope(
        visit_id=request.args.get("visit") or None,
        outlets=_outlets(request),
        articles=articles,
    )
    visit = None
    if scope.visit_id:
        found = await query(
            datasette, db, "SELECT * FROM visits WHERE id = ?", [scope.visit_id]
        )
        visit = found[0] if found else None
    return await _comparison_page(datasette, request, db, scope, visit)


def _outlets(request) -> list[str]:
    """Chosen outlet ids ('' for the unknown outlet, written ``unknown``)."""
    return [
        "" if value == "unknown" else value
        for value in request.args.getlist("outlet")
        if value
    ]


async def _comparison_page(datasette, request, db, scope: Scope, visit):
    data = await comparison(datasette, db, scope)
    names = {c["col"]: c["name"] for c in data["columns"]}
    days = await query(
        datasette,
        db,
        f"""SELECT t.day, coalesce(t.outlet_id, '') AS col, sum(t.articles) AS articles
        FROM {scope.source("coverage_day")} t WHERE {scope.where()}
        GROUP BY t.day, t.outlet_id ORDER BY t.day""",
        scope.params(),
    )
    day_rows = [
        {
            "day": r["day"] or UNDATED,
            "outlet": names.get(r["col"], r["col"] or UNKNOWN),
            "articles": r["articles"],
        }
        for r in days
    ]
    label_cells = [
        {
            "outlet": column["name"],
            "label": f"{row['label']} ({row['entity']})",
            "articles": row["articles"],
            "share": min(row["articles"] / column["articles"], 1.0),
        }
        for column in data["columns"]
        for row in column["labels"]
        if column["articles"]
    ]
    chosen = {"unknown" if o == "" else o for o in scope.outlets}
    return await respond(
        datasette,
        request,
        "newsvisits_compare.html",
        {
            "database": db,
            "visit": visit,
            "scope": {
                "visit_id": scope.visit_id,
                "outlets": scope.outlets,
                "articles": scope.articles,
            },
            **data,
        },
        {
            "coverage_spec": charts.stacked_bars(
                day_rows, "day", "outlet", "Articles per day, by outlet"
            ),
            "labels_spec": charts.heat_map(
                label_cells,
                "label",
                "outlet",
                {"text": "Labels", "subtitle": "share of each outlet's articles"},
            ),
            "articles_url": table_url(
                datasette, db, "articles", scope.article_filter()
            ),
            "choices": await visit_and_outlet_choices(datasette, db),
            "chosen": chosen,
            "picker_url": page_url(datasette, "/compare"),
            "labels_url": page_url(datasette, "/labels", {"visit": scope.visit_id}),
            "quotes_url": page_url(datasette, "/quotes", {"visit": scope.visit_id}),
            "wire_url": page_url(datasette, "/wire", {"visit": scope.visit_id}),
            "figures_url": page_url(datasette, "/figures", {"visit": scope.visit_id}),
        },
    )


def _route(path: str, table: bool = False) -> str:
    """A route regex for ``path`` under /-/newsvisits, also as .json (and .csv)."""
    formats = "json|csv" if table else "json"
    return rf"^/-/newsvisits{path}(?:\.(?P<format>{formats}))?/?$"


ROUTES = [
    (_route(""), overview_page),
    (_route(r"/visit/(?P<visit_id>[^/]+?)"), visit_page),
    (_route("/compare"), compare_page),
    (_route(r"/entity/(?P<entity_id>[^/]+?)"), entity_page),
    (_route("/labels", table=True), labels_page),
    (_route("/quotes", table=True), quotes_page),
    (_route("/wire", table=True), wire_list_page),
    (_route(r"/wire/(?P<reuse_id>\d+)", table=True), wire_group_page),
    (_route("/figures", table=True), figures_page),
    (_route("/coverage", table=True), coverage_page),
    (_route("/search", table=True), search_page),
    (r"^/-/newsvisits/assets/(?P<name>[\w.-]+)$", asset),
]
