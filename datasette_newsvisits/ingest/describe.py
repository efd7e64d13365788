"""Describe an article: outlet, title, publication date, wire agencies, and the visit.

Every value comes with its evidence (what in the input it was read from). Where there
is no evidence the value stays None: a wrong outlet or date is worse than none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlparse

from ..text.months import MONTHS_PATTERN as MONTHS
from ..text.months import month_number
from .clean import Cleaned
from .read import RawArticle

DATE_HEADER_STEPS = {"dateline", "navigation", "timestamp", "byline", "heading"}

ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
MONTH_DAY_YEAR = re.compile(
    rf"\b({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
)
DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\.?,?\s+(\d{{4}})\b"
)
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
MONTH_DAY = re.compile(
    rf"\b({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d{{4}})"
)
DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\b(?!\.?,?\s*\d{{4}})"
)
MONTH_YEAR = re.compile(rf"\b({MONTHS})\.?\s+(\d{{4}})\b")
WEEKDAYS = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]
WEEKDAY = re.compile(
    r"\b(?:on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
BACK_REFERENCE = re.compile(
    r"(?i)\b(?:last met|previous(?:ly)?|earlier|last (?:year|september|march|time)"
    r"|first met|had met|in the past|ago|since)\b"
)
BELARUS = re.compile(
    r"(?i)\b(?:belarus\w*|minsk|lukash[ae]nk\w*|łukaszenk\w*|loukachenko|lukaschenko)"
)
CHINA = re.compile(
    r"(?i)\b(?:chin(?:a|ese)|beijing|xi jinping|xi|samarkand|shanghai cooperation|sco|tianjin)\b"
)
KIND_WORDS = {
    "state visit": re.compile(r"(?i)\bstate visit\b"),
    "working visit": re.compile(r"(?i)\bworking (?:visit|trip|nature)\b"),
    "summit meeting": re.compile(r"(?i)\bsummit\b|\bsidelines\b"),
    "forum": re.compile(r"(?i)\bforum\b"),
}


@dataclass
class Visit:
    """A visit or meeting from the catalogue."""

    id: str
    title: str
    kind: str
    place: str
    start_date: str
    end_date: str
    description: str | None = None
    source: str | None = None
    terms: list[str] = field(default_factory=list)

    @property
    def start(self) -> date:
        """The first day, as a date."""
        return _iso(self.start_date)

    @property
    def end(self) -> date:
        """The last day, as a date."""
        return _iso(self.end_date)

    def row(self) -> dict:
        """The row stored in the ``visits`` table."""
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "place": self.place,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "description": self.description,
            "source": self.source,
        }


@dataclass
class Outlet:
    """A news outlet the loader recognizes."""

    id: str
    name: str
    domains: list[str] = field(default_factory=list)
    country: str | None = None
    kind: str | None = None
    signatures: list[str] = field(default_factory=list)

    def row(self) -> dict:
        """The row stored in the ``outlets`` table."""
        return {
            "id": self.id,
            "name": self.name,
            "domain": self.domains[0] if self.domains else None,
            "country": self.country,
            "kind": self.kind,
        }


@dataclass
class Catalogues:
    """The data the describer reads: visits, outlets and wire agencies."""

    visits: list[Visit]
    outlets: list[Outlet]
    agencies: list[dict]

    def outlet_by_domain(self, host: str) -> Outlet | None:
        """The outlet whose domain is ``host`` or a parent of it."""
        host = host.lower().removeprefix("www.")
        for outlet in self.outlets:
            for domain in outlet.domains:
                if host == domain or host.endswith("." + domain):
                    return outlet
        return None

    def outlet_by_name(self, name: str) -> Outlet | None:
        """The outlet called ``name`` (case-insensitive), or whose id or domain it is."""
        key = name.strip().casefold()
        for outlet in self.outlets:
            if key in (outlet.name.casefold(), outlet.id) or key in outlet.domains:
                return outlet
        return None


@dataclass
class Description:
    """What is known about an article, each value with its evidence."""

    outlet_id: str | None = None
    outlet: Outlet | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    agencies: list[str] = field(default_factory=list)
    visit_id: str | None = None
    evidence: dict = field(default_factory=dict)


def _data_path(name: str):
    return resources.files("datasette_newsvisits") / "data" / name


@lru_cache(maxsize=8)
def load_catalogues(visit_files: tuple[str, ...] = ()) -> Catalogues:
    """Load the shipped catalogues, with visits added from user files (same format)."""
    visits = {}
    sources = [_data_path("visits.json").read_text(encoding="utf-8")]
    sources += [Path(f).read_text(encoding="utf-8") for f in visit_files]
    for text in sources:
        for item in json.loads(text)["visits"]:
            visit = Visit(
                **{k: v for k, v in item.items() if k in Visit.__dataclass_fields__}
            )
            date.fromisoformat(visit.start_date), date.fromisoformat(visit.end_date)
            visits[visit.id] = visit
    outlets_data = json.loads(_data_path("outlets.json").read_text(encoding="utf-8"))
    outlets = [Outlet(**item) for item in outlets_data["outlets"]]
    return Catalogues(
        visits=sorted(visits.values(), key=lambda v: v.start_date),
        outlets=outlets,
        agencies=outlets_data["agencies"],
    )


def describe(raw: RawArticle, cleaned: Cleaned, catalogues: Catalogues) -> Description:
    """Describe one article from its raw input and its cleaned text."""
    d = Description()
    _describe_url(raw, cleaned, d)
    _describe_outlet(raw, cleaned, catalogues, d)
    _describe_title(raw, cleaned, d)
    _describe_published(raw, cleaned, d)
    _describe_agencies(raw, cleaned, catalogues, d)
    visit, evidence = assign_visit(
        cleaned.text, d.title, d.published, catalogues.visits
    )
    d.visit_id = visit.id if visit else None
    d.evidence["visit"] = evidence
    return d


def _describe_url(raw: RawArticle, cleaned: Cleaned, d: Description) -> None:
    if raw.url:
        d.url, d.evidence["url"] = raw.url, raw.origin("url")
        return
    urls = cleaned.removed_by("url")
    if urls:
        d.url, d.evidence["url"] = urls[0].strip(), f"url line: {urls[0].strip()}"


def _describe_outlet(
    raw: RawArticle, cleaned: Cleaned, catalogues: Catalogues, d: Description
) -> None:
    if raw.outlet:
        known = catalogues.outlet_by_name(raw.outlet)
        d.outlet = known or Outlet(id=_slug(raw.outlet), name=raw.outlet.strip())
        d.evidence["outlet"] = f"{raw.origin('outlet')}: {raw.outlet}"
    elif d.url:
        host = urlparse(d.url if "//" in d.url else "//" + d.url).hostname or ""
        if host:
            known = catalogues.outlet_by_domain(host)
            domain = host.lower().removeprefix("www.")
            d.outlet = known or Outlet(id=domain, name=domain, domains=[domain])
            d.evidence["outlet"] = f"url: {d.url}"
    if d.outlet is None:
        removed = [
            r["text"] for r in cleaned.removed if r["step"] in ("signoff", "credit")
        ]
        for outlet in catalogues.outlets:
            for signature in outlet.signatures:
                if any(
                    line.strip().casefold() == signature.casefold() for line in removed
                ):
                    d.outlet = outlet
                    d.evidence["outlet"] = f"page signature: {signature}"
                    break
            if d.outlet:
                break
    d.outlet_id = d.outlet.id if d.outlet else None


def _describe_title(raw: RawArticle, cleaned: Cleaned, d: Description) -> None:
    if raw.title:
        d.title, d.evidence["title"] = raw.title.strip(), raw.origin("title")
    elif cleaned.headline:
        d.title, d.evidence["title"] = cleaned.headline, "headline line before the body"


def _describe_published(raw: RawArticle, cleaned: Cleaned, d: Description) -> None:
    if raw.published:
        parsed = parse_date(raw.published)
        if parsed:
            d.published = parsed.isoformat()
            d.evidence["published"] = f"{raw.origin('published')}: {raw.published}"
            return
    # Dates the page shows in its header: lines removed as datelines, navigation or
    # timestamps before the tail of the page (a teaser's date is not the article's).
    for item in cleaned.removed:
        if item["step"] == "tail":
            break
        if item["step"] in DATE_HEADER_STEPS:
            parsed = parse_date(item["text"])
            if parsed:
                d.published = parsed.isoformat()
                d.evidence["published"] = f"{item['step']} line: {item['text']}"
                return


def parse_date(text: str) -> date | None:
    """The first full date (with a year) written in ``text``, in any common format."""
    text = str(text)
    found: list[tuple[int, date]] = []
    for match in ISO_DATE.finditer(text):
        found.append((match.start(), _safe_date(*map(int, match.groups()))))
    for match in MONTH_DAY_YEAR.finditer(text):
        month = month_number(match.group(1))
        found.append(
            (match.start(), _safe_date(int(match.group(3)), month, int(match.group(2))))
        )
    for match in DAY_MONTH_YEAR.finditer(text):
        month = month_number(match.group(2))
        found.append(
            (match.start(), _safe_date(int(match.group(3)), month, int(match.group(1))))
        )
    for match in NUMERIC_DATE.finditer(text):
        day, month, year = map(int, match.groups())
        found.append((match.start(), _safe_date(year, month, day)))
    found = [(pos, value) for pos, value in found if value is not None]
    if not found:
        try:
            return datetime.fromisoformat(text.strip()).date()
        except ValueError:
            return None
    return min(found, key=lambda item: item[0])[1]


def _safe_date(year: int, month: int, day: int) -> date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _describe_agencies(
    raw: RawArticle, cleaned: Cleaned, catalogues: Catalogues, d: Description
) -> None:
    credited: dict[str, str] = {}
    pattern, names = _agencies_pattern(catalogues)
    credit_steps = ("credit", "caption", "signoff", "byline")
    for item in cleaned.removed:
        if item["step"] in credit_steps:
            for match in pattern.finditer(item["text"]):
                credited.setdefault(names[match.group(0)], f"credit: {item['text']}")
    for match in pattern.finditer(cleaned.text):
        start = max(0, match.start() - 40)
        snippet = cleaned.text[start : match.end() + 20].replace("\n", " ")
        credited.setdefault(names[match.group(0)], f"cited in text: …{snippet}…")
    d.agencies = sorted(credited)
    d.evidence["agencies"] = credited


def _agencies_pattern(catalogues: Catalogues) -> tuple[re.Pattern, dict[str, str]]:
    """One regex over every agency's names: case-sensitive whole words ("AP", not "ap")."""
    cached = getattr(catalogues, "_agencies_regex", None)
    if cached is None:
        names = {p: a["name"] for a in catalogues.agencies for p in a["patterns"]}
        alternatives = "|".join(
            re.escape(p) for p in sorted(names, key=len, reverse=True)
        )
        cached = (re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])"), names)
        catalogues._agencies_regex = cached
    return cached


def assign_visit(
    text: str, title: str | None, published: str | None, visits: Sequence[Visit]
) -> tuple[Visit | None, dict]:
    """The visit an article reports on, from its date and its text, or None.

    Returns the visit and the evidence: the score of each candidate and why.
    """
    full = f"{title or ''}\n{text}"
    if not (BELARUS.search(full) and CHINA.search(full)):
        return None, {"reason": "does not name both Belarus and China"}
    pub = date.fromisoformat(published) if published else None
    sentences = re.split(r"(?<=[.!?])\s+|\n", full)
    current = [s for s in sentences if not BACK_REFERENCE.search(s)]
    current_text = "\n".join(current)
    mentioned = _dates_mentioned(current_text, pub)
    lowered = current_text.casefold()
    kinds_present = {k for k, rx in KIND_WORDS.items() if rx.search(current_text)}
    years = {int(y) for y in re.findall(r"\b(20\d\d)\b", current_text)}
    scores: dict[str, float] = {}
    reasons: dict[str, list[str]] = {}
    for visit in visits:
        score, why = 0.0, []
        start, end = visit.start, visit.end
        if pub:
            if start - timedelta(days=21) <= pub <= end + timedelta(days=10):
                inside = start <= pub <= end
                distance = (
                    0 if inside else min(abs((pub - start).days), abs((pub - end).days))
                )
                score += 4 - distance / 10
                why.append(f"published {pub} near {start}..{end}")
            elif abs((pub - start).days) > 120:
                score -= 3
        for when, surface in mentioned:
            if _within(when, start, end):
                score += 2
                why.append(f"date in text: {surface}")
        if visit.kind in kinds_present:
            score += 1
            why.append(f"kind: {visit.kind}")
        for term in visit.terms:
            if term.casefold() in lowered:
                score += 0.75
                why.append(f"term: {term}")
        if visit.place and visit.place.casefold() in lowered:
            score += 0.5
        if years and start.year in years:
            score += 0.5
        elif years and not pub:
            score -= 0.5
        scores[visit.id] = round(score, 2)
        reasons[visit.id] = why
    if not scores:
        return None, {"reason": "no visits in the catalogue"}
    best_id = max(scores, key=scores.get)
    ranked = sorted(scores.values(), reverse=True)
    margin = ranked[0] - (ranked[1] if len(ranked) > 1 else 0)
    evidence = {
        "scores": {k: v for k, v in scores.items() if v > 0},
        "why": reasons[best_id],
    }
    if ranked[0] < 2 or margin < 0.5:
        evidence["reason"] = "no visit stands out"
        return None, evidence
    return next(v for v in visits if v.id == best_id), evidence


def _dates_mentioned(text: str, published: date | None) -> list[tuple[object, str]]:
    """Dates the text names: full dates, or (month, day) pairs when no year is given
    (matched against each visit's days), and weekdays resolved against ``published``."""
    found: list[tuple[object, str]] = []
    for m in MONTH_DAY_YEAR.finditer(text):
        month = month_number(m.group(1))
        value = _safe_date(int(m.group(3)), month, int(m.group(2)))
        if value:
            found.append((value, m.group(0)))
    for m in DAY_MONTH_YEAR.finditer(text):
        month = month_number(m.group(2))
        value = _safe_date(int(m.group(3)), month, int(m.group(1)))
        if value:
            found.append((value, m.group(0)))
    for pattern, month_group, day_group in ((MONTH_DAY, 1, 2), (DAY_MONTH, 2, 1)):
        for m in pattern.finditer(text):
            month = month_number(m.group(month_group))
            day = int(m.group(day_group))
            value = _safe_date(published.year, month, day) if published else None
            found.append((value or (month, day), m.group(0)))
    if published:
        for m in WEEKDAY.finditer(text):
            target = WEEKDAYS.index(m.group(1).lower())
            ahead = (target - published.weekday()) % 7
            found.append((published + timedelta(days=ahead), m.group(0)))
            found.append((published - timedelta(days=(7 - ahead) % 7 or 7), m.group(0)))
    return found


def _within(when: object, start: date, end: date) -> bool:
    if isinstance(when, date):
        return start <= when <= end
    month, day = when
    for year in {start.year, end.year}:
        value = _safe_date(year, month, day)
        if value and start <= value <= end:
            return True
    return False


@lru_cache(maxsize=1024)
def _iso(value: str) -> date:
    return date.fromisoformat(value)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "unknown"
