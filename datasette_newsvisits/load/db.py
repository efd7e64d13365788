"""Writing to the database: set-up, articles' rows, and the end-of-load steps.

Rows are written with sqlite-utils (``insert_all``, ``upsert_all``), strictly: a row
with a key that is not a column of its table is an error, never a silent drop. A batch
of articles is written with one ``insert_all`` per table, inside a savepoint, within
the transaction that covers the batch; if that fails, the batch is written again
article by article, each in its own savepoint, so that an article is either wholly in
the database or not at all and a failure in one article loses only that article.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import sqlite_utils

from ..schema import ARTICLE_CHILD_TABLES, TABLES, ensure_schema

FTS_TABLES = [f"{table.name}_fts" for table in TABLES if table.fts]


def open_database(path: str | Path, timeout: float = 30) -> sqlite3.Connection:
    """Open (creating if needed) a database for loading, with the schema in place.

    ``timeout``: seconds to wait for a lock another process holds on the database.
    """
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=timeout)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA cache_size=-200000")
    ensure_schema(conn)
    return conn


def save_reference_data(
    conn: sqlite3.Connection, visits, outlets, entities, aliases
) -> None:
    """Upsert the catalogues and gazetteer: visits, outlets, entities and their aliases.

    Only rows that differ from what the database holds are written, so a re-run with
    the same catalogues leaves the file untouched.
    """
    db = sqlite_utils.Database(conn)
    with transaction(conn):
        _upsert_changed(db, "visits", [v.row() for v in visits])
        _upsert_changed(db, "outlets", [o.row() for o in outlets])
        _upsert_changed(
            db, "entities", [{**asdict(e), "origin": "gazetteer"} for e in entities]
        )
        _insert(db, "aliases", _alias_rows(aliases), ignore=True)


def known_hashes(conn: sqlite3.Connection) -> dict[str, str]:
    """The content hash of every article already loaded, by source."""
    return dict(conn.execute("SELECT source, content_hash FROM articles"))


def save_articles(
    conn: sqlite3.Connection,
    records: list[dict],
    article_errors: tuple[type[Exception], ...] = (Exception,),
) -> list[tuple[dict, Exception]]:
    """Replace each article's rows with its record (from ``pipeline.process_article``).

    Returns the records that could not be saved, each with its error (one of
    ``article_errors``: a fault of that article's rows); every other record is saved.
    Any other error, or one that ended the transaction (disk full…), is raised. Must be
    called inside a transaction.
    """
    db = sqlite_utils.Database(conn)
    try:
        with _savepoint(conn, "articles"):
            _write(db, records)
        return []
    except article_errors:  # find which article it was, below
        if not conn.in_transaction:
            raise  # the transaction itself is gone: nothing to retry
    failed = []
    for record in records:
        try:
            with _savepoint(conn, "article"):
                _write(db, [record])
        except article_errors as error:  # reported by the caller
            if not conn.in_transaction:
                raise
            failed.append((record, error))
    return failed


def save_article(conn: sqlite3.Connection, record: dict) -> None:
    """Replace one article's rows with ``record``; raises if it cannot be saved.

    Must be called inside a transaction; the article is written within a savepoint.
    """
    db = sqlite_utils.Database(conn)
    with _savepoint(conn, "article"):
        _write(db, [record])


def _write(db: sqlite_utils.Database, records: list[dict]) -> None:
    _delete_articles(db.conn, [record["article"] for record in records])
    outlets = [record["outlet"] for record in records if record["outlet"]]
    _insert(db, "outlets", outlets, ignore=True)
    entities = [
        {**entity, "origin": "discovered"}
        for record in records
        for entity in record["entities"]
    ]
    _insert(db, "entities", entities, ignore=True)
    surfaces = {
        (mention["surface"], mention["entity_id"])
        for record in records
        for mention in record["mentions"]
    }
    _insert(db, "aliases", _alias_rows(surfaces), ignore=True)
    _insert(db, "articles", [record["article"] for record in records])
    for table in ARTICLE_CHILD_TABLES:
        _insert(db, table, [row for record in records for row in record[table]])


def _insert(
    db: sqlite_utils.Database, table: str, rows: list[dict], ignore: bool = False
) -> None:
    if rows:
        # As many rows a statement as sqlite-utils' variable limit allows.
        db.table(table).insert_all(rows, ignore=ignore, batch_size=1000)


def _alias_rows(pairs) -> list[dict]:
    return [{"alias": alias, "entity_id": entity_id} for alias, entity_id in pairs]


def _upsert_changed(db: sqlite_utils.Database, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    held = {
        row[0]: row
        for row in db.execute(
            f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM [{table}] "
            "WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps([row["id"] for row in rows]),),
        )
    }
    changed = [
        row for row in rows if held.get(row["id"]) != tuple(row[c] for c in columns)
    ]
    if changed:
        db.table(table).upsert_all(changed, pk="id")


def _delete_articles(conn: sqlite3.Connection, articles: list[dict]) -> None:
    """Remove the stored articles (and all their rows) that ``articles`` replace."""
    old = conn.execute(
        "SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?)) "
        "OR source IN (SELECT value FROM json_each(?))",
        (
            json.dumps([article["id"] for article in articles]),
            json.dumps([article["source"] for article in articles]),
        ),
    ).fetchall()
    for table in ARTICLE_CHILD_TABLES:
        conn.executemany(f"DELETE FROM [{table}] WHERE article_id = ?", old)
    conn.executemany("DELETE FROM articles WHERE id = ?", old)


def delete_orphan_entities(conn: sqlite3.Connection) -> int:
    """Remove discovered entities no article refers to any more (after replacements)."""
    with transaction(conn):
        orphans = """
            SELECT id FROM entities WHERE origin = 'discovered'
            AND id NOT IN (SELECT entity_id FROM article_entities)
            AND id NOT IN (SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL)
            AND id NOT IN (SELECT entity_id FROM labels)
        """
        ids = [row[0] for row in conn.execute(orphans)]
        conn.executemany("DELETE FROM aliases WHERE entity_id = ?", [(i,) for i in ids])
        conn.executemany("DELETE FROM entities WHERE id = ?", [(i,) for i in ids])
    return len(ids)


def optimize(conn: sqlite3.Connection) -> None:
    """Statistics for the query planner, and merged full-text indexes."""
    conn.execute("ANALYZE")
    for fts in FTS_TABLES:
        conn.execute(f"INSERT INTO [{fts}]([{fts}]) VALUES('optimize')")


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    """A value from the ``newsvisits_meta`` table."""
    row = conn.execute(
        "SELECT value FROM newsvisits_meta WHERE key = ?", (key,)
    ).fetchone()
    return row[0] if row else None


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Set a value in the ``newsvisits_meta`` table."""
    conn.execute(
        "INSERT OR REPLACE INTO newsvisits_meta (key, value) VALUES (?, ?)",
        (key, value),
    )


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN, then COMMIT, or ROLLBACK on an exception — or when COMMIT itself fails
    (a full disk or a lock at commit): nothing of the transaction is kept."""
    conn.execute("BEGIN")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # an error may have rolled it back already
            conn.execute("ROLLBACK")
        raise


@contextlib.contextmanager
def _savepoint(conn: sqlite3.Connection, name: str) -> Iterator[None]:
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        # An error such as disk full can end the whole transaction, savepoint
        # included: then the original error is the one to report.
        if conn.in_transaction:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
        raise
    conn.execute(f"RELEASE {name}")
