"""Stored articles read back as the inputs they were loaded from, to process again.

When the pipeline's fingerprint changed (``fingerprint``), the loader processes every
stored article again before reading this run's inputs: ``stored_inputs`` rebuilds each
one's ``RawArticle`` from ``article_sources.raw_text`` and ``article_captures.fields``
and checks it against the stored ``content_hash``, so an article goes through the
pipeline exactly as when its input was read. Articles loaded before their fields were
recorded cannot be rebuilt so; they are counted (``StoredInputs.unreadable``) and
processed again when their inputs are next loaded.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from ..ingest.raw import RawArticle
from .pipeline import FIELDS

CHUNK = 500
STORED = """
    SELECT a.rowid, a.source, a.content_hash, a.title, a.url, a.published,
        a.outlet_id, s.raw_text, s.format, s.encoding, c.fields
    FROM articles a JOIN article_sources s ON s.article_id = a.id
    JOIN article_captures c ON c.article_id = a.id
    WHERE a.rowid > ? AND a.rowid <= ? ORDER BY a.rowid LIMIT ?
"""


@dataclass
class Stored(RawArticle):
    """A stored article read back to be processed again (counted as re-processed)."""


class StoredInputs:
    """``for raw in StoredInputs(conn)``: each stored article's input, in rowid order.

    Articles are read a chunk at a time and only up to the last one stored when the
    iteration began: the articles written again meanwhile get new rowids above it."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.unreadable = 0

    def __iter__(self) -> Iterator[RawArticle]:
        [(last,)] = self.conn.execute("SELECT coalesce(max(rowid), 0) FROM articles")
        after = 0
        while rows := self.conn.execute(STORED, (after, last, CHUNK)).fetchall():
            after = rows[-1][0]
            for row in rows:
                raw = _rebuilt(row)
                if raw is None:
                    self.unreadable += 1
                else:
                    yield raw


def _rebuilt(row: tuple) -> RawArticle | None:
    """The article's input, or None when what is stored does not give it back."""
    _, source, content_hash, *columns, text, fmt, encoding, fields = row
    if fields is None or text is None:
        return None
    given = json.loads(fields)
    stored = dict(zip(FIELDS, columns))
    values = {
        name: stored[name] if given.get(name) is True else given.get(name)
        for name in FIELDS
    }
    raw = RawArticle(
        source=source,
        text=text,
        format=fmt,
        encoding=encoding,
        extra=given.get("extra", {}),
        **values,
    )
    return raw if raw.content_hash == content_hash else None
