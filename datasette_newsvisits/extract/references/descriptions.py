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
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from ...text.patterns import alternation
from ..nations import SEAT_NATIONALITY
from ..vocabulary import (
    COUNTRY_NATIONALITY,
    DESCRIPTORS,
    NATIONALITIES,
    NATIONALITY_CONTEXT,
    NOT_DESCRIPTION_MODIFIERS,
    ORGANIZATION_PARTS,
    ORGANIZATION_ROLE_SYNONYMS,
    ORGANIZATION_ROLES,
    PERSON_ROLE_SYNONYMS,
    QUALIFIERS,
    RELATIONAL,
    is_agent_noun,
)
from .roles import title_words
from .speech import VERB

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
_MODIFIER = rf"(?!(?i:{'|'.join(sorted(NOT_DESCRIPTION_MODIFIERS))})\b|\d+(?:st|nd|rd|th)\b)[\w’'\-.]+"
_DETERMINER = re.compile(
    r"(?:(?<=[\s(\"“‘—–-])|^)(?P<det>(?i:the|this|that|his|her|their|its)"
    r"|(?P<owner>[A-Z][\w.\-]*)(?:['’]s?))"
    rf"(?P<mods>(?:{_SP}{_MODIFIER}){{0,3}}?){_SP}$"
)
_HEADLINE_LEAD = re.compile(
    rf"(?:^|(?<=:)[ \u00a0]*)(?P<mods>(?:{_MODIFIER}{_SP}){{0,3}}?)$", re.MULTILINE
)
# "the (political) technologist" ending a speaker phrase.
_OCCUPATION = re.compile(
    r"(?:^|(?<=\s))(?i:the|this|that)(?:[ \u00a0]+[a-z\-]+){0,2}?[ \u00a0]+"
    r"(?P<noun>[a-z]+)$"
)
_NAME_AFTER = re.compile(r"[ \u00a0]+[A-Z]")
_COMMA_NAME = re.compile(r",[ \u00a0]+(?=[A-Z])")
_CONTINUES = re.compile(r"[ \u00a0]+of\b", re.IGNORECASE)
_RELATION = re.compile(r"[ \u00a0]+(?:of|to|for)\b", re.IGNORECASE)
HEADLINE_WORDS = 16
_POSSESSIVE_MOD = re.compile(r"(?<![\w’'])[A-Z][\w.\-]*['’]s?(?=[ \u00a0])")
_PRESIDENTIAL = re.compile(r"\bpresident(?:ial|['’]s)", re.IGNORECASE)
AGE = "year-old"  # the role of "the 69-year-old"
# "the 69-year-old" standing for a person: no noun after it, a verb or a clause's edge.
_AGE = re.compile(
    r"\b(?:[Tt]he|[Tt]his)[ \u00a0]+\d{2,3}-year-old(?=[,;.)]|[ \u00a0]+(?:who|has"
    r"|had|is|was|also|then|later|" + VERB.pattern + r"))"
)
# Relations that characterize a person rather than name a post ("Putin's closest
# ally" is the person the article is about; "Xi's adviser" is somebody else).
CHARACTERIZING = frozenset(["ally", "partner", "friend", "protege"])


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
    headline: bool = False  # a headline's bare "Kremlin ally"


def find(refs: References) -> list[Description]:
    """Every definite description, in text order (inside quotations too: "We met
    the Chairman of China" describes him; a speaker is never read there)."""
    text = refs.text
    headline_end = _headline_end(text)
    found: list[Description] = []
    for role in _ROLE.finditer(text):
        d = _read(refs, role, role.start() < headline_end)
        if d is not None:
            found.append(d)
    for age in _AGE.finditer(text):  # "the 69-year-old told reporters"
        surface = age.group().rstrip()
        found.append(_of_person(age.start(), age.start() + len(surface), surface, AGE))
    return sorted(found, key=lambda d: d.start)


def _of_person(start: int, end: int, surface: str, role: str) -> Description:
    """A description of a person with no nationality, qualifier or owner."""
    return Description(
        start, end, surface, role, "person", None, None, None, None, None
    )


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
    words = [owner or "", *mods]
    pairs = [f"{a} {b}" for a, b in pairwise(words)]
    for word in [*words, *pairs]:
        key = re.sub(r"['’]s?$", "", word.lower())
        if key in NATIONALITY_CONTEXT:
            nationality_re = NATIONALITY_CONTEXT[key]
            nationality = NATIONALITIES.get(key) or SEAT_NATIONALITY.get(key)
        if key in QUALIFIERS:
            qualifier = QUALIFIERS[key]
    of = _OF_COUNTRY.match(text, end)
    if of:
        key = " ".join(of.group("of").lower().split())
        nationality = COUNTRY_NATIONALITY[key]
        nationality_re = NATIONALITY_CONTEXT.get(nationality)
        end = of.end()
    elif _CONTINUES.match(text, end) or (
        DESCRIPTORS.get(name, name) in RELATIONAL and _RELATION.match(text, end)
    ):
        return None  # "the head of the delegation", "the adviser to X": longer
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
        for mod in _POSSESSIVE_MOD.finditer(text, lead.start("mods"), lead.end("mods")):
            owner_start = mod.start()  # "the Kremlin's closest partner"
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
        not (groups.get("det") or owner),
    )


def ending_at(refs: References, end: int, start: int) -> Description | None:
    """The description ending at ``end`` that starts at or after ``start``; a phrase
    "the <what someone does>" ("the political technologist said") is one too."""
    d = refs.descriptions_by_end.get(end)
    if d is not None and d.start >= start:
        return d
    occupation = _OCCUPATION.search(refs.text, start, end)
    if occupation is None or not is_agent_noun(occupation.group("noun").lower()):
        return None
    noun = occupation.group("noun").lower()
    return _of_person(occupation.start(), end, occupation.group(), noun)


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
        owner = owner_of(refs, d)
        if owner is not None and d.role in ORGANIZATION_PARTS:
            return owner  # "Mr Xi's office", "Lukashenko's press service"
        if d.role in ORGANIZATION_PARTS:
            return _office_holder(refs, d, depth)
    contexts = refs.contexts
    if d.role in OTHER_PARTY:
        other = _possessor(refs, d, depth)
        return _best(
            refs,
            d,
            lambda e: e != other and contexts.matches(e, d.nationality_re, None),
        )
    role_re, nationality_re = _role_pattern(d)
    owner = owner_of(refs, d)
    # "Kremlin ally": the nationality is the other party's, not the ally's own
    own = DESCRIPTORS.get(d.role, d.role) not in RELATIONAL
    keep = lambda e: e != owner and contexts.matches(e, nationality_re, role_re, own)
    if is_epithet(d):
        return _protagonist(refs, d, keep, depth)
    return _best(refs, d, keep)


def is_epithet(d: Description) -> bool:
    """Whether a description characterizes rather than names a post: "the
    69-year-old", "the Kremlin's closest partner"."""
    return d.role == AGE or (
        DESCRIPTORS.get(d.role, d.role) in CHARACTERIZING and d.owner_start is not None
    )


def _protagonist(refs: References, d: Description, keep, depth: int) -> str | None:
    """An epithet means whom the same words meant before ("the 69-year-old" again),
    else, among the people salient there, the one the article has named most: an
    outlet characterizes the person its story is about."""
    surface = d.surface.lower()
    for earlier in refs.descriptions:
        if earlier.start >= d.start:
            break
        if earlier.surface.lower() == surface:
            entity_id = refs.described(earlier, depth + 1)
            if entity_id is not None:
                return entity_id
    ranked = refs.salience(d.start, d.wanted, keep)
    if not ranked:
        return _best(refs, d, keep)
    named = refs.references_before(d.start)
    return max(ranked, key=lambda pair: (named[pair[1]], pair[0]))[1]


def _office_holder(refs: References, d: Description, depth: int) -> str | None:
    """Whose office or press service a description without an owner is: the
    president's ("the Belarusian presidential press service": the salient Belarusian
    president), else what the same part meant before ("the press service" again)."""
    if _PRESIDENTIAL.search(d.surface):
        president = _of_person(d.start, d.end, d.surface, "president")
        president = replace(
            president, nationality=d.nationality, nationality_re=d.nationality_re
        )
        return resolve(refs, president, depth + 1)
    for earlier in reversed(refs.descriptions):
        if earlier.start < d.start and earlier.role == d.role:
            return refs.described(earlier, depth + 1)
    return None


def _role_pattern(d: Description) -> tuple[str | None, str | None]:
    """What an entity's context must say for the description's role, and its
    nationality: a role's synonyms ("the leader" may be a president); for a
    longer descriptor its head word's, its first words read as a nationality
    ("the Kremlin leader": a Russian leader)."""
    nationality_re = d.nationality_re
    if d.role == AGE:
        return None, None  # anyone of an age the article gives
    if DESCRIPTORS.get(d.role, d.role) in CHARACTERIZING and d.owner_start is not None:
        return None, None  # "the Kremlin's closest partner": whoever is that to it
    if d.wanted != "person":
        synonyms = ORGANIZATION_ROLE_SYNONYMS.get(d.role) or re.escape(d.role)
        return rf"\b(?:{synonyms})", nationality_re
    role = DESCRIPTORS.get(d.role, d.role)
    if role.startswith("opposition "):
        return r"\bopposition_", nationality_re
    if role not in PERSON_ROLE_SYNONYMS and " " in role:
        *mods, head = role.split()
        for word in mods:
            nationality_re = nationality_re or NATIONALITY_CONTEXT.get(word)
        if head in PERSON_ROLE_SYNONYMS:
            role = head
    synonyms = PERSON_ROLE_SYNONYMS.get(role) or re.escape(role)
    return rf"\b(?:{synonyms})", nationality_re


def _best(refs: References, d: Description, keep) -> str | None:
    """The most salient entity before the description that ``keep`` accepts, else
    (in a headline or the lede, which name their people later) the one the whole
    article names most."""
    ranked = refs.salience(d.start, d.wanted, keep)
    if ranked:
        return ranked[0][1]
    if not (
        d.headline
        or d.start < refs.doc.paragraphs[min(1, len(refs.doc.paragraphs) - 1)][1]
    ):
        return None  # only a headline or the lede names its people later
    counts: dict[str, int] = {}
    for m in refs.mentions:
        if refs.type_of(m) == d.wanted and keep(m.entity_id):
            counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _possessor(refs: References, d: Description, depth: int) -> str | None:
    """Whom "his" in "his counterpart" means, or the named owner ("Xi's host")."""
    if d.owner_start is None:
        return None
    owner = owner_of(refs, d)
    if owner is not None:
        return owner
    word = refs.text[d.owner_start : d.owner_start + 3].lower()
    if word in ("his", "her"):
        from .pronouns import pronoun

        return pronoun(refs, "he", d.owner_start, None, depth + 1).entity_id
    return None


def owner_of(refs: References, d: Description) -> str | None:
    """The entity named by a possessive owner ("Lukashenko's spokesman")."""
    if d.owner_start is None:
        return None
    for m in refs.mentions.between(max(0, d.owner_start - 60), d.owner_start + 1):
        if m.start <= d.owner_start < m.end and refs.type_of(m) in (
            "person",
            "organization",
        ):
            return m.entity_id  # "Alexander Lukashenko's" owns from "Lukashenko"
    return None


class Contexts:
    """What the article and the gazetteer say each entity is, built once, lower case.

    Two strings per entity: what it is (``heads``: its gazetteer role up to "of"
    or "to", the title words right before its mentions - "Belarusian ruler" - and
    the head of an apposition after them - ", the Kazakh president,"), matched
    against a role; and all of that with the rest of the role and the apposition
    ("press secretary of the President of Belarus"), matched against a nationality.
    Words before a mention stop at anything that is not a title, a nationality, a
    qualifier or a capitalized word ("talks in Beijing with X" says nothing about X),
    and at a possessive ("the president's spokeswoman" is not a president).
    """

    def __init__(self, refs: References):
        self.refs = refs
        self._heads: dict[str, str] | None = None
        self._full: dict[str, str] = {}
        self._cache: dict[tuple, bool] = {}
        self._own_roles: dict[str, str | None] = {}  # the role, when it names a country

    def of(self, entity_id: str) -> tuple[str, str]:
        """(heads, full context) of one entity."""
        if self._heads is None:
            self._build()
        return self._heads.get(entity_id, ""), self._full.get(entity_id, "")

    def matches(self, entity_id: str, nationality_re, role_re, own=True) -> bool:
        """Whether the entity is what the role says, of that nationality (with
        ``own``, its own nationality, as far as the gazetteer knows it)."""
        key = (entity_id, nationality_re, role_re, own)
        if key not in self._cache:
            heads, full = self.of(entity_id)
            if self.refs.entities[entity_id].type != "person":
                heads = full
            self._cache[key] = bool(
                (not nationality_re or re.search(nationality_re, full))
                and (not role_re or re.search(role_re, heads))
                and (not own or self._of_nation(entity_id, nationality_re))
            )
        return self._cache[key]

    def _of_nation(self, entity_id: str, nationality_re: str | None) -> bool:
        """Whether the gazetteer's role allows the nationality: a role that names a
        country before any "to" ("President of Kazakhstan", "Chinese ambassador to
        Belarus") decides it, whatever the article's words around the name ("the
        Presidents of Kazakhstan and China, Tokayev and Xi")."""
        if not nationality_re:
            return True
        if entity_id not in self._own_roles:
            role = (self.refs.entities[entity_id].role or "").lower()
            own = _OWN_ROLE.split(role)[0]
            names = own and _COUNTRY_CONTEXT.search(own)
            self._own_roles[entity_id] = own if names else None
        own = self._own_roles[entity_id]
        return own is None or bool(re.search(nationality_re, own))

    def _build(self) -> None:
        refs = self.refs
        text = refs.text
        heads: dict[str, list[str]] = {}
        full: dict[str, list[str]] = {}
        previous_end = 0
        for m in refs.doc.mentions:  # every mention, quotations included
            entity = refs.entities.get(m.entity_id)
            if entity is not None:
                if m.entity_id not in heads:
                    role = (entity.role or "").lower()
                    heads[m.entity_id] = [
                        *(
                            _HEAD_END.split(part.strip())[0]
                            for part in _ROLES.split(role)
                        ),
                        entity.name.lower(),
                    ]
                    full[m.entity_id] = [role, entity.name.lower()]
                lead = title_words(text[max(previous_end, m.start - 60) : m.start])
                heads[m.entity_id].append(lead)
                full[m.entity_id].append(lead)
                apposition = _APPOSITION.match(text, m.end)
                if apposition and not VERB.search(apposition.group("words")):
                    words = apposition.group("words").lower()
                    heads[m.entity_id].append(_HEAD_END.split(words)[0])
                    full[m.entity_id].append(words)
            if refs.type_of(m) == "person":
                previous_end = m.end  # an organization before a name is its title's
        self._heads = {
            e: _OPPOSITION.sub("opposition_", " ".join(parts))
            for e, parts in heads.items()
        }
        self._full = {e: " ".join(parts) for e, parts in full.items()}


_OPPOSITION = re.compile(r"\bopposition\s+")
_OWN_ROLE = re.compile(r"\s(?:to|for)\s")  # "ambassador to Belarus": not Belarusian
_COUNTRY_CONTEXT = re.compile(
    "|".join(sorted(set(NATIONALITY_CONTEXT.values()) - {"opposition"}))
)
_ROLES = re.compile(
    r"[;,]"
)  # "Director of …; Foreign Minister of China (…)": two roles
_HEAD_END = re.compile(r"\s(?:of|to|for|who|which|at|in)\s|['’]s?\s|,")
_APPOSITION = re.compile(
    r",[ \u00a0]+(?P<words>(?:a|an|the|his|her|its|their|one|now|then|formerly)\b"
    r"[^,;:.!?\n“”\"]{1,80})(?=[,;.)]|$)"
)
