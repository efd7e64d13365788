"""Plain records that extraction produces: text in, these out.

Offsets are character offsets into the cleaned article text (``articles.text``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entity:
    """A canonical person, organization, place or other named thing."""

    id: str
    name: str
    type: str  # person | organization | place | other
    wikidata: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in an article's text."""

    entity_id: str
    surface: str
    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    """Quoted words, with the speaker when the text attributes them."""

    text: str
    start: int
    end: int
    speaker_id: str | None = None
    speaker: str | None = None  # the attribution as written
    kind: str = "speech"  # speech | phrase
    attribution: str | None = None  # which pattern attributed it


@dataclass(frozen=True)
class Label:
    """A descriptor an outlet attaches to a person ("strongman", "ruler")."""

    entity_id: str
    label: str  # normalized, lower case
    surface: str
    start: int
    qualifier: str | None = None  # "close", "key"
    nationality: str | None = None  # "belarusian"


@dataclass(frozen=True)
class Figure:
    """A number the article reports, normalized."""

    kind: str  # money | percent | count | date
    value: float | None
    unit: str | None
    surface: str
    start: int


@dataclass
class Extraction:
    """Everything extracted from one article."""

    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
