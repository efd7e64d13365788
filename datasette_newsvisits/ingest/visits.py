"""Which catalogued visit an article reports on, and meetings missing from the catalogue.

Assignment is general: a catalogue entry names its participants, its place and (for a
pair the catalogue follows, such as Belarus and China) its countries. An article is
about an entry when it names two of its parties (participants, the place, or both
countries); for a pair's entry it must also show both sides, each by the country's
name or a participant from that side. Among those entries the dates decide: dates the text states (the
year taken from the publication date when it gives only a day and month, a weekday
resolved against it), and the publication date itself. The headline and lead weigh
more than the rest; a sentence that looks back ("last met", "in 2019") weighs little,
so an earlier visit mentioned in passing does not win over the one reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..text.dates import find_dates, find_weekdays, nearest_weekday, safe_date
from ..text.fold import fold
from ..text.sentences import split_sentences
from .catalogues import Catalogues, Visit
from .spellings import Words, is_unspaced

BACK_REFERENCE = re.compile(
    r"(?i)\b(?:last (?:met|year|month|week|time|visited|spring|summer|autumn|winter)"
    r"|previous(?:ly)?|earlier (?:this|that|in)|had (?:met|visited|held|signed)"
    r"|first met|in the past|ago|since (?:19|20)\d\d|back in|at that time|then-)"
)
# The words that say what kind of meeting an article reports, in the languages the
# coverage uses, as folded text writes them ("дзяржаўны" folds to "дзяржауны"): a
# word's literal start, then what must follow it.
KIND_RULES = [
    ("state visit", "state visit", r"\b"),
    ("state visit", "государственн", r"\w* визит"),
    ("state visit", "дзяржаун", r"\w* візіт"),
    ("state visit", "державн", r"\w* візит"),
    ("state visit", "staatsbesuch", ""),
    ("state visit", "国事访问", ""),
    ("official visit", "official visit", r"\b"),
    ("official visit", "официальн", r"\w* визит"),
    ("official visit", "афіцыйн", r"\w* візіт"),
    ("official visit", "офіційн", r"\w* візит"),
    ("working visit", "working ", r"(?:visit|trip|nature)\b"),
    ("working visit", "рабоч", r"\w* (?:визит|поездк|характер)"),
    ("working visit", "працоун", r"\w* візіт"),
    ("working visit", "робоч", r"\w* візит"),
    ("working visit", "arbeitsbesuch", ""),
    ("working visit", "工作访问", ""),
    ("summit meeting", "summit", r"\b"),
    ("summit meeting", "sidelines", r"\b"),
    ("summit meeting", "саммит", ""),
    ("summit meeting", "саміт", ""),
    ("summit meeting", "на полях", r"\b"),
    ("summit meeting", "на палях", r"\b"),
    ("summit meeting", "峰会", ""),
    ("forum", "forum", r"\b"),
    ("forum", "форум", ""),
    ("forum", "论坛", ""),
    ("parade", "parade", r"\b"),
    ("parade", "парад", ""),
    ("parade", "阅兵", ""),
]
# One scan for every rule's literal start (a plain alternation is ten times faster
# than one with word boundaries and stems); the rest is checked where one is found.
KIND_STARTS = re.compile(
    "|".join(
        re.escape(start) for _, start, _ in sorted(KIND_RULES, key=lambda r: -len(r[1]))
    )
)
KIND_FOLLOWS: dict[str, list[tuple[str, re.Pattern]]] = {}
for _kind, _start, _follows in KIND_RULES:
    KIND_FOLLOWS.setdefault(_start, []).append((_kind, re.compile(_follows)))
MEETING_WORDS = re.compile(
    r"\b(?:met|meet|meets|meeting|talks|visit|visits|visited|visiting|arrive[sd]?|arriving"
    r"|landed|lands|hosted|hosts|received|receives|welcomed|summit|negotiations"
    r"|встреч\w*|визит\w*|переговор\w*|прибыл\w*|спотка\w*|сустрэ\w*|візіт\w*|зустр\w*"
    r"|spotka\w*|wizyt\w*|besuch\w*|treffen|rencontr\w*)\b"
    r"|会见|会晤|会谈|访问|抵达"  # inside runs of Chinese characters: no word boundaries
)
LEAD_SENTENCES = 2
BACKGROUND_DAYS = (
    30  # a date this long before the publication is not the reported event
)
MIN_SCORE = 2.0
MIN_MARGIN = 1.0


@dataclass
class _Dated:
    """A date the text gives: a day (``when``) or a month (``month`` = (year, month))."""

    when: date | None
    month: tuple[int, int] | None
    weight: float
    surface: str
    lead: bool = False


class Reading:
    """What assignment reads from an article, computed once: spellings, dates, lead."""

    def __init__(
        self, text: str, title: str | None, published: str | None, month: str | None
    ):
        self.title = title or ""
        body = [text[start:end] for start, end in split_sentences(text)]
        self.sentences = ([self.title] if self.title else []) + body
        self.lead = " ".join(
            ([self.title] if self.title else []) + body[:LEAD_SENTENCES]
        )
        self.published = date.fromisoformat(published) if published else None
        self.folded = fold(f"{self.title}\n{text}")
        self.lead_folded = fold(self.lead)
        self._words = Words(self.folded)
        self._lead_words = Words(self.lead_folded)
        # Many visits share a participant or a place: each spelling list is read once.
        self._named: dict[tuple[str, ...], bool] = {}
        self._named_in_lead: dict[tuple[str, ...], bool] = {}
        self.kinds = _kinds(self.folded)
        self.dates = self._dates(month)

    def names(self, spellings: tuple[str, ...], lead: bool = False) -> bool:
        """Whether the article (or its headline and lead) writes one of ``spellings``
        (``spelling_key`` forms; see ``spellings.Words``)."""
        cache = self._named_in_lead if lead else self._named
        found = cache.get(spellings)
        if found is None:
            words = self._lead_words if lead else self._words
            found = cache[spellings] = words.writes(spellings)
        return found

    def _dates(self, month: str | None) -> list[_Dated]:
        out: list[_Dated] = []
        if month:  # the page states only the year and month of its publication
            out.append(_Dated(None, (int(month[:4]), int(month[5:7])), 2.0, month))
        pub = self.published
        lead_count = (1 if self.title else 0) + LEAD_SENTENCES
        for i, sentence in enumerate(self.sentences):
            lead = i < lead_count
            weight = 2.0 if lead else 1.0
            if BACK_REFERENCE.search(sentence):
                weight *= 0.25
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
                        out.append(_Dated(when, None, weight * 0.5, surface, lead))
        return out

    def _dated(
        self,
        when: date | None,
        month: tuple[int, int] | None,
        weight: float,
        surface: str,
        lead: bool,
    ) -> _Dated:
        """A date the text gives; one long before the publication is background (a
        report is about what just happened or is about to), and weighs little."""
        pub = self.published
        if pub and month and month[0]:
            when_month = date(month[0], month[1], 28)  # the month's latest usual day
            old = (pub - when_month).days > BACKGROUND_DAYS
        else:
            old = bool(pub and when and (pub - when).days > BACKGROUND_DAYS)
        if old:
            return _Dated(when, month, weight * 0.25, surface, False)
        return _Dated(when, month, weight, surface, lead)


def _kinds(folded: str) -> set[str]:
    """The kinds of meeting a folded text names ("state visit", "summit meeting")."""
    kinds = set()
    for m in KIND_STARTS.finditer(folded):
        start, end = m.span()
        if start and folded[start - 1].isalnum() and not is_unspaced(m.group()):
            continue  # inside a word
        for kind, follows in KIND_FOLLOWS[m.group()]:
            if follows.match(folded, end):
                kinds.add(kind)
    return kinds


def _nearest_year(month: int, day: int, published: date) -> date | None:
    """The day and month in the year that puts it nearest the publication date."""
    days = [safe_date(published.year + k, month, day) for k in (-1, 0, 1)]
    days = [d for d in days if d]
    return min(days, key=lambda d: abs((d - published).days)) if days else None


def assign_visit(
    reading: Reading, visits: Sequence[Visit]
) -> tuple[Visit | None, dict]:
    """The visit an article reports on, or None; with the evidence of each candidate."""
    scored: list[tuple[float, int, Visit, list[str]]] = []
    for visit in visits:
        parties, why = _parties(reading, visit)
        if parties is None:
            continue
        score, dated = _date_score(reading, visit)
        score += parties
        why += dated
        if visit.kind in reading.kinds:
            score += 0.5
            why.append(f"kind: {visit.kind}")
        terms = [
            t for t, names in zip(visit.terms, visit.term_names) if reading.names(names)
        ]
        score += min(1.5, 0.5 * len(terms))
        why += [f"term: {t}" for t in terms]
        scored.append((round(score, 2), len(why), visit, why))
    if not scored:
        return None, {"reason": "names the parties of no catalogued visit"}
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    best_score, _, best, why = scored[0]
    evidence = {"scores": {v.id: s for s, _, v, _ in scored[:5]}, "why": why}
    rival = next((s for s, _, v, _ in scored[1:] if not _overlap(v, best)), None)
    if best_score < MIN_SCORE:
        evidence["reason"] = "no visit has enough evidence"
        return None, evidence
    if rival is not None and best_score - rival < MIN_MARGIN:
        evidence["reason"] = "no visit stands out"
        return None, evidence
    return best, evidence


def _parties(reading: Reading, visit: Visit) -> tuple[float | None, list[str]]:
    """How strongly the article names the visit's parties and place (None: not at all)."""
    named_at = [
        i for i, names in enumerate(visit.participant_names) if reading.names(names)
    ]
    named = [visit.participants[i] for i in named_at]
    country_named = [reading.names(names) for names in visit.country_names]
    countries = bool(country_named) and all(country_named)
    place = reading.names(visit.place_names)
    parties = len(named) + (1 if countries else 0)
    if visit.country_names:  # a pair the catalogue follows: both sides must show
        sides = {i for i, shown in enumerate(country_named) if shown}
        sides.update(visit.participant_sides[i] for i in named_at)
        if not (sides.issuperset(range(len(country_named))) and parties + place >= 2):
            return None, []
    elif visit.participant_names:
        if not (parties >= 2 or (parties >= 1 and place)):
            return None, []
    elif not place:
        return None, []  # a catalogue without participants: the place must be named
    why = [f"names {n}" for n in named] + (
        ["names both countries"] if countries else []
    )
    score = float(parties)
    if place:
        lead = reading.names(visit.place_names, lead=True)
        score += 2.5 if lead else 1.5
        why.append(f"place: {visit.place}" + (" (lead)" if lead else ""))
    return score, why


def _date_score(reading: Reading, visit: Visit) -> tuple[float, list[str]]:
    start, end = visit.start, visit.end
    score, why = 0.0, []
    for dated in reading.dates:
        if dated.when is not None:
            if start - timedelta(days=1) <= dated.when <= end + timedelta(days=1):
                score += 3 * dated.weight
                why.append(f"date in text: {dated.surface}")
            elif dated.weight >= 2 and abs((dated.when - start).days) > 30:
                score -= 1.0  # the lead dates something else
        elif dated.month is not None:
            year, month = dated.month
            if year == 0:  # a day and month with no year anywhere
                md = month
                if any(
                    (d := safe_date(y, md // 100, md % 100)) and start <= d <= end
                    for y in {start.year, end.year}
                ):
                    score += 2 * dated.weight
                    why.append(f"day in text: {dated.surface}")
            elif (year, month) in {(start.year, start.month), (end.year, end.month)}:
                score += 1.5 * dated.weight
                why.append(f"month: {dated.surface}")
    pub = reading.published
    if pub:
        if start - timedelta(days=10) <= pub <= end + timedelta(days=7):
            distance = (
                0
                if start <= pub <= end
                else min(abs((pub - start).days), abs((pub - end).days))
            )
            score += 4 - distance / 3
            why.append(f"published {pub} near {start}..{end}")
        elif abs((pub - start).days) > 45:
            score -= 4
    return score, why


def _overlap(a: Visit, b: Visit) -> bool:
    return a.start <= b.end and b.start <= a.end


def find_candidate(reading: Reading, catalogues: Catalogues) -> dict | None:
    """A meeting of a country pair the catalogue follows that the article clearly
    reports (both sides, by country or participant, and a meeting word in the
    headline or lead) but that no catalogued visit covers: its date, place and the
    sentence that shows it."""
    if not MEETING_WORDS.search(reading.lead_folded):
        return None
    for pair, sides in catalogues.pairs.items():
        if not all(reading.names(names, lead=True) for names in sides):
            continue
        when = _event_date(reading)
        if when is None:
            return None
        for visit in catalogues.visits:
            if visit.country_names and visit.start - timedelta(
                days=10
            ) <= when <= visit.end + timedelta(days=10):
                return (
                    None  # a catalogued visit is near: ambiguity, not a missing entry
                )
        place = next(
            (
                v.place
                for v in catalogues.visits
                if v.place_names and reading.names(v.place_names, lead=True)
            ),
            None,
        )
        return {
            "date": when.isoformat(),
            "place": place,
            "countries": [fold(country) for country in pair],
            "evidence": reading.lead[:400],
        }
    return None


def _event_date(reading: Reading) -> date | None:
    """The day the lead reports: a date it states, else the publication date."""
    pub = reading.published
    for dated in reading.dates:
        if dated.when and dated.lead and (pub is None or dated.when <= pub):
            return dated.when  # reports are in the past: "on Tuesday" is the last one
    return pub
