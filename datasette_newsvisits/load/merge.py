"""Copying partitions into a database: each batch of a load, and whole databases.

    python -m datasette_newsvisits.load.merge TARGET PART [PART ...]

Every load goes through here: its workers write each batch of articles into a
partition file (``partition.run_task``) and the loader copies it into the target with
``copy_articles``, inside the batch's transaction, with ``ATTACH`` and ``INSERT …
SELECT`` (rows never pass through Python). The same copy merges whole databases
loaded on shards of a corpus (``merge_partitions``, the command above).

Reference tables (outlets, visits, entities, aliases) are unions by key. Articles are
keyed by ``source``: an article already in the target with the same source (or id) is
replaced by the partition's, with all its rows. Child rows are copied; rows with
integer ids (quotes, sentences) get new ids in the target, in the partition's order,
so a load in partitions numbers them as a load in one piece does. Reuse groups,
aggregates and statistics are recomputed over the whole target at the end
(``finish.finish_load``).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import sys
import time
from collections.abc import Iterator, Sequence
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
RESET_COLUMNS = {"sentence_spans": {"reuse_id": None}, "articles": {"wire_share": None}}
REPLACING = {"article_captures"}  # keyed by article_id: a stale row is replaced


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
            with attached(conn, part), database.transaction(conn):
                report["replaced"] += delete_replaced(conn)
                report["articles"] += copy_articles(conn)
                database.set_meta(conn, "reuse_stale", "1")
        report["steps"] = finish_load(conn)
    finally:
        database.close_database(conn)
    report["seconds"] = round(time.perf_counter() - started, 2)
    return report


@contextlib.contextmanager
def attached(conn: sqlite3.Connection, path: str | Path) -> Iterator[None]:
    """The database at ``path`` attached as ``part`` (outside any transaction)."""
    conn.execute("ATTACH DATABASE ? AS part", (str(path),))
    try:
        yield
    finally:
        conn.execute("DETACH DATABASE part")


def delete_replaced(conn: sqlite3.Connection, only: list[str] | None = None) -> int:
    """Remove the target's articles (and their rows) that the partition brings again:
    same source or same id. Returns how many."""
    where = _where("p.id", only)
    old = conn.execute(
        f"SELECT a.id FROM part.articles p JOIN main.articles a ON a.source = p.source "
        f"WHERE {where} UNION "
        f"SELECT a.id FROM part.articles p JOIN main.articles a ON a.id = p.id "
        f"WHERE {where}",
        _params(only),
    ).fetchall()
    for table in ARTICLE_CHILD_TABLES:
        conn.executemany(f"DELETE FROM main.[{table}] WHERE article_id = ?", old)
    conn.executemany("DELETE FROM main.articles WHERE id = ?", old)
    return len(old)


def copy_articles(conn: sqlite3.Connection, only: list[str] | None = None) -> int:
    """Copy the partition's reference rows, then its articles (all, or those whose id
    is in ``only``) with their rows, into the target; returns the articles copied.

    Must run inside a transaction, after ``delete_replaced``; raises what SQLite raises
    (a foreign key, a constraint), leaving the caller to roll back."""
    for table in REFERENCE_TABLES:
        _copy(conn, table, "1", None, verb="INSERT OR IGNORE")
    copied = _copy(conn, "articles", _where("id", only) + " ORDER BY rowid", only)
    for table in ARTICLE_CHILD_TABLES:
        verb = "INSERT OR REPLACE" if table in REPLACING else "INSERT"
        _copy(conn, table, _where("article_id", only), only, verb=verb)
    return copied


def partition_ids(conn: sqlite3.Connection) -> list[str]:
    """The ids of the attached partition's articles, in the order they were written."""
    return [
        row[0] for row in conn.execute("SELECT id FROM part.articles ORDER BY rowid")
    ]


def _where(column: str, only: list[str] | None) -> str:
    return "1" if only is None else f"{column} IN (SELECT value FROM json_each(?))"


def _params(only: list[str] | None, times: int = 2) -> tuple:
    return () if only is None else (json.dumps(only),) * times


def _copy(
    conn: sqlite3.Connection,
    table: str,
    where: str,
    only: list[str] | None,
    verb: str = "INSERT",
) -> int:
    """Copy the rows of ``part.table`` matching ``where`` into ``main.table``, over the
    shared columns; returns the number of rows copied."""
    if not _has_table(conn, "part", table):
        return 0
    target = _columns(conn, "main", table)
    source = set(_columns(conn, "part", table))
    if table in RENUMBERED:
        target = [c for c in target if c != "id"]
    reset = RESET_COLUMNS.get(table, {})
    names = [c for c in target if c in source or c in reset]
    values = [("NULL" if c in reset else f"[{c}]") for c in names]
    cursor = conn.execute(
        f"{verb} INTO main.[{table}] ({', '.join(f'[{c}]' for c in names)}) "
        f"SELECT {', '.join(values)} FROM part.[{table}] WHERE {where}"
        + (" ORDER BY id" if table in RENUMBERED else ""),
        _params(only, 1),
    )
    return cursor.rowcount


def _has_table(conn: sqlite3.Connection, schema: str, table: str) -> bool:
    return (
        conn.execute(
            f"SELECT 1 FROM {schema}.sqlite_master WHERE type = 'table' AND name = ?",
            (table,),
        ).fetchone()
        is not None
    )


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    """The stored columns of ``schema.table`` (generated columns left out)."""
    return [
        row[1]
        for row in conn.execute(f"PRAGMA {schema}.table_xinfo([{table}])")
        if row[6] == 0  # hidden: 0 for an ordinary column
    ]


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
