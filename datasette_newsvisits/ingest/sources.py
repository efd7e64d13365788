"""Who published an article and which wire agencies it credits, with the evidence.

The outlet, in order of evidence: the input's field; the page's url; the site's name
after the title ("… | Reuters"); a page signature; a line of the page that is only an
outlet's name (not an agency's: a lone "Xinhua" is a credit); the outlet naming itself
in the page's own lines (a copyright or promo line, a byline, "As reported by X" where
X is not a wire agency). An agency named in a dateline or a credit is credited as an
agency and never becomes the outlet.

Agencies: every name of a known agency in a credit, a caption, a sign-off or the body
("(Xinhua/AP)", "Source: RIA Novosti, TASS", "MINSK, 1 March (BelTA) –", "TASS
reported"), written as the agency writes it (case-sensitive: "AP", not "ap").
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from ..text.dates import find_dates
from . import steps
from .catalogues import Catalogues, Outlet
from .clean import Cleaned
from .headlines import site_suffix
from .read import RawArticle
from .spellings import is_unspaced

COPYRIGHT = re.compile(r"(?i)©|\bcopyright\b|all rights reserved|\(c\) \d{4}")

SELF_CREDIT = re.compile(
    r"(?:^|[.!?]\s+)(?:As|as) (?:previously |earlier )?(?:reported by|reported|writes|wrote)"
    r"(?: by)? (?P<a>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})"
    r"|(?:^|[.!?]\s+)(?:As )?(?P<b>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})"
    r" (?:previously |earlier )?(?:reported earlier|has learned|has learnt|learned)\b"
)
# Steps of a line that may be only the site's name ("CGTN", "The Kyiv Independent").
SITE_NAME_STEPS = frozenset({steps.HEADING, steps.HEADLINE, steps.NAVIGATION})
BYLINE_PARTS = re.compile(r"\s*[,|/–]\s*|\s+-\s+")
# A time beside a date on a site's line: "10:45", "16:04 GMT+8", "9:31 PM".
TIME = re.compile(
    r"\d{1,2}:\d\d(?::\d\d)?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4}[+-]?\d*)?"
)


def find_outlet(
    raw: RawArticle, cleaned: Cleaned, url: str | None, catalogues: Catalogues
) -> tuple[Outlet | None, str | None]:
    """The outlet that published the article, and what it was read from."""
    if raw.outlet:
        known = catalogues.outlet_by_name(raw.outlet)
        outlet = known or Outlet(id=_slug(raw.outlet), name=raw.outlet.strip())
        return outlet, f"{raw.origin('outlet')}: {raw.outlet}"
    if url:
        host = urlparse(url if "//" in url else "//" + url).hostname or ""
        if host:
            known = catalogues.outlet_by_domain(host)
            domain = host.lower().removeprefix("www.")
            return known or Outlet(
                id=domain, name=domain, domains=[domain]
            ), f"url: {url}"
    for title in filter(None, [raw.title, *cleaned.headlines[:1]]):
        site = site_suffix(title)
        known = catalogues.outlet_by_name(site) if site else None
        if known:
            return known, f"title: {title[:120]}"
    signatures = _signatures(catalogues)
    for item in cleaned.removed:
        outlet = signatures.get(item["text"].strip().casefold())
        if outlet:
            return outlet, f"page signature: {item['text'].strip()}"
    for item in cleaned.removed:
        if item["step"] in SITE_NAME_STEPS:
            name = _without_dates(item["text"])
            known = catalogues.outlet_by_name(name) if len(name) >= 3 else None
            if known and not known.is_agency:
                return known, f"site name line: {item['text']}"
    removed = [
        r
        for r in cleaned.removed
        if r["step"] in steps.OUTLET_STEPS
        or (r["step"] == steps.CREDIT and COPYRIGHT.search(r["text"]))
    ]
    for item in removed:
        found = _outlet_in_own_line(item, catalogues)
        if found:
            return found, f"{item['step']} line: {item['text'][:120]}"
    for match in SELF_CREDIT.finditer(cleaned.text):
        name = (match.group("a") or match.group("b")).rstrip(".,")
        known = catalogues.outlet_by_name(name)
        if known and not known.is_agency:
            return known, f"self-credit: {match.group().strip()[:120]}"
    return None, None


def _without_dates(line: str) -> str:
    """A line without its dates, times and the punctuation around them: what is left
    of "(People's Daily Online) 10:45, June 05, 2025" is the site's name."""
    for mention in reversed(find_dates(line)):
        line = line[: mention.start] + " " + line[mention.end :]
    return TIME.sub(" ", line).strip(" \t()[]|,.-–—:")


def _signatures(catalogues: Catalogues) -> dict[str, Outlet]:
    cached = getattr(catalogues, "_signatures", None)
    if cached is None:
        cached = {
            s.casefold(): outlet
            for outlet in catalogues.outlets
            for s in outlet.signatures
        }
        catalogues._signatures = cached
    return cached


def _outlet_in_own_line(item: dict, catalogues: Catalogues) -> Outlet | None:
    """A known outlet naming itself in a copyright, promo or byline line."""
    text, step = item["text"], item["step"]
    if step == steps.BYLINE:  # "By Jane Doe, Reuters", "By ZHANG YI | China Daily | …"
        for part in BYLINE_PARTS.split(text)[1:]:
            known = catalogues.outlet_by_name(part)
            if known and not known.is_agency:
                return known
        return None
    copyright_line = bool(COPYRIGHT.search(text))
    if not (copyright_line or step in (steps.PROMO, steps.BOILERPLATE)):
        return None
    # Only a promo line ("Follow BelTA on Telegram") makes an agency the outlet: wire
    # copy on a newspaper's site carries the agency's copyright ("© 2023 AFP").
    for outlet in _outlets_named(text, catalogues):
        if step == steps.PROMO or not outlet.is_agency:
            return outlet
    return None


def _outlets_named(text: str, catalogues: Catalogues) -> list[Outlet]:
    pattern, by_name = _outlet_pattern(catalogues)
    return [by_name[m.group().lower()] for m in pattern.finditer(text)]


def _outlet_pattern(catalogues: Catalogues) -> tuple[re.Pattern, dict[str, Outlet]]:
    """One regex over every outlet's names of three or more characters, as written
    (whole words; "The Week", not "the week"), and its domains in any case."""
    cached = getattr(catalogues, "_outlet_regex", None)
    if cached is None:
        by_name: dict[str, Outlet] = {}
        for outlet in catalogues.outlets:
            names = [outlet.name, *outlet.aliases]
            names += [d for d in outlet.domains for d in (d, d.upper(), d.title())]
            for name in names:
                if len(name) >= 3:
                    by_name.setdefault(name, outlet)
        alternatives = "|".join(
            re.escape(n) for n in sorted(by_name, key=len, reverse=True)
        )
        by_name = {n.lower(): o for n, o in reversed(list(by_name.items()))}
        cached = (re.compile(rf"(?<![\w.-])(?:{alternatives})(?![\w-])"), by_name)
        catalogues._outlet_regex = cached
    return cached


def find_agencies(cleaned: Cleaned, catalogues: Catalogues) -> dict[str, str]:
    """The agencies the article credits or cites, each with the line that shows it."""
    credited: dict[str, str] = {}
    pattern, names = _agencies_pattern(catalogues)
    for item in cleaned.removed:
        if item["step"] in steps.CREDIT_STEPS:
            for match in pattern.finditer(item["text"]):
                credited.setdefault(
                    names[match.group(0)], f"{item['step']}: {item['text'][:120]}"
                )
    text = cleaned.text
    for match in pattern.finditer(text):
        start = max(0, match.start() - 40)
        snippet = text[start : match.end() + 20].replace("\n", " ")
        credited.setdefault(names[match.group(0)], f"cited in text: …{snippet}…")
    return credited


def _agencies_pattern(catalogues: Catalogues) -> tuple[re.Pattern, dict[str, str]]:
    """One regex over every agency's names: case-sensitive whole words ("AP", not "ap");
    a name in Chinese characters anywhere ("据新华社报道")."""
    cached = getattr(catalogues, "_agencies_regex", None)
    if cached is None:
        names = {p: a["name"] for a in catalogues.agencies for p in a["patterns"]}
        ordered = sorted(names, key=len, reverse=True)
        words = "|".join(re.escape(p) for p in ordered if not is_unspaced(p))
        pattern = rf"(?<![\w-])(?:{words})(?![\w-])"
        unspaced = "|".join(re.escape(p) for p in ordered if is_unspaced(p))
        if unspaced:
            pattern += f"|{unspaced}"
        cached = (re.compile(pattern), names)
        catalogues._agencies_regex = cached
    return cached


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "unknown"
