"""The raw capture of an article stored as a delta against its cleaned text.

Cleaning removes a page's clutter and keeps the article's lines, so most of the raw
capture is already in ``articles.text``. ``encode`` writes the raw text as a JSON array
of pieces: a string is text as it stands in the capture, ``[start, length]`` is that
many characters of ``articles.text`` from ``start`` (``[-1, n]``: n NUL characters,
which SQLite's JSON and ``substr`` would cut a string at; no span is taken of a text
holding one). ``RAW_TEXT_SQL`` puts the pieces
back together in plain SQL (``json_each`` and ``substr``, no extension), so the
``article_sources`` view shows ``raw_text`` exactly as it was read, in Datasette, the
sqlite3 shell or any other client; ``decode`` does the same in Python. A capture that
shares nothing with its text is stored as one string, which is also what writing a
``raw_text`` into the view stores.
"""

from __future__ import annotations

import json
import re

MIN_SPAN = 12  # shorter matches are cheaper as text than as [start, length]

# The raw text of the article_captures row ``c``, as a scalar subquery (the article is
# read only when raw_text is asked for). group_concat joins json_each's rows in array
# order (SQLite visits them in order).
RAW_TEXT_SQL = """CASE WHEN c.raw_delta IS NOT NULL THEN coalesce((SELECT group_concat(
    CASE WHEN j.type = 'text' THEN j.value
    WHEN json_extract(j.value, '$[0]') < 0
    THEN replace(hex(zeroblob(json_extract(j.value, '$[1]'))), '00', char(0))
    ELSE substr(a.text, json_extract(j.value, '$[0]') + 1, json_extract(j.value, '$[1]'))
    END, '') FROM json_each(c.raw_delta) j LEFT JOIN articles a ON a.id = c.article_id),
    '') END"""
NUL = "\x00"
NULS = re.compile("\x00+")


def encode(raw: str, text: str) -> str:
    """``raw`` as pieces: its own strings and spans of ``text``; ``decode`` inverts it."""
    pieces: list = []
    position = 0  # in raw
    offset = 0  # in text
    spans = NUL not in text
    for line in text.split("\n"):
        at = raw.find(line, position) if spans and len(line) >= MIN_SPAN else -1
        if at >= 0:
            _literal(pieces, raw[position:at])
            _span(pieces, offset, len(line), text)
            position = at + len(line)
        offset += len(line) + 1
    _literal(pieces, raw[position:])
    return json.dumps(pieces, ensure_ascii=False, separators=(",", ":"))


def decode(delta: str, text: str) -> str:
    """The raw text that ``delta`` (from ``encode``) describes over ``text``."""
    return "".join(
        piece
        if isinstance(piece, str)
        else NUL * piece[1]
        if piece[0] < 0
        else text[piece[0] : piece[0] + piece[1]]
        for piece in json.loads(delta)
    )


def _literal(pieces: list, value: str) -> None:
    position = 0
    for run in NULS.finditer(value):
        if run.start() > position:
            pieces.append(value[position : run.start()])
        pieces.append([-1, len(run[0])])
        position = run.end()
    if position < len(value):
        pieces.append(value[position:])


def _span(pieces: list, start: int, length: int, text: str) -> None:
    """Append a span, joined to the span before when only text between them differs
    (a line break the capture also has)."""
    if (
        len(pieces) >= 2
        and isinstance(pieces[-2], list)
        and isinstance(pieces[-1], str)
    ):
        before = pieces[-2]
        end = before[0] + before[1]
        if text[end:start] == pieces[-1]:
            pieces.pop()
            before[1] = start + length - before[0]
            return
    if (
        pieces
        and isinstance(pieces[-1], list)
        and pieces[-1][0] >= 0
        and sum(pieces[-1]) == start
    ):
        pieces[-1][1] += length
        return
    pieces.append([start, length])
