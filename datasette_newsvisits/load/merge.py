"""Merge databases built on shards of a corpus into one database.

    python -m datasette_newsvisits.load.merge TARGET PART [PART ...]

A corpus too big for one machine can be loaded in partitions (a Spark or Ray job running
the loader on each shard); this step puts the partitions together. Reference tables
(outlets, visits, entities, aliases) are unions by key. Articles are keyed by ``source``:
an article already in the target (or in an earlier part) with the same source is
replaced by the later one, with all its rows. Rows of the article child tables are
copied; ``quotes`` and ``sentences`` get new integer ids in the target. Reuse groups,
aggregates and statistics are then recomputed over the whole target, as at the end of
a load.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import click

from ..schema import ARTICLE_CHILD_TABLES, TABLES
from ..schema.declare import REFERENCE
from . import db as database
from .finish import finish_load

REFERENCE_TABLES = [table.name for table in TABLES if table.role == REFERENCE]
# Child rows keyed by INTEGER PRIMARY KEY ids: re-assigned in the target.
RENUMBERED = {
    table.name
    for table in TABLES
    if table.article_child and table.pk == "id" and table.columns["id"].type is int
}
RESET_COLUMNS = {"sentences": {"reuse_id": None}, "articles": {"wire_share": None}}


def merge_partitions(target: str | Path, parts: Sequence[str | Path]) -> dict:
    """Merge the databases ``parts`` into ``target`` (created if missing); returns counts."""
    started = time.perf_counter()
    for part in parts:
        if not Path(part).is_file():
            raise FileNotFoundError(f"{part}: no such database")
    conn = database.open_database(target)
    report = {"parts": len(parts), "articles": 0, "replaced": 0}
    try:
        for part in parts:
            merged, replaced = _merge_one(conn, Path(part))
            report["articles"] += merged
            report["replaced"] += replaced
        report["steps"] = finish_load(conn)
    finally:
        conn.close()
    report["seconds"] = round(time.perf_counter() - started, 2)
    return report


def _merge_one(conn: sqlite3.Connection, part: Path) -> tuple[int, int]:
    conn.execute("ATTACH DATABASE ? AS part", (str(part),))
    try:
        with database.transaction(conn):
            for table in REFERENCE_TABLES:
                _copy(conn, table, verb="INSERT OR IGNORE")
            replaced = _delete_replaced(conn)
            merged = conn.execute("SELECT count(*) FROM part.articles").fetchone()[0]
            _copy(conn, "articles")
            for table in ARTICLE_CHILD_TABLES:
                _copy(
                    conn,
                    table,
                    verb="INSERT OR REPLACE"
                    if table == "article_sources"
                    else "INSERT",
                )
            database.set_meta(conn, "reuse_stale", "1")
    finally:
        conn.execute("DETACH DATABASE part")
    return merged, replaced


def _delete_replaced(conn: sqlite3.Connection) -> int:
    """Remove target articles (and their rows) that the part brings again."""
    old = [
        row[0]
        for row in conn.execute(
            "SELECT a.id FROM part.articles p JOIN main.articles a ON a.source = p.source "
            "UNION SELECT a.id FROM part.articles p JOIN main.articles a ON a.id = p.id"
        )
    ]
    for article_id in old:
        for table in ARTICLE_CHILD_TABLES:
            conn.execute(
                f"DELETE FROM main.[{table}] WHERE article_id = ?", (article_id,)
            )
        conn.execute("DELETE FROM main.articles WHERE id = ?", (article_id,))
    return len(old)


def _copy(conn: sqlite3.Connection, table: str, verb: str = "INSERT") -> None:
    """Copy every row of ``part.table`` into ``main.table``, over the shared columns."""
    if not _has_table(conn, "part", table):
        return
    target = _columns(conn, "main", table)
    source = set(_columns(conn, "part", table))
    if table in RENUMBERED:
        target = [c for c in target if c != "id"]
    reset = RESET_COLUMNS.get(table, {})
    names = [c for c in target if c in source or c in reset]
    values = [("NULL" if c in reset else f"[{c}]") for c in names]
    conn.execute(
        f"{verb} INTO main.[{table}] ({', '.join(f'[{c}]' for c in names)}) "
        f"SELECT {', '.join(values)} FROM part.[{table}]"
        + (" ORDER BY id" if table in RENUMBERED else "")
    )


def _has_table(conn: sqlite3.Connection, schema: str, table: str) -> bool:
    return (
        conn.execute(
            f"SELECT 1 FROM {schema}.sqlite_master WHERE type = 'table' AND name = ?",
            (table,),
        ).fetchone()
        is not None
    )


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA {schema}.table_info([{table}])")]


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("target", type=click.Path(dir_okay=False))
@click.argument(
    "parts", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False)
)
def main(target, parts):
    """Merge partition databases PARTS (built by the loader) into TARGET."""
    report = merge_partitions(target, parts)
    click.echo(
        f"{report['articles']} articles from {report['parts']} parts merged "
        f"({report['replaced']} replaced) in {report['seconds']:.1f} s -> {target}",
        err=True,
    )


if __name__ == "__main__":
    sys.exit(main())
