"""The per-article document: read once, then shared by every extraction step.

A ``Document`` holds the cleaned text and what every step needs from it, read once
when it is made: its paragraphs (lines), its quotations (``text.quotemarks``) and its
sentences (``text.sentences``, the splitter the stored ``sentences`` come from).
Extraction steps then add to it, each declaring what it reads and what it adds (the
spaCy ``Doc`` lesson): a ``Step`` run before what it reads is there fails with a
message naming the missing part, instead of quietly reading nothing.

The order lives in ``extract.STEPS``: entities first (they add ``entities`` and the
``mentions`` index), then the steps that read mentions (quotes, labels), then figures.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..text.quotemarks import Quotations, find_quotations
from ..text.sentences import split_sentences
from .mentions import Mentions
from .records import Entity, Extraction, Mention

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

_PARAGRAPH = re.compile(r"[^\n]+")

# What a document has from the start, and what steps may add to it.
READ_ON_CREATION = ("text", "paragraphs", "quotations", "sentences")
ADDED_BY_STEPS = (
    "entities",
    "mentions",
    "references",
    "quotes",
    "labels",
    "figures",
)


class MissingPart(RuntimeError):
    """A step read a part of the document that no earlier step added."""


class Document:
    """One cleaned article and everything read from it so far."""

    def __init__(self, text: str, gazetteer: Gazetteer | None = None):
        self.text = text
        self.gazetteer = gazetteer  # the known names the article is read against
        self.paragraphs: list[tuple[int, int]] = [
            m.span() for m in _PARAGRAPH.finditer(text)
        ]
        self.quotations: Quotations = find_quotations(text)
        self.sentences: list[tuple[int, int]] = split_sentences(text, self.quotations)
        self._sentence_starts = [start for start, _ in self.sentences]
        self._added: dict[str, object] = {}

    # -- parts added by steps ----------------------------------------------------------

    def add(self, part: str, value) -> None:
        """Store what a step adds (one of ``ADDED_BY_STEPS``), once."""
        if part not in ADDED_BY_STEPS:
            raise ValueError(f"a document has no part {part!r}")
        if part in self._added:
            raise ValueError(f"the document already has {part}")
        self._added[part] = value

    def has(self, part: str) -> bool:
        """Whether the document has ``part`` (read on creation or added by a step)."""
        if part == "gazetteer":
            return self.gazetteer is not None
        return part in READ_ON_CREATION or part in self._added

    def _get(self, part: str):
        if part not in self._added:
            raise MissingPart(
                f"the document has no {part} yet: run the step that adds it first"
            )
        return self._added[part]

    @property
    def entities(self) -> list[Entity]:
        """The distinct entities the article names, first mention first."""
        return self._get("entities")

    @property
    def mentions(self) -> Mentions:
        """The mention index (``extract.mentions``)."""
        return self._get("mentions")

    @property
    def references(self):
        """The resolver of pronouns and descriptions (``extract.references``)."""
        return self._get("references")

    @property
    def quotes(self) -> list:
        """Quotations with their speakers (``extract.quotes``)."""
        return self._get("quotes")

    @property
    def labels(self) -> list:
        """Labels attached to people (``extract.labels``)."""
        return self._get("labels")

    @property
    def figures(self) -> list:
        """Figures the article reports (``extract.figures``)."""
        return self._get("figures")

    def mentions_outside_quotations(self) -> Mentions:
        """Mentions of known entities that no quotation encloses.

        A name inside someone's quoted words is never the speaker of a quotation.
        """
        known = self.mentions.entities
        covers = self.quotations.covers
        return self.mentions.where(
            lambda m: m.entity_id in known and not covers(m.start)
        )

    def extraction(self) -> Extraction:
        """Every record the steps added, as one ``Extraction``."""
        return Extraction(
            entities=self.entities,
            mentions=list(self.mentions),
            quotes=self.quotes,
            labels=self.labels,
            figures=self.figures,
        )

    # -- positions ---------------------------------------------------------------------

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        """(start, end) of the paragraph (line) around ``pos``."""
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, len(self.text) if end < 0 else end

    def sentence_at(self, pos: int, lo: int, hi: int) -> tuple[int, int]:
        """The sentence around ``pos``, clipped to ``[lo, hi]`` (a paragraph, say).

        It runs from the latest sentence start at or before ``pos`` to the next
        sentence start (so the spaces after it are included).
        """
        starts = self._sentence_starts
        k = bisect_right(starts, pos) - 1
        start = max(lo, starts[k]) if k >= 0 else lo
        end = starts[k + 1] if k + 1 < len(starts) else hi
        return start, min(end, hi)


@dataclass(frozen=True)
class Step:
    """One extraction step: what it reads from the document and what it adds.

    ``run(doc)`` returns the value of each part in ``adds`` (a tuple when it adds
    more than one).
    """

    name: str
    reads: tuple[str, ...]
    adds: tuple[str, ...]
    run: Callable[[Document], object]

    def apply(self, doc: Document) -> None:
        """Check that what the step reads is there, run it, add what it returns."""
        missing = [part for part in self.reads if not doc.has(part)]
        if missing:
            raise MissingPart(
                f"step {self.name!r} reads {', '.join(missing)}: "
                "run the steps that add them first"
            )
        values = self.run(doc)
        if len(self.adds) == 1:
            values = (values,)
        for part, value in zip(self.adds, values, strict=True):
            doc.add(part, value)


def with_entities(
    text: str, entities: list[Entity], mentions: list[Mention]
) -> Document:
    """A document whose entities and mentions are given rather than found, with the
    resolver over them (``extract.references``).

    For reading quotes or labels against entities found elsewhere (tests build
    them by hand to show one rule at a time).
    """
    from .references import STEP as references

    doc = Document(text)
    doc.add("entities", list(entities))
    doc.add("mentions", Mentions(mentions, entities))
    references.apply(doc)
    return doc
