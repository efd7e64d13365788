"""Grammatical roles: whether a name is its clause's subject or an object, read
from the words before it.

Centering theory ranks what a sentence is about by grammatical role: its subject
first, then its objects and the rest; a later "the head of state" or "he" most
likely continues the subject. Without a parser the role is read from the word that
governs a name, found by walking back over the name's title ("with Chinese
President Xi Jinping", "President of Belarus Alexander Lukashenko", "met the
Belarusian leader, Alexander Lukashenko") to the first word that is not part of it:

- nothing before it in its clause (a sentence's start, a comma, a dash), a clause
  opener ("that", "while", "as") or a time ("last week"): a **subject**;
- a preposition, "and", or any other lower-case word (a verb: "met Xi", "told
  Lukashenko", "said Xi would come"): an **object** (or the subject of a clause
  inside another, which ranks with the objects).

The title words (``title_words``) are also what the resolver reads as what the
article says a person is ("Belarusian ruler Alexander Lukashenko").
"""

from __future__ import annotations

import re

from ..vocabulary import (
    AUXILIARIES,
    CLAUSE_OPENERS,
    DESCRIPTORS,
    IRREGULAR_PAST,
    NATIONALITIES,
    NATIONALITY_CONTEXT,
    ORGANIZATION_ROLES,
    PERSON_ROLE_SYNONYMS,
    QUALIFIERS,
    TIME_WORDS,
    TITLE_WORDS,
    is_agent_noun,
)
from .speech import CONTEXT_BREAK

TITLE_RUN_WORDS = frozenset(
    w
    for phrase in [
        *DESCRIPTORS,
        *QUALIFIERS,
        *NATIONALITIES,
        *PERSON_ROLE_SYNONYMS,
        *ORGANIZATION_ROLES,
        *TITLE_WORDS,
        "of",
        "the",
        "to",
        "for",
    ]
    for w in phrase.split()
)
_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "their", "its"])
# Where the words governing a name stop: a sentence's or clause's edge.
_CLAUSE_EDGE = re.compile(r"[.;:!?,\n()“”\"«»—–]|\s-\s")
_POSSESSIVE = re.compile(r"['’]s?$")
_REACH = 80  # characters read back from a name


def title_words(lead: str) -> str:
    """The title words right before a name: "met Belarusian ruler" -> "belarusian ruler"."""
    kept: list[str] = []
    for word in reversed(CONTEXT_BREAK.split(lead)[-1].split()):
        low = word.lower().strip('(“"')
        bare = _POSSESSIVE.sub("", low)
        if bare != low and bare not in NATIONALITY_CONTEXT:
            break  # a possessive: the owner of the title, not the person
        if not (word[:1].isupper() or bare in TITLE_RUN_WORDS or is_agent_noun(bare)):
            break
        kept.append(bare)
    return " ".join(reversed(kept))


def governing_word(text: str, start: int, lo: int = 0) -> str | None:
    """The word (lower case) that governs the name at ``start``: the first word before
    its title that is not part of it; None when the name opens its clause.

    "of", "to" and "for" belong to a title only between title words ("President of
    Belarus", "adviser to the president"); after anything else they govern ("a visit
    to Xi").
    """
    lead = text[max(lo, start - _REACH) : start]
    edges = list(_CLAUSE_EDGE.finditer(lead))
    if edges:
        lead = lead[edges[-1].end() :]
    words = lead.split()
    k = len(words) - 1
    while k >= 0:
        low = words[k].lower().strip("(“‘\"'")
        if low in ("of", "to", "for"):
            if k > 0 and _in_title(words[k - 1]):
                k -= 1
                continue
            return low
        if not _in_title(words[k]):
            return low
        k -= 1
    return None


def title_start(text: str, start: int, lo: int) -> int:
    """Where the title before the name at ``start`` begins, not before ``lo``
    ("… met Chinese President Xi": where "Chinese" starts)."""
    pos = start
    for word in reversed(text[lo:start].split()):
        if not _in_title(word) or word.lower() in ("of", "to", "for"):
            break
        pos = text.rindex(word, lo, pos)
    return pos


def _in_title(word: str) -> bool:
    low = word.lower().strip("(“‘\"'")
    bare = _POSSESSIVE.sub("", low)
    return (
        word[:1].isupper()
        or bare in TITLE_RUN_WORDS
        or bare in _DETERMINERS
        or is_agent_noun(bare)
    )


def opens_clause(word: str | None) -> bool:
    """Whether a name after ``word`` (``governing_word``) is its clause's subject."""
    return (
        word is None
        or word in CLAUSE_OPENERS
        or word in TIME_WORDS
        or (word.endswith("ly") and len(word) > 4)  # "reportedly", "separately"
    )


# -- a noun phrase or a clause -----------------------------------------------------

# A verb in -ed or -s with its object or complement right after it ("hosted the
# talks", "welcomed his guest", "thanks Xi"): not a noun phrase's modifier.
_VERB_WITH_OBJECT = re.compile(
    r"\b[a-z]{3,}(?:ed\s+(?:[A-Z]\w*|{d})|(?:es|[^su\W]s)\s+{d})\b".replace(
        "{d}", "(?:a|an|the|his|her|its|their|this|these|those|him|them)"
    )
)  # a plural before names ("foreign ministers Wang Yi and …") is no verb
_RELATIVE = re.compile(r"\s(?:who|whom|which|that)\s")


def is_clause(phrase: str) -> bool:
    """Whether a phrase says something rather than names someone: it holds a finite
    verb ("The Belarusian president held a meeting with Xi", "the ministry said
    the envoy"). A speaker is a noun phrase ("a spokesman for the Chinese foreign
    ministry", "officials familiar with the talks"), never a clause."""
    from .speech import VERB

    phrase = _RELATIVE.split(phrase, 1)[0]  # "a person who attended the talks"
    tokens = [t.strip(",;:()“”\"'’").lower() for t in phrase.split()]
    if any(t in AUXILIARIES or t in IRREGULAR_PAST for t in tokens):
        return True
    return bool(VERB.search(phrase) or _VERB_WITH_OBJECT.search(phrase))
