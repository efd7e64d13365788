"""Remove the page's clutter from captured article text, keeping a record of what went.

The rules are about the shape of web pages, not about particular articles: photo
credits and the captions above them, navigation words, bylines and timestamps, view
counters, link teasers and headings, affiliate boilerplate, lines the page repeats, and
everything after the article's sign-off. Each removed piece is recorded with the step
that removed it, so nothing is lost: the raw text is stored beside the cleaned one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.months import MONTHS_PATTERN as MONTHS

# Photo credits: a line that names where a picture came from.
CREDIT_LINE = re.compile(
    r"""(?ix)
    ^(?:©|\(c\)\s|copyright\b|photo\s*(?:credit)?\s*:|photograph\s*:|image\s*:|
        images?\s+source\s*:|picture\s*:|credit\s*:|foto\s*:|source\s*:\s*(?:getty|afp|reuters|ap\b|epa|dpa|xinhua|tass|sputnik|wikimedia|shutterstock))
    | (?:\[(?:file|photo|image|pictured)\s*:[^\]]*\]\s*$)
    | (?:\[[^\]]*\b(?:via\ reuters|reuters|afp|getty\ images|epa|ap\ photo|xinhua|tass|sputnik|pool)\b[^\]]*\]\s*$)
    | (?:(?:image|photo|foto|picture)\s*:\s*[^.]{2,80}$)
    | (?:\bpicture[\s-]alliance\b)
    | (?:/\s*(?:dpa|afp|reuters|getty\ images|epa|ap|xinhua|tass|sputnik|kyodo|imago)\s*$)
    | (?:\bgetty\ images\s*$)
    """
)
# Words without which a line cannot be a credit (a cheap test before the regex).
CREDIT_HINTS = (
    "©",
    "(c)",
    "copyright",
    "photo",
    "image",
    "picture",
    "credit",
    "foto",
    "source",
    "[",
    "/",
    "getty",
)
# A credit glued to the end of a caption ("...ally of PutinImage: BelTA/TASS").
GLUED_CREDIT = re.compile(r"[a-z.)](?:Image|Photo|Picture|Foto|Credit)s?:\s")
CAPTION_MARKER = re.compile(
    r"\((?:l|r|c|L|R|C|left|right|centre|center|front|back|top|bottom)\)|\bpictured\b"
)

NAV_WORDS = {
    "skip to content",
    "skip to main content",
    "related content",
    "related",
    "related articles",
    "related stories",
    "related topics",
    "read more",
    "read also",
    "also read",
    "see also",
    "more",
    "more from",
    "more stories",
    "more on this story",
    "advertisement",
    "advert",
    "sponsored",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "tweet",
    "email",
    "print",
    "comments",
    "comment",
    "subscribe",
    "sign up",
    "log in",
    "login",
    "menu",
    "search",
    "home",
    "news",
    "world",
    "politics",
    "business",
    "economy",
    "europe",
    "asia",
    "opinion",
    "video",
    "videos",
    "photo",
    "photos",
    "gallery",
    "listen",
    "watch",
    "trending",
    "most read",
    "most popular",
    "top stories",
    "recommended",
    "you may also like",
    "you might also like",
    "follow us",
    "back to top",
    "next article",
    "previous article",
    "accept cookies",
    "topics",
    "tags",
}
NAV_MARKERS = re.compile(
    r"(?i)\b(?:skip to (?:main )?content|cookie|newsletter|all rights reserved"
    r"|click here|sign up for|subscribe to|follow us on|download (?:our|the) app"
    r"|we (?:independently )?selected these|we may (?:earn|receive) (?:a )?commission"
    r"|affiliate (?:link|commission)|share (?:on|via) (?:facebook|twitter|whatsapp))"
)
RELATIVE_TIME = re.compile(
    r"(?i)^(?:[A-Z][A-Za-z]+)?\s*(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month)s?\s+ago$"
)
DATE_ONLY = re.compile(
    rf"""(?ix)^[\s,|·•-]*
    (?:(?:published|updated|posted|last\ updated|date)\s*:?\s*)?
    (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?
    (?:
        \d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{{2,4}})?,?\s*{MONTHS}\.?\s+\d{{1,2}},?\s+\d{{4}}
      | {MONTHS}\.?\s+\d{{1,2}},?\s+\d{{4}}(?:\s*,?\s*\d{{1,2}}:\d{{2}}.*)?
      | \d{{1,2}}\s+{MONTHS}\.?\s+\d{{4}}(?:\s*,?\s*\d{{1,2}}:\d{{2}}.*)?
      | \d{{4}}-\d{{2}}-\d{{2}}(?:[T\s]\d{{2}}:\d{{2}}.*)?
      | \d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}(?:\s*,?\s*\d{{1,2}}:\d{{2}}.*)?
    )[\s,|·•]*(?:\d{{1,2}}:\d{{2}}\s*(?:min)?)?\s*$"""
)
DATE_FIELD = re.compile(
    r"(?i)^\s*(?:date|published|updated|posted)\s*:?\s*\d{4}-\d{2}-\d{2}"
)
VIEW_COUNTER = re.compile(
    r"(?i)^.{0,40}?\d[\d,.\s]*\s*(?:views?|reads?|comments?|shares?|likes?)\s*$"
)
URL_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
BYLINE = re.compile(
    r"^(?:By|BY|Written by|Reporting by|Text:)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*\s*(?:,\s*[\w ]+)?$"
)
# Agency sign-offs and page signatures that end an article ("tg/ar (AFP, Reuters)").
SIGN_OFF = re.compile(
    r"""(?x)^(?:
        [a-z]{1,4}(?:/[a-z]{1,4})+\s*\([^)]{2,60}\)
      | \((?:Reporting|Writing|Editing|Additional\ reporting)\ by\ [^)]*\)
      | (?:Source|Sources)\s*:\s*(?:News\ Agencies|Al\ Jazeera[\w\s,]*|agencies|[A-Z][\w.]*(?:,\s*[A-Z][\w.]*)*)
      | -?\s*(?:AFP|Reuters|AP|dpa|Xinhua|BelTA|TASS)\s*$
    )\s*$"""
)
END_MARKERS = {
    "related content",
    "related",
    "related articles",
    "related stories",
    "more on this story",
    "more from",
    "more stories",
    "read more",
    "also read",
    "you may also like",
    "you might also like",
    "recommended",
    "most read",
    "trending",
    "top stories",
}
TERMINAL = re.compile(r"""[.!?]["'”’)\]]*\s*$|[.!?…]\s*$|:\s*$|["”]\s*$""")
# A name pasted into a sentence by the page: "arrive on Marcus EriksonTuesday".
STRAY_NAME = re.compile(
    r"(?<=[a-z,;] )((?!(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Du|O)[A-Z])"
    r"[A-Z][a-z]+(?:[ -][A-Z][a-z'’]+){1,2})(?=[A-Z][a-z]+\b)"
)
# A short navigation word glued to the next line's first word ("NewsLukashenko visits").
GLUED_PREFIX = re.compile(r"^([A-Z][a-z]{1,12})(?=[A-Z][a-z])")
GLUED_WORDS = re.compile(r"[a-z][A-Z][a-z]")
CAMEL_ONLY = re.compile(r"^(?:[A-Z][a-z]+){2,4}$")
WORD = re.compile(r"\w+", re.UNICODE)

HEADING_MAX_WORDS = 14
CAPTION_MAX_WORDS = 45


@dataclass
class Cleaned:
    """The article body without clutter, the headline found, and what was removed."""

    text: str
    headline: str | None = None
    removed: list[dict] = field(default_factory=list)

    def removed_by(self, step: str) -> list[str]:
        """The pieces a given step removed."""
        return [r["text"] for r in self.removed if r["step"] == step]


def clean_text(raw: str) -> Cleaned:
    """Clean a page's captured text into the article body.

    Returns the cleaned body (paragraphs separated by newlines), the headline when the
    page shows one, and a list of ``{"step", "text"}`` records of what was removed.
    """
    removed: list[dict] = []
    lines = _normalize(raw).split("\n")
    lines = [line.strip() for line in lines]
    lines = [line for line in lines if line]
    lines = _unglue_prefixes(lines, removed)
    kinds = [_classify(line) for line in lines]
    if "teaser" in kinds and None not in kinds:
        # Teasers and no prose: a flattened article (exports carry a story as one
        # line, often ending in a credit, not a full stop), not a page of links.
        kinds = [None if kind == "teaser" else kind for kind in kinds]
    _mark_captions(lines, kinds)
    _mark_tail(lines, kinds)
    headline = _find_headline(lines, kinds)
    body: list[str] = []
    seen: set[str] = set()
    headline_words = set(_key(headline).split()) if headline else set()
    for line, kind in zip(lines, kinds):
        key = _key(line) if kind is None else ""
        if kind is None and key in seen:
            kind = "repeated"
        if kind is None and headline_words and _near_repeat(key, headline_words):
            kind = "headline"
        if kind is None:
            line = _remove_stray_names(line, removed)
            seen.add(key)
            body.append(line)
        else:
            removed.append({"step": kind, "text": line})
    return Cleaned(text="\n".join(body), headline=headline, removed=removed)


def _normalize(raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n")
    text = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", text)
    return re.sub(r"[ \t]+", " ", text)


def _key(line: str) -> str:
    """A line's words, case-folded, without punctuation: equal keys, same line."""
    return " ".join(WORD.findall(line.casefold()))


def _unglue_prefixes(lines: list[str], removed: list[dict]) -> list[str]:
    """Split a navigation word glued to a line that the page shows again on its own."""
    keys = {_key(line) for line in lines}
    out = []
    for line in lines:
        match = GLUED_PREFIX.match(line)
        if match:
            rest = line[match.end() :]
            if _key(rest) in keys or match.group(1).casefold() in NAV_WORDS:
                removed.append({"step": "navigation", "text": match.group(1)})
                line = rest
        out.append(line)
    return out


def _words(line: str) -> int:
    return len(line.split())


def _classify(line: str) -> str | None:
    """The clutter step a line belongs to, or None for article text."""
    words = _words(line)
    lowered = line.casefold()
    if lowered.strip(" .:|-•·") in NAV_WORDS or (words == 1 and CAMEL_ONLY.match(line)):
        return "navigation"
    if words <= 12:
        if URL_ONLY.match(line):
            return "url"
        if words <= 6 and VIEW_COUNTER.match(line):
            return "counter"
        if RELATIVE_TIME.match(line):
            return "timestamp"
        if DATE_ONLY.match(line) or DATE_FIELD.match(line):
            return "dateline"
        if SIGN_OFF.match(line):
            return "signoff"
        if BYLINE.match(line):
            return "byline"
    if words <= CAPTION_MAX_WORDS:
        if any(hint in lowered for hint in CREDIT_HINTS) and CREDIT_LINE.search(line):
            return "credit"
        if GLUED_CREDIT.search(line):
            return "caption"
    if words <= 40 and NAV_MARKERS.search(line):
        return "boilerplate"
    if TERMINAL.search(line):
        return None
    if words <= 3:
        return (
            "navigation"
            if words <= 2 and not _is_capitalized_phrase(line)
            else "heading"
        )
    return "heading" if words <= HEADING_MAX_WORDS else "teaser"


def _is_capitalized_phrase(line: str) -> bool:
    words = line.split()
    return len(words) == 2 and all(w[:1].isupper() for w in words)


def _mark_captions(lines: list[str], kinds: list[str | None]) -> None:
    """Lines just above a credit are its caption; so are lines with (L)/(R) markers."""
    for i, kind in enumerate(kinds):
        if (
            kind is None
            and CAPTION_MARKER.search(lines[i])
            and _words(lines[i]) <= CAPTION_MAX_WORDS
        ):
            kinds[i] = "caption"
    for i, kind in enumerate(kinds):
        if kind not in ("credit", "caption"):
            continue
        j = i - 1
        if j >= 0 and kinds[j] == "teaser" and _words(lines[j]) <= CAPTION_MAX_WORDS:
            kinds[j] = "caption"
            continue
        while (
            j >= 0
            and kinds[j] in (None, "heading")
            and _words(lines[j]) <= CAPTION_MAX_WORDS
        ):
            prose = kinds[j] is None
            if prose and j < i - 1:
                break  # only the line right above may be a full-sentence caption
            if prose and _words(lines[j]) > 30 and not CAPTION_MARKER.search(lines[j]):
                break
            if kinds[j] == "heading" and j == 0:
                break  # the first line is the headline, not a caption
            kinds[j] = "caption"
            if prose:
                j -= 1
                if (
                    j >= 0
                    and kinds[j] == "heading"
                    and j > 0
                    and kinds[j - 1] is not None
                ):
                    kinds[j] = "caption"
                break
            j -= 1


def _mark_tail(lines: list[str], kinds: list[str | None]) -> None:
    """Everything after the article's end (sign-off, 'Related content', counters) goes."""
    prose_before = 0
    total_prose = sum(1 for k in kinds if k is None)
    for i, kind in enumerate(kinds):
        if kind is None:
            prose_before += 1
            continue
        ends = (
            kind == "signoff"
            or kind == "counter"
            or lines[i].casefold().strip(" .:") in END_MARKERS
        )
        if ends and prose_before >= max(2, total_prose // 2):
            for j in range(i + 1, len(kinds)):
                if kinds[j] is None or kinds[j] in ("heading", "teaser"):
                    kinds[j] = "tail"
            return


def _find_headline(lines: list[str], kinds: list[str | None]) -> str | None:
    """The first headline-like line before the body starts, if the page shows one."""
    for i, kind in enumerate(kinds[:8]):
        if kind is None:
            return None  # the body started before any headline
        if kind == "heading" and _words(lines[i]) >= 3:
            kinds[i] = "headline"
            return lines[i]
    return None


def _near_repeat(key: str, headline_words: set[str]) -> bool:
    """Whether a line (by its key) repeats the headline with a few words changed."""
    if abs(key.count(" ") + 1 - len(headline_words)) > 4:
        return False
    words = set(key.split())
    return len(words & headline_words) / min(len(words), len(headline_words)) >= 0.85


def _remove_stray_names(line: str, removed: list[dict]) -> str:
    if not GLUED_WORDS.search(line):
        return line

    def drop(match: re.Match) -> str:
        removed.append({"step": "stray name", "text": match.group(1)})
        return ""

    return STRAY_NAME.sub(drop, line)
