"""Remove the page's clutter from captured article text, keeping a record of what went.

The rules are about the shape of web pages, not about particular articles: photo
credits and the captions above them, navigation words, bylines and timestamps, view
counters, link teasers and headings, affiliate boilerplate, lines the page repeats, and
everything after the article's sign-off. Each removed piece is recorded with the step
that removed it (``steps``), so nothing is lost: the raw text is stored beside the
cleaned one. What one line looks like is judged in ``clutter``; this module adds what
needs the lines around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.dates import find_dates
from . import steps
from .clutter import (
    CAPTION_MARKER,
    CAPTION_MAX_WORDS,
    END_MARKERS,
    NAV_WORDS,
    SITE_COPYRIGHT,
    TERMINAL,
    TRAILING_CREDIT,
    TRAILING_TEASER,
    classify_line,
    word_count,
)
from .headlines import find_headlines, split_flattened_headline
from .headlines import key as _key

# The header a capture puts first: " date 2023-03-01", sometimes with text after it.
CAPTURE_HEADER = re.compile(r"^date \d{4}-\d{2}(?:-\d{2})?(?![\d-])")
# A paragraph's last sentence followed by a source or date stamp the page glued on.
GLUED_TAIL = re.compile(
    r"(?<=[.!?\"”])\s+(?=(?:Source|Sources|Photo|Foto|Credit)\s*:|[A-Z][a-z]+day,? )"
)
# A name pasted into a sentence by the page: "arrive on Marcus EriksonTuesday".
STRAY_NAME = re.compile(
    r"(?<=[a-z,;] )((?!(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Du|O)[A-Z])"
    r"[A-Z][a-z]+(?:[ -][A-Z][a-z'’]+){1,2})(?=[A-Z][a-z]+\b)"
)
# A short navigation word glued to the next line's first word ("NewsLukashenko visits").
GLUED_PREFIX = re.compile(r"^([A-Z][a-z]{1,12})(?=[A-Z][a-z])")
GLUED_WORDS = re.compile(r"[a-z][A-Z][a-z]")


@dataclass
class Cleaned:
    """The article body without clutter, the headline found, and what was removed.

    ``headlines`` are the lines that may be the headline, the likeliest first (the
    describer skips those that are only an outlet's name); ``headline`` is the first."""

    text: str
    headline: str | None = None
    removed: list[dict] = field(default_factory=list)
    headlines: list[str] = field(default_factory=list)

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
    lines, flattened = _split_capture_header(lines, removed)
    lines = _unglue_prefixes(lines, removed)
    lines, kinds, glued = _split_glued_pieces(lines)
    if steps.TEASER in kinds and None not in kinds:
        # Teasers and no prose: a flattened article (exports carry a story as one
        # line, often ending in a credit, not a full stop), not a page of links.
        kinds = [None if kind == steps.TEASER else kind for kind in kinds]
    _mark_captions(lines, kinds, glued)
    _mark_tail(lines, kinds)
    headlines = find_headlines(lines, kinds)
    if not headlines:
        glued = split_flattened_headline(lines, kinds, flattened)
        headlines = [glued] if glued else []
    headline = headlines[0] if headlines else None
    body: list[str] = []
    seen: set[str] = set()
    headline_words = set(_key(headline).split()) if headline else set()
    for line, kind in zip(lines, kinds):
        key = _key(line) if kind is None else ""
        if kind is None and key in seen:
            kind = steps.REPEATED
        if kind is None and headline_words and _near_repeat(key, headline_words):
            kind = steps.HEADLINE
        if kind is None:
            line = _remove_stray_names(line, removed)
            seen.add(key)
            body.append(line)
        else:
            removed.append({"step": kind, "text": line})
    return Cleaned(
        text="\n".join(body), headline=headline, removed=removed, headlines=headlines
    )


def _split_capture_header(
    lines: list[str], removed: list[dict]
) -> tuple[list[str], bool]:
    """Take the capture's " date 2023-03-01" header off the text glued to it.

    Also says whether the page's start was flattened into that one line (headline,
    lead and stamps run together), the only case where a headline is looked for
    inside a line."""
    out = []
    flattened = False
    for line in lines:
        match = CAPTURE_HEADER.match(line)
        if match:
            removed.append({"step": steps.CAPTURE_HEADER, "text": match.group()})
            line = line[match.end() :].strip()
            if not line:
                continue
            flattened = not out
        out.append(line)
    return out, flattened


def _split_glued_pieces(
    lines: list[str],
) -> tuple[list[str], list[str | None], set[int]]:
    """Classify each line, first cutting off a credit, stamp or link glued after its
    last sentence ("… on Tuesday. (Xinhua/AP)", "… visit. Source: Tanjug Monday, …").

    Returns the lines, their kinds, and the indices of the pieces cut off (a credit
    cut off a sentence is that sentence's credit, not a picture's)."""
    out_lines: list[str] = []
    kinds: list[str | None] = []
    glued: set[int] = set()
    for line in lines:
        kind = classify_line(line)
        if kind is None or kind in (steps.TEASER, steps.HEADING):
            piece, piece_kind = _glued_piece(line)
            if piece:
                body = line[: len(line) - len(piece)].rstrip()
                out_lines += [body, piece.strip()]
                kinds += [classify_line(body), piece_kind]
                glued.add(len(out_lines) - 1)
                continue
        out_lines.append(line)
        kinds.append(kind)
    return out_lines, kinds, glued


def _glued_piece(line: str) -> tuple[str | None, str | None]:
    match = TRAILING_CREDIT.search(line)
    if match:
        return line[match.start() :], steps.CREDIT
    match = TRAILING_TEASER.search(line)
    if match:
        return line[match.start() :], steps.TEASER
    for match in GLUED_TAIL.finditer(line):
        tail = line[match.end() :]
        if len(tail.split()) > 30 or TERMINAL.search(tail):
            continue
        label = tail.split(":", 1)[0] if ":" in tail[:12] else ""
        if label:
            return line[match.start() :], steps.CREDIT
        if any(m.year and m.day for m in find_dates(tail)):
            return line[match.start() :], steps.DATELINE
    return None, None


def _normalize(raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n")
    text = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", text)
    return re.sub(r"[ \t]+", " ", text)


def _unglue_prefixes(lines: list[str], removed: list[dict]) -> list[str]:
    """Split a navigation word glued to a line that the page shows again on its own."""
    keys = {_key(line) for line in lines}
    out = []
    for line in lines:
        match = GLUED_PREFIX.match(line)
        if match:
            rest = line[match.end() :]
            if _key(rest) in keys or match.group(1).casefold() in NAV_WORDS:
                removed.append({"step": steps.NAVIGATION, "text": match.group(1)})
                line = rest
        out.append(line)
    return out


def _mark_captions(lines: list[str], kinds: list[str | None], glued: set[int]) -> None:
    """Lines just above a credit are its caption; so are lines with (L)/(R) markers."""
    for i, kind in enumerate(kinds):
        if (
            kind is None
            and CAPTION_MARKER.search(lines[i])
            and word_count(lines[i]) <= CAPTION_MAX_WORDS
        ):
            kinds[i] = steps.CAPTION
    heads = _headings_before_body(lines, kinds)
    last_prose = max((i for i, k in enumerate(kinds) if k is None), default=-1)
    for i, kind in enumerate(kinds):
        if kind not in (steps.CREDIT, steps.CAPTION) or i in glued:
            continue
        if SITE_COPYRIGHT.search(lines[i]):
            continue  # the site's footer, under the last paragraph: no picture
        j = i - 1
        if (
            j >= 0
            and kinds[j] == steps.TEASER
            and word_count(lines[j]) <= CAPTION_MAX_WORDS
        ):
            kinds[j] = steps.CAPTION
            continue
        while (
            j >= 0
            and kinds[j] in (None, steps.HEADING)
            and word_count(lines[j]) <= CAPTION_MAX_WORDS
        ):
            prose = kinds[j] is None
            if prose and j < i - 1:
                break  # only the line right above may be a full-sentence caption
            if prose and i > last_prose and not CAPTION_MARKER.search(lines[j]):
                break  # a credit after the last paragraph: the paragraph stays
            if (
                prose
                and word_count(lines[j]) > 30
                and not CAPTION_MARKER.search(lines[j])
            ):
                break
            if _is_headline_place(j, i, heads):
                break  # the headline, not a caption
            kinds[j] = steps.CAPTION
            if prose:
                j -= 1
                if (
                    j > 0
                    and not _is_headline_place(j, i, heads)
                    and kinds[j] == steps.HEADING
                    and kinds[j - 1] is not None
                ):
                    kinds[j] = steps.CAPTION
                break
            j -= 1


def _headings_before_body(lines: list[str], kinds: list[str | None]) -> list[int]:
    """The headings of three words or more before the body: where a headline may be."""
    heads = []
    for i, kind in enumerate(kinds):
        if kind is None:
            break
        if kind == steps.HEADING and word_count(lines[i]) >= 3:
            heads.append(i)
    return heads


def _is_headline_place(j: int, credit: int, heads: list[int]) -> bool:
    """Whether a heading above a credit is the headline rather than a caption's title:
    the page's first line, or the first heading before the body when no other heading
    comes after the credit."""
    return j == 0 or (heads[:1] == [j] and heads[-1] < credit)


def _mark_tail(lines: list[str], kinds: list[str | None]) -> None:
    """Everything after the article's end (sign-off, 'Related content', counters) goes."""
    prose_before = 0
    total_prose = sum(1 for k in kinds if k is None)
    for i, kind in enumerate(kinds):
        if kind is None:
            prose_before += 1
            continue
        ends = (
            kind == steps.SIGNOFF
            or kind == steps.COUNTER
            or lines[i].casefold().strip(" .:") in END_MARKERS
        )
        if ends and prose_before >= max(2, total_prose // 2):
            for j in range(i + 1, len(kinds)):
                if kinds[j] is None or kinds[j] in ("heading", steps.TEASER):
                    kinds[j] = steps.TAIL
            return


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
        removed.append({"step": steps.STRAY_NAME, "text": match.group(1)})
        return ""

    return STRAY_NAME.sub(drop, line)
