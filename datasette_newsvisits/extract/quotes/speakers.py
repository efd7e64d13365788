"""Who said it: the subject of a verb of saying, and a speaker phrase resolved to an entity.

``Quote.speaker`` keeps the phrase as written; resolving it:

- a mention (any entity type: "Beijing said" is the Chinese government speaking)
  ending the phrase is the speaker, unless a preposition comes right before it
  ("representatives of …", "media in Minsk": no single speaker), or the phrase opens
  with "a"/"an"/"one" ahead of more words (an unnamed person);
- a pronoun or "the" + role (a back-reference) is resolved by ``references``;
- a name heading an "of" phrase or an apposition ("expert Ulrike Hensel of the
  University of Bremen") is the speaker; any other phrase keeps speaker_id None,
  and is ``unnamed`` when it ends in a capitalized word (a person no entity covers).
"""

from __future__ import annotations

from bisect import bisect_left

from ..doc import Document
from ..records import Mention
from ..vocabulary import NOT_SPEAKER_NAMES, PASSIVE_CUES, PREPOSITIONS, SPEAKER_PRONOUNS
from . import references
from .found import UNKNOWN, Attribution
from .patterns import (
    AND_OR_BUT_ENDS,
    CLAUSE_START,
    DESCRIPTOR,
    LAST_PRONOUN,
    TRAILING_ADVERBS,
    VERB,
    WHO,
)


class Speakers:
    """One document's speakers: verbs of saying, subjects, and who spoke so far."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.quotations = doc.quotations
        self.mentions = doc.mentions_outside_quotations()
        self.entities = self.mentions.entities
        self._events: list[int] | None = None
        self._event_memo: dict[int, Attribution] = {}
        self.spoken: list[tuple[int, Attribution]] = []  # quotation speakers so far
        self.spoken_at: list[int] = []

    # -- positions -----------------------------------------------------------------

    def inside_quote(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation (marks included)."""
        return self.quotations.covers(pos)

    def sentence(self, pos: int, lo: int, hi: int) -> tuple[int, int]:
        """The sentence around ``pos``, clipped to ``[lo, hi]``."""
        return self.doc.sentence_at(pos, lo, hi)

    def paragraph(self, pos: int) -> tuple[int, int]:
        """The paragraph around ``pos``."""
        return self.doc.paragraph_at(pos)

    def type_of(self, m: Mention) -> str | None:
        """The type of the entity a mention names."""
        return self.mentions.type_of(m)

    def is_object(self, m: Mention) -> bool:
        """Whether a mention follows a preposition or "told"/"met": not a subject."""
        before = self.text[max(0, m.start - 12) : m.start].split()
        return bool(before) and before[-1].lower() in PREPOSITIONS | {
            "told",
            "met",
            "meet",
        }

    def remember(self, pos: int, a: Attribution) -> None:
        """Record that a quotation starting at ``pos`` was attributed to ``a``."""
        if a.found:
            self.spoken.append((pos, a))
            self.spoken_at.append(pos)

    # -- verbs of saying -----------------------------------------------------------

    def passive(self, verb_at: int) -> bool:
        """Whether the verb at ``verb_at`` is nobody's saying ("is said to", "when asked")."""
        before = self.text[max(0, verb_at - 20) : verb_at]
        if before.endswith("-"):
            return True
        words = before.split()
        return bool(words) and words[-1].lower() in PASSIVE_CUES

    def events(self) -> list[int]:
        """Positions of reporting verbs outside quotations (people saying things)."""
        if self._events is None:
            self._events = [
                m.start()
                for m in VERB.finditer(self.text)
                if not self.inside_quote(m.start()) and not self.passive(m.start())
            ]
        return self._events

    def last_event(self, before: int, since: int) -> int | None:
        """The last reporting verb in ``[since, before)``, if any."""
        events = self.events()
        k = bisect_left(events, before) - 1
        return events[k] if k >= 0 and events[k] >= since else None

    def event_speaker(self, verb_at: int, depth: int) -> Attribution:
        """The subject of the reporting verb at ``verb_at`` (remembered)."""
        if verb_at not in self._event_memo:
            p0, p1 = self.paragraph(verb_at)
            sent_start = self.sentence(verb_at, p0, p1)[0]
            self._event_memo[verb_at] = self.subject(verb_at, sent_start, depth + 1)
        return self._event_memo[verb_at]

    def latest_speaker(self, pos: int, wanted: str, depth: int) -> str | None:
        """The entity of the latest speaker of type ``wanted`` before ``pos``.

        Speakers are the subjects of verbs of saying and the speakers of quotations,
        within ``references.WINDOW`` characters; ``UNKNOWN`` when the latest one to
        speak is a capitalized name no entity covers (an unknown person).
        """
        if depth > 3:
            return None
        events = self.events()
        k = bisect_left(events, pos) - 1
        spoken = self.spoken
        j = bisect_left(self.spoken_at, pos) - 1
        reach = pos - references.WINDOW
        while True:
            ev = events[k] if k >= 0 and events[k] >= reach else None
            sp = spoken[j] if j >= 0 and spoken[j][0] >= reach else None
            if ev is None and sp is None:
                return None
            if sp is not None and (ev is None or sp[0] >= ev):
                a = sp[1]
                j -= 1
            else:
                a = self.event_speaker(ev, depth)
                k -= 1
            e = self.entities.get(a.speaker_id) if a.speaker_id else None
            if e is not None and e.type == wanted:
                return a.speaker_id
            if a.how == "unnamed" and wanted == "person":
                return UNKNOWN

    # -- subjects and speaker phrases ------------------------------------------------

    def subject(self, verb_at: int, sent_start: int, depth: int = 0) -> Attribution:
        """The speaker phrase before a reporting verb, resolved.

        Adverbs before the verb, a "who" clause and an apposition ("X, a former
        minister, said") are skipped; a verb after "and"/"but" shares the subject of
        the verb before it in the sentence; the phrase starts after the last clause
        opener outside quotations.
        """
        text = self.text
        region = text[sent_start:verb_at]
        trimmed = TRAILING_ADVERBS.sub("", region).rstrip()
        who = WHO.search(trimmed)  # "Xi, who said last year that …"
        if who:
            trimmed = trimmed[: who.start()].rstrip()
        if trimmed.endswith(","):  # "X, an apposition, said"
            inner = trimmed[:-1]
            comma = inner.rfind(",")
            if comma >= 0 and not self.inside_quote(sent_start + comma):
                trimmed = inner[:comma].rstrip()
        if AND_OR_BUT_ENDS.search(trimmed) and depth < 3:
            # "X said … and noted": the subject of an earlier verb in the sentence
            events = self.events()
            k = bisect_left(events, sent_start + len(trimmed)) - 1
            while k >= 0 and events[k] >= sent_start:
                a = self.subject(events[k], sent_start, depth + 1)
                if a.speaker_id is not None:
                    return a
                k -= 1
            return Attribution()
        np_end = sent_start + len(trimmed)
        np_start = sent_start
        for m in CLAUSE_START.finditer(text, sent_start, np_end):
            if not self.inside_quote(m.start()) or text[m.start()] in "”\"’'":
                np_start = m.end()
        if np_start >= np_end:
            return Attribution()
        return self.resolve(np_start, np_end, depth)

    def resolve(self, start: int, end: int, depth: int = 0) -> Attribution:
        """Resolve a speaker phrase ``text[start:end]`` (see the module docstring)."""
        text = self.text
        while end > start and text[end - 1] in " \t,.":
            end -= 1
        while start < end and text[start] in " \t":
            start += 1
        phrase = text[start:end]
        if not phrase:
            return Attribution()
        if phrase.lower() in SPEAKER_PRONOUNS:
            return references.pronoun(self, phrase, start, None, depth)
        tail = LAST_PRONOUN.search(phrase)  # "At a conference in Vilnius she"
        if tail and tail.group(1).lower() in ("he", "she", "they"):
            return references.pronoun(
                self, tail.group(1), start + tail.start(1), None, depth
            )
        display = " ".join(phrase.split()[-10:])
        m = self.mentions.ending_at(end)
        if m is not None:
            prefix = text[start : m.start].split()
            if prefix and prefix[-1].lower() in PREPOSITIONS:
                return Attribution(display, None, None, "unknown")
            if (
                not (prefix and prefix[0].lower() in ("a", "an", "one"))
                or len(prefix) <= 1
            ):
                return Attribution(display, m.entity_id, None, "name")
        d = DESCRIPTOR.search(phrase)
        if d:
            before = phrase[: d.start()].split()
            if not before or before[-1].lower() not in PREPOSITIONS:
                entity_id = references.descriptor(
                    self, d, start + d.start(), start, end
                )
                return Attribution(display, entity_id, None, "descriptor")
        # "expert Ulrike Hensel of the University of Bremen": a name, then what it heads
        for m in self.mentions.between(start, end):
            if self.type_of(m) in ("person", "organization") and text.startswith(
                (" of ", ", "), m.end
            ):
                prefix = text[start : m.start].split()
                if not prefix or prefix[-1].lower() not in PREPOSITIONS | {"a", "an"}:
                    return Attribution(display, m.entity_id, None, "name")
        last = phrase.split()[-1]
        how = (
            "unnamed"
            if last[:1].isupper() and last.lower() not in NOT_SPEAKER_NAMES
            else "unknown"
        )
        return Attribution(display, None, None, how)
