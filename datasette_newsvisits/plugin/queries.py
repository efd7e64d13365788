"""Reading the newsvisits database from Datasette: which database, rows as dicts,
and links to filtered table pages."""

from __future__ import annotations

import urllib.parse

from datasette.utils import tilde_decode
from datasette.utils.asgi import NotFound

from .recognize import newsvisits_databases

PLUGIN = "datasette-newsvisits"
UNKNOWN = "unknown outlet"
UNDATED = "undated"  # sorts after every yyyy-mm(-dd) on a chart's axis


async def find_database(datasette) -> str:
    """The database to read: plugin config ``database``, else ``newsvisits``, else the
    first attached database that has the newsvisits tables."""
    config = datasette.plugin_config(PLUGIN) or {}
    found = await newsvisits_databases(datasette)
    for name in (config.get("database"), "newsvisits", *found):
        if name and name in found:
            return name
    raise NotFound("No newsvisits database (a database with the newsvisits tables)")


async def query(datasette, database: str, sql: str, params=None) -> list[dict]:
    """Rows of ``sql`` as dicts."""
    results = await datasette.execute(database, sql, params or {})
    return [dict(row) for row in results.rows]


def table_url(datasette, database: str, table: str, args: dict | list) -> str:
    """A Datasette table URL with ``args`` (column filters, the plugin's filters…)."""
    pairs = args.items() if isinstance(args, dict) else args
    query_string = urllib.parse.urlencode([(k, v) for k, v in pairs if v is not None])
    return datasette.urls.table(database, table) + (
        "?" + query_string if query_string else ""
    )


def page_url(datasette, path: str, args: dict | list | None = None) -> str:
    """URL of a plugin page (``path`` under /-/newsvisits) with query ``args``."""
    pairs = (args.items() if isinstance(args, dict) else args) or []
    query_string = urllib.parse.urlencode(
        [(k, v) for k, v in pairs if v not in (None, "")]
    )
    return datasette.urls.path("/-/newsvisits" + path) + (
        "?" + query_string if query_string else ""
    )


def outlet_filter(column_key: str) -> tuple[str, str]:
    """The table filter for one outlet column ('' is the unknown outlet)."""
    return ("outlet_id", column_key) if column_key else ("outlet_id__isnull", "1")


def visit_filter(visit_id: str | None) -> tuple[str, str]:
    """The articles filter for one visit (None: articles about no known visit)."""
    return ("visit_id", visit_id) if visit_id else ("visit_id__isnull", "1")


def entity_url(datasette, entity_id: str) -> str:
    """URL of an entity's page."""
    return page_url(datasette, "/entity/" + urllib.parse.quote(entity_id, safe=""))


def path_value(request, name: str) -> str:
    """A value from the URL path, percent- or tilde-encoded."""
    value = urllib.parse.unquote(request.url_vars[name])
    return tilde_decode(value) if "~" in value else value


async def articles_per_month_by_visit(
    datasette, database: str, table: str, where: str = "1", params=None
) -> list[dict]:
    """(month, visit title, articles) rows of an aggregate with month, visit_id and
    articles columns (``coverage``, ``entity_outlet_month``), undated ones included."""
    return await query(
        datasette,
        database,
        f"""SELECT coalesce(t.month, '{UNDATED}') AS month,
        coalesce(v.title, t.visit_id, 'no visit assigned') AS visit,
        sum(t.articles) AS articles FROM [{table}] t
        LEFT JOIN visits v ON v.id = t.visit_id
        WHERE {where} GROUP BY t.month, t.visit_id ORDER BY t.month""",
        params,
    )
