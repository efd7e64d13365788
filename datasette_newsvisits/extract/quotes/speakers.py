"""The document's resolver (``extract.references``), read for quote attribution.

``Speakers`` gives attribution what it asks of the resolver - positions, verbs of
saying, the subject of a verb, a speaker phrase resolved - as ``Attribution``
records, and tells the resolver whom each quotation was credited to (who spoke
last is salient for a later "he said").
"""

from __future__ import annotations

from ..doc import Document
from ..references import References, Resolved
from ..references.roles import is_clause
from .found import Attribution


def speaker_as_written(phrase: str | None) -> str | None:
    """The speaker phrase a quote keeps: a noun phrase naming the speaker, or None
    for a clause ("The Belarusian president held a meeting with Xi") whatever rule
    read it (``references.roles.is_clause``)."""
    if not phrase or is_clause(phrase):
        return None
    return phrase


def _attribution(r: Resolved) -> Attribution:
    return Attribution(r.phrase, r.entity_id, None, r.how)


class Speakers:
    """One document's speakers: verbs of saying, subjects, and who spoke so far."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.refs: References = doc.references
        self.refs.forget_speakers()  # a new reading of the quotations
        self.text = doc.text
        self.quotations = doc.quotations
        self.mentions = self.refs.mentions
        self.entities = self.refs.entities

    def inside_quote(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation (marks included)."""
        return self.quotations.covers(pos)

    def sentence(self, pos: int, lo: int, hi: int) -> tuple[int, int]:
        """The sentence around ``pos``, clipped to ``[lo, hi]``."""
        return self.doc.sentence_at(pos, lo, hi)

    def paragraph(self, pos: int) -> tuple[int, int]:
        """The paragraph around ``pos``."""
        return self.doc.paragraph_at(pos)

    def passive(self, verb_at: int) -> bool:
        """Whether the verb at ``verb_at`` is nobody's saying ("is said to")."""
        return self.refs.passive(verb_at)

    def last_event(self, before: int, since: int) -> int | None:
        """The last reporting verb in ``[since, before)``, if any."""
        return self.refs.last_event(before, since)

    def subject(self, verb_at: int, sent_start: int) -> Attribution:
        """The speaker phrase before a reporting verb, resolved."""
        return _attribution(self.refs.subject(verb_at, sent_start))

    def resolve(self, start: int, end: int) -> Attribution:
        """The speaker phrase ``text[start:end]`` resolved."""
        return _attribution(self.refs.resolve(start, end))

    def first_named(self, start: int, end: int, places: bool = False) -> Attribution:
        """The first person or organization (or place, with ``places``: "Russia was
        unmoved") named in ``[start, end)``: a clause's subject
        (``References.first_named``)."""
        return _attribution(self.refs.first_named(start, end, places=places))

    def pronoun(self, word: str, pos: int, sent_start: int) -> Attribution:
        """A pronoun at ``pos`` resolved."""
        from ..references.pronouns import pronoun

        return _attribution(pronoun(self.refs, word, pos, sent_start))

    def remember(self, pos: int, a: Attribution) -> None:
        """Record that a quotation starting at ``pos`` was credited to ``a``."""
        self.refs.remember(pos, Resolved(a.speaker, a.speaker_id, a.how))
