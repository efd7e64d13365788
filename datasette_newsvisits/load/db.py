"""Writing to the database: set-up, one article's rows, and the end-of-load steps.

Each article is written inside a savepoint, within a transaction that covers a batch of
articles: an article is either wholly in the database or not at all, and a failure in
one article rolls back only that article.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from ..schema import ARTICLE_CHILD_TABLES, ensure_schema

ENTITY_COLUMNS = ("id", "name", "type", "wikidata", "role")


def open_database(path: str | Path, timeout: float = 30) -> sqlite3.Connection:
    """Open (creating if needed) a database for loading, with the schema in place.

    ``timeout``: seconds to wait for a lock another process holds on the database.
    """
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=timeout)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA cache_size=-200000")
    ensure_schema(conn)  # idempotent statements; executescript manages its own commits
    return conn


def save_reference_data(
    conn: sqlite3.Connection, visits, outlets, entities, aliases
) -> None:
    """Upsert the catalogues and gazetteer: visits, outlets, entities and their aliases."""
    with _transaction(conn):
        _upsert(conn, "visits", [v.row() for v in visits])
        _upsert(conn, "outlets", [o.row() for o in outlets])
        _upsert(
            conn,
            "entities",
            [
                {**{c: getattr(e, c) for c in ENTITY_COLUMNS}, "origin": "gazetteer"}
                for e in entities
            ],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO aliases (alias, entity_id) VALUES (?, ?)", aliases
        )


def known_hashes(conn: sqlite3.Connection) -> dict[str, str]:
    """The content hash of every article already loaded, by source."""
    return dict(conn.execute("SELECT source, content_hash FROM articles"))


def save_article(conn: sqlite3.Connection, record: dict) -> None:
    """Replace one article's rows with ``record`` (from ``pipeline.process_article``).

    Must be called inside a transaction; the article is written within a savepoint.
    """
    article = record["article"]
    conn.execute("SAVEPOINT article")
    try:
        _delete_article(conn, article["id"], article["source"])
        if record["outlet"]:
            _insert(conn, "outlets", [record["outlet"]], or_ignore=True)
        _insert(
            conn,
            "entities",
            [{**e, "origin": "discovered"} for e in record["entities"]],
            or_ignore=True,
        )
        conn.executemany(
            "INSERT OR IGNORE INTO aliases (alias, entity_id) VALUES (?, ?)",
            {(m["surface"], m["entity_id"]) for m in record["mentions"]},
        )
        _insert(conn, "articles", [article])
        for table in ARTICLE_CHILD_TABLES:
            _insert(conn, table, record[table])
    except Exception:
        # A full disk or an I/O error makes SQLite roll back the whole transaction
        # itself: then there is no savepoint left, and the error itself is the news.
        if conn.in_transaction:
            conn.execute("ROLLBACK TO article")
            conn.execute("RELEASE article")
        raise
    conn.execute("RELEASE article")


def _delete_article(conn: sqlite3.Connection, article_id: str, source: str) -> None:
    old = conn.execute(
        "SELECT id FROM articles WHERE id = ? OR source = ?", (article_id, source)
    ).fetchall()
    for (old_id,) in old:
        for table in ARTICLE_CHILD_TABLES:
            conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (old_id,))
        conn.execute("DELETE FROM articles WHERE id = ?", (old_id,))


def delete_orphan_entities(conn: sqlite3.Connection) -> int:
    """Remove discovered entities no article refers to any more (after replacements)."""
    with _transaction(conn):
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
    for fts in ("articles_fts", "quotes_fts"):
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


class _transaction:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self):
        self.conn.execute("BEGIN")
        return self.conn

    def __exit__(self, exc_type, exc, tb):
        if not exc_type:
            try:
                self.conn.execute("COMMIT")
                return False
            except BaseException:  # a full disk or a lock at commit: nothing is kept
                self._rollback()
                raise
        self._rollback()
        return False

    def _rollback(self):
        if self.conn.in_transaction:  # SQLite may have rolled back already
            self.conn.execute("ROLLBACK")


def transaction(conn: sqlite3.Connection) -> _transaction:
    """A context manager: BEGIN, then COMMIT, or ROLLBACK on an exception."""
    return _transaction(conn)


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    key = (id(conn), table)
    if key not in _COLUMNS:
        _COLUMNS[key] = [
            row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")
        ]
    return _COLUMNS[key]


_COLUMNS: dict[tuple[int, str], list[str]] = {}


def _insert(conn, table: str, rows: Iterable[dict], or_ignore: bool = False) -> None:
    rows = list(rows)
    if not rows:
        return
    allowed = set(_columns(conn, table))
    columns = [c for c in rows[0] if c in allowed]
    verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
    sql = (
        f"{verb} INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    conn.executemany(sql, [tuple(row.get(c) for c in columns) for row in rows])


def _upsert(conn, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in columns if c != "id")
    changed = " OR ".join(
        f"[{table}].[{c}] IS NOT excluded.[{c}]" for c in columns if c != "id"
    )
    sql = (
        f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates} WHERE {changed}"
    )
    conn.executemany(sql, [tuple(row.get(c) for c in columns) for row in rows])
