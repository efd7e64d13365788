"""Answering a page request: as HTML, as JSON (``.json``) or, for a page that is a table,
as CSV (``.csv``); the plugin's own static files with cache headers; the checks every
page makes first."""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
from pathlib import Path

from datasette.utils.asgi import NotFound, Response
from datasette.views.base import DatasetteError

from . import charts
from .compat import ensure_can_view
from .queries import find_database
from .recognize import has_aggregates

STATIC = Path(__file__).resolve().parent.parent / "static"
VENDORED = (
    "vega-6.4.0.min.js",
    "vega-lite-6.5.0.min.js",
    "vega-embed-7.3.0.min.js",
)
OWN = ("charts.js", "newsvisits.css")
YEAR = 365 * 24 * 3600

# The pages every page links to, in the order of the navigation bar.
NAVIGATION = [
    ("", "Visits"),
    ("/labels", "Labels"),
    ("/quotes", "Quotes"),
    ("/wire", "Wire copy"),
    ("/figures", "Figures"),
    ("/coverage", "Coverage"),
    ("/compare", "Compare"),
    ("/search", "Search"),
]


async def database_for(datasette, request) -> str:
    """The newsvisits database a page reads, once the actor may view it and its
    aggregate tables are there."""
    db = await find_database(datasette)
    await ensure_can_view(datasette, request.actor, db)
    if not await has_aggregates(datasette, db):
        raise DatasetteError(
            f"The database {db} has no aggregate tables (or not all of them): load it "
            "again with newsvisits-load, which rebuilds them.",
            title="Aggregate tables missing",
            status=503,
        )
    return db


def page_format(request, table: bool = False) -> str | None:
    """``json`` or ``csv`` when the URL asks for it (None: HTML); 404 for a CSV of a
    page that is not a table."""
    fmt = request.url_vars.get("format")
    if fmt == "csv" and not table:
        raise NotFound("This page has no CSV: it is not one table")
    return fmt


def export_urls(request, table: bool = False) -> dict:
    """This page's ``.json`` (and ``.csv``) URLs, with its query string."""
    path = request.path.rstrip("/")
    query = ("?" + request.query_string) if request.query_string else ""
    urls = {"json": f"{path}.json{query}"}
    if table:
        urls["csv"] = f"{path}.csv{query}"
    return urls


async def respond(
    datasette,
    request,
    template: str,
    data: dict,
    context: dict | None = None,
    rows: list[dict] | None = None,
    columns: list[str] | None = None,
) -> Response:
    """The page as HTML (``template`` with ``data`` and ``context``), or ``data`` as
    JSON, or ``rows`` (the page's table, ``columns`` in order) as CSV."""
    fmt = page_format(request, table=rows is not None)
    if fmt == "json":
        return Response(
            json.dumps(data, ensure_ascii=False, default=str, indent=2),
            content_type="application/json; charset=utf-8",
        )
    if fmt == "csv":
        return Response(to_csv(rows, columns), content_type="text/plain; charset=utf-8")
    html = await datasette.render_template(
        template,
        {
            **(context or {}),
            **data,
            **common_context(datasette, request, table=rows is not None),
        },
        request=request,
    )
    return Response.html(html)


def to_csv(rows: list[dict], columns: list[str] | None = None) -> str:
    """``rows`` as CSV with a header line; ``columns`` (default: the first row's keys)."""
    columns = columns or (list(rows[0]) if rows else [])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
    return out.getvalue()


def common_context(datasette, request, table: bool = False) -> dict:
    """What every plugin template uses: asset URLs, navigation, export links."""
    root = datasette.urls.path("/-/newsvisits")
    return {
        "page_root": root,
        "navigation": [(root + suffix, label) for suffix, label in NAVIGATION],
        "current_path": request.path.rstrip("/"),
        "exports": export_urls(request, table),
        "css": asset_url(datasette, "newsvisits.css"),
        "chart_js": [asset_url(datasette, name) for name in (*VENDORED, "charts.js")],
        "script_json": charts.script_json,
    }


def asset_url(datasette, name: str) -> str:
    """URL of one of the plugin's static files, versioned by its content."""
    return datasette.urls.path(f"/-/newsvisits/assets/{name}?v={_version(name)}")


@functools.cache
def _version(name: str) -> str:
    return hashlib.sha256(_asset_path(name).read_bytes()).hexdigest()[:12]


def _asset_path(name: str) -> Path:
    if name in VENDORED:
        return STATIC / "vendor" / name
    if name in OWN:
        return STATIC / name
    raise NotFound(f"No asset {name}")


@functools.cache
def _asset_body(name: str) -> bytes:
    return _asset_path(name).read_bytes()


async def asset(request) -> Response:
    """``/-/newsvisits/assets/<name>``: a vendored chart library or the plugin's own
    script or style sheet, cacheable for a year (its URL changes with its content)."""
    name = request.url_vars["name"]
    content_type = "text/css" if name.endswith(".css") else "application/javascript"
    return Response(
        _asset_body(name),
        content_type=f"{content_type}; charset=utf-8",
        headers={"cache-control": f"public, max-age={YEAR}, immutable"},
    )
