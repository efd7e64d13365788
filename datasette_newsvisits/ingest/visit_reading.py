"""What visit assignment reads from an article, once: where each piece of evidence
stands, and how much it weighs there.

A report tells its news in the headline and the lead and adds context further down,
so evidence weighs by where it stands:

- the headline and the lead (the first two sentences) weigh ``LEAD`` (2);
- the next ``BODY_SENTENCES`` sentences weigh ``BODY`` (1), the rest ``LATER`` (0.6);
- a sentence that looks back at an earlier meeting ("since September 2022", "last
  time", "previously", "had met", "ранее", "в прошлый раз", "此前") weighs
  ``BACKGROUND`` (0.25) wherever it stands; of a relative clause that looks back
  (", who last visited China in 2023,"), only that clause does; so does a sentence
  whose every date is more than ``BACKGROUND_DAYS`` before the article's own.

Names (participants, places, terms), kinds of meeting and dates each take the weight
of the strongest place they stand in. A dateline opening the body ("MINSK, August
21 (BelTA) –") names where the copy was filed, which weighs as the body, and the
article's own day, which counts as the day of the news it reports unless the lead
announces a visit still to come. The article's own date is its publication date,
or, when the page states only a day and month for it (a dateline without a year),
that day.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from ..text.dates import find_dates, find_weekdays, nearest_weekday, safe_date
from ..text.fold import fold
from ..text.sentences import split_sentences
from .dating import dateline_end
from .spellings import Words
from .visit_words import HEADLINE_ANNOUNCEMENT, announces, kinds_at, looks_back

LEAD_SENTENCES = 2
BODY_SENTENCES = 4  # after the lead, the sentences that still weigh as the body
LEAD = 2.0
BODY = 1.0
LATER = 0.6
BACKGROUND = 0.25  # a sentence that looks back, wherever it stands
BACKGROUND_FACTOR = 0.25  # a date long before the article's own, of its place's weight
BACKGROUND_DAYS = 30  # a date this long before the article's own is not its event
# A relative clause that looks back, set off by commas: only it is background.
RELATIVE_CLAUSE = re.compile(
    r"(?i),\s(?:who|whom|which|whose|when|где|когда|который|которая|которые)\b[^,;]*"
)
LEAP_YEAR = 2000  # a day and month without a year are compared within this year


@dataclass
class Dated:
    """A date the text gives: a day (``when``), a month (``month`` = (year, month)),
    or a day and month without a year (``month`` = (0, 100 * month + day))."""

    when: date | None
    month: tuple[int, int] | None
    weight: float
    surface: str
    lead: bool = False
    old: bool = False  # long before the article's own date

    @property
    def day_of_year(self) -> tuple[int, int] | None:
        """(month, day) of a day and month without a year."""
        if self.month and self.month[0] == 0:
            return divmod(self.month[1], 100)
        return None


@dataclass
class Segment:
    """A sentence, or part of one, with the weight of where it stands."""

    text: str
    weight: float
    lead: bool
    background: bool = False
    dateline: bool = False


class Reading:
    """What assignment reads from an article, each part computed once and only when
    asked for: which names it writes, where each name, kind of meeting and date
    stands, whether the lead announces a visit, the article's date. An article that
    names no party of any catalogued visit costs one look at its words.

    ``published`` is the ISO publication date; ``month`` "YYYY-MM" when the page
    states only that; ``day`` "MM-DD" when it states only a day and month."""

    def __init__(
        self,
        text: str,
        title: str | None,
        published: str | None,
        month: str | None,
        day: str | None = None,
    ):
        self.text = text
        self.title = title or ""
        self.published = date.fromisoformat(published) if published else None
        self.own_day = (int(day[:2]), int(day[3:5])) if day and not published else None
        self._month = month
        self._words = Words(fold(f"{self.title}\n{text}"))
        # Many visits share a participant or a place: each spelling list is read once.
        # The catalogue shares equal spelling lists as one tuple, so they are keyed by
        # identity (hashing a long tuple on every look costs more than the look); the
        # tuples are held here so that no id is reused while it is a key.
        self._named: dict[int, bool] = {}
        self._weights: dict[int, float] = {}
        self._held: list[tuple[str, ...]] = []

    def names(self, spellings: tuple[str, ...], lead: bool = False) -> bool:
        """Whether the article (or its headline and lead, but for what looks back)
        writes one of ``spellings`` (``spelling_key`` forms; see ``spellings.Words``)."""
        if lead:
            return self.weight_of(spellings) >= LEAD
        found = self._named.get(id(spellings))
        if found is None:
            found = self._named[id(spellings)] = self._words.writes(spellings)
            self._held.append(spellings)
        return found

    def weight_of(self, spellings: tuple[str, ...]) -> float:
        """The weight of the strongest place the article writes one of ``spellings``,
        0 when it writes none."""
        found = self._weights.get(id(spellings))
        if found is None:
            found = 0.0
            if self.names(spellings):
                found = next(
                    (w for w, words in self._zones if words.writes(spellings)), 0.0
                )
            self._weights[id(spellings)] = found  # names() above holds the tuple
        return found

    @cached_property
    def _sentences(self) -> list[str]:
        return [self.text[start:end] for start, end in split_sentences(self.text)]

    @cached_property
    def lead(self) -> str:
        """The headline and the lead, as written."""
        return " ".join(
            ([self.title] if self.title else []) + self._sentences[:LEAD_SENTENCES]
        )

    @cached_property
    def segments(self) -> list[Segment]:
        """The headline and the sentences, each with the weight of where it stands."""
        return _segments(self.title, self._sentences)

    @cached_property
    def announces(self) -> bool:
        """Whether the headline or the lead announces a visit still to come."""
        return any(
            announces(s.text) for s in self.segments if s.lead and not s.background
        ) or bool(self.title and HEADLINE_ANNOUNCEMENT.search(self.title))

    @cached_property
    def dates(self) -> list[Dated]:
        """The dates the text gives, each with the weight of where it stands."""
        return self._dates(self._month)

    @cached_property
    def _zones(self) -> list[tuple[float, Words]]:
        """The words of the segments of each weight, the strongest first: a name
        takes the weight of the first zone writing it."""
        self.dates  # noqa: B018 -- reading the dates marks long-past sentences
        zones: dict[float, list[str]] = {}
        for segment in self.segments:
            zones.setdefault(segment.weight, []).append(segment.text)
        return [
            (weight, Words(fold("\n".join(texts))))
            for weight, texts in sorted(zones.items(), reverse=True)
        ]

    @cached_property
    def lead_folded(self) -> str:
        """The headline and the lead (but for what looks back), folded."""
        weight, words = self._zones[0] if self._zones else (0.0, None)
        return words.folded if weight >= LEAD else ""

    @cached_property
    def kinds(self) -> dict[str, float]:
        """The kinds of meeting the article names, each with the weight of the
        strongest place it stands in (one scan of the whole text)."""
        found: dict[str, float] = {}
        ends, end = [], -1
        for _, words in self._zones:
            end += len(words.folded) + 1
            ends.append(end)
        whole = "\n".join(words.folded for _, words in self._zones)
        for start, kind in kinds_at(whole):
            weight = self._zones[bisect_left(ends, start)][0]
            if weight > found.get(kind, 0.0):
                found[kind] = weight
        return found

    @property
    def latest_stated(self) -> date | None:
        """The latest day or month the text states with its year: an article is not
        older than what it recounts."""
        days = [
            d.when or date(d.month[0], d.month[1], 1)
            for d in self.dates
            if d.when or (d.month and d.month[0])
        ]
        return max(days, default=None)

    def _dates(self, month: str | None) -> list[Dated]:
        """The dates the text gives, each with the weight of where it stands. A
        sentence whose every date is long before the article's own recounts an
        earlier meeting: it becomes background."""
        out: list[Dated] = []
        if month:  # the page states only the year and month of its publication
            out.append(Dated(None, (int(month[:4]), int(month[5:7])), LEAD, month))
        pub = self.published
        for segment in self.segments:
            sentence, weight, lead = segment.text, segment.weight, segment.lead
            first = len(out)
            if segment.dateline:
                if self.announces:
                    continue  # the day it was announced is no day of the visit
                weight, lead = LEAD, True  # the day of the news it reports
            for m in find_dates(sentence):
                surface = sentence[m.start : m.end]
                if m.year and m.month and m.day:
                    out.append(self._dated(m.date, None, weight, surface, lead))
                elif m.month and m.day:
                    day = _nearest_year(m.month, m.day, pub) if pub else None
                    # no publication date: the day is matched to each visit's years
                    month_day = None if day else (0, m.month * 100 + m.day)
                    out.append(self._dated(day, month_day, weight, surface, lead))
                elif m.year and m.month:
                    when = (m.year, m.month)
                    out.append(self._dated(None, when, weight * 0.5, surface, lead))
            if pub:
                for start, end, weekday in find_weekdays(sentence):
                    days = {nearest_weekday(weekday, pub, b) for b in (True, False)}
                    for when in sorted(days):
                        surface = sentence[start:end]
                        out.append(Dated(when, None, weight * 0.5, surface, lead))
            own = out[first:]
            if own and all(d.old for d in own) and not segment.background:
                segment.weight = BACKGROUND
                segment.background = True
        return out

    def _dated(
        self,
        when: date | None,
        month: tuple[int, int] | None,
        weight: float,
        surface: str,
        lead: bool,
    ) -> Dated:
        """A date the text gives; one long before the article's own date is
        background (a report is about what just happened or is about to)."""
        if _long_before(when, month, self.published, self.own_day):
            return Dated(when, month, weight * BACKGROUND_FACTOR, surface, False, True)
        return Dated(when, month, weight, surface, lead)


def _segments(title: str, body: list[str]) -> list[Segment]:
    """The headline and the body's sentences, each with the weight of where it
    stands; a sentence that looks back is background, or only its relative clause."""
    out = [Segment(title, LEAD, True)] if title else []
    cut = dateline_end(body[0]) if body else 0
    if cut:  # the filing place weighs as the body; its date, as the article's own
        out.append(Segment(body[0][:cut], BODY, False, dateline=True))
        body = [body[0][cut:], *body[1:]]
    for i, sentence in enumerate(body):
        if i < LEAD_SENTENCES:
            weight = LEAD
        elif i < LEAD_SENTENCES + BODY_SENTENCES:
            weight = BODY
        else:
            weight = LATER
        lead = i < LEAD_SENTENCES
        back = looks_back(sentence)
        if back is None:
            out.append(Segment(sentence, weight, lead))
            continue
        clause = next(
            (
                c
                for c in RELATIVE_CLAUSE.finditer(sentence)
                if c.start() <= back.start() < c.end()
            ),
            None,
        )
        if clause is None:
            out.append(Segment(sentence, BACKGROUND, lead, True))
            continue
        rest = sentence[: clause.start()] + sentence[clause.end() :]
        out.append(Segment(rest, weight, lead))
        out.append(Segment(clause.group(), BACKGROUND, lead, True))
    return out


def _long_before(
    when: date | None,
    month: tuple[int, int] | None,
    published: date | None,
    own_day: tuple[int, int] | None,
) -> bool:
    """Whether a date is more than ``BACKGROUND_DAYS`` before the article's own."""
    if published:
        if month and month[0]:
            latest = date(month[0], month[1], 28)  # the month's latest usual day
            return (published - latest).days > BACKGROUND_DAYS
        return bool(when and (published - when).days > BACKGROUND_DAYS)
    if own_day and month and month[0] == 0:
        days = days_after(divmod(month[1], 100), own_day)
        return days is not None and -days > BACKGROUND_DAYS
    return False


def days_after(day: tuple[int, int], reference: tuple[int, int]) -> int | None:
    """How many days a day and month (no year) come after another, the nearer way
    round the year (negative: before)."""
    a = safe_date(LEAP_YEAR, *day)
    b = safe_date(LEAP_YEAR, *reference)
    if a is None or b is None:
        return None
    days = (a - b).days
    if days > 183:
        days -= 366
    elif days < -183:
        days += 366
    return days


def _nearest_year(month: int, day: int, published: date) -> date | None:
    """The day and month in the year that puts it nearest the publication date."""
    days = [safe_date(published.year + k, month, day) for k in (-1, 0, 1)]
    days = [d for d in days if d]
    return min(days, key=lambda d: abs((d - published).days)) if days else None
