"""Back-references in a speaker phrase: pronouns and "the" + role.

This is where a shared resolver of back-references over the document's mentions
(salience, used by attribution and labels alike) would take over; today's rules:

- he/she/him/her (gender-neutral: any person): the nearest person named earlier in
  the same sentence (not after a preposition or "told"), else whom the sentence
  before is about (the subject of its first verb of saying, or its first named
  person; an unnamed speaker there - "a Western diplomat said" - leaves the pronoun
  unresolved), else the latest person who said something (a verb of saying with a
  resolved subject, or a quotation's speaker), else the nearest person mention,
  within ``WINDOW`` characters; names inside quotations never count; when the latest
  one to speak is a capitalized name no entity covers, the pronoun stays unresolved;
- they/them/it: the nearest person-or-organization mention in the same or previous
  sentence if it is an organization, else the latest organization that spoke;
  people ("Xi and Lukashenko … they") give None;
- "the" + role ("the Belarusian leader", "the head of state", "the Kremlin leader",
  "the diplomat", "the ministry"): the latest entity mentioned before it whose
  gazetteer role, title before a mention or apposition after it matches the role
  and the nationality (``vocabulary.PERSON_ROLE_SYNONYMS``: a "leader" may be a
  president or ruler, a "diplomat" an ambassador or a foreign-ministry
  spokesperson); "the SCO secretariat" is the organization named inside it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from ..vocabulary import (
    NATIONALITY_CONTEXT,
    ORGANIZATION_PARTS,
    ORGANIZATION_ROLES,
    PERSON_ROLE_SYNONYMS,
    SPEAKER_PRONOUNS,
)
from .found import UNKNOWN, Attribution
from .patterns import AND_NAME, CONTEXT_BREAK

if TYPE_CHECKING:
    from .speakers import Speakers

WINDOW = 1500  # how far back (characters) a pronoun or descriptor looks


def pronoun(
    sp: Speakers, word: str, pos: int, sent_start: int | None = None, depth: int = 0
) -> Attribution:
    """Resolve he/she (any person) or they/it (an organization) at ``pos``."""
    wanted = SPEAKER_PRONOUNS[word.lower()]
    if sent_start is None:
        sent_start = sp.sentence(pos, *sp.paragraph(pos))[0]
    window = sp.mentions[
        sp.mentions.index_at(max(0, pos - WINDOW)) : sp.mentions.index_at(pos)
    ]
    if wanted == "person":
        for m in reversed(window):
            if m.start < sent_start:
                break
            if sp.type_of(m) == "person" and not sp.is_object(m):
                return Attribution(word, m.entity_id, None, "pronoun")
        subject = previous_subject(sp, sent_start, depth)
        if subject is UNKNOWN:
            return Attribution(word, None, None, "pronoun")
        if subject is not None:
            return Attribution(word, subject, None, "pronoun")
        spoke = sp.latest_speaker(pos, "person", depth)
        if spoke is UNKNOWN:
            return Attribution(word, None, None, "pronoun")
        if spoke is not None:
            return Attribution(word, spoke, None, "pronoun")
        for m in reversed(window):
            if sp.type_of(m) == "person":
                return Attribution(word, m.entity_id, None, "pronoun")
        return Attribution(word, None, None, "pronoun")
    prev_start = sp.sentence(
        max(sent_start - 2, 0), *sp.paragraph(max(sent_start - 2, 0))
    )[0]
    for m in reversed(window):
        if m.start < min(prev_start, sent_start):
            break
        kind = sp.type_of(m)
        if kind == "organization":
            return Attribution(word, m.entity_id, None, "pronoun")
        if kind == "person":
            return Attribution(word, None, None, "pronoun")
    spoke = sp.latest_speaker(pos, "organization", depth)
    return Attribution(word, spoke if spoke is not UNKNOWN else None, None, "pronoun")


def previous_subject(sp: Speakers, sent_start: int, depth: int) -> str | None:
    """The person the sentence before ``sent_start`` is about.

    The subject of its first verb of saying when it has one ("the Belarusian leader
    said he would meet his old friend Xi"), else its first named person: only one
    (not "Xi and Lukashenko"), not inside a quotation, not after a preposition or
    "told", not a possessive ("Lukashenko's press service"). ``UNKNOWN`` when someone
    no entity covers spoke there ("A Western diplomat said …").
    """
    if sent_start < 2:
        return None
    start, _ = sp.sentence(sent_start - 2, *sp.paragraph(sent_start - 2))
    events = sp.events()
    k = bisect_left(events, start)
    if k < len(events) and events[k] < sent_start:
        a = sp.event_speaker(events[k], depth)
        e = sp.entities.get(a.speaker_id) if a.speaker_id else None
        if e is not None:
            return a.speaker_id if e.type == "person" else None
        return UNKNOWN if a.speaker else None
    for m in sp.mentions.between(start, sent_start):
        if sp.type_of(m) != "person":
            continue
        after = sp.text[m.end : m.end + 3]
        if sp.is_object(m) or after[:1] in "’'" or after[:2] == "’s":
            continue
        if AND_NAME.match(sp.text, m.end):
            return None
        return m.entity_id
    return None


def descriptor(
    sp: Speakers, d: re.Match, pos: int, np_start: int, np_end: int
) -> str | None:
    """The entity a "the + role" phrase (``patterns.DESCRIPTOR`` match) describes."""
    role = d.group("role").lower()
    mods = d.group("mods").lower().replace("’", "'").split()
    nationality = None
    for word in mods:
        word = word.removesuffix("'s")
        if word in NATIONALITY_CONTEXT:
            nationality = NATIONALITY_CONTEXT[word]
    if role in ORGANIZATION_PARTS or role in ORGANIZATION_ROLES:
        for m in sp.mentions.between(np_start, np_end):
            if sp.type_of(m) == "organization":
                return m.entity_id
    if role in PERSON_ROLE_SYNONYMS:
        wanted, role_re = "person", re.compile(PERSON_ROLE_SYNONYMS[role])
    else:
        wanted, role_re = "organization", re.compile(re.escape(role))
    seen = set()
    for m in reversed(sp.mentions.between(max(0, pos - WINDOW), np_start)):
        if m.entity_id in seen or sp.type_of(m) != wanted:
            continue
        seen.add(m.entity_id)
        context = entity_context(sp, m.entity_id, np_start)
        if nationality and not re.search(nationality, context):
            continue
        if not role_re.search(context):
            continue
        return m.entity_id
    return None


def entity_context(sp: Speakers, entity_id: str, before: int) -> str:
    """What the article and gazetteer say an entity is: role, titles, appositions."""
    e = sp.entities[entity_id]
    parts = [e.role or "", e.name]
    text = sp.text
    mentions = sp.mentions
    for m in mentions[: mentions.index_at(before)]:
        if m.entity_id != entity_id:
            continue
        k = mentions.index_at(m.start) - 1
        floor = mentions[k].end if k >= 0 else 0
        lead = text[max(floor, m.start - 60) : m.start]
        parts.append(CONTEXT_BREAK.split(lead)[-1])
        if text[m.end : m.end + 1] == ",":
            parts.append(text[m.end + 1 : m.end + 90].split(",")[0])
    return " ".join(parts).lower()
