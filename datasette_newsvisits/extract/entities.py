"""Entities in an article: gazetteer names, people found by rules, and later short mentions.

Steps, each over the whole text with compiled regexes:

1. the gazetteer's automaton finds every known spelling (``Gazetteer.find``);
2. people the gazetteer does not know are found in runs of 2-4 capitalized name
   words that follow a title or role ("spokesperson Wang Wenbin", "Foreign
   Minister X"), stand in apposition ("X Y, a senior adviser to ..."), or recur in
   the article; a run within a small edit distance of a known person's full name
   is that person ("Svitlana Tsiikhanouskaya");
3. a single capitalized word equal to a word of a person's full name named in the
   same article ("Qin", "Jinping") is a mention of that person, when only one
   person in the article has that word.

Capitalized words that are never names (weekdays, months, nationalities, titles,
words of organization names, sentence openers) split runs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from ..text.fold import fold
from ..text.keys import name_key, slugify
from ..text.patterns import alternation
from ..text.words import words
from .doc import Document, Step
from .gazetteer import Gazetteer
from .institutions import named_things
from .mentions import Mentions
from .records import Entity, Mention
from .vocabulary import (
    NOT_NAME_WORDS,
    ORG_SUFFIXES,
    PERSON_NOUNS,
    TITLE_WORDS,
    is_agent_noun,
)

UPPER = "".join(chr(i) for i in range(0x250) if chr(i).isupper())
_TOKEN = rf"[{UPPER}][^\W\d_]*(?:['’\-][^\W\d_]+)*"
_NOUN_ALTERNATION = alternation(PERSON_NOUNS)
_APPOSITION = re.compile(
    rf",[ \t]+(?:(?:a|an|the|who|whose|[{UPPER}][\w\-]*['’]s?)\b[^.,;:\n]{{0,60}}?"
    rf"\b(?:{_NOUN_ALTERNATION})"
    rf"|(?:[a-z\-]+[ \t]+)?(?:{_NOUN_ALTERNATION})[ \t]+(?:of|to|for|at)\b)\b"
)
_RUN = re.compile(rf"{_TOKEN}(?:[ \t]+{_TOKEN})+")
_WORD = re.compile(_TOKEN)
_POSSESSIVE = re.compile(r"['’]s?$")
_FIRST_NAME = re.compile(rf"(?<![\w'’\-])({_TOKEN})(?:[ \t]+[{UPPER}]\.)?[ \t]+$")
MAX_NAME_WORDS = 4


def extract_entities(doc: Document, discover=None) -> tuple[list[Entity], Mentions]:
    """The distinct entities the document names (first mention first) and the
    mention index, read against ``doc.gazetteer``.

    ``discover(text, gazetteer, mentions)`` finds the names the gazetteer does not
    know, as (start, end, surface, known entity or None, type or None); the rules
    here by default (``extract.statistical`` offers spaCy's recognizer instead).
    Organizations, places and events named by their head word ("Phoenix City
    Council": ``extract.institutions``) are found after it either way.
    """
    text, gazetteer = doc.text, doc.gazetteer
    mentions = Mentions(_with_first_names(text, gazetteer, gazetteer.find(text)))
    discovered: dict[str, Entity] = {}
    for finder in (discover or _people, _institutions):
        for start, end, surface, entity, kind in finder(text, gazetteer, mentions):
            if finder is _institutions:  # the places a name takes in
                for place in mentions.between(start, end):
                    mentions.remove(place)
            if mentions.overlaps(start, end):
                continue
            if entity is None:
                entity = new_entity(surface, gazetteer, discovered, kind)
            mentions.add(Mention(entity.id, surface, start, end))
    for mention in _short_mentions(text, gazetteer, mentions, discovered):
        mentions.add(mention)
    entities: dict[str, Entity] = {}
    for mention in mentions:
        if mention.entity_id not in entities:
            entities[mention.entity_id] = gazetteer.get(
                mention.entity_id
            ) or discovered.get(mention.entity_id)
    mentions.set_entities(entities.values())
    return list(entities.values()), mentions


STEP = Step(
    "entities",
    reads=("text", "gazetteer"),
    adds=("entities", "mentions"),
    run=extract_entities,
)


def _institutions(text: str, gazetteer: Gazetteer, taken: Mentions):
    """Organizations, places and events named by their head (``institutions``)."""

    def is_place(m: Mention) -> bool:
        entity = gazetteer.get(m.entity_id)
        return entity is not None and entity.type == "place"

    return named_things(text, taken, is_place)


def _with_first_names(text: str, gazetteer: Gazetteer, mentions: list[Mention]):
    """A known surname with a first name before it takes the first name in
    ("Aleksandr Łukaszenka" when only "Łukaszenka" and "Alexander ..." are known)."""
    result = []
    previous_end = 0
    for mention in mentions:
        entity = gazetteer.get(mention.entity_id)
        if entity and entity.type == "person" and " " not in mention.surface:
            before = _FIRST_NAME.search(text, previous_end, mention.start)
            if before and not _not_name(before.group(1)):
                mention = Mention(
                    mention.entity_id,
                    text[before.start(1) : mention.end],
                    before.start(1),
                    mention.end,
                )
        result.append(mention)
        previous_end = mention.end
    return result


def _people(text: str, gazetteer: Gazetteer, taken: Mentions):
    """(start, end, surface, gazetteer entity or None, None) of people found by
    rules."""
    segments = []  # (start, end, key, has a title or an apposition)
    for match in _RUN.finditer(text):
        segments.extend(_segments(text, match, taken))
    counts: dict[str, int] = {}
    for segment in segments:
        counts[segment[2]] = counts.get(segment[2], 0) + 1
    singles = None
    for start, end, key, evidence in segments:
        if taken.overlaps(start, end):
            continue
        entity = gazetteer.fuzzy_person(key)
        if entity is None and not evidence and counts[key] < 2:
            if singles is None:
                singles = _single_words(text)
            parts = key.split()
            evidence = singles.get(parts[-1], 0) > 0 or singles.get(parts[0], 0) > 0
        if entity is not None or evidence or counts[key] > 1:
            yield start, end, text[start:end], entity, None


def _single_words(text: str) -> dict[str, int]:
    """How often each capitalized word stands alone (not in a run of capitalized words)."""
    every = Counter(_strip_possessive(w) for w in _WORD.findall(text))
    for run in _RUN.findall(text):
        every.subtract(_strip_possessive(w) for w in _WORD.findall(run))
    return {fold(w): n for w, n in every.items() if n > 0}


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _segments(text: str, match: re.Match, taken: Mentions):
    """Runs of name words within a run of capitalized words, with their evidence."""
    spans = [
        (m.start() + match.start(), m.end() + match.start())
        for m in _WORD.finditer(match.group())
    ]
    run: list[tuple[int, int]] = []
    for span in [*spans, None]:
        word = text[span[0] : span[1]] if span else ""
        if span and not _not_name(word) and not taken.covers(span[0]):
            run.append(span)
            continue
        if 2 <= len(run) <= MAX_NAME_WORDS:
            start, end = run[0][0], run[-1][1]
            possessive = _POSSESSIVE.search(text, start, end)
            if possessive:
                end = possessive.start()
            evidence = _title_before(text, start, taken) or bool(
                _APPOSITION.match(text, end)
            )
            yield start, end, name_key(text[start:end]), evidence
        run = []


def _title_before(text: str, position: int, taken: Mentions) -> bool:
    """Whether a title stands right before ``position``: "Minister Sun", "adviser,
    Yuri Ushakov", through the capitalized words of a title ("Minister of Foreign
    Affairs Ivica Dačić", "Ambassador to China Yuri Senko"), or an agent noun
    ("pacemaker Gideon Kipketer")."""
    before = text[max(0, position - 60) : position].split()
    if (
        before
        and before[-1].islower()
        and fold(before[-1].rstrip(",")) not in TITLE_WORDS
    ):
        return is_agent_noun(before[-1])
    for steps, word in enumerate(reversed(before)):
        if steps >= 6 or (steps and word.endswith((",", ".", ";", ":"))):
            return False
        folded = fold(word.rstrip(","))
        if folded in TITLE_WORDS:
            return True
        if not (word[:1].isupper() or folded in ("of", "to", "for", "the", "and")):
            return False
    return False


def _not_name(word: str) -> bool:
    return _POSSESSIVE.sub("", fold(word)) in NOT_NAME_WORDS or word.isupper()


def new_entity(
    surface: str, gazetteer: Gazetteer, discovered: dict, kind: str | None = None
) -> Entity:
    """A discovered entity (a person unless ``kind`` or an organization word at its
    end says otherwise), with a slug id that no other entity uses."""
    name = " ".join(surface.split())
    key = name_key(name)
    for entity in discovered.values():
        if name_key(entity.name) == key:
            return entity
    entity_id = slugify(name)
    if gazetteer.get(entity_id) or entity_id in discovered:
        entity_id = f"{entity_id}-2"
    if kind is None:
        last = fold(name.split()[-1])
        kind = "organization" if last in ORG_SUFFIXES else "person"
    entity = Entity(id=entity_id, name=name, type=kind)
    discovered[entity_id] = entity
    return entity


def _short_mentions(text, gazetteer, mentions: Mentions, discovered):
    """Single words naming a person whose full name the article gives.

    A word two people share (a family name: "Gideon Kipketer" and "Valentine
    Kipketer") is the one named more often before it, else the one named first.
    """
    owners: dict[str, set[str]] = {}
    named: dict[str, list[int]] = {}
    for mention in mentions:
        entity = gazetteer.get(mention.entity_id) or discovered.get(mention.entity_id)
        if entity is None or entity.type != "person":
            continue
        named.setdefault(entity.id, []).append(mention.start)
        for name in (entity.name, mention.surface):
            tokens = words(name)
            if len(tokens) < 2:
                continue
            for token in tokens:
                if token not in NOT_NAME_WORDS and len(token) > 1:
                    owners.setdefault(token, set()).add(entity.id)
    if not owners:
        return []
    found = []
    for match in _WORD.finditer(text):
        start = match.start()
        if mentions.covers(start):
            continue
        word = _POSSESSIVE.sub("", match.group())
        owner = owners.get(fold(word))
        if owner:
            entity_id = _most_named(owner, named, start)
            if entity_id:
                found.append(Mention(entity_id, word, start, start + len(word)))
    return found


def _most_named(owners: set[str], named: dict[str, list[int]], pos: int) -> str:
    """The one owner of a word, else the one named most often before ``pos``, else
    the one named first."""
    if len(owners) == 1:
        return next(iter(owners))
    return max(
        sorted(owners),
        key=lambda e: (bisect_left(named[e], pos), -named[e][0]),
    )
