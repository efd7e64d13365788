"""Describe an article: outlet, title, publication date, wire agencies, and the visit.

Every value comes with its evidence (what in the input it was read from). Where there
is no evidence the value stays None: a wrong outlet or date is worse than none. The
parts live beside this module: ``dating`` (the date), ``sources`` (outlet and
agencies), ``visits`` (the visit, and meetings missing from the catalogue).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import steps
from .catalogues import Catalogues, Outlet, Visit, load_catalogues
from .clean import Cleaned
from .dating import read_published
from .headlines import choose_title, strip_site_suffix
from .read import RawArticle
from .sources import find_agencies, find_outlet
from .visits import Reading, assign_visit, find_candidate

__all__ = [
    "Catalogues",
    "Description",
    "Outlet",
    "Visit",
    "describe",
    "load_catalogues",
]


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
    visit_candidate: dict | None = None
    evidence: dict = field(default_factory=dict)


def describe(raw: RawArticle, cleaned: Cleaned, catalogues: Catalogues) -> Description:
    """Describe one article from its raw input and its cleaned text."""
    d = Description()
    d.url, url_evidence = _url(raw, cleaned)
    if d.url:
        d.evidence["url"] = url_evidence
    d.outlet, outlet_evidence = find_outlet(raw, cleaned, d.url, catalogues)
    if d.outlet:
        d.outlet_id = d.outlet.id
        d.evidence["outlet"] = outlet_evidence
    d.title, title_evidence = _title(raw, cleaned, catalogues)
    if d.title:
        d.evidence["title"] = title_evidence
    published = read_published(raw, cleaned, d.url)
    d.published = published.date
    if published.evidence:
        d.evidence["published"] = published.evidence
    credited = find_agencies(cleaned, catalogues)
    d.agencies = sorted(credited)
    d.evidence["agencies"] = credited
    reading = Reading(
        cleaned.text, d.title, d.published, published.month, published.day
    )
    visit, evidence = assign_visit(reading, catalogues.visits)
    d.visit_id = visit.id if visit else None
    if visit is None:
        d.visit_candidate = find_candidate(reading, catalogues)
        if d.visit_candidate:
            evidence["candidate"] = d.visit_candidate
    d.evidence["visit"] = evidence
    return d


def _title(
    raw: RawArticle, cleaned: Cleaned, catalogues: Catalogues
) -> tuple[str | None, str | None]:
    """The title: the input's own, else the page's headline (not a line that only
    names an outlet), without the site's name after it ("… | Reuters")."""

    def is_outlet(name: str) -> bool:
        return catalogues.outlet_by_name(name) is not None

    if raw.title:
        return strip_site_suffix(raw.title.strip(), is_outlet), raw.origin("title")
    title = choose_title(cleaned.headlines, is_outlet)
    return title, "headline line before the body" if title else None


def _url(raw: RawArticle, cleaned: Cleaned) -> tuple[str | None, str | None]:
    if raw.url:
        return raw.url, raw.origin("url")
    urls = cleaned.removed_by(steps.URL)
    if urls:
        return urls[0].strip(), f"url line: {urls[0].strip()}"
    return None, None
