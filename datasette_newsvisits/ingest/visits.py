"""Which catalogued visit an article reports on, and meetings missing from the catalogue.

Assignment is general: a catalogue entry names its participants, its place and (for a
pair the catalogue follows, such as Belarus and China) its countries. An article is
about an entry when it names two of its parties (participants, the place, or both
countries); for a pair's entry it must also show both sides, each by the country's
name or a participant from that side. Among those entries the evidence decides, each
piece weighed by where it stands (``visit_reading``: the headline and lead most, later
paragraphs less, a sentence that looks back at an earlier meeting little): the place,
the kind of meeting, the entry's terms, the dates the text states, and the article's
own date. A day and month without a year match the entries of any year on that day;
one entry, or the years the text states, settle which. An article that announces a
visit ("will visit", "is expected to arrive") gets the next entry within
``ANNOUNCED_DAYS`` after its date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from ..text.dates import safe_date
from ..text.fold import fold
from .catalogues import Catalogues, Visit
from .visit_reading import BODY, LATER, LEAD, Reading, days_after
from .visit_words import MEETING_WORDS

__all__ = ["Reading", "assign_visit", "find_candidate"]

PLACE = 1.25  # times the weight where the place stands: 2.5 in the lead
KIND = 0.5
TERM = 0.5
TERMS_MAX = 1.5
ANNOUNCED_DAYS = 21  # an announcement is about a visit at most this far ahead
MIN_SCORE = 2.0
MIN_MARGIN = 1.0
FAR_DAYS = 45  # a visit this far from the article's own date is not its news
ONE_DAY = timedelta(days=1)  # a date the day before or after a visit still counts


def assign_visit(
    reading: Reading, visits: Sequence[Visit]
) -> tuple[Visit | None, dict]:
    """The visit an article reports on, or None; with the evidence of each candidate."""
    qualified = []
    for visit in visits:
        parties, why = _parties(reading, visit)
        if parties is not None:
            qualified.append((visit, parties, why))
    if not qualified:
        return None, {"reason": "names the parties of no catalogued visit"}
    candidates = [visit for visit, _, _ in qualified]
    days = _day_matches(reading, candidates)
    upcoming = _announced(reading, candidates)
    scored: list[tuple[float, int, Visit, list[str]]] = []
    for visit, parties, why in qualified:
        score, dated = _date_score(reading, visit, days, upcoming)
        score += parties
        why = why + dated
        kind = reading.kinds.get(visit.kind)
        if kind:
            score += KIND * min(1.0, kind)
            why.append(f"kind: {visit.kind}")
        terms = [
            (t, w)
            for t, names in zip(visit.terms, visit.term_names)
            if (w := reading.weight_of(names))
        ]
        score += min(TERMS_MAX, sum(TERM * min(1.0, w) for _, w in terms))
        why += [f"term: {t}" for t, _ in terms]
        scored.append((round(score, 2), len(why), visit, why))
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


def _where(weight: float) -> str:
    """Where evidence of this weight stands, for the evidence."""
    if weight >= LEAD:
        return " (lead)"
    if weight >= BODY:
        return ""
    if weight >= LATER:
        return " (later)"
    return " (background)"


def _parties(reading: Reading, visit: Visit) -> tuple[float | None, list[str]]:
    """How strongly the article names the visit's parties and place (None: not at all)."""
    names = reading.names
    named_at = [i for i, n in enumerate(visit.participant_names) if names(n)]
    country_named = [names(n) for n in visit.country_names]
    countries = bool(country_named) and all(country_named)
    place = names(visit.place_names)
    parties = len(named_at) + countries
    if country_named:  # a pair the catalogue follows: both sides must show
        if parties + place < 2:
            return None, []
        sides = {i for i, shown in enumerate(country_named) if shown}
        sides.update(visit.participant_sides[i] for i in named_at)
        if not sides.issuperset(range(len(country_named))):
            return None, []
    elif visit.participant_names:
        if not (parties >= 2 or (parties >= 1 and place)):
            return None, []
    elif not place:
        return None, []  # a catalogue without participants: the place must be named
    why = [f"names {visit.participants[i]}" for i in named_at] + (
        ["names both countries"] if countries else []
    )
    # A participant named only in a sentence that looks back counts half.
    weights = [reading.weight_of(visit.participant_names[i]) for i in named_at]
    score = sum(min(1.0, max(w, 0.5)) for w in weights) + countries
    if place:
        place_weight = reading.weight_of(visit.place_names)
        score += PLACE * place_weight
        why.append(f"place: {visit.place}{_where(place_weight)}")
    return score, why


def _day_matches(reading: Reading, visits: list[Visit]) -> dict[int, dict[str, float]]:
    """For each day and month the text gives without a year (no publication date to
    take it from), how strongly it points at each visit on that day in any year: fully
    when one visit is on it, or when the years the text states settle which; partly
    when several are and nothing settles it. Keys: indices in ``reading.dates``."""
    out: dict[int, dict[str, float]] = {}
    for i, dated in enumerate(reading.dates):
        day = dated.day_of_year
        if day is None:
            continue
        on_day = {v.id: when for v in visits if (when := _on_day(v, day))}
        if len(on_day) == 1:
            out[i] = dict.fromkeys(on_day, 3.0)
            continue
        settled = _settle(reading, on_day)
        if settled:
            out[i] = {vid: 3.0 if vid in settled else 0.0 for vid in on_day}
        else:
            out[i] = dict.fromkeys(on_day, 2.0)
    return out


def _on_day(visit: Visit, day: tuple[int, int]) -> date | None:
    """The day of a visit that falls on ``day`` (month, day) in the visit's year.

    Exact, unlike a dated day (which may be a day off): a day with no year is matched
    against every year's visits, and a day's slack would find one for almost any day.
    """
    for year in {visit.start.year, visit.end.year}:
        when = safe_date(year, *day)
        if when and visit.start <= when <= visit.end:
            return when
    return None


def _settle(reading: Reading, days: dict[str, date]) -> set[str]:
    """Among visits on the same day of different years, those of the first year not
    before the latest date the text states with its year (an article is not older
    than what it recounts); nothing when the text states no year or none fits."""
    latest = reading.latest_stated
    if latest is None:
        return set()
    after = {vid: when for vid, when in days.items() if when >= latest}
    if not after:
        return set()
    year = min(when.year for when in after.values())
    return {vid for vid, when in after.items() if when.year == year}


def _announced(reading: Reading, visits: list[Visit]) -> dict[str, int]:
    """When the lead announces a visit and the article's date is known: the next
    visit starting within ``ANNOUNCED_DAYS`` after it among those with the most of
    their participants named in the headline and lead, with the days ahead."""
    if not reading.announces or not (reading.published or reading.own_day):
        return {}
    ahead: dict[str, int] = {}
    starts: dict[str, date] = {}
    for visit in visits:
        days = _days_ahead(reading, visit)
        if days is not None and 1 <= days <= ANNOUNCED_DAYS:
            ahead[visit.id] = days
            starts[visit.id] = visit.start
    if not reading.published and len({s.year for s in starts.values()}) > 1:
        settled = _settle(reading, starts)  # a day without a year: which year's visit
        ahead = {vid: d for vid, d in ahead.items() if vid in settled} or ahead
    named = {
        v.id: sum(1 for names in v.participant_names if reading.names(names, lead=True))
        for v in visits
        if v.id in ahead
    }
    most = max(named.values(), default=0)
    ahead = {vid: d for vid, d in ahead.items() if named[vid] == most}
    nearest = min(ahead.values(), default=None)
    return {vid: d for vid, d in ahead.items() if d == nearest}


def _days_ahead(reading: Reading, visit: Visit) -> int | None:
    """Days from the article's own date to the visit's start (negative: before); for
    a day and month without a year, the nearer way round the year."""
    if reading.published:
        return (visit.start - reading.published).days
    if reading.own_day:
        return days_after((visit.start.month, visit.start.day), reading.own_day)
    return None


def _date_score(
    reading: Reading,
    visit: Visit,
    days: dict[int, dict[str, float]],
    upcoming: dict[str, int],
) -> tuple[float, list[str]]:
    start, end = visit.start, visit.end
    score, why = 0.0, []
    for i, dated in enumerate(reading.dates):
        if dated.when is not None:
            if start - ONE_DAY <= dated.when <= end + ONE_DAY:
                score += 3 * dated.weight
                why.append(f"date in text: {dated.surface}")
            elif dated.weight >= LEAD and abs((dated.when - start).days) > 30:
                score -= 1.0  # the lead dates something else
        elif dated.day_of_year is not None:
            strength = days.get(i, {}).get(visit.id)
            if strength:
                score += strength * dated.weight
                why.append(f"day in text: {dated.surface}")
        elif dated.month in {(start.year, start.month), (end.year, end.month)}:
            score += 1.5 * dated.weight
            why.append(f"month: {dated.surface}")
    near = 0.0
    pub = reading.published
    if pub:
        held = upcoming and end < pub  # an announcement looks ahead, not back
        if start - timedelta(days=10) <= pub <= end + timedelta(days=7) and not held:
            distance = (
                0
                if start <= pub <= end
                else min(abs((pub - start).days), abs((pub - end).days))
            )
            near = 4 - distance / 3
            why.append(f"published {pub} near {start}..{end}")
        elif abs((pub - start).days) > FAR_DAYS:
            score -= 4
    elif reading.own_day:  # dated without a year: far from that day in any year
        ahead = _days_ahead(reading, visit)
        if ahead is not None and abs(ahead) > FAR_DAYS:
            score -= 4
    if visit.id in upcoming:
        ahead = upcoming[visit.id]
        near = max(near, 4 - ahead / 7)
        why.append(f"announced {ahead} days ahead")
    return score + near, why


def _overlap(a: Visit, b: Visit) -> bool:
    return a.start <= b.end and b.start <= a.end


def find_candidate(reading: Reading, catalogues: Catalogues) -> dict | None:
    """A meeting of a country pair the catalogue follows that the article clearly
    reports (both sides, by country or participant, and a meeting word in the
    headline or lead) but that no catalogued visit covers: its date, place and the
    sentence that shows it."""
    for pair, sides in catalogues.pairs.items():
        if not all(reading.names(names) for names in sides):
            continue  # (a cheap look first: most articles name no pair)
        if not MEETING_WORDS.search(reading.lead_folded):
            return None
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
