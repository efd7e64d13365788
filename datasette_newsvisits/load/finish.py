"""The whole-database steps that end every load (and every merge of partitions)."""

from __future__ import annotations

import sqlite3
import time

from ..aggregates import AGGREGATES, refresh_aggregates
from ..reuse import update_reuse
from . import db as database


def finish_load(conn: sqlite3.Connection) -> dict:
    """Reuse groups, orphan entities, aggregates and statistics, when anything changed.

    Any batch that wrote articles (or a merge) sets the ``reuse_stale`` flag, in the same
    transaction, so a load killed before it got here is finished by the next run. When
    nothing changed since the last finish, a re-run does none of this work.
    """
    if database.get_meta(conn, "reuse_stale") == "0" and _has_aggregates(conn):
        return {}
    started = time.perf_counter()
    conn.execute("PRAGMA shrink_memory")  # the page cache, before reuse's arrays
    steps: dict = {"reuse": update_reuse(conn)}
    database.build_indexes(conn)  # those a first load deferred
    steps["orphans_removed"] = database.delete_orphan_entities(conn)
    steps["aggregates"] = refresh_aggregates(conn)
    database.optimize(conn)
    with database.transaction(conn):
        database.set_meta(conn, "reuse_stale", "0")
    steps["seconds"] = round(time.perf_counter() - started, 2)
    return steps


def _has_aggregates(conn: sqlite3.Connection) -> bool:
    """Whether every declared aggregate exists (one added since is built on a re-run)."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    return all(aggregate.name in tables for aggregate in AGGREGATES)
