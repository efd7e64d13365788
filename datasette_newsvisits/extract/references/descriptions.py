"""Definite descriptions: "the Belarusian leader", "the head of state", "the agency",
"Beijing's foreign ministry", "his Chinese counterpart".

Found once per document (``find``): a role noun (``ROLES``: the person roles of
``vocabulary.PERSON_ROLE_SYNONYMS`` and ``DESCRIPTORS``, the organization roles of
``ORGANIZATION_ROLES``) with a determiner ("the", "this", "his", "China's") at most
three words before it, and an optional "of <country>" after it ("the Head of State of
Kazakhstan"). In a headline no determiner is needed ("Kremlin ally heads to Beijing").
A role right before a name is a title, not a description ("the Chinese President Xi
Jinping": ``labels`` reads it); a role followed by a comma and a name is that person
("the country's foreign minister, Sergei Aleinik").

Resolved by salience (``References.salience``): among the entities of the wanted
type (person or organization) named before it, the most salient whose context - the
gazetteer role, the words before its mentions, its appositions - matches the role
(``PERSON_ROLE_SYNONYMS``: "the leader" may be a president) and the nationality
("the Belarusian leader": someone Belarus is said of). When nobody named before it
fits (a headline, a lede naming people later), the matching entity the article names
most. "the SCO secretariat" is the organization named inside it; "his counterpart"
is the most salient other person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...text.patterns import alternation
from ..vocabulary import (
    COUNTRY_NATIONALITY,
    DESCRIPTORS,
    NATIONALITIES,
    NATIONALITY_CONTEXT,
    ORGANIZATION_PARTS,
    ORGANIZATION_ROLES,
    PERSON_ROLE_SYNONYMS,
    QUALIFIERS,
)
from .speech import CONTEXT_BREAK

if TYPE_CHECKING:
    from .resolver import References

OTHER_PARTY = frozenset(["counterpart", "host", "guest"])
PERSON_ROLES = frozenset(
    [*PERSON_ROLE_SYNONYMS, *DESCRIPTORS, *OTHER_PARTY]
) - frozenset(["allies", "friends", "partners"])
ROLES = PERSON_ROLES | frozenset(ORGANIZATION_ROLES)
_SP = r"[ \u00a0]+"
_ROLE = re.compile(
    rf"(?<![\w\-’'])(?:{alternation(ROLES, space=_SP)})(?![\w\-])", re.IGNORECASE
)
_OF_COUNTRY = re.compile(
    rf"{_SP}of{_SP}(?P<of>{alternation(COUNTRY_NATIONALITY, space=_SP)})\b",
    re.IGNORECASE,
)
# Words that cannot stand between a determiner and its role noun.
_NOT_MODIFIERS = frozenset(
    [
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "with",
        "by",
        "for",
        "from",
        "as",
        "that",
        "which",
        "who",
        "said",
        "says",
        "told",
        "is",
        "was",
        "are",
        "were",
        "has",
        "had",
        "have",
        "will",
        "would",
        "a",
        "an",
        "the",
        "this",
        "his",
        "her",
        "their",
        "its",
    ]
)
_MODIFIER = rf"(?!(?i:{'|'.join(sorted(_NOT_MODIFIERS))})\b)[\w’'\-.]+"
_DETERMINER = re.compile(
    r"(?:(?<=[\s(\"“‘—–-])|^)(?P<det>(?i:the|this|that|his|her|their|its)"
    r"|(?P<owner>[A-Z][\w.\-]*)(?:['’]s?))"
    rf"(?P<mods>(?:{_SP}{_MODIFIER}){{0,3}}?){_SP}$"
)
_HEADLINE_LEAD = re.compile(
    rf"(?:^|(?<=:)[ \u00a0]*)(?P<mods>(?:{_MODIFIER}{_SP}){{0,3}}?)$", re.MULTILINE
)
_NAME_AFTER = re.compile(r"[ \u00a0]+[A-Z]")
_COMMA_NAME = re.compile(r",[ \u00a0]+(?=[A-Z])")
_CONTINUES = re.compile(r"[ \u00a0]+(?:of|to|for)\b", re.IGNORECASE)
HEADLINE_WORDS = 16


@dataclass(frozen=True)
class Description:
    """A definite description found in the text (its entity: ``References.described``)."""

    start: int
    end: int
    surface: str
    role: str  # lower case, single spaces: "leader", "head of state", "ministry"
    wanted: str  # person | organization
    nationality: str | None  # normalized: "belarusian"
    nationality_re: str | None  # what the article must say of the entity
    qualifier: str | None  # normalized: "veteran", "self-proclaimed"
    owner_start: int | None  # where "his" / "China's" stands
    named: int | None  # where the person named after a comma starts


def find(refs: References) -> list[Description]:
    """Every definite description outside quotations, in text order."""
    text = refs.text
    headline_end = _headline_end(text)
    found: list[Description] = []
    for role in _ROLE.finditer(text):
        start = role.start()
        if refs.inside_quote(start):
            continue
        d = _read(refs, role, start < headline_end)
        if d is not None:
            found.append(d)
    return found


def _headline_end(text: str) -> int:
    """Where the first line ends, when it reads like a headline (short, no full stop)."""
    first = text.split("\n", 1)[0]
    stripped = first.rstrip()
    if len(first.split()) > HEADLINE_WORDS or stripped.endswith((".", ":")):
        return 0
    return len(first)


def _read(refs: References, role: re.Match, in_headline: bool) -> Description | None:
    text = refs.text
    start, end = role.span()
    name = " ".join(role.group().lower().split())
    lead = _DETERMINER.search(text, max(0, start - 70), start)
    if lead is None and in_headline:
        lead = _HEADLINE_LEAD.search(text, 0, start)
    if lead is None:
        return None
    mods = lead.group("mods").split()
    nationality = nationality_re = qualifier = None
    groups = lead.groupdict()
    owner = groups.get("owner")
    for word in [owner or "", *mods]:
        key = re.sub(r"['’]s?$", "", word.lower())
        if key in NATIONALITY_CONTEXT:
            nationality_re = NATIONALITY_CONTEXT[key]
            nationality = NATIONALITIES.get(key, nationality)
        if key in QUALIFIERS:
            qualifier = QUALIFIERS[key]
    of = _OF_COUNTRY.match(text, end)
    if of:
        key = " ".join(of.group("of").lower().split())
        nationality = COUNTRY_NATIONALITY[key]
        nationality_re = NATIONALITY_CONTEXT.get(nationality)
        end = of.end()
    elif _CONTINUES.match(text, end):
        return None  # "the head of the delegation": a longer description
    named = None
    following = next(iter(refs.mentions.after(end)), None)
    if following is not None and _NAME_AFTER.match(text, end, following.start + 1):
        return None  # a title before a name
    comma = _COMMA_NAME.match(text, end)
    if comma:
        following = next(iter(refs.mentions.after(end)), None)
        if (
            following is not None
            and following.start == comma.end()
            and refs.type_of(following) == "person"
            and text[following.end : following.end + 1] in (",", ".", ";", ")", "")
        ):
            named = following.start
    det_start = lead.start("det") if groups.get("det") else None
    owner_start = lead.start("owner") if owner else det_start
    if (groups.get("det") or "").lower() in ("the", "this", "that"):
        owner_start = None
    wanted = "person" if name in PERSON_ROLES else "organization"
    if wanted == "organization" and not (groups.get("det") or owner):
        return None  # a headline's bare "agency" or "ministry" is nobody in particular
    begin = lead.start() if (groups.get("det") or owner) else lead.start("mods")
    return Description(
        begin,
        end,
        text[begin:end],
        name,
        wanted,
        nationality,
        nationality_re,
        qualifier,
        owner_start,
        named,
    )


def ending_at(refs: References, end: int, start: int) -> Description | None:
    """The description ending at ``end`` that starts at or after ``start``."""
    d = refs.descriptions_by_end.get(end)
    return d if d is not None and d.start >= start else None


def resolve(refs: References, d: Description, depth: int = 0) -> str | None:
    """The entity a description means (see the module docstring)."""
    if d.named is not None:
        return next(iter(refs.mentions.after(d.named))).entity_id
    if d.wanted == "organization" and (
        d.role in ORGANIZATION_PARTS or d.role in ORGANIZATION_ROLES
    ):
        for m in refs.mentions.between(d.start, d.end):
            if refs.type_of(m) == "organization":
                return m.entity_id
    contexts = refs.contexts
    if d.role in OTHER_PARTY:
        other = _possessor(refs, d, depth)
        return _best(
            refs,
            d,
            lambda e: e != other and contexts.matches(e, d.nationality_re, None),
        )
    if d.wanted == "person":
        role_re = PERSON_ROLE_SYNONYMS.get(d.role) or re.escape(
            DESCRIPTORS.get(d.role, d.role)
        )
    else:
        role_re = re.escape(d.role)
    owner = _owner_entity(refs, d)
    return _best(
        refs,
        d,
        lambda e: e != owner and contexts.matches(e, d.nationality_re, role_re),
    )


def _best(refs: References, d: Description, keep) -> str | None:
    """The most salient entity before the description that ``keep`` accepts, else
    the one the whole article names most."""
    ranked = refs.salience(d.start, d.wanted, keep)
    if ranked:
        return ranked[0][1]
    counts: dict[str, int] = {}
    for m in refs.mentions:
        if refs.type_of(m) == d.wanted and keep(m.entity_id):
            counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _possessor(refs: References, d: Description, depth: int) -> str | None:
    """Whom "his" in "his counterpart" means, or the named owner ("Xi's host")."""
    if d.owner_start is None:
        return None
    owner = _owner_entity(refs, d)
    if owner is not None:
        return owner
    word = refs.text[d.owner_start : d.owner_start + 3].lower()
    if word in ("his", "her"):
        from .pronouns import pronoun

        return pronoun(refs, "he", d.owner_start, None, depth + 1).entity_id
    return None


def _owner_entity(refs: References, d: Description) -> str | None:
    """The entity named by a possessive owner ("Lukashenko's spokesman")."""
    if d.owner_start is None:
        return None
    for m in refs.mentions.between(d.owner_start, d.start + 1):
        if m.start == d.owner_start and refs.type_of(m) in ("person", "organization"):
            return m.entity_id
    return None


class Contexts:
    """What the article and the gazetteer say each entity is: its role, the words
    before its mentions ("Belarusian ruler"), its appositions (", the Kazakh
    president,"); built once per entity, lower case."""

    def __init__(self, refs: References):
        self.refs = refs
        self._text: dict[str, str] = {}
        self._cache: dict[tuple[str, str | None, str | None], bool] = {}

    def of(self, entity_id: str) -> str:
        """The context of one entity."""
        if entity_id not in self._text:
            self._build()
        return self._text.get(entity_id, "")

    def matches(self, entity_id: str, nationality_re, role_re) -> bool:
        """Whether the entity's context matches the nationality and the role."""
        key = (entity_id, nationality_re, role_re)
        if key not in self._cache:
            context = self.of(entity_id)
            self._cache[key] = bool(
                (not nationality_re or re.search(nationality_re, context))
                and (not role_re or re.search(role_re, context))
            )
        return self._cache[key]

    def _build(self) -> None:
        refs = self.refs
        text = refs.text
        parts: dict[str, list[str]] = {}
        previous_end = 0
        for m in refs.doc.mentions:  # every mention, quotations included
            entity = refs.entities.get(m.entity_id)
            if entity is None:
                previous_end = m.end
                continue
            if m.entity_id not in parts:
                parts[m.entity_id] = [entity.role or "", entity.name]
            lead = text[max(previous_end, m.start - 60) : m.start]
            parts[m.entity_id].append(CONTEXT_BREAK.split(lead)[-1])
            if text[m.end : m.end + 1] == ",":
                parts[m.entity_id].append(text[m.end + 1 : m.end + 90].split(",")[0])
            previous_end = m.end
        for entity_id, entity in refs.entities.items():
            self._text[entity_id] = " ".join(
                parts.get(entity_id, [entity.role or "", entity.name])
            ).lower()
