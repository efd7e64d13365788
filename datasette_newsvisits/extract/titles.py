"""Titles of an office in an institution, and titles shared by several names.

Two kinds of label the descriptor patterns of ``labels`` do not read:

- an office "of" an institution, before the name or in apposition after it:
  "Chairman of the Council of the Republic Natalya Kochanova" -> chairman, "head of
  the presidential administration Igor Sergeenko" -> head, "Director of Telecom
  Serbia, Vladimir Lučić" -> director, "Pavel Latushka, deputy
  head of the United Transitional Cabinet," -> deputy head, "X, the founder of the
  Viasna human rights center" -> founder. The label is the office (the head word
  the realdev conventions accept); the institution is at most ``MAX_WORDS`` words
  that say nothing (no verb, no name of a person);
- a plural title before names joined by "and" or commas: "opposition politicians
  Maryia Kalesnikava and Viktar Babaryka" -> opposition politician, each.
"""

from __future__ import annotations

import re

from ..text.patterns import alternation
from .mentions import Mentions
from .records import Label, Mention
from .references.roles import is_clause
from .vocabulary import DESCRIPTORS, NATIONALITIES, QUALIFIERS, with_qualifier

_SP = r"[ \u00a0]+"
# Offices held in an institution: "head of …", "founder of …".
OFFICES = {
    **{
        o: o
        for o in ["head", "deputy head", "first deputy head", "director", "founder"]
    },
    "co-founder": "founder",
    "director general": "director",
    "director-general": "director",
    "chairman": "chairman",
    "chairwoman": "chairman",
    "chair": "chairman",
    "deputy chairman": "deputy chairman",
    "vice chairman": "deputy chairman",
    "secretary": "secretary",
    "secretary general": "secretary-general",
    "secretary-general": "secretary-general",
    "leader": "leader",
    "president": "president",
    "vice president": "vice president",
    "rector": "rector",
    "governor": "governor",
    "spokesperson": "spokesperson",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "press secretary": "press secretary",
    "ambassador": "ambassador",
}
# Plural titles before several names, each -> its singular label.
PLURALS = {
    f"{phrase[:-1]}ies" if phrase.endswith("y") else f"{phrase}s": label
    for phrase, label in DESCRIPTORS.items()
    if not phrase.endswith(("s", "man")) and " of " not in phrase
} | {
    "chairmen": "chairman",
    "spokesmen": "spokesperson",
    "heads of state": "head of state",
}
_PLURAL_ENDS = frozenset(phrase.split()[-1] for phrase in PLURALS)
# Descriptors with "of" in them: "head of state" is no head of an institution.
_OF_DESCRIPTORS = tuple(phrase for phrase in DESCRIPTORS if " of " in phrase)
MAX_WORDS = 10
_QUALIFIER = rf"(?:(?P<qual>{alternation(QUALIFIERS, space=_SP)}){_SP})?"
_OFFICE = rf"(?P<office>{alternation(OFFICES, space=_SP)})"
_INSTITUTION = rf"{_SP}of{_SP}(?P<inst>(?:the{_SP})?[\w’'\-.]+(?:{_SP}[\w’'\-.]+){{0,{MAX_WORDS - 1}}}?)"
_OFFICE_BEFORE = re.compile(
    rf"{_QUALIFIER}{_OFFICE}{_INSTITUTION}(?P<comma>,)?{_SP}", re.IGNORECASE
)
_OFFICE_AFTER = re.compile(
    rf"[ \u00a0]*,{_SP}(?:(?:the|a|an|its|his|her|now){_SP})?{_QUALIFIER}{_OFFICE}"
    rf"{_INSTITUTION}(?=[ \u00a0]*(?:[,;.)]|$|{_SP}(?:and|who|since)\b))",
    re.IGNORECASE,
)
_PLURAL_BEFORE = re.compile(
    rf"(?:{_QUALIFIER})(?P<plural>{alternation(PLURALS, space=_SP)}){_SP}$",
    re.IGNORECASE,
)
_JOINED = re.compile(rf"(?:,|,?{_SP}and){_SP}$")
# Where commentators work: their posts are not labels (the annotation conventions).
_SCHOLARLY = re.compile(
    r"\b(?:institute|university|academy|studies|college|school|think[ -]tank"
    r"|centre for|center for|foundation)\b",
    re.IGNORECASE,
)
_THE_STATE = re.compile(
    rf"(?:the{_SP})?(?:(?:{alternation(NATIONALITIES, space=_SP)}){_SP})?state",
    re.IGNORECASE,
)
_WORD_START = re.compile(r"(?<![\w'’\-])\w")
# A sentence ending inside an institution's name: "… to the head of China. The last
# time Lukashenko …" holds no office of Lukashenko's ("U.S. Senate" ends none).
_SENTENCE_END = re.compile(r"\w*[a-z]{2}[.!?][\"”’»)]*\s")
_OF_HINT = re.compile(r"\bof\b", re.IGNORECASE)
_REACH = 120


def office_labels(
    text: str, mention: Mention, mentions: Mentions, before: bool = True
) -> list[Label]:
    """The office "of" an institution held by the person ``mention`` names: before
    the name (unless ``before`` is false: a descriptor stands there) or in
    apposition right after it."""
    found = []
    lead_start = max(0, mention.start - _REACH)
    office = _office_before(text, mention, mentions, lead_start) if before else None
    if office is not None:
        found.append(_label(mention, office, office.start(), text))
    m = _OFFICE_AFTER.match(text, mention.end)
    if m and _in_one_sentence(m) and _says_nothing(m, mentions):
        found.append(_label(mention, m, mention.start, text))
    return found


def _office_before(text: str, mention: Mention, mentions: Mentions, lead_start: int):
    """The longest "<office> of <institution>" ending at the name: its office ends a
    few words before one of the "of"s before the name."""
    for of in _OF_HINT.finditer(text, lead_start, mention.start):
        for word in _WORD_START.finditer(text, max(lead_start, of.start() - 40)):
            if word.start() >= of.start():
                break
            m = _OFFICE_BEFORE.fullmatch(text, word.start(), mention.start)
            if m and m.group("comma") and not m.group("office")[0].isupper():
                continue  # "Director of Telecom Serbia, X": a title, capitalized
            if m and _in_one_sentence(m) and _says_nothing(m, mentions):
                return m
    return None


def _in_one_sentence(m: re.Match) -> bool:
    return not _SENTENCE_END.search(m.group("inst"))


def plural_labels(text: str, people: list[Mention]) -> list[Label]:
    """A plural title before names joined by "and" or commas, given to each."""
    found = []
    title = None  # (label match, the mention it labels) for the names that follow
    previous: Mention | None = None
    for m in people:
        lead = text[max(0, m.start - 60) : m.start]
        last = lead.rsplit(None, 1)[-1].lower() if lead.strip() else ""
        plural = _PLURAL_BEFORE.search(lead) if last in _PLURAL_ENDS else None
        if plural:
            title = plural
        elif not (
            title is not None
            and previous is not None
            and _JOINED.fullmatch(text, previous.end, m.start)
        ):
            title = None
        if title is not None:
            qualifier = title.group("qual")
            qualifier = QUALIFIERS[qualifier.lower()] if qualifier else None
            label = PLURALS[" ".join(title.group("plural").lower().split())]
            found.append(
                Label(
                    m.entity_id,
                    with_qualifier(label, qualifier),
                    title.group().strip(),
                    m.start - len(lead) + title.start(),
                    qualifier,
                )
            )
        previous = m
    return found


def _says_nothing(m: re.Match, mentions: Mentions) -> bool:
    """Whether the institution named is only that: no verb, no person in it."""
    start, end = m.span("inst")
    office = " ".join(m.string[m.start("office") : end].lower().split())
    if office.startswith(_OF_DESCRIPTORS) or is_clause(m.group("inst")):
        return False
    if _SCHOLARLY.search(m.group("inst")):
        return False  # "director of the Institute of …": a commentator's post
    return not any(
        mentions.type_of(x) == "person" for x in mentions.between(start, end)
    )


def _label(mention: Mention, m: re.Match, start: int, text: str) -> Label:
    office = OFFICES[" ".join(m.group("office").lower().split())]
    if office == "head" and _THE_STATE.fullmatch(m.group("inst")):
        office = "head of state"  # "the head of the Belarusian state" (translated)
    qualifier = m.group("qual")
    qualifier = QUALIFIERS[qualifier.lower()] if qualifier else None
    return Label(
        mention.entity_id,
        with_qualifier(office, qualifier),
        text[m.start("office") : m.end("inst")],
        start,
        qualifier,
    )
