"""Salience: how much each entity is what the article is about at a position.

Centering theory's ranking of what a sentence makes salient, by grammatical role
(``roles``): every reference to an entity adds a weight, halved (``DECAY``) for every
sentence between it and the position read:

- the subject of its sentence 2, a speaker (a verb of saying right after it) 3;
- the subject of a clause inside the sentence ("…, while Xi …") 1.5;
- an object ("talks with Chinese President Xi Jinping", "met Xi") or a possessive 1.

References are names (the entity step's mentions outside quotations), and also the
phrases that refer back once they are resolved: definite descriptions ("The
Belarusian president held talks with Xi" makes Lukashenko, not Xi, what comes next is
about) and a pronoun opening a sentence ("He then met Xi"). These are resolved in
text order, each from the salience before it.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..records import Mention
from . import roles
from .resolved import DECAY, WINDOW
from .speech import PRONOUN_START

if TYPE_CHECKING:
    from .resolver import References

SUBJECT, SPEAKER, CLAUSE_SUBJECT, OTHER = 2.0, 3.0, 1.5, 1.0


class Salience:
    """One document's salience, with the referring phrases it has resolved so far."""

    def __init__(self, refs: References):
        self.refs = refs
        self._weights: dict[int, float] = {}
        self._opens: dict[int, bool] = {}  # phrase start -> opens its clause
        self._subjects: dict[int, int | None] = {}  # sentence -> its subject's start
        self._pending: list[tuple[int, str, object]] | None = None
        self._next = 0  # the first pending phrase not yet resolved
        self._referents: list[tuple[int, str, float]] = []  # (start, entity, weight)

    # -- weights by grammatical role -----------------------------------------------

    def weight(self, m: Mention) -> float:
        """The weight of a name by its grammatical role (see the module docstring)."""
        if m.start not in self._weights:
            refs = self.refs
            after = refs.text[m.end : m.end + 3]
            if refs.is_object(m) or after[:1] in "’'" or not self.opens_clause(m.start):
                weight = OTHER
            else:
                weight = SUBJECT if self.is_sentence_subject(m) else CLAUSE_SUBJECT
                if self._speaks(m.end):
                    weight = SPEAKER
            self._weights[m.start] = weight
        return self._weights[m.start]

    def _speaks(self, end: int) -> bool:
        refs = self.refs
        verb = refs.last_event(end + 40, end)
        return verb is not None and not refs.text[end:verb].strip(" ,")

    def opens_clause(self, start: int) -> bool:
        """Whether the phrase at ``start`` is the subject of its clause (``roles``)."""
        if start not in self._opens:
            lo = self.refs.sentence_of(start)[0]
            word = roles.governing_word(self.refs.text, start, lo)
            self._opens[start] = roles.opens_clause(word)
        return self._opens[start]

    def is_sentence_subject(self, m: Mention) -> bool:
        """Whether ``m`` is the first person or organization named as a subject in
        its sentence."""
        refs = self.refs
        k = refs.sentence_index(m.start)
        if k not in self._subjects:
            self._subjects[k] = None
            start, end = refs.sentence_of(m.start)
            for other in refs.mentions.between(start, end):
                if (
                    refs.type_of(other) in ("person", "organization")
                    and not refs.is_object(other)
                    and self.opens_clause(other.start)
                ):
                    self._subjects[k] = other.start
                    break
        return self._subjects[k] == m.start

    # -- ranking ---------------------------------------------------------------------

    def ranked(self, pos: int, wanted: str, keep=None) -> list[tuple[float, str]]:
        """Entities of type ``wanted`` referred to within ``WINDOW`` before ``pos``,
        most salient first (ties: the one referred to last); ``keep(entity_id)``
        filters."""
        refs = self.refs
        here = refs.sentence_index(pos)
        scores: dict[str, float] = {}
        last: dict[str, int] = {}

        def add(start: int, entity_id: str, weight: float) -> None:
            distance = here - refs.sentence_index(start)
            scores[entity_id] = scores.get(entity_id, 0.0) + weight * DECAY**distance
            last[entity_id] = max(last.get(entity_id, -1), start)

        reach = max(0, pos - WINDOW)
        for m in refs.mentions.between(reach, pos):
            if refs.type_of(m) == wanted and (not keep or keep(m.entity_id)):
                add(m.start, m.entity_id, self.weight(m))
        for start, entity_id, weight in self._resolved_before(pos):
            if start < reach:
                continue
            e = refs.entities.get(entity_id)
            if e is not None and e.type == wanted and (not keep or keep(entity_id)):
                add(start, entity_id, weight)
        return sorted(
            ((score, e) for e, score in scores.items()),
            key=lambda pair: (pair[0], last[pair[1]]),
            reverse=True,
        )

    def references_before(self, pos: int) -> Counter:
        """How many times each entity is named (outside quotations) or referred to
        by a resolved description or pronoun before ``pos``."""
        counts = Counter(m.entity_id for m in self.refs.mentions.between(0, pos))
        counts.update(entity_id for _, entity_id, _ in self._resolved_before(pos))
        return counts

    # -- phrases that refer back, resolved in text order ------------------------------

    def _resolved_before(self, pos: int) -> list[tuple[int, str, float]]:
        """The referring phrases before ``pos`` with the entity each means; resolving
        one reads the salience before it, so they are resolved in order."""
        pending = self._pending_phrases()
        while self._next < len(pending) and pending[self._next][0] < pos:
            start, kind, what = pending[self._next]
            self._next += 1
            entity_id = self._resolve(kind, start, what)
            if entity_id is not None:
                self._referents.append((start, entity_id, self._phrase_weight(what)))
        return [r for r in self._referents if r[0] < pos]

    def _pending_phrases(self) -> list[tuple[int, str, object]]:
        if self._pending is None:
            refs = self.refs
            found: list[tuple[int, str, object]] = []
            for d in refs.descriptions:
                if d.named is None and not refs.inside_quote(d.start):
                    found.append((d.start, "description", d))
            for start, _ in refs.doc.sentences:
                opener = PRONOUN_START.match(refs.text, start)
                if opener and not refs.inside_quote(start):
                    found.append((opener.start(1), "pronoun", opener))
            self._pending = sorted(found, key=lambda item: item[0])
        return self._pending

    def _resolve(self, kind: str, start: int, what) -> str | None:
        refs = self.refs
        if kind == "description":
            return refs.described(what)
        from .pronouns import pronoun

        return pronoun(refs, what.group(1), start, None, 1).entity_id

    def _phrase_weight(self, what) -> float:
        if hasattr(what, "surface"):  # a description
            start, end = what.start, what.end
            if not self.opens_clause(start):
                return OTHER
        else:  # a pronoun opening its sentence
            end = what.end(1)
        return SPEAKER if self._speaks(end) else SUBJECT
