"""Accent and case folding: one table, in two forms.

``fold`` is the form for keys and word lists: lower case (casefold), accents and other
marks stripped, and the letters Unicode does not decompose spelled out in ``LETTERS``
("Łukaszenka" -> "lukaszenka", "Straße" -> "strasse").

``fold_same_length`` is the same table for text whose offsets must hold (the gazetteer
automaton scans the folded article and reports positions in the original): every
character becomes exactly one. A ``LETTERS`` letter spelled with two takes the first
of them ("ß" -> "s", "æ" -> "a"); any other character whose fold is not one character
(a ligature, a Hangul syllable, a lone combining mark) stays as it is, lower-cased.

Both are computed per character once and cached in a translation table, so folding an
article is one ``str.translate``; ASCII text takes ``str.lower`` (the same result).
"""

from __future__ import annotations

import unicodedata

# Letters that NFKD does not decompose into a base letter plus marks.
LETTERS = {
    "ł": "l",
    "ø": "o",
    "đ": "d",
    "ħ": "h",
    "ı": "i",
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
}


def fold_char(char: str) -> str:
    """The fold of one character: ``LETTERS``, then NFKD without marks, then casefold."""
    base = LETTERS.get(char) or LETTERS.get(char.lower()) or char
    decomposed = unicodedata.normalize("NFKD", base)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _one_char(char: str) -> str:
    folded = fold_char(char)
    if len(folded) == 1:
        return folded
    if folded and (char in LETTERS or char.lower() in LETTERS):
        return folded[0]  # "ß" -> "s", "æ" -> "a"
    lower = char.lower()  # a ligature, a Hangul syllable, a lone mark: as it is
    return lower if len(lower) == 1 else char


class _Table(dict):
    """A ``str.translate`` table that fills itself in, one character at a time."""

    def __init__(self, fold_one):
        super().__init__((c, fold_one(chr(c))) for c in range(128))
        self._fold_one = fold_one

    def __missing__(self, code: int) -> str:
        value = self[code] = self._fold_one(chr(code))
        return value


_FOLD = _Table(fold_char)
_SAME_LENGTH = _Table(_one_char)


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents ("Łukaszenka" -> "lukaszenka")."""
    if text.isascii():
        return text.lower()  # the same result, without the per-character pass
    return text.translate(_FOLD)


def fold_same_length(text: str) -> str:
    """``fold`` with one character for each character, so offsets hold ("ß" -> "s")."""
    if text.isascii():
        return text.lower()
    return text.translate(_SAME_LENGTH)
