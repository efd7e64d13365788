"""Word-level differences between two wordings of one sentence or quotation."""

from __future__ import annotations

import difflib
import re

_TOKEN = re.compile(r"\S+\s*")


def word_diff(base: str, other: str) -> list[tuple[str, str]]:
    """``other`` against ``base`` as (op, text) pieces: ``equal``, ``insert`` (words
    only in ``other``) and ``delete`` (words only in ``base``), in reading order."""
    a, b = _TOKEN.findall(base or ""), _TOKEN.findall(other or "")
    pieces: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(
        a=[t.strip() for t in a], b=[t.strip() for t in b], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(("equal", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            pieces.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(("insert", "".join(b[j1:j2])))
    return pieces


def changed_words(pieces: list[tuple[str, str]]) -> int:
    """How many words a diff inserts or deletes."""
    return sum(len(text.split()) for op, text in pieces if op != "equal")
