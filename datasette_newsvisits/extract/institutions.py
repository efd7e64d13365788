"""Organizations, places and events the gazetteer does not know, found by their head.

A run of capitalized words (joined by "of", "and", "for", "the") that ends in a word
naming what it is - "Phoenix City Council", "Marin County", "Minsk Tractor Works",
"Beijing Capital International Airport", "China-Arab States Summit" - or starts with
one followed by "of" - "Ministry of Emergency Situations", "University of Bremen" -
is an organization, a place or an event (type ``other``) accordingly. It needs a word
that is a name ("Phoenix"), not only generic words ("the Foreign Ministry", "State
Council" say which one only in context), and a paragraph of prose around it (a menu
line of capitalized words is page clutter, not a name).
"""

from __future__ import annotations

import re

from ..text.fold import fold
from ..text.patterns import alternation
from .mentions import Mentions
from .vocabulary import NOT_NAME_WORDS, TITLE_WORDS

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
    r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*){0,3}"
)
MAX_WORDS = 6
_PROSE_WORDS = 8
_GENERIC = NOT_NAME_WORDS | frozenset(_KIND) | TITLE_WORDS | {"head", "heads"}


def named_things(text: str, taken: Mentions):
    """(start, end, surface, None, type) of organizations, places and events by head."""
    for head in _HEAD_WORD.finditer(text):
        if not head.group()[0].isupper() or taken.covers(head.start()):
            continue
        following = _HEAD_WORD.match(text, head.end() + 1)
        if text[head.end() : head.end() + 1] == " " and following:
            continue  # "Police Department": the longer name, at its last head
        kind = _KIND[head.group().lower()]
        start = _left_edge(text, head.start(), taken)
        end = head.end()
        if start == head.start():  # "Ministry of Emergency Situations"
            complement = _OF_NAME.match(text, end)
            if complement is None:
                continue
            end = complement.end()
        surface = text[start:end]
        words = surface.split()
        if len(words) < 2 or len(words) > MAX_WORDS + 4:
            continue
        if not any(fold(w) not in _GENERIC and w[:1].isupper() for w in words):
            continue  # "the Foreign Ministry": which one, only the context says
        if taken.overlaps(start, end) or not _in_prose(text, start):
            continue
        yield start, end, surface, None, kind


def _left_edge(text: str, head_start: int, taken: Mentions) -> int:
    """Where the capitalized name ending in a head word starts: back over capitalized
    words and links, never into a name already found or across punctuation."""
    start = head_start
    for token in reversed(
        list(_TOKEN.finditer(text, max(0, head_start - 80), head_start))
    ):
        between = text[token.end() : start]
        if between.strip() or taken.covers(token.start()):
            break  # punctuation, or a name already found
        word = token.group()
        if not word[:1].isupper() and word not in _LINKS:
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
