"""Keyword in context: each occurrence of a term with the text around it."""

from __future__ import annotations

import re


def kwic(text: str, term: str, width: int = 40, limit: int = 50) -> list[str]:
    """Each occurrence of ``term`` (whole words, any case) with ``width`` characters each side.

    The match is wrapped in square brackets; "…" marks text cut at either end.
    At most ``limit`` occurrences are returned.
    """
    term = term.strip()
    if not term:
        return []
    pattern = re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)", re.IGNORECASE)
    lines = []
    for match in pattern.finditer(text):
        start, end = match.span()
        left = text[max(0, start - width) : start]
        right = text[end : end + width]
        line = (
            ("…" if start > width else "")
            + left
            + "["
            + match.group(0)
            + "]"
            + right
            + ("…" if end + width < len(text) else "")
        )
        lines.append(" ".join(line.split()))
        if len(lines) >= limit:
            break
    return lines
