"""Building regular expressions from word lists."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(phrases: Iterable[str], space: str = r"\ ") -> str:
    """A regex fragment matching any of ``phrases``, longest first, never backtracking.

    The phrases are laid out as a trie ("pres(?:ident|s)"), so the engine follows one
    branch per character instead of trying every phrase in turn; where one phrase is a
    prefix of another the longer is tried first. Each space in a phrase becomes
    ``space`` (say ``[ \\u00a0]+`` to allow any run of spaces). Case is the caller's
    flag. An empty list gives a fragment that never matches.
    """
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    if not trie:
        return "(?!)"

    def emit(node: dict) -> str:
        branches = [
            (space if char == " " else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + ")?" if len(branches) == 1 else body + "?"
        return body

    return "(?:" + emit(trie) + ")"
