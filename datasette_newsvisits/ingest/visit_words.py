"""The words that tell what an article says about a meeting, in the languages the
coverage uses (English, Russian, Belarusian, Ukrainian, Chinese; German and French
where a word is common): the kind of meeting, a meeting at all, a sentence that looks
back at an earlier one (background), and a visit announced before it happens.

Nothing here names a country, a person or a page: these are the general ways news
copy writes a report, a recollection and an announcement.
"""

from __future__ import annotations

import re

from .spellings import is_unspaced

# The words that say what kind of meeting an article reports, as folded text writes
# them ("дзяржаўны" folds to "дзяржауны"): a word's literal start, then what must
# follow it.
KIND_RULES = [
    ("state visit", "state visit", r"\b"),
    ("state visit", "государственн", r"\w* визит"),
    ("state visit", "дзяржаун", r"\w* візіт"),
    ("state visit", "державн", r"\w* візит"),
    ("state visit", "staatsbesuch", ""),
    ("state visit", "国事访问", ""),
    ("official visit", "official visit", r"\b"),
    ("official visit", "официальн", r"\w* визит"),
    ("official visit", "афіцыйн", r"\w* візіт"),
    ("official visit", "офіційн", r"\w* візит"),
    ("working visit", "working ", r"(?:visit|trip|nature)\b"),
    ("working visit", "рабоч", r"\w* (?:визит|поездк|характер)"),
    ("working visit", "працоун", r"\w* візіт"),
    ("working visit", "робоч", r"\w* візит"),
    ("working visit", "arbeitsbesuch", ""),
    ("working visit", "工作访问", ""),
    ("summit meeting", "summit", r"\b"),
    ("summit meeting", "sidelines", r"\b"),
    ("summit meeting", "саммит", ""),
    ("summit meeting", "саміт", ""),
    ("summit meeting", "на полях", r"\b"),
    ("summit meeting", "на палях", r"\b"),
    ("summit meeting", "峰会", ""),
    ("forum", "forum", r"\b"),
    ("forum", "форум", ""),
    ("forum", "论坛", ""),
    ("parade", "parade", r"\b"),
    ("parade", "парад", ""),
    ("parade", "阅兵", ""),
]
# One scan for every rule's literal start (a plain alternation is ten times faster
# than one with word boundaries and stems); the rest is checked where one is found.
KIND_STARTS = re.compile(
    "|".join(
        re.escape(start) for _, start, _ in sorted(KIND_RULES, key=lambda r: -len(r[1]))
    )
)
KIND_FOLLOWS: dict[str, list[tuple[str, re.Pattern]]] = {}
for _kind, _start, _follows in KIND_RULES:
    KIND_FOLLOWS.setdefault(_start, []).append((_kind, re.compile(_follows)))

MEETING_WORDS = re.compile(
    r"\b(?:met|meet|meets|meeting|talks|visit|visits|visited|visiting|arrive[sd]?|arriving"
    r"|landed|lands|hosted|hosts|received|receives|welcomed|summit|negotiations"
    r"|встреч\w*|визит\w*|переговор\w*|прибыл\w*|спотка\w*|сустрэ\w*|візіт\w*|зустр\w*"
    r"|spotka\w*|wizyt\w*|besuch\w*|treffen|rencontr\w*)\b"
    r"|会见|会晤|会谈|访问|抵达"  # inside runs of Chinese characters: no word boundaries
)

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19|20)\d\d"
# Past participles after "had" (the past perfect tells of what came before the news).
_PARTICIPLES = (
    r"(?:been|met|held|made|paid|taken|seen|become|begun|come|gone|spoken|given|won"
    r"|led|had|built|brought|grown|sent|signed|\w+ed)"
)
# A sentence that looks back at an earlier meeting. Matched on the lower-cased
# sentence (three times faster than ignoring case), after a cheap look at the first
# letter of a word.
_BACKGROUND = (
    r"(?<!\w)(?=[a-zа-яёіўєїґ])(?:"
    # English
    r"last (?:met|visited|time|year|month|week|spring|summer|autumn|fall|winter"
    r"|visit|trip|meeting|talks|summit)"
    r"|previous(?:ly)?|earlier (?:this|that|in|last|visit|trip|meeting|talks)"
    rf"|had (?:(?:also|already|just|not|never|once|previously|first|twice) )?{_PARTICIPLES}"
    r"|first met|in the past|ago|back in|at that time|at the time|then-|since then"
    rf"|since (?:(?:early|late|mid)[- ]?)?(?:{_MONTHS} )?(?:the )?{_YEAR}"
    r"|recall(?:s|ed|ing)?"
    # Russian, Belarusian, Ukrainian
    r"|ранее|раней|раніше|прежде|до этого|тогда|тады|тоді|назад|востаннє"
    r"|в (?:прошлый|последний) раз|у мінулы раз|минулого (?:разу|року)"
    r"|в прошлом году|у мінулым годзе|прошлогодн\w*"
    r"|предыдущ\w*|папярэдн\w*|попередн\w*|прошл\w+ (?:визит|поездк|встреч)\w*"
    r"|(?:гадоў|год|гады|месяц\w*) таму|(?:років|роки|рік|місяц\w*) тому"
    r"|ещ[её] в|яшчэ ў|ще в|впервые встрет\w*|впервые встреча\w*"
    r"|напомн\w*|нагадаем|нагадаємо|нагадаю"
    rf"|[сз] (?:\w+ )?{_YEAR}"
    r")\b"
    r"|此前|上次|曾经|以来|去年|前不久|当时"  # Chinese: no word boundaries
)
BACKGROUND = re.compile(_BACKGROUND)
# A sentence that announces a visit still to come: "will visit", "plans to pay a
# visit", "is expected to arrive", "next week", "посетит", "на следующей неделе".
_ANNOUNCEMENT = (
    r"(?<!\w)(?=[a-zа-яёіўєїґ])(?:"
    r"will (?:\w+ ){0,2}?(?:visit|pay|travel|fly|arrive|attend|hold|meet|head|make)"
    r"|(?:plans?|planning|intends?|expects?|expected|set|due|scheduled|going|invited)"
    r" to (?:\w+ )?(?:visit|pay|travel|fly|arrive|attend|hold|meet|head|make)"
    r"|(?:upcoming|forthcoming|coming|planned) (?:\w+ )?(?:visit|trip|talks|summit|meeting)"
    r"|ahead of (?:his|her|their|the) (?:\w+ )?(?:visit|trip|talks|summit)"
    r"|next (?:week|month)|in the (?:near|coming) (?:future|days|weeks)"
    r"|посетит|совершит|прибудет|отправится|примет участие|проведет|проведёт"
    r"|планиру\w+|намерен\w*|собирается|ожидается|предстоящ\w+"
    r"|на следующей неделе|в ближайшее время"
    r"|наведае|ажыццявіць|прыбудзе|плануе|на наступным тыдні|у бліжэйшы час"
    r"|відвідає|здійснить|прибуде|планує|наступного тижня|найближчим часом"
    r")\b"
    r"|将于|将对|将赴|将出席|将访问|将前往|即将"
)
ANNOUNCEMENT = re.compile(_ANNOUNCEMENT)
# A headline's infinitive of the future: "Lukashenko to visit China".
HEADLINE_ANNOUNCEMENT = re.compile(r"(?i)\bto (?:visit|travel to|pay|fly to|attend)\b")


def looks_back(sentence: str) -> re.Match | None:
    """Where a sentence looks back at an earlier meeting ("last time", "ранее"), if
    it does; the match's offsets are the sentence's."""
    return _search(BACKGROUND, _BACKGROUND, sentence)


def announces(sentence: str) -> bool:
    """Whether a sentence announces a visit still to come ("will visit", "посетит")."""
    return _search(ANNOUNCEMENT, _ANNOUNCEMENT, sentence) is not None


def _search(pattern: re.Pattern, source: str, text: str) -> re.Match | None:
    lower = text.lower()
    if len(lower) == len(text):
        return pattern.search(lower)
    return re.search(source, text, re.IGNORECASE)  # lower-casing moved the offsets


def kinds_at(folded: str) -> list[tuple[int, str]]:
    """Where a folded text names a kind of meeting ("state visit", "summit
    meeting"): (offset, kind) of each."""
    kinds = []
    for m in KIND_STARTS.finditer(folded):
        start, end = m.span()
        if start and folded[start - 1].isalnum() and not is_unspaced(m.group()):
            continue  # inside a word
        for kind, follows in KIND_FOLLOWS[m.group()]:
            if follows.match(folded, end):
                kinds.append((start, kind))
    return kinds
