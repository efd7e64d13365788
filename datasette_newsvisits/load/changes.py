"""Which inputs a load must write: new ones, changed ones (replacing), none unchanged.

Articles are known by ``source``. Databases loaded before sources were prefixed with
their directory's name hold the old names (``a.txt`` where the loader now says
``corpus/a.txt``); such an article, found again under its new name, is *renamed* in
place (same id, same rows) instead of being loaded twice. Which rows are that old are
told by ``article_sources.encoding``, which the loader always sets now and never did
before.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from ..ingest.raw import InputError, RawArticle

LOOKUP_CHUNK = 500  # inputs whose stored hashes are looked up at once
# Through the partial index idx_article_captures_legacy: no scan of either table.
LEGACY_SQL = """
    SELECT source FROM articles WHERE id IN
    (SELECT article_id FROM article_captures WHERE encoding IS NULL)
"""


@dataclass
class Renamed:
    """An article stored under its old source name, to be renamed before anything else."""

    old_source: str
    new_source: str
    encoding: str | None

    def apply(self, conn: sqlite3.Connection) -> None:
        """Rename it (inside the caller's transaction) and record its encoding."""
        conn.execute(
            "UPDATE article_captures SET encoding = ? WHERE article_id = "
            "(SELECT id FROM articles WHERE source = ?)",
            (self.encoding or "", self.old_source),
        )
        if self.new_source != self.old_source:
            conn.execute(
                "UPDATE articles SET source = ? WHERE source = ?",
                (self.new_source, self.old_source),
            )


class KnownArticles:
    """The sources and content hashes already stored, to sort each input read.

    Hashes are looked up a chunk of inputs at a time through the index on
    (source, content_hash), never by reading the articles table (its rows hold the
    text): memory stays flat however many articles are stored, and a re-run with
    nothing to do reads no article text. With ``everything``, stored articles are
    written again even when unchanged (their rows are out of date).
    """

    def __init__(self, conn: sqlite3.Connection, everything: bool = False):
        self.conn = conn
        self.everything = everything
        self.legacy: set[str] = {row[0] for row in conn.execute(LEGACY_SQL)}
        self.present: set[str] = set()  # sources to write that replace a stored one
        self.unchanged = 0

    def stored(self, source: str) -> bool:
        """Whether the article of that source replaced a stored one when saved."""
        return source in self.present

    def to_write(
        self, items: Iterator[RawArticle | InputError]
    ) -> Iterator[RawArticle | InputError | Renamed]:
        """The inputs to write, in order, each old-named article's ``Renamed`` first.

        Unchanged inputs are counted (``unchanged``) and left out; errors pass through.
        """
        iterator = iter(items)
        while chunk := list(islice(iterator, LOOKUP_CHUNK)):
            hashes = self._hashes(chunk)
            for item in chunk:
                if isinstance(item, InputError):
                    yield item
                    continue
                renamed = self._rename(item, hashes)
                if renamed:
                    yield renamed
                stored = hashes.get(item.source)
                if stored == item.content_hash and not self.everything:
                    self.unchanged += 1
                    continue
                if stored is not None:
                    self.present.add(item.source)
                yield item

    def _hashes(self, chunk: list) -> dict[str, str]:
        """The stored content hash of each source of ``chunk`` (and old-style names)."""
        names = set()
        for item in chunk:
            if isinstance(item, RawArticle):
                names.add(item.source)
                if self.legacy and item.legacy_source:
                    names.add(item.legacy_source)
        return dict(
            self.conn.execute(
                "SELECT source, content_hash FROM articles "
                "WHERE source IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(names)),),
            )
        )

    def _rename(self, item: RawArticle, hashes: dict) -> Renamed | None:
        """A ``Renamed`` when the stored article for ``item`` has its old source name."""
        if not self.legacy:
            return None
        if item.source in hashes:
            old = item.source
        elif item.legacy_source in self.legacy:
            old = item.legacy_source
        else:
            return None
        if old not in self.legacy:
            return None
        self.legacy.discard(old)
        hashes[item.source] = hashes.pop(old)
        return Renamed(old, item.source, item.encoding)
