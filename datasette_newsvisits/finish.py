"""The whole-database steps that end every load (and every merge of partitions)."""

from __future__ import annotations

import sqlite3
import time

from . import db as database
from .aggregates import refresh_aggregates
from .reuse import update_reuse


def finish_load(conn: sqlite3.Connection) -> dict:
    """Reuse groups (when articles changed), orphan entities, aggregates, statistics.

    Reuse groups are recomputed when the ``reuse_stale`` flag is set: by any batch that
    wrote articles, including one of a load killed before it got here.
    """
    steps: dict = {}
    started = time.perf_counter()
    if database.get_meta(conn, "reuse_stale") != "0":
        steps["reuse"] = update_reuse(conn)
        with database.transaction(conn):
            database.set_meta(conn, "reuse_stale", "0")
    steps["orphans_removed"] = database.delete_orphan_entities(conn)
    steps["aggregates"] = refresh_aggregates(conn)
    database.optimize(conn)
    steps["seconds"] = round(time.perf_counter() - started, 2)
    return steps
