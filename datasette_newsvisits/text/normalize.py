"""Pure text helpers shared by the loader and the SQL functions: keys, similarity, KWIC.

Every function here runs in time linear in its input, and callers cap input sizes
(``MAX_CHARS``) before calling from SQL.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_CHARS = 1_000_000  # longer inputs are refused by the SQL functions (NULL)

# Letters that NFKD does not decompose into a base letter plus a mark.
_FOLD = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
    }
)
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc\u0060\u00b4']")
_WORD = re.compile(r"[a-z0-9]+")
_VOWELS = re.compile(r"(?<=.)[aeiouy]")
_REPEATS = re.compile(r"(.)\1+")

# Function words: frequent, carry no identity, and outlets add or drop them freely.
_STOP_WORDS_TEXT = """a an the and or but nor of to in on at by for from with as into onto about
    than then that this these those there here it its is are was were be been being
    has have had do does did will would shall should can could may might must
    i we you he she they me us him her them my our your his their
    not no so also very just said says say saying"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

ANCHOR_WORDS = 5  # length of the run of content words a long quote is keyed on


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents ("Łukaszenka" -> "lukaszenka")."""
    if text.isascii():
        return text.lower()  # the same result, without the per-character pass
    text = text.translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    """The folded words of ``text``; apostrophes join ("We're" -> "were")."""
    return _WORD.findall(_APOSTROPHES.sub("", fold(text)))


def skeleton(word: str) -> str:
    """A typo-tolerant form of a word: first letter, then consonants, repeats merged.

    "minister", "mnister" and "ministter" all become "mnstr"; digits are kept as is.
    """
    if word.isdigit():
        return word
    return _REPEATS.sub(r"\1", _VOWELS.sub("", word))


def content_skeletons(text: str) -> list[str]:
    """Skeletons of the words of ``text`` that are not stop words, in order."""
    return [skeleton(w) for w in words(text) if w not in STOP_WORDS]


def quote_key(text: str) -> str:
    """A key under which the same quotation from different outlets compares equal.

    The text is folded (case, accents, curly or straight marks, punctuation), stop
    words are dropped and each word is reduced to its consonant skeleton. A quotation
    of up to ``ANCHOR_WORDS`` content words is keyed on all of them; a longer one on
    its run of ``ANCHOR_WORDS`` consecutive skeletons with the smallest stable hash, so
    a quotation that another outlet trimmed by a word or two at either end usually
    keeps its key (always, unless the trimmed words were part of that run).
    Limits: typos that change consonants, reworded or translated quotes, and two
    different quotations sharing an exact run of five content words.
    """
    tokens = content_skeletons(text)
    if len(tokens) <= ANCHOR_WORDS:
        return " ".join(tokens)
    runs = (
        " ".join(tokens[i : i + ANCHOR_WORDS])
        for i in range(len(tokens) - ANCHOR_WORDS + 1)
    )
    return min(runs, key=lambda run: (_stable_hash(run), run))


def _stable_hash(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()


def shingles(text: str, size: int = 2) -> set[tuple[str, ...]]:
    """The set of runs of ``size`` consecutive word skeletons (all words if fewer)."""
    tokens = [skeleton(w) for w in words(text)]
    if len(tokens) <= size:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity, 0 to 1, of the word-pair shingles of two texts.

    Word skeletons are compared, so case, accents, punctuation and most one-letter
    typos do not count; word order does. Two empty texts are 0.0.
    """
    left, right = shingles(a), shingles(b)
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


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


def name_key(name: str) -> str:
    """A lookup key for a name or spelling: folded words, possessive 's dropped."""
    tokens = words(name)
    if len(tokens) > 1 and tokens[-1] == "s":
        tokens = tokens[:-1]
    elif tokens and tokens[-1].endswith("s") and re.search(r"['’]s\W*$", name):
        tokens[-1] = tokens[-1][:-1]
    return " ".join(tokens)
