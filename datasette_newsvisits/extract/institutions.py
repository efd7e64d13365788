"""Organizations, places and events the gazetteer does not know, found by their head.

A run of capitalized words (joined by "of", "and", "for", "the") that ends in a word
naming what it is - "Phoenix City Council", "Marin County", "Minsk Tractor Works",
"Beijing Capital International Airport", "China-Arab States Summit" - or starts with
one followed by "of" - "Ministry of Emergency Situations", "University of Bremen" -
is an organization, a place or an event (type ``other``) accordingly. A place the
gazetteer knows may open or close the name ("China Institute of International
Studies", "Moscow State University", "Renmin University of China", "Chinese Academy
of Social Sciences"): the name takes it in, and the place is not named there. It
needs a word that is a name ("Phoenix"), not only generic words ("the Foreign
Ministry", "State Council" say which one only in context), and a paragraph of prose
around it (a menu line of capitalized words is page clutter, not a name). The name
never reaches back over "of" ("… Studies of the Chinese Academy" is two names).
"""

from __future__ import annotations

import re

from ..text.fold import fold
from ..text.patterns import alternation
from .mentions import Mentions
from .vocabulary import FIELDS, NOT_NAME_WORDS, TITLE_WORDS

PLACES = [
    "airport",
    "palace",
    "square",
    "park",
    "stadium",
    "station",
    "cathedral",
    "monastery",
    "museum",
    "region",
    "province",
    "oblast",
    "district",
    "county",
    "raion",
    "bay",
    "gulf",
    "island",
    "islands",
    "peninsula",
    "mountains",
    "valley",
    "harbor",
    "harbour",
    "port",
    "bridge",
    "hall",
    "avenue",
    "street",
    "zone",
]
ORGANIZATIONS = [
    "council",
    "committee",
    "ministry",
    "department",
    "agency",
    "bureau",
    "university",
    "institute",
    "academy",
    "bank",
    "corporation",
    "company",
    "group",
    "forum",
    "police",
    "party",
    "commission",
    "assembly",
    "parliament",
    "court",
    "office",
    "administration",
    "fund",
    "foundation",
    "association",
    "union",
    "federation",
    "service",
    "authority",
    "works",
    "plant",
    "factory",
    "enterprise",
    "holding",
    "embassy",
    "consulate",
    "school",
    "college",
    "hospital",
    "chamber",
]
EVENTS = [
    "summit",
    "conference",
    "games",
    "olympics",
    "expo",
    "exhibition",
    "festival",
    "congress",
    "championship",
    "marathon",
]
_KIND = {
    **{w: "place" for w in PLACES},
    **{w: "organization" for w in ORGANIZATIONS},
    **{w: "other" for w in EVENTS},
}
# "forum" is an organization only as a body; "… Forum" of an event is an event.
_KIND["forum"] = "other"

_HEAD_WORD = re.compile(rf"\b(?:{alternation(_KIND)})\b", re.IGNORECASE)
_TOKEN = re.compile(r"[\w’'\-]+")
_LINKS = frozenset(["of", "and", "for", "the", "on", "de", "del", "da"])
_OF_NAME = re.compile(
    r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*){0,3}"
)
# The same with "and" inside, ending in a field's name: "Institute of European and
# Asian Studies", "Ministry of Agriculture and Food" (not "… Studies and Wei Dongsheng").
_OF_NAME_AND = re.compile(
    r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*){0,2}"
    r"[ \t]+and[ \t]+(?:[A-Z][\w’'\-]*[ \t]+){0,2}"
    rf"(?i:{alternation(FIELDS)})\b"
)
MAX_WORDS = 6
_PROSE_WORDS = 8
_GENERIC = NOT_NAME_WORDS | frozenset(_KIND) | TITLE_WORDS | {"head", "heads"}


def named_things(text: str, taken: Mentions, is_place=None):
    """(start, end, surface, None, type) of organizations, places and events by head.

    ``is_place(mention)`` says whether a name already found is a place, which a name
    may take in at its edges (see the module docstring); the caller drops the
    mentions a name takes in (``Mentions.remove``)."""
    is_place = is_place or (lambda m: False)
    for head in _HEAD_WORD.finditer(text):
        if not head.group()[0].isupper() or taken.covers(head.start()):
            continue
        following = _HEAD_WORD.match(text, head.end() + 1)
        if text[head.end() : head.end() + 1] == " " and following:
            continue  # "Police Department": the longer name, at its last head
        kind = _KIND[head.group().lower()]
        start = _left_edge(text, head.start(), taken, is_place)
        if _owned_by_organization(text, start, taken, is_place):
            continue  # "RFE/RL's Belarus Service": a part of the organization before
        for complement in (_OF_NAME_AND, _OF_NAME, None):
            end = head.end()
            if complement is not None:  # "(Chinese Academy) of Social Sciences"
                found = complement.match(text, end)
                if found is None:
                    continue
                end = found.end()
            elif start == head.start():  # "Ministry of Emergency Situations"
                break
            surface = text[start:end]
            if _names_something(surface) and _takes_in(taken, start, end, is_place):
                if _in_prose(text, start):
                    yield start, end, surface, None, kind
                break


def _names_something(surface: str) -> bool:
    """A name of a few words, one of them not generic ("the Foreign Ministry": which
    one, only the context says)."""
    words = surface.split()
    if len(words) < 2 or len(words) > MAX_WORDS + 4:
        return False
    return any(fold(w) not in _GENERIC and w[:1].isupper() for w in words)


def _owned_by_organization(text: str, start: int, taken: Mentions, is_place) -> bool:
    """Whether a possessive of an organization stands right before ``start``."""
    before = text[max(0, start - 3) : start]
    if not before.endswith(("'s ", "’s ")):
        return False
    owner = taken.ending_at(start - 3)
    return owner is not None and not is_place(owner)


def _takes_in(taken: Mentions, start: int, end: int, is_place) -> bool:
    """Whether the names already found in ``[start, end)`` are places wholly inside
    it (which the name takes in), and none reaches over its edges."""
    inside = taken.between(start, end)
    if taken.covers(start) and not (inside and inside[0].start == start):
        return False
    return all(is_place(m) and m.end <= end for m in inside)


def _left_edge(text: str, head_start: int, taken: Mentions, is_place) -> int:
    """Where the capitalized name ending in a head word starts: back over capitalized
    words and links, never across "of" or punctuation, nor into a name already found
    unless it is a place right before ("Moscow State University")."""
    start = head_start
    for token in reversed(
        list(_TOKEN.finditer(text, max(0, head_start - 80), head_start))
    ):
        between = text[token.end() : start]
        if between.strip():
            break  # punctuation
        if taken.covers(token.start()):
            place = taken.ending_at(token.end())
            if place is not None and is_place(place):
                start = place.start  # "Moscow State University", "China Institute"
            break
        word = token.group()
        if word == "of" or (not word[:1].isupper() and word not in _LINKS):
            break
        if (
            head_start - token.start() > 80
            or len(text[token.start() : head_start].split()) > MAX_WORDS
        ):
            break
        start = token.start()
    while True:  # the name starts at a capital, not at "of" or "The"
        first = _TOKEN.match(text, start)
        if first is None or first.start() >= head_start:
            return start
        if first.group()[:1].isupper() and first.group().lower() not in _LINKS:
            return start
        start = (
            first.end() + len(text[first.end() :]) - len(text[first.end() :].lstrip())
        )


def _in_prose(text: str, pos: int) -> bool:
    """Whether the line around ``pos`` is prose (several words), not a menu item."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return len(line.split()) >= _PROSE_WORDS
