"""Reading the newsvisits database from Datasette: which database, rows as dicts,
and links to filtered table pages."""

from __future__ import annotations

import urllib.parse

from datasette.utils.asgi import NotFound

PLUGIN = "datasette-newsvisits"
UNKNOWN = "unknown outlet"


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


def outlet_filter(column_key: str) -> tuple[str, str]:
    """The table filter for one outlet column ('' is the unknown outlet)."""
    return ("outlet_id", column_key) if column_key else ("outlet_id__isnull", "1")
