"""The page's headline: which line before the body it is, and what is not part of it.

A capture starts with whatever the page shows above the article: the site's name,
menus, a section kicker, the headline, a standfirst, a byline and a date, in many
orders. The headline is looked for among the lines before the body starts, in this
order of likelihood:

- a line the page shows twice (pages repeat it: title, then heading);
- a line whose words the lead takes up again (the lead restates the headline; a
  site's name, a menu or a ticker of other news does not come back in it);
- another short line; a kicker of three words or fewer above a longer line
  ("Belarus and China" above the headline) last. A line as long as a teaser counts
  only when the lead takes it up (else it links to another story);
- a headline may end like a sentence (a question, an exclamation, a quotation): the
  first text line counts as one when it is short and one sentence;
- when the capture flattened the page's start into one line, a headline glued to the
  lead is split off where that is plain: where the lead restates it ("Vucic arrived
  in Beijing Serbian President Vučić arrived in Beijing today…"), before a photo
  credit, or where the lead's first word opens a sentence ("… with Xi The …").

Kickers written before the headline ("Diplomacy - …", "WORLD | …") and the site's
name after it ("… | Reuters", "… - BBC News") are not part of the title; description
drops the candidates that are only the name of an outlet (``choose_title``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from itertools import islice

from ..text.dates import find_dates
from ..text.fold import fold
from . import steps
from .clutter import HEADING_MAX_WORDS, NAV_WORDS, word_count

HEADLINE_SCAN = 10  # the lines before the body among which the headline is looked for
LEAD_LINES = 2  # the body's first lines, that restate the headline
NOT_A_HEADLINE = 9  # the rank of a candidate that is dropped
SHORT_KICKER = 3  # a first candidate this short above a longer one is a kicker
FLAT_MIN_WORDS = 40  # a first line this long holds the page's start flattened
FLAT_MAX_TITLE = 25  # words a headline flattened into the body line may have
# A photo credit written after a flattened headline: " / Collage 24 Channel",
# "Photo: …", "Фото: …", "©".
FLAT_CREDIT = re.compile(
    r" / (?=[A-ZА-ЯЁІЎЄ0-9])"
    r"|\s\(?(?:Photo|Photos|Image|Picture|Illustration|Foto|Фото|Фота|Ілюстрацыя"
    r"|Ілюстрація|Иллюстрация)(?: by|:)\s"
    r"|\s©"
)
# Words that open a sentence with a capital and do not begin a name: after a word
# with no full stop, the lead of a flattened page starts there.
SENTENCE_OPENERS = frozenset(
    [
        *("The", "A", "An", "On", "In", "At", "After", "According", "This", "It"),
        *("He", "She", "They", "His", "Her", "Their"),
        *("В", "Во", "На", "По", "С", "Со", "Как", "Это", "Он", "Она", "Они"),
        *("После", "Сегодня", "Вчера", "Ранее"),
        *("У", "Ён", "Яна", "Яны", "Гэта", "Як", "Па", "Пасля", "Учора", "Сёння"),
        *("Він", "Вона", "Вони", "Це", "Після", "Сьогодні", "За"),
    ]
)
# A section kicker before the headline: "Diplomacy - …", "WORLD | …", "Belarus | …".
KICKER = re.compile(
    r"^(?P<kicker>[A-Z][\w&'’.]*(?: [A-Za-z&][\w&'’.]*)?) ?[-–—|•] (?=\S+(?: \S+){3})"
)
SECTION_WORDS = frozenset(
    NAV_WORDS
    | {
        "diplomacy",
        "society",
        "analysis",
        "exclusive",
        "interview",
        "explainer",
        "live",
        "breaking",
        "update",
        "international",
        "world news",
        "in depth",
        "region",
        "regions",
        "foreign policy",
        "security",
        "defence",
        "defense",
        "politics news",
        "top news",
    }
)
# How a headline that reads like a sentence ends: a question, an exclamation, or a
# quotation closed without a full stop ('Xi tells Lukashenko: "our ties are unbreakable"').
SENTENCE_HEADLINE_END = re.compile(r"""[?!]["'”’»)]*$|[^\s.,;:!?]["”»’]$""")
TERMINAL_INSIDE = re.compile(r"[.!?](?=\s|$)|[。！？](?!$)")
# The site's name after the headline: "… | Reuters", "… - BBC News", "… — Meduza".
SITE_SUFFIX = re.compile(r"\s+(?P<sep>[|–—-])\s+(?P<site>[^|–—]{2,40})$")
WORD = re.compile(r"\w+", re.UNICODE)
STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "in",
        "on",
        "at",
        "of",
        "to",
        "for",
        "and",
        "or",
        "with",
        "by",
        "from",
        "as",
        "is",
        "was",
    ]
)


def key(line: str) -> str:
    """A line's words, case-folded, without punctuation: equal keys, same line."""
    return " ".join(WORD.findall(line.casefold()))


def find_headlines(lines: list[str], kinds: list[str | None]) -> list[str]:
    """The lines before the body that may be the headline, the likeliest first.

    The likeliest is marked ``steps.HEADLINE`` in ``kinds``; kickers are cut off."""
    found: list[int] = []
    body = None
    for i, kind in enumerate(kinds[:HEADLINE_SCAN]):
        if kind is None:
            body = i
            if not found and _reads_like_headline(lines, kinds, i):
                found.append(i)
                body = i + 1
            break  # the body starts
        if kind in (steps.HEADING, steps.TEASER) and word_count(lines[i]) >= 3:
            found.append(i)
    if not found:
        return []
    if len(found) == 1 and kinds[found[0]] != steps.TEASER:
        order = found  # nothing to rank
    else:
        lead = _stems(" ".join(_first_prose(lines, kinds, body)))
        shown = Counter(key(line) for line in lines[: HEADLINE_SCAN + 2])
        repeated = {k for k, n in shown.items() if n > 1}
        ranked = sorted(
            (_rank(lines, kinds, found, lead, repeated, i), i) for i in found
        )
        order = [i for rank, i in ranked if rank[0] < NOT_A_HEADLINE]
        if not order:
            return []
    kinds[order[0]] = steps.HEADLINE
    return [strip_kicker(lines[i]) for i in order]


def _first_prose(
    lines: list[str], kinds: list[str | None], start: int | None
) -> list[str]:
    """The body's first lines, from ``start``."""
    if start is None:
        return []
    after = zip(islice(lines, start, None), islice(kinds, start, None))
    prose = (line for line, kind in after if kind is None)
    return list(islice(prose, LEAD_LINES))


def _rank(
    lines: list[str],
    kinds: list[str | None],
    found: list[int],
    lead: set[str],
    repeated: set[str],
    i: int,
) -> tuple[int, int]:
    """Sort key of a candidate: a line the page repeats first; then lines the lead
    restates in part; then other short lines; a short kicker last. A line as long as
    a teaser counts only when the lead restates it (else it is a link to another
    story)."""
    if key(lines[i]) in repeated:
        return (0, i)
    words = word_count(lines[i])
    if words <= SHORT_KICKER and any(word_count(lines[j]) >= 5 for j in found if j > i):
        return (3, i)
    related = len(_stems(lines[i]) & lead) >= 2
    if kinds[i] == steps.TEASER and not related:
        return (NOT_A_HEADLINE, i)
    return (1 if related else 2, i)


def _reads_like_headline(lines: list[str], kinds: list[str | None], i: int) -> bool:
    """Whether the first text line is a headline that ends like a sentence: short,
    one sentence, capitalized, and followed by more text."""
    line = lines[i]
    words = word_count(line)
    if not 3 <= words <= HEADING_MAX_WORDS or not SENTENCE_HEADLINE_END.search(line):
        return False
    if TERMINAL_INSIDE.search(line.rstrip("?!\"'”’»)")):
        return False  # two sentences: the body's opening
    first = line.lstrip("\"'“‘«(")[:1]
    return first.isupper() and any(k is None for k in kinds[i + 1 :])


def strip_kicker(headline: str) -> str:
    """The headline without a section kicker before it ("Diplomacy - …")."""
    match = KICKER.match(headline)
    if match:
        kicker = match.group("kicker")
        if kicker.casefold() in SECTION_WORDS or kicker.isupper():
            return headline[match.end() :]
    return headline


def split_flattened_headline(
    lines: list[str], kinds: list[str | None], flattened: bool
) -> str | None:
    """The headline at the start of a page flattened into one line (an export, or a
    capture that glued the headline, a photo credit and the body together), split
    off that line; None unless where it ends is plain.

    It is looked for when the capture header was glued to the text (``flattened``)
    or when the first text line is as long as an article (``FLAT_MIN_WORDS``). The
    headline ends, in this order:

    - before a photo credit ("… talks with Xi / Collage 24 Channel Belarusian …",
      "… в Пекин Фото: БелТА Президент …");
    - where the lead restates it ("Vucic arrived in Beijing Serbian President Vučić
      arrived in Beijing today…");
    - where the lead evidently starts: a word that opens a sentence written with a
      capital after a word with no full stop ("… talks with Xi The Belarusian leader
      …", "… с рабочим визитом В воскресенье …"), when exactly one such place is
      near the start (in a headline in title case there are several, so none).
    """
    first = next((i for i, k in enumerate(kinds[:3]) if k is None), None)
    if first is None:
        return None
    words = lines[first].split(" ")
    if not (flattened or len(words) >= FLAT_MIN_WORDS):
        return None
    skip = 0
    while skip < 2 and skip < len(words) and words[skip].casefold() in NAV_WORDS:
        skip += 1
    cut = (
        _credit_start(lines[first], words, skip)
        or _restated_end(words, skip)
        or _lead_start(words, skip)
    )
    if cut is None:
        return None
    end, resume = cut
    headline = " ".join(words[skip:end])
    lines[first] = " ".join(words[resume:])
    kinds.insert(first, steps.HEADLINE)
    lines.insert(first, " ".join(words[:end]))
    return headline


def _restated_end(words: list[str], skip: int) -> tuple[int, int] | None:
    """Where a headline ends that the lead's first sentence restates: its content
    words, three or more, must all come back there (compared by their first five
    letters: "arrives" is "arrived")."""
    best, best_cover = None, 0.0
    for k in range(skip + 3, min(len(words) - 8, skip + 17)):
        if not words[k][:1].isupper() or not _ends_headline(words[k - 1]):
            continue
        title = _stems(" ".join(words[skip:k]))
        lead = " ".join(words[k:])
        end = TERMINAL_INSIDE.search(lead)
        lead_words = _stems(lead[: end.end()] if end else lead)
        if len(title) < 3:
            continue
        cover = len(title & lead_words) / len(title)
        if cover >= best_cover:
            best, best_cover = k, cover
    if best is None or best_cover < 1.0:
        return None
    return best, best


def _credit_start(line: str, words: list[str], skip: int) -> tuple[int, int] | None:
    """Where a photo credit follows the headline: the first credit marker after
    three to ``FLAT_MAX_TITLE`` words that read as a headline. The body resumes at
    the marker (its credit is left for cleaning: where it ends is not plain)."""
    starts = _word_starts(words)
    for marker in FLAT_CREDIT.finditer(line):
        end = bisect_right(starts, marker.start()) - 1 + (line[marker.start()] == " ")
        if end - skip > FLAT_MAX_TITLE:
            return None
        if _headline_words(words[skip:end]):
            return end, end
    return None


def _lead_start(words: list[str], skip: int) -> tuple[int, int] | None:
    """Where the lead starts right after a headline with no full stop: the one word
    near the start that opens a sentence ("The", "В") after a word that ends none."""
    places = [
        k
        for k in range(skip + 1, min(len(words), skip + FLAT_MAX_TITLE + 1))
        if words[k] in SENTENCE_OPENERS and words[k - 1][-1:].isalnum()
    ]
    if len(places) != 1:
        return None
    end = places[0]
    title = words[skip:end]
    if end - skip < 4 or title[-1].casefold() in STOP or not _headline_words(title):
        return None
    if not TERMINAL_INSIDE.search(" ".join(words[end : end + 60])):
        return None  # no sentence follows: not a lead
    return end, end


def _headline_words(words: list[str]) -> bool:
    """Whether words read as a headline: three or more, the first capitalized, no
    sentence ended inside."""
    text = " ".join(words)
    return (
        len(words) >= 3
        and text[:1].isupper()
        and not TERMINAL_INSIDE.search(text.rstrip("?!\"'”’»)"))
    )


def _word_starts(words: list[str]) -> list[int]:
    starts, at = [], 0
    for word in words:
        starts.append(at)
        at += len(word) + 1
    return starts


def _ends_headline(word: str) -> bool:
    return word[-1:].isalnum() or word[-1:] in "?!\"'”’»)"


def _stems(text: str) -> set[str]:
    return {w[:5] for w in key(fold(text)).split() if w not in STOP}


def choose_title(
    candidates: list[str], is_outlet_name: Callable[[str], bool]
) -> str | None:
    """The first candidate headline that is not just an outlet's name, without the
    site's name after it ("… | Reuters")."""
    for candidate in candidates:
        if not is_outlet_name(candidate):
            return strip_site_suffix(candidate, is_outlet_name)
    return None


def strip_site_suffix(title: str, is_outlet_name: Callable[[str], bool]) -> str:
    """A title without the site's name after it: after "|" any short name, after a
    dash only a known outlet's ("Xi-Putin talks - BBC News" keeps "Xi-Putin talks");
    and without a date after it ("… – DW – 12/04/2023")."""
    title = _without_date_suffix(title)
    match = SITE_SUFFIX.search(title)
    if match and len(title[: match.start()].split()) >= 3:
        site = match.group("site").strip()
        if is_outlet_name(site) or (
            match.group("sep") == "|" and len(site.split()) <= 4
        ):
            return title[: match.start()].rstrip()
    return title


def site_suffix(title: str) -> str | None:
    """The site's name a title ends with after a separator, if any ("Reuters")."""
    match = SITE_SUFFIX.search(_without_date_suffix(title))
    return match.group("site").strip() if match else None


def _without_date_suffix(title: str) -> str:
    """A title without a date written after a separator ("… – 12/04/2023")."""
    match = SITE_SUFFIX.search(title)
    if match:
        segment = match.group("site").strip()
        dates = find_dates(segment)
        if dates and dates[0].start == 0 and dates[-1].end == len(segment):
            return title[: match.start()].rstrip()
    return title
