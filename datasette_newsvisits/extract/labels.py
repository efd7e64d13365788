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
from dataclasses import replace

from ..text.patterns import alternation
from .doc import Document, Step
from .epithets import extract_epithets
from .mentions import Mentions
from .records import Label, Mention
from .references.descriptions import is_epithet, owner_of
from .titles import office_labels, plural_labels
from .vocabulary import (
    COUNTRY_NATIONALITY,
    DESCRIPTORS,
    NATIONALITIES,
    QUALIFIERS,
    RELATIONAL,
    is_agent_noun,
    with_qualifier,
)

_SP = r"[ \u00a0]+"


def _any_of(phrases) -> str:
    """Any of ``phrases``, any run of spaces between their words."""
    return alternation(phrases, space=_SP)


_POSS = r"(?:['’]s?)"
_DESC = rf"(?P<desc>{_any_of(DESCRIPTORS)})"
_NAT = rf"(?P<nat>(?:{_any_of(NATIONALITIES)}){_POSS}?)"
_QUAL = rf"(?P<qual>{_any_of(QUALIFIERS)})"
_COUNTRY = _any_of(COUNTRY_NATIONALITY)
_OF_COUNTRY = rf"(?:{_SP}(?:of|to){_SP}(?P<of>{_COUNTRY}))"
_PHRASE = rf"(?:\b{_NAT}{_SP})?(?:\b{_QUAL}{_SP})?\b{_DESC}{_OF_COUNTRY}?"
# Phrases that must end exactly where a name starts (tried with fullmatch).
_BEFORE_NAME = re.compile(rf"{_PHRASE}{_SP}", re.IGNORECASE)
_BEFORE_NAME_COMMA = re.compile(
    rf"the{_SP}{_PHRASE}(?:{_SP}in{_SP}exile)?,{_SP}", re.IGNORECASE
)
_CHAINED = re.compile(_PHRASE, re.IGNORECASE)
_WORD_START = re.compile(r"(?<![\w'’\-])\w")
_CHAIN = re.compile(rf"(?:,|{_SP}and|{_SP}&){_SP}$", re.IGNORECASE)
_QUALIFIER_BEFORE = re.compile(rf"\b{_QUAL}{_SP}$", re.IGNORECASE)
_OWNER_BEFORE = re.compile(rf"['’]s{_SP}$")
_DESCRIPTION = re.compile(
    rf"(?:{_QUAL}{_SP})?(?:{_NAT}{_SP})?{_DESC}\b(?P<rel>{_SP}(?:of|to){_SP})?",
    re.IGNORECASE,
)
_APPOSITION = re.compile(
    rf"{_POSS}?[ \u00a0]*(?:,|—|–|--){_SP}"
    rf"(?:(?:often|widely|sometimes|usually){_SP})?"
    rf"(?:(?P<as>described|seen|regarded|known|dubbed|called){_SP}as{_SP})?"
    rf"(?P<det>(?:a|an|the|his|her|one{_SP}of(?:{_SP}the)?){_SP})?",
    re.IGNORECASE,
)
_COPULA = re.compile(
    rf"{_POSS}?(?:,{_SP}who|,{_SP}who{_SP}[^,;.:!?\n“”\"]{{1,120}},)?{_SP}"
    rf"(?:is|was|remains|has{_SP}been|had{_SP}been|became)"
    rf"{_SP}(?:(?:also|still|considered|seen{_SP}as|widely{_SP}seen{_SP}as){_SP})?"
    rf"(?P<det>(?:a|an|the|one{_SP}of(?:{_SP}the)?){_SP})?",
    re.IGNORECASE,
)
_CHAIN_NEXT = re.compile(
    rf"(?:{_SP}of{_SP}[A-Z][\w’'\-]*(?:{_SP}[A-Z][\w’'\-]*){{0,3}})?"
    rf"(?:,{_SP}and|,|{_SP}and){_SP}(?:(?:a|an|the|its|his|her){_SP})?",
    re.IGNORECASE,
)
_TITLE_GOES_ON = re.compile(r"[ \u00a0]+[A-Z]")
_WORDS_ONLY = re.compile(r"[\w \u00a0'’\-.]*")
WINDOW = 120
# Last words of whatever can end right before a name: descriptors, countries, "exile".
_LAST_WORDS = frozenset(
    phrase.split()[-1] for phrase in [*DESCRIPTORS, *COUNTRY_NATIONALITY, "exile"]
)
OBJECT_GAP = 45
PRONOUN_REACH = 400
PREPOSITIONS = {"adviser": "to", "aide": "to"}  # the rest take "of"


def extract_labels(doc: Document) -> list[Label]:
    """Every label the document attaches to a person it names, in text order."""
    text, mentions = doc.text, doc.mentions
    by_id = {e.id: e for e in doc.entities}
    people = [
        m for m in mentions if getattr(by_id.get(m.entity_id), "type", "") == "person"
    ]
    short = _short_names(mentions, by_id)
    labels: list[Label] = []
    person_ids = {m.entity_id for m in people}
    for mention in people:
        before = list(_before(text, mention, mentions, short))
        labels.extend(before)
        labels.extend(_after(text, mention, mentions, short, person_ids))
        labels.extend(office_labels(text, mention, mentions, before=not before))
    labels.extend(plural_labels(text, people))
    labels.extend(_described(doc, short, person_ids))
    labels.extend(extract_epithets(doc))
    unique = {(x.entity_id, x.label, x.start): x for x in labels}
    return sorted(unique.values(), key=lambda x: x.start)


STEP = Step(
    "labels",
    reads=("text", "entities", "mentions", "references"),
    adds=("labels",),
    run=extract_labels,
)


def _before(text: str, mention: Mention, mentions: Mentions, short: dict):
    """Descriptors right before a name, chained with "and" or commas."""
    window_start = max(0, mention.start - WINDOW)
    last = text[max(0, mention.start - 30) : mention.start].split()
    if not last or _bare(last[-1].rstrip(",")) not in _LAST_WORDS:
        # cheap test first: no descriptor or country ends right here; what the
        # person does, perhaps ("firefighter Bill Viera")
        if last and last[-1].islower() and is_agent_noun(last[-1]):
            yield _agent_label(text, mention, last)
        return
    match = _ending(_BEFORE_NAME, text, window_start, mention.start)
    if not match and last[-1].endswith(","):
        match = _ending(_BEFORE_NAME_COMMA, text, window_start, mention.start)
    while match:
        label = _label(mention.entity_id, match, match.start())
        if label.qualifier is None and match.group("nat"):
            label = _qualified(text, label, match.start())  # "Former Belarusian …"
        owner = _owner_before(text, mentions, match.start())
        if owner is None and label.label in RELATIONAL and not label.qualifier:
            label, owner = _adjunct_owner(text, mentions, match, label)
        yield _relate(label, owner, mention, short)
        chain = _CHAIN.search(text, window_start, match.start())
        match = chain and _ending(_CHAINED, text, window_start, chain.start())


def _qualified(text: str, label: Label, start: int) -> Label:
    """The label with the qualifier written before its nationality, if any."""
    qualifier = _QUALIFIER_BEFORE.search(text, max(0, start - 20), start)
    if qualifier is None:
        return label
    value = QUALIFIERS[" ".join(qualifier.group("qual").lower().split())]
    base = DESCRIPTORS.get(_bare(label.label), label.label)
    return replace(
        label,
        label=with_qualifier(base, value),
        surface=text[qualifier.start() : start] + label.surface,
        start=qualifier.start(),
        qualifier=value,
    )


def _agent_label(text: str, mention: Mention, last: list[str]) -> Label:
    """ "firefighter Bill Viera", "Kenyan pacemaker Gideon Kipketer": what the person
    does, with the nationality before it."""
    noun = last[-1]
    start = mention.start - len(noun) - 1
    nationality = None
    if len(last) > 1:
        nationality = NATIONALITIES.get(_bare(last[-2]))
        if nationality:
            start -= len(last[-2]) + 1
    return Label(
        mention.entity_id,
        noun,
        text[start : mention.start].strip(),
        start,
        None,
        nationality,
    )


def _ending(pattern: re.Pattern, text: str, start: int, end: int) -> re.Match | None:
    """The longest match of ``pattern`` that starts at a word and ends at ``end``.

    (Trying only word starts is much cheaper than a search anchored with ``$``.)
    """
    for word in _WORD_START.finditer(text, start, end):
        match = pattern.fullmatch(text, word.start(), end)
        if match:
            return match
    return None


def _owner_before(text: str, mentions: Mentions, position: int) -> Mention | None:
    """The person whose descriptor this is: "Zelenskiy's adviser X" -> Zelenskiy."""
    possessive = _OWNER_BEFORE.search(text, max(0, position - 4), position)
    return mentions.ending_at(possessive.start()) if possessive else None


def _adjunct_owner(text, mentions, match, label):
    """ "close Putin ally Alexander Lukashenko": the owner named right before the noun."""
    mention = mentions.ending_at(match.start() - 1)
    if mention is None or text[mention.end] != " ":
        return label, None
    if mentions.type_of(mention) != "person":
        return label, None  # "Kremlin aide X": an aide, not an aide to an institution
    qualifier = _QUALIFIER_BEFORE.search(
        text, max(0, mention.start - 20), mention.start
    )
    if qualifier:
        label = Label(
            label.entity_id,
            label.label,
            text[qualifier.start() : match.end()].strip(),
            qualifier.start(),
            QUALIFIERS[qualifier.group("qual").lower()],
            label.nationality,
        )
    return label, mention


def _relate(
    label: Label, owner: Mention | None, mention: Mention, short: dict
) -> Label:
    """ "ally" with an owner becomes "ally of putin"; other labels stay as they are."""
    if (
        label.label not in RELATIONAL
        or owner is None
        or owner.entity_id == mention.entity_id
    ):
        return label
    name = short.get(owner.entity_id, owner.surface.lower())
    preposition = PREPOSITIONS.get(label.label, "of")
    return Label(
        label.entity_id,
        f"{label.label} {preposition} {name}",
        label.surface,
        label.start,
        label.qualifier,
        label.nationality,
    )


def _after(text: str, mention: Mention, mentions: Mentions, short: dict, people: set):
    """Apposition and copula descriptions after a name."""
    for pattern in (_APPOSITION, _COPULA):
        lead = pattern.match(text, mention.end)
        if not lead:
            continue
        position = lead.end()
        owner, match = _owned_description(text, mentions, position)
        if not match:
            match = _DESCRIPTION.match(text, position)
        if not match:
            continue
        label = _label(mention.entity_id, match, mention.start)
        end = match.end()
        if pattern is _APPOSITION and not lead.group("as"):
            # "Xi Jinping, President of Belarus Alexander Lukashenko", "X, the Minister
            # of Interior Y": a list of titled names, not a description of X
            following = _next_mention(text, mentions, match.end("desc"), people)
            if (
                following
                and label.label not in RELATIONAL
                and (not lead.group("det") or following.start <= match.end() + 1)
            ):
                continue
        if _TITLE_GOES_ON.match(text, match.end()) and not mentions.covers(
            match.end() + 1
        ):
            continue  # "Minister of Information Technologies": a title we do not know
        if label.label in RELATIONAL and owner is None and match.group("rel"):
            # "ally of Kremlin chief Vladimir Putin": the person, past a title
            owner = _next_mention(text, mentions, match.end(), people) or _next_mention(
                text, mentions, match.end()
            )
        pronoun = (lead.group("det") or "").strip().lower() in ("his", "her")
        if label.label in RELATIONAL and owner is None and pronoun:
            owner = _previous_person(mentions, mention, people)
        elif label.label in RELATIONAL and owner is not None:
            end = max(end, owner.end)
        label = _relate(label, owner, mention, short)
        yield replace(label, surface=text[mention.start : end].strip())
        if owner is None:  # "X, the president of Y and a close ally of Z": a chain
            yield from _chained(text, mention, match.end("desc"), mentions, short)
        return


def _describes_after(text: str, end: int) -> bool:
    """Whether an apposition or a copula with a descriptor follows ``end`` (a cheap
    test before resolving whom a description means)."""
    for pattern in (_APPOSITION, _COPULA):
        lead = pattern.match(text, end)
        if lead and _DESCRIPTION.search(text, lead.end(), lead.end() + OBJECT_GAP + 40):
            return True
    return False


def _chained(text: str, mention: Mention, position: int, mentions, short):
    """The further descriptions of an apposition chain after its first one."""
    while True:
        link = _CHAIN_NEXT.match(text, position)
        if not link:
            return
        match = _DESCRIPTION.match(text, link.end())
        if not match:
            return
        label = _label(mention.entity_id, match, mention.start)
        position = match.end("desc")
        if match.group("rel"):
            if label.label not in RELATIONAL:
                return
            owner = _next_mention(text, mentions, match.end())
            if owner is not None and mentions.type_of(owner) == "person":
                label = _relate(label, owner, mention, short)
                position = owner.end
        yield replace(label, surface=text[mention.start : position].strip())


def _owned_description(text: str, mentions: Mentions, position: int):
    """(owner, description) for "one of Kremlin chief Vladimir Putin's closest allies"."""
    for mention in mentions.after(position):
        if mention.start - position > OBJECT_GAP:
            break
        if not _WORDS_ONLY.fullmatch(text, position, mention.start):
            break
        if text[mention.end : mention.end + 2] in ("'s", "’s"):
            after = mention.end + 2
            after += len(text[after:]) - len(text[after:].lstrip(" \u00a0"))
            match = _DESCRIPTION.match(text, after)
            return (mention, match) if match else (None, None)
    return None, None


def _previous_person(
    mentions: Mentions, mention: Mention, people: set
) -> Mention | None:
    """ "X, her chief adviser": the person named last before X (within ``PRONOUN_REACH``)."""
    before = mentions.index_at(mention.start)
    for previous in reversed(mentions[:before]):
        if mention.start - previous.end > PRONOUN_REACH:
            return None
        if previous.entity_id in people and previous.entity_id != mention.entity_id:
            return previous
    return None


def _next_mention(
    text: str, mentions: Mentions, position: int, people: set | None = None
) -> Mention | None:
    """The first mention (of one of ``people``, when given) within ``OBJECT_GAP``
    characters after ``position``, with only words between."""
    for mention in mentions.after(position):
        if mention.start - position > OBJECT_GAP:
            return None
        if not _WORDS_ONLY.fullmatch(text, position, mention.start):
            return None
        if people is None or mention.entity_id in people:
            return mention
    return None


def _described(doc: Document, short: dict, people: set) -> list[Label]:
    """ "the Belarusian leader", "the veteran leader", "the Kremlin's closest
    partner": a description the resolver (``extract.references``) gives to a
    person, when its role is a descriptor; and what an apposition or a copula after
    any description of a person says ("The 69-year-old … is a staunch ally of X")."""
    refs = doc.references
    text, mentions = doc.text, doc.mentions
    found = []
    for d in refs.descriptions:
        if d.wanted != "person":
            continue
        quoted = doc.quotations.covers(d.start)
        label = DESCRIPTORS.get(d.role)
        if quoted and (label is None or d.nationality is None):
            continue  # "the president" in someone's words: often whom they address
        described_after = not quoted and _describes_after(text, d.end)
        relation = label in RELATIONAL and not d.headline
        if relation and not is_epithet(d):
            label = None  # "the partner", "her adviser": whose, the apposition says
        if label is None and not described_after:
            continue
        entity_id = refs.described(d)
        entity = refs.entities.get(entity_id) if entity_id else None
        if entity is None or entity.type != "person":
            continue
        if described_after:
            described = Mention(entity_id, d.surface, d.start, d.end)
            found.extend(_after(text, described, mentions, short, people))
        if label is None:
            continue
        nationality = d.nationality
        if relation:
            owner = owner_of(refs, d)
            if owner is None:
                continue
            label = f"{label} of {short.get(owner, refs.entities[owner].name.lower())}"
            nationality = None  # "the Kremlin's partner": the owner's, not theirs
        found.append(
            Label(
                entity_id,
                with_qualifier(label, d.qualifier),
                d.surface,
                d.start,
                d.qualifier,
                nationality,
            )
        )
    return found


def _short_names(mentions: Mentions, by_id: dict) -> dict[str, str]:
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
        tokens = entity.name.lower().split()
        used = [
            w for w, _ in singles.get(entity_id, Counter()).most_common() if w in tokens
        ]
        if used:
            short[entity_id] = used[0]
        elif entity.type == "person":
            short[entity_id] = tokens[-1]
        else:
            short[entity_id] = entity.name.lower()
    return short


def _label(entity_id: str, match: re.Match, start: int) -> Label:
    """The label a descriptor match gives, its surface the match as written."""
    groups = match.groupdict()
    nationality = None
    if groups.get("nat"):
        nationality = NATIONALITIES[_bare(groups["nat"])]
    elif groups.get("of"):
        nationality = COUNTRY_NATIONALITY[_bare(groups["of"])]
    written = groups.get("qual")
    qualifier = QUALIFIERS[" ".join(written.lower().split())] if written else None
    return Label(
        entity_id,
        with_qualifier(DESCRIPTORS[_bare(groups["desc"])], qualifier),
        match.group().strip(),
        start,
        qualifier,
        nationality,
    )


def _bare(words: str) -> str:
    """Lower case, single spaces, no possessive: "Belarus’s" -> "belarus"."""
    return re.sub(r"['’]s?$", "", " ".join(words.lower().split()))
