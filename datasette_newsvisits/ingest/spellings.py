"""Whether a text writes a name: catalogue spellings matched against an article's words.

Spellings are kept folded, as words joined by single spaces (``spelling_key``), and
match whole words, so "SCO" is never found in "Moscow" nor "ШОС" in "шоссе". Two
kinds of text need more than that:

- scripts written without spaces (Chinese, Japanese, Korean): a spelling in such a
  script is found anywhere in the text ("习近平" inside a Chinese sentence);
- Cyrillic, where names take case endings ("с Си Цзиньпином", "в Пекине", "Китая"):
  each word of a Cyrillic spelling (of four letters or more) is also found with another
  case ending ("Китай" in "Китаем", "китайский" in "китайского", "Шанхайская
  организация" in "Шанхайской организации"; "Экспо" is not in "экспорт").
"""

from __future__ import annotations

import re
from functools import cache

from ..text.fold import fold

WORD = re.compile(r"[^\W_]+")
# Scripts written without spaces between words: CJK ideographs, kana, Hangul.
UNSPACED = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")
CYRILLIC = re.compile(r"[а-яёіўєїґ]")
# Case endings of Russian, Belarusian and Ukrainian nouns and adjectives, as folding
# writes them ("й" and "ў" lose their marks, "ё" becomes "е"), by length.
ENDINGS = (
    frozenset("аяуюеиыьіо"),
    frozenset(
        [
            "ом",
            "ем",
            "ои",
            "еи",
            "ою",
            "ею",
            "ам",
            "ям",
            "ах",
            "ях",
            "ов",
            "ев",
            "ью",
            "ии",
            "ыи",
            "ая",
            "яя",
            "ое",
            "ее",
            "ые",
            "ие",
            "ия",
            "ым",
            "им",
            "ых",
            "их",
            "ую",
            "юю",
            "аи",
            "ім",
            "іх",
            "ае",
            "ія",
            "ыя",
            "іи",
        ]
    ),
    frozenset(["ами", "ями", "ого", "его", "ому", "ему", "ага", "яга", "аму", "яму"]),
)
MIN_STEM = 4  # shorter stems ("Си", "Ван И") match only as written


def spelling_key(spelling: str) -> str:
    """A spelling as it is compared: folded words joined by single spaces."""
    return " ".join(WORD.findall(fold(spelling)))


def is_unspaced(spelling: str) -> bool:
    """Whether a spelling is in a script written without spaces (matched inside runs)."""
    return bool(UNSPACED.search(spelling))


class Words:
    """The words of a folded text, ready to be asked whether it writes a spelling."""

    def __init__(self, folded: str):
        self.folded = folded
        words = WORD.findall(folded)
        self.words = set(words)
        self.joined = f" {' '.join(words)} "
        self.unspaced = bool(UNSPACED.search(folded))
        # Filled when a Cyrillic spelling is first asked for:
        self._cyrillic: bool | None = None
        self._stems: set[str] | None = None

    def writes(self, spellings: tuple[str, ...]) -> bool:
        """Whether the text writes one of ``spellings`` (``spelling_key`` forms)."""
        words, joined = self.words, self.joined
        for spelling in spellings:
            first, space, _ = spelling.partition(" ")
            if first in words and (not space or f" {spelling} " in joined):
                return True
        if self.unspaced and any(s in self.folded for s in spellings if is_unspaced(s)):
            return True
        inflected = _inflected(spellings)
        if inflected and self._has_cyrillic():
            stems = self._cyrillic_stems()
            for parts, together in inflected:
                if all(part in stems or part in words for part in parts) and (
                    together is None or together.search(joined)
                ):
                    return True
        return False

    def _has_cyrillic(self) -> bool:
        if self._cyrillic is None:
            self._cyrillic = bool(CYRILLIC.search(self.folded))
        return self._cyrillic

    def _cyrillic_stems(self) -> set[str]:
        """The text's Cyrillic words, each also without each case ending it has."""
        if self._stems is None:
            self._stems = {
                stem
                for word in self.words
                if CYRILLIC.match(word)
                for stem in (word, *_stems(word))
            }
        return self._stems


def _stems(word: str) -> list[str]:
    """The word without each case ending it may end with ("китаем": "кита", "китае")."""
    return [
        word[:-k]
        for k, endings in enumerate(ENDINGS, start=1)
        if len(word) - k >= MIN_STEM and word[-k:] in endings
    ]


@cache
def _inflected(
    spellings: tuple[str, ...],
) -> tuple[tuple[tuple[str, ...], re.Pattern | None], ...]:
    """For each Cyrillic spelling: its words, each long enough one without its longest
    case ending; and for a spelling of several words, the pattern of them together
    with any endings ("шанхайская организация" in "шанхайской организации")."""
    out = []
    for spelling in spellings:
        words = spelling.split(" ")
        endings = [bool(CYRILLIC.match(w)) and len(w) >= MIN_STEM for w in words]
        if not any(endings):
            continue
        parts = tuple(
            (_stems(w) or [w])[-1] if inflects else w
            for w, inflects in zip(words, endings)
        )
        together = None
        if len(parts) > 1:
            pieces = [
                re.escape(part) + (r"\w{0,3}" if inflects else "")
                for part, inflects in zip(parts, endings)
            ]
            together = re.compile(f" {' '.join(pieces)} ")
        out.append((parts, together))
    return tuple(out)
