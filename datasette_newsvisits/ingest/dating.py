"""An article's publication date, from what the page states, with the evidence.

Stated dates, in order: the input's own field; the capture header (" date 2023-03-01");
a date line of the page's header or foot (published, updated, a bare time stamp); a
dateline opening the body ("BEIJING, March 1, 2023 (Xinhua) –"); the page's url. Only
when none states a full date is one inferred: a header that gives only the year and
month, completed by the day or weekday the lead names. The evidence says which. A
dateline that gives only a day and month ("MINSK, August 21 (BelTA) –") is kept as
such (``Published.day``): visit assignment reads it as the article's own day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..text.dates import find_dates, safe_date, url_date
from . import steps
from .clean import Cleaned
from .read import RawArticle

PARTIAL_HEADER = re.compile(r"^date (\d{4})-(\d{2})$")
UPDATED = re.compile(
    r"(?i)\b(?:updated|modified|обновлено|абноўлена|оновлено|aktualisiert|mis à jour)\b"
)
# A dateline opening the body: a place in capitals, then the date, then the credit.
BODY_DATELINE = re.compile(r"^[A-ZА-ЯЁІЎЄ][A-ZА-ЯЁІЎЄ .'’-]{2,40},\s")
DATELINE_REACH = 80  # characters of the body's start a dateline's date stands in
# Where such a dateline ends: at the dash after the place, date and credit
# ("MINSK, August 21 (BelTA) – ", "BEIJING — "), or after a credit in slashes
# ("MINSK, August 21. /TASS/. ").
DATELINE_END = re.compile(
    r"^[A-ZА-ЯЁІЎЄ][A-ZА-ЯЁІЎЄ .'’]{2,40}(?:,[^–—\n]{1,60}?)?"
    r"(?:\s*(?:[–—]|--?)\s|\s*/[A-ZА-ЯЁІЎЄ]+/\.?\s)"
)


@dataclass
class Published:
    """The publication date (ISO), its year-month ("YYYY-MM") or day ("MM-DD") when
    only that is stated, and why."""

    date: str | None = None
    month: str | None = None
    evidence: str | None = None
    day: str | None = None


def read_published(raw: RawArticle, cleaned: Cleaned, url: str | None) -> Published:
    """The publication date a page states (or, failing that, infers), with evidence."""
    if raw.published:
        found = _first_date(raw.published)
        if found:
            return Published(
                found.isoformat(),
                None,
                f"stated: {raw.origin('published')}: {raw.published}",
            )
    month = None
    dated_lines: list[tuple[date, str]] = []
    for item in cleaned.removed:
        if item["step"] == steps.TAIL:
            break
        if item["step"] == steps.CAPTURE_HEADER:
            partial = PARTIAL_HEADER.match(item["text"])
            if partial:
                month = f"{partial.group(1)}-{partial.group(2)}"
                continue
        if item["step"] in steps.DATE_STEPS:
            found = _first_date(item["text"])
            if found:
                if item["step"] == steps.CAPTURE_HEADER:
                    return Published(
                        found.isoformat(),
                        None,
                        f"stated: capture header {item['text']}",
                    )
                dated_lines.append((found, item["text"]))
    if dated_lines:
        # A "published" stamp beats an "updated" one; otherwise the first stamp.
        first = next(
            (d for d in dated_lines if not UPDATED.search(d[1])), dated_lines[0]
        )
        return Published(first[0].isoformat(), None, f"stated: date line {first[1]}")
    lead = cleaned.text[:300]
    dateline = lead[:DATELINE_REACH] if BODY_DATELINE.match(lead) else None
    if dateline:
        found = _first_date(dateline)
        if found:
            return Published(found.isoformat(), None, f"stated: dateline {dateline}")
    if url:
        found = url_date(url)
        if found:
            return Published(found.isoformat(), None, f"stated: url {url}")
    if month:
        inferred = _infer_day(month, lead)
        if inferred:
            return Published(
                inferred.isoformat(),
                month,
                f"inferred: header {month} and the day the lead names",
            )
        return Published(None, month, f"stated: month only, capture header {month}")
    day = _day_without_year(dateline) if dateline else None
    if day:
        return Published(
            None, None, f"stated: day and month only, dateline {dateline}", day
        )
    return Published()


def _first_date(text: str) -> date | None:
    for mention in find_dates(text):
        if mention.date:
            return mention.date
    return None


def dateline_end(text: str) -> int:
    """Where a dateline opening ``text`` ends (0 when it opens with none)."""
    match = DATELINE_END.match(text[:DATELINE_REACH])
    return match.end() if match else 0


def _day_without_year(dateline: str) -> str | None:
    """The day and month ("MM-DD") a dateline gives without a year."""
    mention = next(iter(find_dates(dateline)), None)
    if mention and mention.month and mention.day and not mention.year:
        return f"{mention.month:02d}-{mention.day:02d}"
    return None


def _infer_day(month: str, lead: str) -> date | None:
    """The day of the stated month that the lead names without a year ("on March 20")."""
    year, number = int(month[:4]), int(month[5:7])
    for mention in find_dates(lead):
        if mention.month == number and mention.day and not mention.year:
            return safe_date(year, number, mention.day)
    return None
