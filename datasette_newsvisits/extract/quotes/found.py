"""What attribution finds for a quotation: an ``Attribution``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Attribution:
    """A quotation's speaker as found: the phrase, its entity and the rule's name."""

    speaker: str | None = None  # the phrase as written
    speaker_id: str | None = None
    pattern: str | None = None  # which rule attributed it (``Quote.attribution``)
    how: str | None = None  # name | pronoun | descriptor | unnamed (a capitalized
    # phrase no entity covers: an unknown person) | unknown

    @property
    def found(self) -> bool:
        """Whether anyone is named, with or without an entity."""
        return bool(self.speaker or self.speaker_id)

    def named(self, pattern: str) -> Attribution:
        """This attribution with ``pattern`` recorded, unless a pronoun or a
        descriptor resolved it (then that is the pattern)."""
        self.pattern = self.how if self.how in ("pronoun", "descriptor") else pattern
        return self
