"""Pronouns: he, she, they, it, him, her, them, and the entity each refers back to.

- he/she/him/her (gender-neutral: any person): the nearest person named earlier in
  the same sentence (not after a preposition or "told"), else whom the sentence
  before is about (the subject of its first verb of saying, or its first named
  person; an unnamed speaker there - "a Western diplomat said" - leaves the pronoun
  unresolved), else the latest person who said something (a verb of saying with a
  resolved subject, or a quotation's speaker), else the most salient person
  (``References.salience``), within ``WINDOW`` characters; names inside quotations
  never count; when the latest one to speak is a capitalized name no entity covers,
  the pronoun stays unresolved;
- they/them/it: the nearest person-or-organization mention in the same or previous
  sentence if it is an organization, else the latest organization that spoke;
  people ("Xi and Lukashenko … they") give None.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from ..vocabulary import SPEAKER_PRONOUNS
from .resolved import UNKNOWN, WINDOW, Resolved
from .speech import AND_NAME

if TYPE_CHECKING:
    from .resolver import References


def pronoun(
    refs: References,
    word: str,
    pos: int,
    sent_start: int | None = None,
    depth: int = 0,
) -> Resolved:
    """Resolve he/she (any person) or they/it (an organization) at ``pos``."""
    wanted = SPEAKER_PRONOUNS[word.lower()]
    if sent_start is None:
        sent_start = refs.sentence_of(pos)[0]
    mentions = refs.mentions
    window = mentions[mentions.index_at(max(0, pos - WINDOW)) : mentions.index_at(pos)]
    if wanted == "person":
        for m in reversed(window):
            if m.start < sent_start:
                break
            if refs.type_of(m) == "person" and not refs.is_object(m):
                return Resolved(word, m.entity_id, "pronoun")
        subject = previous_subject(refs, sent_start, depth)
        if subject is UNKNOWN:
            return Resolved(word, None, "pronoun")
        if subject is not None:
            return Resolved(word, subject, "pronoun")
        spoke = refs.latest_speaker(pos, "person", depth)
        if spoke is UNKNOWN:
            return Resolved(word, None, "pronoun")
        if spoke is not None:
            return Resolved(word, spoke, "pronoun")
        ranked = refs.salience(pos, "person")
        return Resolved(word, ranked[0][1] if ranked else None, "pronoun")
    prev_start = refs.sentence_of(max(sent_start - 2, 0))[0]
    for m in reversed(window):
        if m.start < min(prev_start, sent_start):
            break
        kind = refs.type_of(m)
        if kind == "organization":
            return Resolved(word, m.entity_id, "pronoun")
        if kind == "person":
            return Resolved(word, None, "pronoun")
    spoke = refs.latest_speaker(pos, "organization", depth)
    return Resolved(word, spoke if spoke is not UNKNOWN else None, "pronoun")


def previous_subject(refs: References, sent_start: int, depth: int) -> str | None:
    """The person the sentence before ``sent_start`` is about.

    The subject of its first verb of saying when it has one ("the Belarusian leader
    said he would meet his old friend Xi"), else its first named person: only one
    (not "Xi and Lukashenko"), not inside a quotation, not after a preposition or
    "told", not a possessive ("Lukashenko's press service"). ``UNKNOWN`` when someone
    no entity covers spoke there ("A Western diplomat said …").
    """
    if sent_start < 2:
        return None
    start = refs.sentence_of(sent_start - 2)[0]
    events = refs.events()
    k = bisect_left(events, start)
    if k < len(events) and events[k] < sent_start:
        r = refs.event_speaker(events[k], depth)
        e = refs.entities.get(r.entity_id) if r.entity_id else None
        if e is not None:
            return r.entity_id if e.type == "person" else None
        return UNKNOWN if r.phrase else None
    for m in refs.mentions.between(start, sent_start):
        if refs.type_of(m) != "person":
            continue
        after = refs.text[m.end : m.end + 3]
        if refs.is_object(m) or after[:1] in "’'" or after[:2] == "’s":
            continue
        if AND_NAME.match(refs.text, m.end):
            return None
        return m.entity_id
    return None


def latter_or_former(refs: References, word: str, pos: int) -> Resolved:
    """ "the latter" is the last of the two people named before ``pos`` (in its
    sentence or the one before), "the former" the first of them."""
    sent_start = refs.sentence_of(pos)[0]
    since = refs.sentence_of(max(sent_start - 2, 0))[0]
    named: list[str] = []
    for m in reversed(refs.mentions.between(since, pos)):
        if refs.type_of(m) == "person" and m.entity_id not in named:
            named.append(m.entity_id)
        if len(named) == 2:
            break
    if len(named) < 2:
        return Resolved(word, None, "pronoun")
    latter, former = named
    return Resolved(
        word, latter if word.lower().endswith("latter") else former, "pronoun"
    )
