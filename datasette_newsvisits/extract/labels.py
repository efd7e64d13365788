"""Labels: the descriptors an outlet attaches to a person, normalized.

Descriptor nouns, qualifiers and nationalities are data (``vocabulary``); four
patterns attach them to a person mentioned in the text:

- before the name: "Belarusian ruler Alexander Lukashenko" -> ruler (belarusian),
  "President of Belarus Alexander Lukashenko" -> president (belarusian), "head of
  state and party leader Xi Jinping" -> head of state, party leader;
- apposition: "Lukashenko, an ally of Russian President Putin" -> ally of putin,
  "Podolyak, a senior adviser to Zelenskyy" -> adviser to zelenskyy (senior);
- copula: "Lukashenko is a close ally of Putin" -> ally of putin (close),
  "Lukashenko is one of Putin's closest allies" -> ally of putin (close);
- a stand-in: "the Belarusian leader", "the leader of Belarus" -> leader, given to
  the person of that nationality the article names (by their other labels, their
  gazetteer role, then how often they are mentioned).

Relational descriptors take their object's short name (the single-word form the
article uses, else the last word): "ally of putin". "counterpart" is not a label.
"""

from __future__ import annotations

import re
from collections import Counter

from .records import Entity, Label, Mention
from .vocabulary import (
    COUNTRY_NATIONALITY,
    DESCRIPTORS,
    HEAD_DESCRIPTORS,
    NATIONALITIES,
    NATIONALITY_COUNTRY,
    QUALIFIERS,
    RELATIONAL,
)


def _alternation(words) -> str:
    return "|".join(
        sorted(
            (re.escape(w).replace(r"\ ", r"[ \u00a0]+") for w in words),
            key=len,
            reverse=True,
        )
    )


_SP = r"[ \u00a0]+"
_DESC = rf"(?P<desc>{_alternation(DESCRIPTORS)})"
_NAT = rf"(?P<nat>{_alternation(NATIONALITIES)})"
_QUAL = rf"(?P<qual>{_alternation(QUALIFIERS)})"
_OF_COUNTRY = rf"(?:{_SP}of{_SP}(?P<of>{_alternation(COUNTRY_NATIONALITY)}))"
_BEFORE_NAME = re.compile(
    rf"(?:\b{_NAT}{_SP})?(?:\b{_QUAL}{_SP})?\b{_DESC}{_OF_COUNTRY}?{_SP}$",
    re.IGNORECASE,
)
_CHAINED = re.compile(
    rf"(?:\b{_NAT}{_SP})?(?:\b{_QUAL}{_SP})?\b{_DESC}{_OF_COUNTRY}?$", re.IGNORECASE
)
_CHAIN = re.compile(rf"(?:,|{_SP}and|{_SP}&){_SP}$", re.IGNORECASE)
_DESCRIPTION = re.compile(
    rf"(?:{_QUAL}{_SP})?(?:{_NAT}{_SP})?{_DESC}\b(?P<rel>{_SP}(?:of|to){_SP})?",
    re.IGNORECASE,
)
_APPOSITION = re.compile(
    rf"(?:['’]s)?[ \u00a0]*(?:,|—|–|--){_SP}(?:a|an|the|his|her){_SP}",
    re.IGNORECASE,
)
_COPULA = re.compile(
    rf"(?:['’]s)?(?:,{_SP}who)?{_SP}(?:is|was|remains|has{_SP}been|had{_SP}been|became)"
    rf"{_SP}(?:also{_SP}|still{_SP})?(?:(?:a|an|the|one{_SP}of(?:{_SP}the)?){_SP})?",
    re.IGNORECASE,
)
_STAND_IN = re.compile(
    rf"\b[Tt]he{_SP}(?i:{_NAT}){_SP}(?P<desc>(?i:{_alternation(HEAD_DESCRIPTORS)}))\b"
    rf"(?![ \u00a0]+[A-Z]|[ \u00a0]+of\b)"
    rf"|\b[Tt]he{_SP}(?P<desc2>(?i:{_alternation(HEAD_DESCRIPTORS)})){_SP}of{_SP}"
    rf"(?P<of>(?i:{_alternation(COUNTRY_NATIONALITY)}))\b",
)
_WORDS_ONLY = re.compile(r"[\w \u00a0'’\-.]*")
WINDOW = 120
OBJECT_GAP = 45


def extract_labels(
    text: str, mentions: list[Mention], entities: list[Entity]
) -> list[Label]:
    """Every label the text attaches to a person it names, in text order."""
    by_id = {e.id: e for e in entities}
    people = [
        m for m in mentions if getattr(by_id.get(m.entity_id), "type", "") == "person"
    ]
    ordered = sorted(mentions, key=lambda m: m.start)
    short = _short_names(mentions, by_id)
    labels: list[Label] = []
    for mention in people:
        labels.extend(_before(text, mention))
        labels.extend(_after(text, mention, ordered, short))
    labels.extend(_stand_ins(text, people, by_id, labels))
    unique = {(x.entity_id, x.label, x.start): x for x in labels}
    return sorted(unique.values(), key=lambda x: x.start)


def _before(text: str, mention: Mention):
    """Descriptors right before a name, chained with "and" or commas."""
    window_start = max(0, mention.start - WINDOW)
    match = _BEFORE_NAME.search(text, window_start, mention.start)
    while match:
        yield _label(mention.entity_id, match, match.start())
        chain = _CHAIN.search(text, window_start, match.start())
        match = chain and _CHAINED.search(text, window_start, chain.start())


def _after(text: str, mention: Mention, ordered: list[Mention], short: dict):
    """Apposition and copula descriptions after a name."""
    for pattern in (_APPOSITION, _COPULA):
        lead = pattern.match(text, mention.end)
        if not lead:
            continue
        position = lead.end()
        owner = None
        if re.search(r"one[ \u00a0]+of", lead.group(), re.IGNORECASE):
            owner = _next_mention(text, ordered, position, possessive=True)
            if owner:
                position = owner.end + 2 + (text[owner.end + 2] == " ")
        match = _DESCRIPTION.match(text, position)
        if not match:
            continue
        label = _label(mention.entity_id, match, mention.start)
        desc, end = label.label, match.end()
        if desc in RELATIONAL:
            target = owner
            preposition = "of"
            if target is None and match.group("rel"):
                target = _next_mention(text, ordered, match.end())
                preposition = match.group("rel").strip().lower()
            if target is not None and target.entity_id != mention.entity_id:
                name = short.get(target.entity_id, target.surface.lower())
                desc = f"{desc} {preposition} {name}"
                end = max(end, target.end)
        yield Label(
            mention.entity_id,
            desc,
            text[mention.start : end].strip(),
            mention.start,
            label.qualifier,
            label.nationality,
        )
        return


def _next_mention(text, ordered, position, possessive=False):
    """The first mention within ``OBJECT_GAP`` characters, with only words between."""
    for mention in ordered:
        if mention.start < position:
            continue
        if mention.start - position > OBJECT_GAP:
            return None
        if not _WORDS_ONLY.fullmatch(text, position, mention.start):
            return None
        if possessive and text[mention.end : mention.end + 2] not in ("'s", "’s"):
            continue
        return mention
    return None


def _stand_ins(text, people, by_id, labels):
    """ "the Belarusian leader": the labelled person of that nationality."""
    if not people:
        return []
    counts = Counter(m.entity_id for m in people)
    found = []
    for match in _STAND_IN.finditer(text):
        if match.group("nat"):
            nationality = NATIONALITIES[match.group("nat").lower()]
            desc = match.group("desc")
        else:
            nationality = COUNTRY_NATIONALITY[match.group("of").lower()]
            desc = match.group("desc2")
        person = _person_of(nationality, counts, by_id, labels)
        if person:
            found.append(
                Label(
                    person,
                    DESCRIPTORS[" ".join(desc.lower().split())],
                    match.group(),
                    match.start(),
                    None,
                    nationality,
                )
            )
    return found


def _person_of(nationality, counts, by_id, labels) -> str | None:
    country = NATIONALITY_COUNTRY.get(nationality, "").lower()

    def score(entity_id):
        entity = by_id[entity_id]
        labelled = any(
            x.entity_id == entity_id and x.nationality == nationality for x in labels
        )
        role = (entity.role or "").lower()
        heads = bool(country) and any(
            f"{title} of {country}" in role for title in ("president", "leader")
        )
        return (labelled, heads, counts[entity_id])

    best = max(counts, key=score)
    labelled, heads, _ = score(best)
    return best if labelled or heads else None


def _short_names(mentions: list[Mention], by_id: dict) -> dict[str, str]:
    """The single-word form each person goes by in the article ("putin", "xi")."""
    singles: dict[str, Counter] = {}
    for mention in mentions:
        words = mention.surface.split()
        if len(words) == 1:
            singles.setdefault(mention.entity_id, Counter())[
                re.sub(r"['’]s$", "", words[0]).lower()
            ] += 1
    short = {}
    for entity_id, entity in by_id.items():
        if entity_id in singles:
            short[entity_id] = singles[entity_id].most_common(1)[0][0]
        elif entity.type == "person":
            short[entity_id] = entity.name.split()[-1].lower()
        else:
            short[entity_id] = entity.name.lower()
    return short


def _label(
    entity_id: str, match: re.Match, start: int, surface: str | None = None
) -> Label:
    groups = match.groupdict()
    nationality = None
    if groups.get("nat"):
        nationality = NATIONALITIES[groups["nat"].lower()]
    elif groups.get("of"):
        nationality = COUNTRY_NATIONALITY[" ".join(groups["of"].lower().split())]
    qualifier = QUALIFIERS[groups["qual"].lower()] if groups.get("qual") else None
    return Label(
        entity_id,
        DESCRIPTORS[" ".join(groups["desc"].lower().split())],
        surface if surface is not None else match.group().strip(),
        start,
        qualifier,
        nationality,
    )
