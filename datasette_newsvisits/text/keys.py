"""Keys under which different spellings of the same thing compare equal.

``name_key`` for names (the gazetteer, the SQL lookups, the evaluation), ``slugify``
for the ids made from names, ``quote_key`` for quotations carried by several outlets.
All are built on ``words``, so case, accents, apostrophes and punctuation never count.
"""

from __future__ import annotations

import hashlib
import re

from .words import content_words, words

ANCHOR_WORDS = 5  # length of the run of content words a long quote is keyed on

_VOWELS = re.compile(r"(?<=.)[aeiouy]")
_REPEATS = re.compile(r"(.)\1+")
_POSSESSIVE_END = re.compile(r"['’]s\W*$")


def name_key(name: str) -> str:
    """A lookup key for a name or spelling: folded words, possessive 's dropped."""
    tokens = words(name)
    if len(tokens) > 1 and tokens[-1] == "s":
        tokens = tokens[:-1]
    elif tokens and tokens[-1].endswith("s") and _POSSESSIVE_END.search(name):
        tokens[-1] = tokens[-1][:-1]
    return " ".join(tokens)


def slugify(name: str) -> str:
    """A stable id for a name: its words joined by hyphens ("Xi Jinping" -> "xi-jinping")."""
    return "-".join(words(name)) or "entity"


def skeleton(word: str) -> str:
    """A typo-tolerant form of a word: first letter, then consonants, repeats merged.

    "minister", "mnister" and "ministter" all become "mnstr"; digits are kept as is.
    """
    if word.isdigit():
        return word
    return _REPEATS.sub(r"\1", _VOWELS.sub("", word))


def quote_key(text: str) -> str:
    """A key under which the same quotation from different outlets compares equal.

    The text is folded (case, accents, curly or straight marks, punctuation), stop
    words are dropped (``content_words``) and each word is reduced to its consonant
    skeleton. A quotation of up to ``ANCHOR_WORDS`` content words is
    keyed on all of them; a longer one on its run of ``ANCHOR_WORDS`` consecutive
    skeletons with the smallest stable hash, so a quotation that another outlet trimmed
    by a word or two at either end usually keeps its key (always, unless the trimmed
    words were part of that run). Limits: typos that change consonants, reworded or
    translated quotes, and two different quotations sharing an exact run of five
    content words.
    """
    tokens = [skeleton(word) for word in content_words(text)]
    if len(tokens) <= ANCHOR_WORDS:
        return " ".join(tokens)
    runs = (
        " ".join(tokens[i : i + ANCHOR_WORDS])
        for i in range(len(tokens) - ANCHOR_WORDS + 1)
    )
    return min(runs, key=lambda run: (_stable_hash(run), run))


def _stable_hash(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
