"""Databases made before a table became a view over one stored copy of the text.

``sentences`` (its text a copy of a span of ``articles.text``) and ``article_sources``
(the raw capture, mostly a copy of ``articles.text``) were tables; they are views now,
over ``sentence_spans`` and ``article_captures``. Once ``ensure_schema`` has created
the stored tables, ``to_views`` moves an older database's rows into them (same ids,
same values read back through the views) and drops the old tables, once, in one
savepoint; ``ensure_schema`` then creates the views in their place.
"""

from __future__ import annotations

import sqlite3

from .captures import encode

BATCH = 2000


def to_views(conn: sqlite3.Connection) -> list[str]:
    """Move the rows of the old tables that are views now; returns their names."""
    kinds = dict(
        conn.execute(
            "SELECT name, type FROM sqlite_master "
            "WHERE name IN ('sentences', 'article_sources')"
        )
    )
    moved = [name for name, kind in kinds.items() if kind == "table"]
    if not moved:
        return []
    conn.execute("SAVEPOINT to_views")
    try:
        if "sentences" in moved:
            conn.execute(
                'INSERT INTO sentence_spans (id, article_id, position, start, "end", '
                'reuse_id) SELECT id, article_id, position, start, "end", reuse_id '
                "FROM sentences ORDER BY id"
            )
            conn.execute("DROP TABLE sentences")
        if "article_sources" in moved:
            _captures(conn)
            conn.execute("DROP TABLE article_sources")
    except BaseException:
        conn.execute("ROLLBACK TO to_views")
        conn.execute("RELEASE to_views")
        raise
    conn.execute("RELEASE to_views")
    return sorted(moved)


def _captures(conn: sqlite3.Connection) -> None:
    columns = {row[1] for row in conn.execute("PRAGMA table_info(article_sources)")}
    encoding = "s.encoding" if "encoding" in columns else "NULL"
    cursor = conn.execute(
        f"SELECT s.article_id, s.format, s.raw_text, s.cleaning, {encoding}, a.text "
        "FROM article_sources s LEFT JOIN articles a ON a.id = s.article_id"
    )
    while rows := cursor.fetchmany(BATCH):
        conn.executemany(
            "INSERT INTO article_captures "
            "(article_id, format, raw_delta, cleaning, encoding) VALUES (?, ?, ?, ?, ?)",
            [
                (aid, fmt, None if raw is None else encode(raw, text or ""), steps, enc)
                for aid, fmt, raw, steps, enc, text in rows
            ],
        )
