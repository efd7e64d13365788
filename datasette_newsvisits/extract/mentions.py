"""The mention index: an article's mentions in text order, with the lookups extractors share.

The entity step builds it (``add`` while it finds names, ``covers`` to skip characters a
name already claims); quote attribution and labels query it (``ending_at``, ``between``,
``after``, ``type_of``). Mentions never overlap, so each position ends at most one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from itertools import islice

from .records import Entity, Mention


class Mentions:
    """Mentions in text order, found by position, with their entities' types."""

    def __init__(
        self, mentions: Iterable[Mention] = (), entities: Iterable[Entity] = ()
    ):
        self._items: list[Mention] = list(mentions)
        self._covered: set[int] | None = None  # built on the first ``covers``
        self._index: tuple[list[Mention], list[int], dict[int, Mention]] | None = None
        self.entities: dict[str, Entity] = {e.id: e for e in entities}

    # -- building ----------------------------------------------------------------------

    def add(self, mention: Mention) -> None:
        """Add a mention; the characters it spans are claimed."""
        self._items.append(mention)
        if self._covered is not None:
            self._covered.update(range(mention.start, mention.end))
        self._index = None

    def remove(self, mention: Mention) -> None:
        """Take a mention out (a longer name found later took it in); the
        characters it spanned are free again."""
        self._items.remove(mention)
        if self._covered is not None:
            self._covered.difference_update(range(mention.start, mention.end))
        self._index = None

    def set_entities(self, entities: Iterable[Entity]) -> None:
        """The entities the mentions point at (for ``entity`` and ``type_of``)."""
        self.entities = {e.id: e for e in entities}

    def covers(self, pos: int) -> bool:
        """Whether a mention already claims the character at ``pos``."""
        if self._covered is None:
            self._covered = set()
            for m in self._items:
                self._covered.update(range(m.start, m.end))
        return pos in self._covered

    def overlaps(self, start: int, end: int) -> bool:
        """Whether the span's first or last character is already claimed."""
        return self.covers(start) or self.covers(end - 1)

    # -- reading -----------------------------------------------------------------------

    def _sorted(self) -> tuple[list[Mention], list[int], dict[int, Mention]]:
        if self._index is None:
            ordered = sorted(self._items, key=lambda m: m.start)
            by_end: dict[int, Mention] = {}
            for m in ordered:
                by_end.setdefault(m.end, m)
            self._index = (ordered, [m.start for m in ordered], by_end)
        return self._index

    @property
    def ordered(self) -> list[Mention]:
        """Every mention, in text order."""
        return self._sorted()[0]

    @property
    def starts(self) -> list[int]:
        """The start of each mention, in text order (for ``bisect``)."""
        return self._sorted()[1]

    def __iter__(self) -> Iterator[Mention]:
        return iter(self.ordered)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index):
        return self.ordered[index]

    def index_at(self, pos: int) -> int:
        """How many mentions start before ``pos``."""
        return bisect_left(self.starts, pos)

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions starting in ``[start, end)``, in order."""
        return self.ordered[self.index_at(start) : self.index_at(end)]

    def after(self, pos: int) -> Iterator[Mention]:
        """Mentions starting at or after ``pos``, in order."""
        return islice(self.ordered, self.index_at(pos), None)

    def ending_at(self, end: int) -> Mention | None:
        """The mention that ends exactly at ``end``, if any."""
        return self._sorted()[2].get(end)

    def entity(self, mention: Mention) -> Entity | None:
        """The entity a mention names (None when it is not among the entities)."""
        return self.entities.get(mention.entity_id)

    def type_of(self, mention: Mention) -> str | None:
        """person, organization, place or other; None for an unknown entity."""
        entity = self.entities.get(mention.entity_id)
        return entity.type if entity else None

    def where(self, keep) -> Mentions:
        """A new index of the mentions for which ``keep(mention)`` is true."""
        return Mentions((m for m in self.ordered if keep(m)), self.entities.values())
