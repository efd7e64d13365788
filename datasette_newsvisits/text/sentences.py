"""Sentence boundaries in cleaned article text, as character offsets.

The one splitter: the stored ``sentences`` and quote attribution both read it. A
rule-based splitter tuned for English news copy: a paragraph break (newline) always ends
a sentence; inside a paragraph a sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any
closing quotes and brackets after it) when the next word starts like a sentence (capital
letter, digit or opening quote) and the word before the period is not an abbreviation
("Dr.", "Jan.", "No.", "U.S."), an initial ("Alexander G. Lukashenko") or a decimal.
Cyrillic copy splits the same way ("А. Г. Лукашенко" is one name, "г. Минск" one
place); Chinese and Japanese copy ends a sentence at 。！？ with no space after it.

Quotation-aware: no sentence ends inside a quotation (``quotemarks``), so
``"We are friends. We will stay friends," he said.`` is one sentence; a quotation that
ends a sentence ends it at its closing mark (``"We are friends." Xi agreed.`` is two).
"""

from __future__ import annotations

import re

from .quotemarks import Quotations, find_quotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that take a period and are usually followed by more of the same sentence.
ABBREVIATIONS = _words(
    """
    mr mrs ms dr prof sr jr st gen col lt maj capt cmdr adm sgt cpl pvt gov sen rep pres
    rev hon amb fr mt ft no nos vol vols art sec ch fig pp p vs v etc approx est dept univ
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri
    sat sun inc corp co ltd llc plc bros ave blvd rd
    г гг им ул пр пл просп тыс млн млрд руб долл т е
    """
)

# Sentence starters after which a dotted abbreviation like "U.S." does end the sentence.
STARTERS = _words(
    """
    the a an he she it they we i you this that these those there his her its their our
    but and so yet however meanwhile in on at after before since while when if as for
    last next earlier later also still both some many most china belarus russia
    """
)

_UPPER = "A-Z0-9À-ÖØ-ÞĀĂĄĆČĎĐĘĚŁŃŇŒŘŚŠŤŪŮŹŻŽЀ-ЯҐЄІЇЎ"
_BOUNDARY = re.compile(
    rf"""
    (?:[.!?]+|…|\.\.\.)          # terminal punctuation
    [\"'”’“»)\]]*                # closing quotes or brackets stay with the sentence
    (?=\s+[\"'“‘„«(\[]?[{_UPPER}])  # then a sentence start
    |[。！？]+[」』”’）)]*(?=\S)    # CJK: the full stop itself, no space after it
    """,
    re.VERBOSE,
)
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])(?<!\.)([^\W\d_](?:[^\W\d_]|\.)*)\.$")
_NEXT_WORD = re.compile(r"\s+[\"'“‘«(\[]?([^\W\d_]+)")
_PARAGRAPH = re.compile(r"[^\n]+")


def split_sentences(
    text: str, quotations: Quotations | None = None
) -> list[tuple[int, int]]:
    """Return (start, end) offsets of each sentence in ``text``, whitespace stripped.

    ``quotations`` are the text's quotations (``find_quotations(text)``, found here
    when not given).
    """
    if quotations is None:
        quotations = find_quotations(text)
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(text):
        start = paragraph.start()
        stop = paragraph.end()
        for match in _BOUNDARY.finditer(text, start, stop):
            if _continues(text, match) or _inside(quotations, match):
                continue
            _add(spans, text, start, match.end())
            start = match.end()
        _add(spans, text, start, stop)
    return spans


def _continues(text: str, match: re.Match) -> bool:
    """True when the period in ``match`` belongs to an abbreviation or an initial."""
    punctuation = match.group()
    if not punctuation.startswith(".") or punctuation.startswith(".."):
        return False
    before = _WORD_BEFORE.search(text, max(0, match.start() - 20), match.start() + 1)
    if before is None:
        return False
    word = before.group(1)
    if "." in word:  # dotted abbreviation: U.S. U.K. a.m.
        following = _NEXT_WORD.match(text, match.end())
        return not (following and following.group(1).casefold() in STARTERS)
    if len(word) == 1 and word.isupper():  # an initial: "Alexander G. Lukashenko"
        return True
    if word == "no":  # "no." ends a sentence; "No. 1" does not
        return False
    return word.casefold() in ABBREVIATIONS


def _inside(quotations: Quotations, match: re.Match) -> bool:
    """True when the sentence would end inside a quotation, before its closing mark."""
    quotation = quotations.covering(match.start())
    return quotation is not None and match.end() <= quotation.stop


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
