"""Which inputs a load must write: new ones, changed ones (replacing), none unchanged.

Articles are known by ``source``. Databases loaded before sources were prefixed with
their directory's name hold the old names (``a.txt`` where the loader now says
``corpus/a.txt``); such an article, found again under its new name, is *renamed* in
place (same id, same rows) instead of being loaded twice. Which rows are that old are
told by ``article_sources.encoding``, which the loader always sets now and never did
before.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from ..ingest.raw import InputError, RawArticle

# Through the partial index idx_article_sources_legacy: no scan of either table.
LEGACY_SQL = """
    SELECT source FROM articles WHERE id IN
    (SELECT article_id FROM article_sources WHERE encoding IS NULL)
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
            "UPDATE article_sources SET encoding = ? WHERE article_id = "
            "(SELECT id FROM articles WHERE source = ?)",
            (self.encoding or "", self.old_source),
        )
        if self.new_source != self.old_source:
            conn.execute(
                "UPDATE articles SET source = ? WHERE source = ?",
                (self.new_source, self.old_source),
            )


class KnownArticles:
    """The sources and content hashes already stored, to sort each input read."""

    def __init__(self, conn: sqlite3.Connection):
        self.hashes: dict[str, str] = dict(
            conn.execute("SELECT source, content_hash FROM articles")
        )
        self.legacy: set[str] = {row[0] for row in conn.execute(LEGACY_SQL)}
        self.unchanged = 0

    def stored(self, source: str) -> bool:
        """Whether an article of that source is in the database (so saving replaces it)."""
        return source in self.hashes

    def to_write(
        self, items: Iterator[RawArticle | InputError]
    ) -> Iterator[RawArticle | InputError | Renamed]:
        """The inputs to write, in order, each old-named article's ``Renamed`` first.

        Unchanged inputs are counted (``unchanged``) and left out; errors pass through.
        """
        for item in items:
            if isinstance(item, InputError):
                yield item
                continue
            renamed = self._rename(item)
            if renamed:
                yield renamed
            if self.hashes.get(item.source) == item.content_hash:
                self.unchanged += 1
                continue
            yield item

    def _rename(self, item: RawArticle) -> Renamed | None:
        """A ``Renamed`` when the stored article for ``item`` has its old source name."""
        if not self.legacy:
            return None
        if item.source in self.hashes:
            old = item.source
        elif item.legacy_source in self.legacy:
            old = item.legacy_source
        else:
            return None
        if old not in self.legacy:
            return None
        self.legacy.discard(old)
        self.hashes[item.source] = self.hashes.pop(old)
        return Renamed(old, item.source, item.encoding)
