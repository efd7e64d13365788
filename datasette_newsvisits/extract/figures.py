"""Figures an article reports: money, percentages, counts and dates, normalized.

Conventions (documented for users of the ``figures`` table):

- money: ``value`` in units of the currency, ``unit`` an ISO code ("five billion US
  dollars" -> 5e9 USD, "$3.56 billion" -> 3.56e9 USD, "€1.2bn" -> 1.2e9 EUR, "100
  million yuan" -> 1e8 CNY). A bare "$" is USD; "roubles" are RUB unless Belarusian.
- percent: ``value`` the number, ``unit`` "percent" (or "percentage points").
- count: a cardinal number of things ("27 EU member states" -> 27, "more than 1,000"
  -> 1000, "12-point" -> 12); ``unit`` the counted words as written, lower case.
  Vague quantities take their lower bound: "dozens" 12, "hundreds" 100, "thousands"
  1000, "tens of thousands" 10000, "hundreds of thousands" 100000, "millions" 1e6.
  Not counts: durations and ages ("three-day", "two weeks", "68-year-old"), "one",
  numbers after "the"/possessives ("the two leaders"), ordinals, times, phone numbers.
- date: ``value`` yyyymmdd as a number with unknown parts zero: "December 3, 2023" ->
  20231203, "September 2022" -> 20220900, "2020" -> 20200000, "February 28" (no year)
  -> 228; ``unit`` "date". A month or weekday alone is not a date figure.
"""

from __future__ import annotations

import re

from ..text.dates import find_dates
from ..text.patterns import alternation
from .doc import Step
from .records import Figure

WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
WORD_NUMBERS.update(
    {
        w: 10 * i
        for i, w in enumerate(
            [
                "twenty",
                "thirty",
                "forty",
                "fifty",
                "sixty",
                "seventy",
                "eighty",
                "ninety",
            ],
            start=2,
        )
    }
)
WORD_NUMBERS.update({"hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12})
SCALES = {
    "trillion": 1e12,
    "tn": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "bln": 1e9,
    "trln": 1e12,
    "m": 1e6,
    "thousand": 1e3,
    "k": 1e3,
    "dozen": 12,
}
VAGUE = {
    "hundreds of billions": 1e11,
    "tens of billions": 1e10,
    "billions": 1e9,
    "hundreds of thousands": 100000,
    "tens of thousands": 10000,
    "hundreds of millions": 1e8,
    "tens of millions": 1e7,
    "millions": 1e6,
    "thousands": 1000,
    "hundreds": 100,
    "dozens": 12,
}
CURRENCY_WORDS = {
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "us dollar": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "usd": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "yuan": "CNY",
    "renminbi": "CNY",
    "cny": "CNY",
    "rmb": "CNY",
    "belarusian roubles": "BYN",
    "belarusian rubles": "BYN",
    "roubles": "RUB",
    "rubles": "RUB",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "yen": "JPY",
    "rupees": "INR",
    "forints": "HUF",
    "forint": "HUF",
    "dinars": "RSD",
    "tenge": "KZT",
    "zlotys": "PLN",
    "zloty": "PLN",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "reais": "BRL",
    "swiss francs": "CHF",
}
CURRENCY_SYMBOLS = {
    "us$": "USD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "CNY",
    "usd": "USD",
    "eur": "EUR",
    "cny": "CNY",
    "rmb": "CNY",
}
TIME_UNITS = "second minute hour day week month year decade century"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORDNUM = (
    rf"(?:{_TENS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|a hundred|a dozen|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|hundred|dozen|one|two|three|four|five|six|seven|eight|nine|ten"
)
_SCALE = r"trillion|billion|million|thousand|dozen|trln|bln|bn|mln|mn|tn|m|b|k"
_MODIFIER = (
    r"(?:more than|over|about|around|nearly|almost|at least|some|up to|fewer than"
    r"|less than|roughly|approximately|just over|just under)"
)
_CURRENCY = alternation(CURRENCY_WORDS)
_SYMBOL = r"US\$|\$|€|£|¥|(?:USD|EUR|CNY|RMB)[ \u00a0]?"

_MONEY = re.compile(
    rf"(?P<symbol>{_SYMBOL})(?P<num>{_NUM})(?:[ \u00a0]?(?P<scale>{_SCALE})\b)?",
)
_NUMBER = re.compile(
    rf"(?:(?<![\w.,/:+\-$€£¥])(?P<num>{_NUM})(?![\w]*[:/])(?:st|nd|rd|th)?"
    rf"|\b(?P<vague>{alternation(VAGUE)})\b"
    rf"|\b(?P<word>{_WORDNUM})\b)"
    rf"(?:(?:[ \u00a0]|(?<=\d))(?P<scale>{_SCALE})\b)?",
    re.IGNORECASE,
)
_FIRST_WORDS = frozenset(
    [w.split()[0] for w in [*WORD_NUMBERS, *VAGUE] if not w.startswith("a ")]
    + ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
)
# Where a number can start: a digit run, a number word, or "a" of "a hundred".
_CANDIDATES = re.compile(
    r"(?<![\d.,])\d|(?<![A-Za-z])"
    + alternation(_FIRST_WORDS)
    + r"(?![A-Za-z])|(?<![A-Za-z])(?-i:[aA](?= hundred| dozen))",
    re.IGNORECASE,
)
# "a trillion-dollar push", "a billion-dollar deal": an amount used as an adjective.
_ADJECTIVE_MONEY = re.compile(
    r"\b(?:an?|one)[ \u00a0]+(?P<scale>trillion|billion|million)-dollar\b",
    re.IGNORECASE,
)
_MODIFIER_BEFORE = re.compile(rf"\b{_MODIFIER}[ \u00a0]+$", re.IGNORECASE)
_EXCLUDED = re.compile(
    r"\+\d[\d \-().]{6,}\d|\(\d{2,5}\)[ \d\-]{5,}\d|\b\d{3}[ \-]\d{3}[ \-]\d{4}\b"  # phones
    r"|\b\d{1,2}:\d\d\b"  # times
    r"|https?://\S+"
)
_PERCENT = re.compile(
    r"[ \u00a0]?(?:%|(?P<points>percentage points?)|percent\b|per[ \u00a0]cent\b|pct\b)",
    re.IGNORECASE,
)
_CURRENCY_AFTER = re.compile(rf"[ \u00a0]+(?P<cur>{_CURRENCY})\b", re.IGNORECASE)
_TIME_AFTER = re.compile(
    r"(?:[ \u00a0-]+(?!(?:first|second|third|\w+th)\b)[a-z]+)?"
    rf"[ \u00a0-]+(?:{'|'.join(TIME_UNITS.split())})s?\b(?!-(?!old\b|long\b))"
    r"|[ \u00a0]*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b)",
    re.IGNORECASE,
)
_HYPHEN_NOUN = re.compile(r"-(?P<unit>[a-z]+)\b")
_NOUN_AFTER = re.compile(
    r"[ \u00a0]+(?P<unit>(?:[A-Za-z][\w\-]*,?[ \u00a0]+(?:and[ \u00a0]+)?){0,4}?"
    r"(?:[a-z][\w\-]*s|people|children|men|women|police|staff|personnel|troops"
    r"|aircraft|spacecraft|livestock|cattle|sheep|crew))\b"
)
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")  # "50,397": a count, not a year or code
# What may follow a bare count: the end of a clause, or a word that starts another
# part of it ("in April", "and at least 40").
_BARE_END = re.compile(
    r"[ \u00a0]*(?:[,.;:)]|$|(?:in|at|on|to|from|and|or|by|as|since|last|this)\b)"
)
_CURRENCY_OF = re.compile(
    rf"[ \u00a0]+of[ \u00a0]+(?P<cur>{_CURRENCY})\b", re.IGNORECASE
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|these|those|its|their|his|her|our|your|my|of the|all)[ \u00a0]+$",
    re.IGNORECASE,
)
_NOT_UNITS = frozenset(
    [
        "is",
        "was",
        "has",
        "does",
        "says",
        "its",
        "this",
        "his",
        "us",
        "as",
        "yes",
        "plus",
        "thus",
        "less",
        "across",
    ]
)


def extract_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in order, with its surface and offset."""
    figures: list[Figure] = []
    taken: list[tuple[int, int]] = [m.span() for m in _EXCLUDED.finditer(text)]
    for date in find_dates(text):  # the one date grammar (text/dates.py)
        span = (date.start, date.end)
        if _overlaps(taken, span):
            continue
        value = (date.year or 0) * 10000 + (date.month or 0) * 100 + (date.day or 0)
        figures.append(
            Figure("date", value, "date", text[date.start : date.end], date.start)
        )
        taken.append(span)
    for match in _MONEY.finditer(text):
        if _overlaps(taken, match.span()):
            continue
        value = _number(match.group("num")) * SCALES.get(
            (match.group("scale") or "").lower(), 1
        )
        unit = CURRENCY_SYMBOLS[match.group("symbol").strip().lower()]
        figures.append(Figure("money", value, unit, match.group(), match.start()))
        taken.append(match.span())
    for match in _ADJECTIVE_MONEY.finditer(text):
        if _overlaps(taken, match.span()):
            continue
        value = SCALES[match.group("scale").lower()]
        figures.append(Figure("money", value, "USD", match.group(), match.start()))
        taken.append(match.span())
    for match in _numbers(text):
        if _overlaps(taken, match.span()):
            continue
        figure = _classify(text, match)
        if figure:
            figures.append(figure)
    figures.sort(key=lambda f: f.start)
    return figures


def _numbers(text: str):
    """``_NUMBER`` matches, tried only where a digit run or a number word starts.

    (Faster than ``_NUMBER.finditer``, which tries every alternative at every position.)
    """
    end = 0
    for candidate in _CANDIDATES.finditer(text):
        start = candidate.start()
        if start < end:
            continue
        match = _NUMBER.match(text, start)
        if match:
            end = match.end()
            yield match


def _overlaps(spans: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _classify(text: str, match: re.Match) -> Figure | None:
    """What a bare number is, from the words around it (None when not a figure)."""
    end = match.end()
    scale = SCALES.get((match.group("scale") or "").lower(), 1)
    digits = match.group("num")
    if match.group("vague"):
        value, scale = VAGUE[match.group("vague").lower()], 1
    elif digits:
        value = _number(digits)
    else:
        value = WORD_NUMBERS[match.group("word").lower()]
    value *= scale
    surface = match.group()
    start = match.start()
    if digits and _ORDINAL.match(text, match.end("num")):
        return None  # "19th century", "the 20th Party Congress"
    modifier = _MODIFIER_BEFORE.search(text, max(0, start - 20), start)
    if modifier:
        surface, start = text[modifier.start() : match.end()], modifier.start()
    after = text[end : end + 100]
    percent = _PERCENT.match(after)
    if percent:
        unit = "percentage points" if percent.group("points") else "percent"
        return Figure("percent", value, unit, surface + percent.group(), start)
    currency = _CURRENCY_AFTER.match(after) or (
        match.group("vague") and _CURRENCY_OF.match(after)
    )
    if currency:
        unit = CURRENCY_WORDS[currency.group("cur").lower()]
        return Figure("money", value, unit, surface + currency.group(), start)
    if (
        digits
        and not modifier
        and scale == 1
        and re.fullmatch(r"(?:19|20)\d\d", digits)
    ):
        return Figure("date", int(digits) * 10000, "date", surface, start)
    if _TIME_AFTER.match(after) or "." in (digits or "") and scale == 1:
        return None
    if not digits and _DETERMINER_BEFORE.search(text, max(0, start - 12), start):
        return None  # "the two leaders"; "the 18 agreements" is a count
    if match.group("vague"):
        noun = re.match(r"[ \u00a0]+of[ \u00a0]+(?P<unit>[a-z][\w\-]*)", after)
        unit = noun.group("unit").lower() if noun else None
        return Figure("count", value, unit, surface, start)
    hyphen = _HYPHEN_NOUN.match(after)
    if hyphen:
        return Figure("count", value, hyphen.group("unit").lower(), surface, start)
    noun = _NOUN_AFTER.match(after)
    if noun is None or noun.group("unit").split()[-1].lower() in _NOT_UNITS:
        if (
            digits
            and (modifier or _GROUPED.fullmatch(digits))
            and _BARE_END.match(after)
        ):
            # "rose from 50,397 in April", "a death toll of more than 24 and …":
            # a number of things the sentence has named
            return Figure("count", value, None, surface, start)
        return None
    if match.group("word") and value == 1:
        return None
    return Figure("count", value, noun.group("unit").lower(), surface, start)


STEP = Step(
    "figures",
    reads=("text",),
    adds=("figures",),
    run=lambda doc: extract_figures(doc.text),
)
