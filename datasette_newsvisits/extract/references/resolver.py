"""The resolver: who a phrase in the article means, read once per document.

``References(doc)`` holds what every reading of a phrase needs: the mentions outside
quotations (a name inside someone's quoted words is never what "he" refers to), the
verbs of saying and their subjects (people who speak are salient), and the salience
of each entity at a position. ``resolve(start, end)`` reads a phrase ending at
``end``:

- a mention (any entity type: "Beijing said" is the Chinese government speaking)
  ending the phrase is the entity, unless a preposition comes right before it
  ("representatives of …", "media in Minsk": no single speaker), or the phrase opens
  with "a"/"an"/"one" ahead of more words (an unnamed person);
- a pronoun (``pronouns``) or a definite description ("the Belarusian leader",
  "Beijing's foreign ministry": ``descriptions``) is resolved by salience;
- a name heading an "of" phrase or an apposition ("expert Ulrike Hensel of the
  University of Bremen") is the entity; any other phrase keeps no entity, and is
  ``unnamed`` when it ends in a capitalized word (a person no entity covers).

A phrase never becomes an entity of its own: it resolves to a known or discovered
person or organization, or to nothing, with the words kept as written.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter

from ..doc import Document
from ..records import Mention
from ..vocabulary import NOT_SPEAKER_NAMES, PASSIVE_CUES, PREPOSITIONS, SPEAKER_PRONOUNS
from . import descriptions, pronouns, roles
from .resolved import UNKNOWN, WINDOW, Resolved
from .salience import Salience
from .speech import (
    AND_OR_BUT_ENDS,
    AUXILIARY_END,
    CLAUSE_START,
    DASH_ASIDE,
    INVERTED_SUBJECT,
    LAST_PRONOUN,
    OWN_WORDS,
    PARTICIPLE,
    PRONOUN_START,
    SUBJECT_CLAUSE,
    TRAILING_ADVERBS,
    TRAILING_TIME,
    VERB,
    WHO,
)

_GOVERNS_OBJECT = PREPOSITIONS | {"told", "met", "meet"}


def _has_word(text: str, start: int, end: int) -> bool:
    return any(c.isalnum() for c in text[start:end])


class References:
    """One document's referring phrases, resolved on demand and remembered."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.quotations = doc.quotations
        self.mentions = doc.mentions_outside_quotations()
        self.entities = self.mentions.entities
        self._events: list[int] | None = None
        self._event_memo: dict[int, Resolved] = {}
        self.spoken: list[tuple[int, Resolved]] = []  # quotation speakers so far
        self.spoken_at: list[int] = []
        self.mention_starts = {m.start: m for m in self.mentions}
        self.contexts = descriptions.Contexts(self)
        self.descriptions = descriptions.find(self)
        self.descriptions_by_end = {d.end: d for d in self.descriptions}
        self.descriptions_by_start = {d.start: d for d in self.descriptions}
        self._described: dict[tuple[int, int], str | None] = {}
        self._salience = Salience(self)
        self._objects: dict[int, bool] = {}

    # -- positions -----------------------------------------------------------------

    def inside_quote(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation (marks included)."""
        return self.quotations.covers(pos)

    def sentence(self, pos: int, lo: int, hi: int) -> tuple[int, int]:
        """The sentence around ``pos``, clipped to ``[lo, hi]``."""
        return self.doc.sentence_at(pos, lo, hi)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence around ``pos`` within its paragraph."""
        return self.doc.sentence_at(pos, *self.doc.paragraph_at(pos))

    def paragraph(self, pos: int) -> tuple[int, int]:
        """The paragraph around ``pos``."""
        return self.doc.paragraph_at(pos)

    def sentence_index(self, pos: int) -> int:
        """The number of the sentence ``pos`` is in."""
        return bisect_right(self.doc._sentence_starts, pos)

    def type_of(self, m: Mention) -> str | None:
        """The type of the entity a mention names."""
        return self.mentions.type_of(m)

    def is_object(self, m: Mention) -> bool:
        """Whether a mention follows a preposition or "told"/"met", its title between
        or not ("talks with Chinese President Xi Jinping"): not a subject."""
        if m.start not in self._objects:
            word = roles.governing_word(self.text, m.start)
            self._objects[m.start] = word in _GOVERNS_OBJECT
        return self._objects[m.start]

    def described(self, d: descriptions.Description, depth: int = 0) -> str | None:
        """The entity a definite description means (remembered)."""
        key = (d.start, d.end)
        if key not in self._described:
            self._described[key] = None  # a description never reads itself
            self._described[key] = descriptions.resolve(self, d, depth)
        return self._described[key]

    # -- salience --------------------------------------------------------------------

    def weight(self, m: Mention) -> float:
        """How much a mention makes its entity salient (``salience``)."""
        return self._salience.weight(m)

    def salience(self, pos: int, wanted: str, keep=None) -> list[tuple[float, str]]:
        """Entities of type ``wanted`` referred to within ``WINDOW`` before ``pos``,
        most salient first (``salience``: by grammatical role, halved for every
        sentence between); ``keep(entity_id)`` filters."""
        return self._salience.ranked(pos, wanted, keep)

    def references_before(self, pos: int) -> Counter:
        """How many times each entity is named or referred to before ``pos``."""
        return self._salience.references_before(pos)

    def forget_speakers(self) -> None:
        """Forget the quotations' speakers (the quote step starts over)."""
        self.spoken.clear()
        self.spoken_at.clear()

    def remember(self, pos: int, resolved: Resolved) -> None:
        """Record that a quotation starting at ``pos`` was credited to ``resolved``."""
        if resolved.found:
            self.spoken.append((pos, resolved))
            self.spoken_at.append(pos)

    # -- verbs of saying -------------------------------------------------------------

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

    def event_speaker(self, verb_at: int, depth: int) -> Resolved:
        """The subject of the reporting verb at ``verb_at`` (remembered)."""
        if verb_at not in self._event_memo:
            sent_start = self.sentence_of(verb_at)[0]
            self._event_memo[verb_at] = self.subject(verb_at, sent_start, depth + 1)
        return self._event_memo[verb_at]

    def latest_speaker(self, pos: int, wanted: str, depth: int) -> str | None:
        """The entity of the latest speaker of type ``wanted`` before ``pos``.

        Speakers are the subjects of verbs of saying and the speakers of quotations,
        within ``WINDOW`` characters; ``UNKNOWN`` when the latest one to speak is a
        capitalized name no entity covers (an unknown person).
        """
        if depth > 3:
            return None
        events = self.events()
        k = bisect_left(events, pos) - 1
        spoken = self.spoken
        j = bisect_left(self.spoken_at, pos) - 1
        reach = pos - WINDOW
        while True:
            ev = events[k] if k >= 0 and events[k] >= reach else None
            sp = spoken[j] if j >= 0 and spoken[j][0] >= reach else None
            if ev is None and sp is None:
                return None
            if sp is not None and (ev is None or sp[0] >= ev):
                r = sp[1]
                j -= 1
            else:
                r = self.event_speaker(ev, depth)
                k -= 1
            e = self.entities.get(r.entity_id) if r.entity_id else None
            if e is not None and e.type == wanted:
                return r.entity_id
            if r.how == "unnamed" and wanted == "person":
                return UNKNOWN

    # -- subjects and phrases ----------------------------------------------------------

    def subject(self, verb_at: int, sent_start: int, depth: int = 0) -> Resolved:
        """The phrase before a reporting verb, resolved.

        Adverbs and a time ("on Tuesday") before the verb, a "who" clause, an
        apposition between commas ("X, a former minister, said") or dashes ("X — long
        described as … — said") are skipped; a verb after "and"/"but" shares the
        subject of the verb before it in the sentence; the phrase starts after the
        last clause opener outside quotations.
        """
        text = self.text
        region = text[sent_start:verb_at]
        if region.rstrip().endswith(",") and PARTICIPLE.match(text, verb_at):
            return self.clause_subject(sent_start, sent_start + region.rindex(","))
        trimmed = TRAILING_ADVERBS.sub("", region).rstrip()
        trimmed = TRAILING_TIME.sub("", trimmed).rstrip()
        trimmed = AUXILIARY_END.sub("", trimmed)  # "Xi was (quoted by CCTV …)"
        aside = DASH_ASIDE.search(trimmed)
        if aside:
            trimmed = trimmed[: aside.start()].rstrip()
        who = WHO.search(trimmed)  # "Xi, who said last year that …"
        if who:
            trimmed = trimmed[: who.start()].rstrip()
            if roles.is_clause(trimmed):  # "… held talks with Xi, who stressed"
                named = self.antecedent(sent_start + len(trimmed), depth)
                if named is not None:
                    return named
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
                r = self.subject(events[k], sent_start, depth + 1)
                if r.entity_id is not None:
                    return r
                k -= 1
            # "Xi delivered a toast …, but added that …": the sentence's subject
            return self.first_named(sent_start, verb_at, depth + 1)
        np_end = sent_start + len(trimmed)
        np_start = sent_start
        for m in CLAUSE_START.finditer(text, sent_start, np_end):
            if not self.inside_quote(m.start()) or text[m.start()] in "”\"’'":
                np_start = m.end()
        if not _has_word(text, np_start, np_end):
            # '"…", – emphasized the head of state': the speaker follows the verb
            return self.after_verb(verb_at, depth)
        return self.resolve(np_start, np_end, depth)

    def after_verb(self, verb_at: int, depth: int = 0) -> Resolved:
        """The speaker named right after a verb of saying that follows a quotation
        ('"…," said the President.')."""
        verb = VERB.match(self.text, verb_at)
        after = INVERTED_SUBJECT.match(self.text, verb.end()) if verb else None
        if after is None:
            return Resolved()
        return self.resolve(after.start("np"), after.end("np"), depth)

    def antecedent(self, end: int, depth: int = 0) -> Resolved | None:
        """The person or organization named or described right before ``end``: whom
        a "who" after it means."""
        m = self.mentions.ending_at(end)
        if m is not None and self.type_of(m) in ("person", "organization"):
            return Resolved(m.surface, m.entity_id, "name")
        d = self.descriptions_by_end.get(end)
        if d is not None:
            return Resolved(d.surface, self.described(d, depth), "descriptor")
        return None

    def clause_subject(self, sent_start: int, end: int, depth: int = 0) -> Resolved:
        """The subject of the clause ending at ``end``: "Xi was noncommittal, repeating
        …", "… before his counterpart bid him farewell, saying …" (the participle's
        subject is its clause's). The first person or organization named, described
        or pronoun in the clause, not after a preposition, within its first words."""
        text = self.text
        start = sent_start
        for m in SUBJECT_CLAUSE.finditer(text, sent_start, end):
            if not self.inside_quote(m.start()) or text[m.start()] in "”\"’'":
                start = m.end()
        return self.first_named(start, end, depth)

    def first_named(
        self, start: int, end: int, depth: int = 0, places: bool = False
    ) -> Resolved:
        """The first person or organization a phrase in ``[start, end)`` names,
        describes or stands for (a pronoun opening it), within its first 80
        characters and not after a preposition: the subject of a clause. With
        ``places``, a country or city opening the phrase speaks for its
        government ("Russia was unmoved, answering …")."""
        text = self.text
        reach = min(end, start + 80)
        first = PRONOUN_START.match(text, start, reach)
        if first:
            return pronouns.pronoun(self, first.group(1), first.start(1), None, depth)
        for pos in range(start, reach):
            d = self.descriptions_by_start.get(pos)
            if d is not None and d.end <= end:
                before = text[start:pos].split()
                if not before or before[-1].lower() not in PREPOSITIONS:
                    phrase = text[d.start : d.end]
                    return Resolved(phrase, self.described(d, depth), "descriptor")
            m = self.mention_starts.get(pos)
            if m is None or self.is_object(m):
                continue
            kind = self.type_of(m)
            if (
                kind in ("person", "organization")
                or (
                    places
                    and kind == "place"
                    and not text[start:pos].strip()
                    and not m.surface.isupper()  # "WASHINGTON •": a dateline
                    and text[m.end : m.end + 2] not in ("'s", "’s")
                )
            ):
                return Resolved(m.surface, m.entity_id, "name")
        return Resolved()

    def resolve(self, start: int, end: int, depth: int = 0) -> Resolved:
        """Resolve the phrase ``text[start:end]`` (see the module docstring)."""
        text = self.text
        while end > start and text[end - 1] in " \t,.":
            end -= 1
        while start < end and text[start] in " \t":
            start += 1
        phrase = text[start:end]
        if not phrase:
            return Resolved()
        time = TRAILING_TIME.search(phrase)  # "Chinese leader Xi Jinping on Tuesday"
        if time and time.start() > 0:
            return self.resolve(start, start + time.start(), depth)
        if phrase.lower() in ("the latter", "the former"):
            return pronouns.latter_or_former(self, phrase, start)
        if phrase.lower() in SPEAKER_PRONOUNS:
            return pronouns.pronoun(self, phrase, start, None, depth)
        own = OWN_WORDS.fullmatch(phrase)  # "In his words, …"
        if own:
            return pronouns.pronoun(self, own.group(1), start, None, depth)
        tail = LAST_PRONOUN.search(phrase)  # "At a conference in Vilnius she"
        if tail and tail.group(1).lower() in ("he", "she", "they"):
            return pronouns.pronoun(
                self, tail.group(1), start + tail.start(1), None, depth
            )
        # a speaker phrase is a noun phrase: out of a clause, only the name or the
        # description as written is kept ("… held a meeting with Xi" names nobody)
        clause = roles.is_clause(phrase)
        display = " ".join(phrase.split()[-10:])
        d = descriptions.ending_at(self, end, start)
        if d is not None:
            before = text[start : d.start].split()
            if not before or before[-1].lower() not in PREPOSITIONS:
                shown = text[d.start : end] if clause else display
                return Resolved(shown, self.described(d, depth), "descriptor")
        m = self.mentions.ending_at(end)
        if m is not None:
            if clause:
                display = text[roles.title_start(text, m.start, start) : end]
            prefix = text[start : m.start].split()
            while prefix and prefix[-1].lower() in ("the", "a", "an"):
                prefix.pop()  # "expert X of the University of Bremen"
            if prefix and prefix[-1].lower() in PREPOSITIONS:
                pass  # "representatives of …": the name it follows, if any, below
            elif (
                not (prefix and prefix[0].lower() in ("a", "an", "one"))
                or len(prefix) <= 1
            ):
                return Resolved(display, m.entity_id, "name")
        # "expert Ulrike Hensel of the University of Bremen": a name, then what it heads
        for m in self.mentions.between(start, end):
            if self.type_of(m) in ("person", "organization") and text.startswith(
                (" of ", ", "), m.end
            ):
                prefix = text[start : m.start].split()
                if not prefix or prefix[-1].lower() not in PREPOSITIONS | {"a", "an"}:
                    if clause:
                        display = text[roles.title_start(text, m.start, start) : end]
                    return Resolved(display, m.entity_id, "name")
        if clause:
            return Resolved()
        last = phrase.split()[-1]
        how = (
            "unnamed"
            if last[:1].isupper() and last.lower() not in NOT_SPEAKER_NAMES
            else "unknown"
        )
        return Resolved(display, None, how)
