"""What the resolver gives back for a phrase: a ``Resolved``, and the constants it reads by."""

from __future__ import annotations

from dataclasses import dataclass

UNKNOWN = "?"  # in place of an entity id: someone spoke whom no entity covers
WINDOW = 1500  # how far back (characters) a pronoun or description looks
DECAY = 0.5  # salience kept from one sentence to the next


@dataclass
class Resolved:
    """A phrase read: the words as written, the entity they mean, and how."""

    phrase: str | None = None
    entity_id: str | None = None
    how: str | None = None  # name | pronoun | descriptor | unnamed | unknown

    @property
    def found(self) -> bool:
        """Whether anyone is named, with or without an entity."""
        return bool(self.phrase or self.entity_id)
