"""Where quotation marks pair up: the quoted passages of a text, before anyone is
credited with them (attribution is ``extract.quotes``).

One regex pass over the marks, then a scan per paragraph (a line of text):

- double marks, straight or curly ("…", “…”, and „…“ or «…» from European
  typography), pair up within a paragraph; a straight mark opens when nothing is
  open and closes when something is;
- single marks (curly or straight) are quotes only where they are not apostrophes:
  a mark between two letters or digits ("We’re", "Russia’s") never opens or closes;
  a single quote that does not close in its paragraph was an apostrophe and is
  dropped; marks inside a double quotation are ignored (nested quotes stay inside);
- a double quotation still open at the end of a paragraph, with the next paragraph
  opening a new one, is a paragraph continuation: its part in each paragraph is a
  ``Quotation`` of its own, and the parts share a ``chain`` number; an open mark that
  is never reopened is dropped.

The sentence splitter reads these spans (no sentence ends inside a quotation), and so
does quote attribution: both segment a text the same way.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_MARKS = re.compile("[\"“”‘’'„«»]")
# What closes a double quotation, by the mark that opened it ("„…“" in Polish and
# German typography, guillemets in French and Russian).
CLOSERS = {"“": '”"', '"': '"”', "„": '“”"', "«": "»"}
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass
class Quotation:
    """One quoted passage: its marks and the words between them."""

    open: int  # position of the opening mark
    close: int | None  # position of the closing mark; None: continues next paragraph
    start: int  # the words: text[start:end], surrounding spaces trimmed
    end: int
    para_start: int
    para_end: int
    chain: int | None = None  # paragraph-continuation chain id

    @property
    def stop(self) -> int:
        """Where the quotation ends: its closing mark, else its paragraph's end."""
        return self.close if self.close is not None else self.para_end


class Quotations(list):
    """The quotations of a text in order, with a lookup by position."""

    def __init__(self, quotations: list[Quotation]):
        super().__init__(quotations)
        self._opens = [q.open for q in quotations]

    def covering(self, pos: int) -> Quotation | None:
        """The quotation whose marks enclose ``pos`` (marks included), if any."""
        k = bisect_right(self._opens, pos) - 1
        if k < 0:
            return None
        quotation = self[k]
        return quotation if pos <= quotation.stop else None

    def covers(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation, its marks included."""
        return self.covering(pos) is not None


def find_quotations(text: str) -> Quotations:
    """Pair quotation marks paragraph by paragraph (see the module docstring)."""
    found: list[Quotation] = []
    chain_id = 0
    carry = False  # the previous paragraph ended inside a double quotation
    for para in _PARAGRAPH.finditer(text):
        p_start, p_end = para.span()
        if not text[p_start:p_end].strip():
            continue
        open_at, open_kind = None, None
        continuing = False
        for mark in _MARKS.finditer(text, p_start, p_end):
            i, c = mark.start(), mark.group()
            before = text[i - 1] if i > p_start else " "
            after = text[i + 1] if i + 1 < p_end else " "
            if c in CLOSERS and open_kind is None:
                if c == '"' and after.isspace():
                    continue
                open_at, open_kind = i, "d"
                continuing = carry and not text[p_start:i].strip()
            elif open_kind == "d" and c in CLOSERS[text[open_at]]:
                chain = chain_id if continuing else None
                _add(found, text, open_at, i, p_start, p_end, chain)
                open_at, open_kind, continuing = None, None, False
            elif open_kind == "d":
                continue
            elif (
                c in "‘'"
                and open_kind in (None, "s")
                and (before.isspace() or before in "([—–-" or i == p_start)
                and after.isalpha()
            ):
                # an opener; one already open was a stray apostrophe ("the '90s")
                open_at, open_kind = i, "s"
            elif c in "’'" and open_kind == "s":
                if (before.isalnum() and after.isalnum()) or before.isspace():
                    continue
                _add(found, text, open_at, i, p_start, p_end, None)
                open_at, open_kind = None, None
        carry = open_kind == "d" and _next_paragraph_opens(text, p_end)
        if carry:
            if not continuing:
                chain_id += 1
            _add(found, text, open_at, None, p_start, p_end, chain_id)
    return Quotations(found)


def _next_paragraph_opens(text: str, p_end: int) -> bool:
    rest = text[p_end : p_end + 200].lstrip()
    return rest[:1] in CLOSERS


def _add(found, text, open_at, close, p_start, p_end, chain) -> None:
    end = close if close is not None else p_end
    start = open_at + 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        found.append(Quotation(open_at, close, start, end, p_start, p_end, chain))
