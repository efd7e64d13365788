"""Words and stop words: the one tokenizer behind keys, similarity and reuse.

A word is a run of letters or digits in the folded text (``fold``), after apostrophes
are removed, so "We're" is "were", "Russia’s" is "russias" and "Xi'an" is "xian":
every spelling of a word with or without a mark gives the same word. Everything else
(spaces, punctuation, curly or straight quotes, dashes) separates words.

A content word is a word that is not a stop word: what is left of a sentence when
the words any outlet adds or drops freely are taken out.
"""

from __future__ import annotations

import re

from .fold import fold

_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc\u0060\u00b4']")
_WORD = re.compile(r"[^\W_]+")

# Function words: frequent, carry no identity, and outlets add or drop them freely.
_STOP_WORDS_TEXT = """a an the and or but nor of to in on at by for from with as into onto about
    than then that this these those there here it its is are was were be been being
    has have had do does did will would shall should can could may might must
    i we you he she they me us him her them my our your his their
    not no so also very just said says say saying"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
STOP_WORDS_UTF8 = frozenset(word.encode("ascii") for word in STOP_WORDS)

# Every byte but a-z and 0-9 becomes a space (for ``words_utf8``'s ASCII path).
_ASCII_SPACES = bytes(
    c if chr(c) in "abcdefghijklmnopqrstuvwxyz0123456789" else 32 for c in range(256)
)
_ASCII_APOSTROPHES = b"'`"


def words(text: str) -> list[str]:
    """The folded words of ``text``; apostrophes join ("We're" -> "were")."""
    return _WORD.findall(_APOSTROPHES.sub("", fold(text)))


def words_utf8(text: str) -> list[bytes]:
    """``words`` as UTF-8 bytes, with a fast path (``bytes.translate``) for ASCII.

    For reuse detection over millions of sentences: the same words as ``words``.
    """
    folded = fold(text)
    if not folded.isascii():
        found = _WORD.findall(_APOSTROPHES.sub("", folded))
        return [word.encode("utf-8") for word in found]
    return folded.encode("ascii").translate(_ASCII_SPACES, _ASCII_APOSTROPHES).split()


def content_words(text: str) -> list[str]:
    """The words of ``text`` that are not stop words, in order."""
    return [word for word in words(text) if word not in STOP_WORDS]
