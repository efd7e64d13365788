"""The one date grammar: every module that reads a date reads it here.

Forms read (each with or without a weekday before it):

- ISO and other year-first numbers: ``2023-03-01`` (with a time after it or not),
  ``2023/03/01``, ``2023.03.01``, ``2023年3月1日`` (and ``3月1日`` without the year;
  inside running Chinese text too, in ASCII or full-width digits);
- day-first numbers: ``01.03.2023``, ``1/3/2023`` (month-first when the day-first
  reading is impossible: ``3/21/2023``);
- month names in English (``March 1, 2023``, ``1 March 2023``, ``Mar. 1st``,
  ``1st of March``), Russian, Belarusian, Ukrainian (``1 марта 2023 г.``,
  ``1 сакавіка``, ``1 березня 2023 р.``), Polish (``1 marca 2023``), German
  (``1. März 2023``) and French (``1er mars 2023``); ``March 2023`` is a month;
- a time glued to the year by the capture: ``June 4, 20254:55 AM``;
- ranges: ``March 20-22``, ``20-22 March 2023``, ``28 February - 2 March 2023``,
  ``from November 13 to 17``, ``Sept. 15 and 16`` (each end is a mention, and the
  year of one end is given to the other);
- dates in a page's url: ``/2023/12/04/``, ``2023-12-04``, ``20231204`` (``url_date``).

Every mention contains a digit, so the text is scanned at its digit runs only: the
grammar costs little on prose. English month names must be capitalized ("may" and
"march" are verbs); the other languages' names are read in any case, next to a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTH_NAMES = [
    # English, then Russian, Belarusian, Ukrainian, Polish, German, French (genitive
    # and nominative forms, the Slavic "in March" forms, common abbreviations; not
    # Belarusian "мае", which is also "has").
    (
        "january jan январь января январе янв студзень студзеня студзені студз січень січня"
        " січні січ"
        " styczeń stycznia januar jänner janvier janv"
    ),
    (
        "february feb февраль февраля феврале фев февр люты лютага лютым лют лютий"
        " лютого лютому"
        " luty lutego februar février fevrier févr"
    ),
    (
        "march mar март марта марте мар сакавік сакавіка сакавіку сак березень березня"
        " березні бер"
        " marzec marca märz maerz mars"
    ),
    (
        "april apr апрель апреля апреле апр красавік красавіка красавіку крас квітень"
        " квітня квітні квіт"
        " kwiecień kwietnia avril avr"
    ),
    "may май мая травень траўня траўні травня травні трав maj maja mai",
    (
        "june jun июнь июня июне июн чэрвень чэрвеня чэрвені чэрв червень червня"
        " червні черв"
        " czerwiec czerwca juni juin"
    ),
    (
        "july jul июль июля июле июл ліпень ліпеня ліпені ліп липень липня липні лип"
        " lipiec lipca"
        " juli juillet juil"
    ),
    (
        "august aug август августа августе авг жнівень жніўня жніўні жнів серпень"
        " серпня серпні серп"
        " sierpień sierpnia août aout"
    ),
    (
        "september sep sept сентябрь сентября сентябре сен сент верасень верасня"
        " верасні вер"
        " вересень вересня вересні wrzesień września septembre"
    ),
    (
        "october oct октябрь октября октябре окт кастрычнік кастрычніка кастрычніку"
        " кастр жовтень жовтня жовтні"
        " жовт październik października oktober okt octobre"
    ),
    (
        "november nov ноябрь ноября ноябре ноя нояб лістапад лістапада лістападзе"
        " ліст листопад"
        " листопада листопаді listopad listopada novembre"
    ),
    (
        "december dec декабрь декабря декабре дек снежань снежня снежні снеж грудень"
        " грудня грудні груд"
        " grudzień grudnia dezember dez décembre decembre déc"
    ),
]
MONTH_NUMBERS: dict[str, int] = {}
for _number, _names in enumerate(_MONTH_NAMES, start=1):
    for _name in _names.split():
        MONTH_NUMBERS.setdefault(_name, _number)
_ENGLISH = frozenset(
    [
        "january",
        "jan",
        "february",
        "feb",
        "march",
        "mar",
        "april",
        "apr",
        "may",
        "june",
        "jun",
        "july",
        "jul",
        "august",
        "aug",
        "september",
        "sep",
        "sept",
        "october",
        "oct",
        "november",
        "nov",
        "december",
        "dec",
    ]
)

WEEKDAY_NUMBERS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "monday mon понедельник понедзелак понеділок poniedziałek montag lundi",
        "tuesday tue tues вторник аўторак вівторок wtorek dienstag mardi",
        (
            "wednesday wed среда среду серада сераду середа середу środa środę"
            " mittwoch mercredi"
        ),
        "thursday thu thur thurs четверг чацвер четвер czwartek donnerstag jeudi",
        (
            "friday fri пятница пятницу пятніца пятніцу пʼятниця пʼятницю п'ятниця"
            " п'ятницю piątek freitag vendredi"
        ),
        "saturday sat суббота субботу субота суботу sobota sobotę samstag samedi",
        (
            "sunday sun воскресенье нядзеля нядзелю неділя неділю niedziela niedzielę"
            " sonntag dimanche"
        ),
    ]
):
    for _name in _names.split():
        WEEKDAY_NUMBERS.setdefault(_name, _number)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONTH = rf"(?:{_alternation(MONTH_NUMBERS)})"
# A capitalized English month name or abbreviation: the pattern other modules use to
# recognise date lines and dates in English prose.
MONTHS_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
WEEKDAY_PATTERN = rf"(?:{_alternation(WEEKDAY_NUMBERS)})"

_DAY = r"(?P<day>[0-3]?\d)"
# A year may have the time glued to it by the capture ("June 4, 20254:55 AM").
_YEAR_AFTER = (
    r"(?:,?[ \u00a0]+(?:of[ \u00a0]+)?(?P<year>(?:19|20)\d\d)(?:(?!\d)|(?=[0-2]?\d:\d\d))"
    r"(?:[ \u00a0]*(?:г\.|года|год|гады|р\.|року|r\.|roku))?)?"
)
# Forms that start at their first digit run.
_NUMBER_FIRST = re.compile(
    r"(?P<iso>(?:19|20)\d\d)(?P<sep>[-/.])(?P<im>[01]?\d)(?P=sep)(?P<id>[0-3]?\d)(?!\d)"
    r"|(?P<cy>\d{4})[ \u00a0]*年[ \u00a0]*(?P<cm>\d{1,2})[ \u00a0]*月"
    r"(?:[ \u00a0]*(?P<cd>\d{1,2})[ \u00a0]*[日号])?"
    r"|(?P<cm2>\d{1,2})[ \u00a0]*月[ \u00a0]*(?P<cd2>\d{1,2})[ \u00a0]*[日号]"
    r"|(?P<na>[0-3]?\d)(?P<nsep>[./])(?P<nb>[0-3]?\d)(?P=nsep)(?P<ny>(?:19|20)\d\d)(?!\d)"
    rf"|{_DAY}(?:st|nd|rd|th|er|-?го|-?е|\.)?[ \u00a0]+(?:of[ \u00a0]+)?"
    rf"(?P<month>{_MONTH})(?![^\W\d_])\.?{_YEAR_AFTER}",
    re.IGNORECASE,
)
# Forms that start with a month name, tried where a digit run follows one.
_MONTH_BEFORE = re.compile(rf"(?<![^\W\d_])({_MONTH})\.?,?[ \u00a0]+$", re.IGNORECASE)
_MONTH_FIRST_REST = re.compile(
    rf"(?:{_DAY}(?:st|nd|rd|th)?(?![\d:%])(?!\.\d){_YEAR_AFTER}"
    r"|(?P<monthyear>(?:19|20)\d\d)(?!\d))",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
# The other end of a range: "-22", " to 17", " and 16", " – 2 March 2023".
_RANGE_END = re.compile(
    r"[ \u00a0]*(?:-|–|—|to|until|till|and|through|по|до|i|bis|au)[ \u00a0]*"
    r"(?P<day>[0-3]?\d)(?![\d:%]|[.,]\d)(?:st|nd|rd|th)?(?P<next>[ \u00a0]*[^\W\d_]+)?",
    re.IGNORECASE,
)
# Words that may follow the second day of a range ("from 13 to 17 and then"); any
# other lower-case word makes it a count ("13 to 17 people").
_AFTER_RANGE = frozenset(
    [
        "and",
        "or",
        "in",
        "at",
        "on",
        "of",
        "from",
        "with",
        "for",
        "when",
        "before",
        "after",
        "as",
    ]
)
_RANGE_JOIN = re.compile(
    r"[ \u00a0]*(?:-|–|—|to|until|till|through|по|до|bis|au)[ \u00a0]*$", re.IGNORECASE
)
_WEEKDAY = re.compile(rf"(?<![^\W\d_])({WEEKDAY_PATTERN})(?![^\W\d_])", re.IGNORECASE)
# The same on lower-cased text: a big alternation matched without IGNORECASE is
# several times faster.
_WEEKDAY_LOWER = re.compile(rf"(?<![^\W\d_])({WEEKDAY_PATTERN})(?![^\W\d_])")
_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)([-/_]?)([01]\d)\2([0-3]\d)(?!\d)"
    r"|[?&]yyyy=((?:19|20)\d\d)&mm=([01]?\d)&dd=([0-3]?\d)"
)


@dataclass(frozen=True)
class DateMention:
    """A date written in a text: its span and whichever of year, month, day it gives."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None

    @property
    def date(self) -> date | None:
        """The date, when the mention gives a year, a month and a day."""
        if self.year and self.month and self.day:
            return safe_date(self.year, self.month, self.day)
        return None

    def with_year(self, year: int) -> DateMention:
        """The same mention with the year filled in (from a range end or a context)."""
        return DateMention(self.start, self.end, year, self.month, self.day)


def month_number(name: str) -> int | None:
    """1-12 for a month's name or abbreviation in any language read ("Sept.", "марта")."""
    key = name.casefold().rstrip(".")
    return MONTH_NUMBERS.get(key) or (
        MONTH_NUMBERS.get(key[:3]) if key[:3] in _ENGLISH else None
    )


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)``, or None when there is no such day (or the year is odd)."""
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[DateMention]:
    """Every date mention in ``text``, in order (ranges give one mention per end)."""
    found: list[DateMention] = []
    end = 0
    for digits in _DIGITS.finditer(text):
        if digits.start() < end:
            continue
        mention = _read_at(text, digits.start())
        if mention is None:
            continue
        found.append(mention)
        end = mention.end
        if mention.month and mention.day:
            other = _range_end(text, mention)
            if other is not None:
                found.append(other)
                end = other.end
    return _share_years(text, found)


def _read_at(text: str, pos: int) -> DateMention | None:
    before = text[pos - 1] if pos else " "
    if before.isdigit() or (before.isalpha() and ord(before) < 0x2E80):
        return None  # inside a word or a longer number (CJK text has no spaces)
    m = _NUMBER_FIRST.match(text, pos)
    if m:
        return _number_first(m)
    before = _MONTH_BEFORE.search(text, max(0, pos - 16), pos)
    if before and _month_ok(before.group(1)):
        rest = _MONTH_FIRST_REST.match(text, pos)
        if rest:
            month = month_number(before.group(1))
            if rest.group("monthyear"):
                return DateMention(
                    before.start(),
                    rest.end(),
                    int(rest.group("monthyear")),
                    month,
                    None,
                )
            day = int(rest.group("day"))
            if 1 <= day <= 31:
                year = int(rest.group("year")) if rest.group("year") else None
                return DateMention(before.start(), rest.end(), year, month, day)
    return None


def _number_first(m: re.Match) -> DateMention | None:
    g = m.groupdict()
    if g["iso"]:
        y, mo, d = int(g["iso"]), int(g["im"]), int(g["id"])
    elif g["cy"]:
        y, mo, d = int(g["cy"]), int(g["cm"]), int(g["cd"]) if g["cd"] else None
        if not 1900 <= y <= 2100:
            return None
    elif g["cm2"]:
        y, mo, d = None, int(g["cm2"]), int(g["cd2"])
    elif g["na"]:
        a, b, y = int(g["na"]), int(g["nb"]), int(g["ny"])
        d, mo = (b, a) if b > 12 and a <= 12 and g["nsep"] == "/" else (a, b)
    else:
        if not _month_ok(g["month"]):
            return None
        y = int(g["year"]) if g["year"] else None
        mo, d = month_number(g["month"]), int(g["day"])
    if not (mo and 1 <= mo <= 12) or (d is not None and not 1 <= d <= 31):
        return None
    return DateMention(m.start(), m.end(), y, mo, d)


def _month_ok(name: str) -> bool:
    """English month names count only capitalized ("may", "march" are verbs)."""
    key = name.casefold().rstrip(".")
    return key not in _ENGLISH or name[:1].isupper()


def _range_end(text: str, first: DateMention) -> DateMention | None:
    """The second day of "March 20-22" / "Sept. 15 and 16" / "from 13 to 17 November"."""
    m = _RANGE_END.match(text, first.end)
    if m is None:
        return None
    after = _read_at(text, m.start("day"))
    if after is not None and after.month:
        return after  # "28 February - 2 March 2023": the second end names its month
    day = int(m.group("day"))
    word = (m.group("next") or "").strip()
    if word and word[0].islower() and word not in _AFTER_RANGE:
        return None
    if not first.day < day <= 31:
        return None
    return DateMention(m.start("day"), m.end("day"), first.year, first.month, day)


def _share_years(text: str, found: list[DateMention]) -> list[DateMention]:
    """A range's ends share a year: "28 February - 2 March 2023" dates both ends."""
    for i in range(len(found) - 1):
        first, second = found[i], found[i + 1]
        joined = second.start == first.end or _RANGE_JOIN.fullmatch(
            text, first.end, second.start
        )  # only a dash or "to" between: not "December 5. … January-October 2023"
        if first.year is None and second.year and first.month and joined:
            found[i] = first.with_year(second.year)
    return found


def parse_date(text: str) -> date | None:
    """The first full date (with a year) written in ``text``, in any form read."""
    for mention in find_dates(str(text)):
        value = mention.date
        if value:
            return value
    return None


def url_date(url: str) -> date | None:
    """The date a url's path gives: ``/2023/12/04/``, ``2023-12-04``, ``20231204``."""
    for m in _URL_DATE.finditer(url or ""):
        if m.group(1):
            value = safe_date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        else:
            value = safe_date(int(m.group(5)), int(m.group(6)), int(m.group(7)))
        if value:
            return value
    return None


def find_weekdays(text: str) -> list[tuple[int, int, int]]:
    """(start, end, weekday 0-6) of each weekday name written in ``text``."""
    out = []
    lower = text.lower()
    if len(lower) == len(text):  # offsets hold ("İ" lower-cases to two characters)
        matches = _WEEKDAY_LOWER.finditer(lower)
    else:
        matches = _WEEKDAY.finditer(text)
    for m in matches:
        word = text[m.start() : m.end()]
        key = word.casefold().rstrip(".")
        if len(key) <= 4 and not word[:1].isupper():
            continue  # "sun", "sat", "wed" as ordinary words
        out.append((m.start(), m.end(), WEEKDAY_NUMBERS[key]))
    return out


def nearest_weekday(weekday: int, reference: date, before: bool) -> date:
    """The day named ``weekday`` nearest ``reference`` on or before (or on or after) it."""
    if before:
        return reference - timedelta(days=(reference.weekday() - weekday) % 7)
    return reference + timedelta(days=(weekday - reference.weekday()) % 7)
