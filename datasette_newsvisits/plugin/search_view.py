"""``/-/newsvisits/search?q=``: full-text search of the articles, each result with its
outlet, date, visit and the passage that matched, terms marked."""

from __future__ import annotations

from datasette.utils import escape_fts
from markupsafe import Markup, escape

from .queries import UNKNOWN, page_url, query, table_url
from .render import database_for, respond

LIMIT = 50
COLUMNS = ["id", "title", "outlet", "published", "visit_id", "snippet"]
START, END = "\x02", "\x03"  # match markers: control characters no article contains


def marked(snippet: str) -> Markup:
    """An FTS snippet as HTML: escaped, the matched terms in ``<mark>``."""
    text = escape(snippet.replace(START, "\x00s").replace(END, "\x00e"))
    return Markup(str(text).replace("\x00s", "<mark>").replace("\x00e", "</mark>"))


async def search_page(datasette, request):
    """``/-/newsvisits/search[.json|.csv]?q=``"""
    db = await database_for(datasette, request)
    terms = (request.args.get("q") or "").strip()
    results = []
    if terms:
        results = await query(
            datasette,
            db,
            f"""SELECT a.id, a.title, a.published, a.visit_id,
            coalesce(o.name, a.outlet_id, '{UNKNOWN}') AS outlet,
            snippet(articles_fts, 1, '{START}', '{END}', '…', 32) AS snippet
            FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
            LEFT JOIN outlets o ON o.id = a.outlet_id
            WHERE articles_fts MATCH :q ORDER BY rank LIMIT {LIMIT}""",
            {"q": escape_fts(terms)},
        )
    for row in results:
        row["url"] = datasette.urls.row(db, "articles", row["id"])
        row["snippet_html"] = marked(row["snippet"] or "")
        row["snippet"] = (row["snippet"] or "").replace(START, "").replace(END, "")
    return await respond(
        datasette,
        request,
        "newsvisits_search.html",
        {"database": db, "q": terms, "results": results},
        {
            "form_url": page_url(datasette, "/search"),
            "table_url": table_url(datasette, db, "articles", [("_search", terms)]),
            "compare_url": page_url(
                datasette,
                "/compare",
                [("articles", ",".join(r["id"] for r in results))],
            ),
        },
        rows=[{c: r[c] for c in COLUMNS} for r in results],
        columns=COLUMNS,
    )
