"""Putting the declared schema into a database: idempotent, safe on every load, and
the migration path of databases made by earlier versions."""

from __future__ import annotations

import sqlite3

import sqlite_utils

from .declare import Table, View
from .migrate import to_views
from .tables import TABLES

SCHEMA_VERSION = 1


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create every table, index and full-text index that does not exist yet.

    A database made by an earlier version gains the columns added to the contract since
    (as NULL) and the current full-text triggers; tables that are views now have their
    rows moved to the stored tables (``migrate``); nothing in it is lost.
    """
    db = sqlite_utils.Database(conn)
    ordered = creation_order(TABLES)
    for table in ordered:
        if not isinstance(table, View):
            table.create(db)
    to_views(conn)
    for table in ordered:
        if isinstance(table, View):
            table.create(db)
    conn.execute(
        "INSERT OR IGNORE INTO newsvisits_meta (key, value) VALUES ('schema_version', ?)",
        (str(SCHEMA_VERSION),),
    )


def creation_order(tables: list[Table]) -> list[Table]:
    """``tables`` with every table after the tables its foreign keys refer to, and
    views after all tables."""
    by_name = {table.name: table for table in tables}
    ordered: dict[str, Table] = {}

    def visit(table: Table) -> None:
        if table.name in ordered:
            return
        for other in table.foreign_keys.values():
            if other != table.name and other in by_name:
                visit(by_name[other])
        ordered[table.name] = table

    for table in tables:
        visit(table)
    views = [table for table in ordered.values() if isinstance(table, View)]
    return [t for t in ordered.values() if not isinstance(t, View)] + views
