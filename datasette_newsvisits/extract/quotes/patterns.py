"""The regular expressions quote attribution reads clauses with, built from the vocabulary.

Speaker phrases (``NP``) are runs of up to eight (twelve after "said") word tokens;
"U.S."-style initials count as one token.
"""

from __future__ import annotations

import re

from ...text.patterns import alternation
from ..references.speech import VERB, VERBS  # noqa: F401 (the rules read VERB here)
from ..vocabulary import (
    ADVERBS_BEFORE_VERB,
    MEDIUM_WORDS,
    NOT_SPEAKER_NAMES,
    PREPOSITIONS,
    SPEAKER_DETERMINERS,
    SPEAKER_PRONOUNS,
    TITLE_WORDS,
    is_agent_noun,
)

_TOKEN = r"(?:(?:[A-Z]\.){2,}|[\w’'\-]+)"
_NP = rf"{_TOKEN}(?:[ \t]+{_TOKEN}){{0,7}}?"
_NP_LONG = rf"{_TOKEN}(?:[ \t]+{_TOKEN}){{0,11}}?"
_ADVERBS = rf"(?:{alternation(ADVERBS_BEFORE_VERB)}\s+)*"
# Between a closing mark and its attribution: a comma, a dash, or both as
# translated copy writes it ("«…», – said the President").
_MARK_GAP = r"\s*(?:[,!?]\s*)?(?:[—–]\s*|-\s+)?"

# Right after a closing mark.
POST_QUOTED = re.compile(
    rf"\s*[,.!?]?\s*(?P<np0>{_NP})\s+quoted\s+(?P<np>{_NP})\s+as\s+saying\b"
)
POST_SAID_X = re.compile(
    rf"{_MARK_GAP}(?P<verb>{VERBS})\s+(?P<np>{_NP_LONG})"
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:on|in|at|during|after|before|to|when|while|as|speaking|adding|according|who|which)\b)"
)
POST_ACCORDING = re.compile(
    rf"\s*[,.!?]?\s*(?:according\s+to|in\s+the\s+words\s+of)\s+(?P<np>{_NP})(?=\s*(?:[,.;:!?]|$))"
)
POST_X_SAID = re.compile(
    rf"{_MARK_GAP}(?P<np>{_NP})(?P<app>\s*,[^,;“”\"]{{1,100}},|\s*,[^;“”\"]{{1,240}}?,|\s+(?:—|–|--?)\s[^—–]{{1,160}}?\s(?:—|–|--?))?\s+{_ADVERBS}(?P<verb>{VERBS})\b"
    rf"(?P<obj>\s+{_NP})?"
)
# An attribution set inside the quoted words between dashes, as Russian copy and its
# translations write it: "«We are ready, – Lukashenko said, – to open …»".
INNER_ASIDE = re.compile(
    rf"[,.!?…]?[ \t]*[–—][ \t]*(?:(?P<np>{_NP})[ \t]+{_ADVERBS}{VERBS}"
    rf"|{VERBS}[ \t]+(?P<np_after>{_NP}))[ \t]*[,.]?[ \t]*[–—][ \t]"
)
COMMA = re.compile(",")
# What may follow a closing attribution to the end of its sentence.
TAIL = re.compile(r"[^,;“”\"]{0,70}(?:,\s*according to [^,;“”\"]{1,90})?$")

# Before the opening mark.
PRE_QUOTED = re.compile(rf"quoted\s+(?P<np>{_NP})\s+as\s+saying")
PRE_ACCORDING = re.compile(
    r"\b(?:[Aa]ccording to|[Ii]n the words of|[Ii]n(?= (?:his|her|their) (?:own )?words,))"
    r" (?P<np>[^,;“”\"]{1,80}),"
)
# What a document says is whoever it reports ("according to an official readout").
DOCUMENT = re.compile(
    r"\b(?:readout|statement|transcript|report|communiqu[eé]|release|text|summary"
    r"|record|minutes|declaration|document|account|notes|letter|cable)s?$",
    re.IGNORECASE,
)
# A verb of saying opening a reported clause: "says that", "reported on Monday that".
REPORTED_THAT = re.compile(rf"{VERBS}(?:\s+[\w’'\-]+){{0,4}}?\s+that\b")
# A possessive right before a quoted term: 'his "dear friend"', 'Xi's "…"'.
POSSESSIVE_BEFORE = re.compile(r"(?:\b(?P<pronoun>[Hh]is|[Hh]er)|['’]s?)\s*$")
INTRO = re.compile(rf"{VERBS}(?:\s+that)?\s*(?P<mark>[:,])?\s*$")
LAST_WORD = re.compile(r"([\w’'\-]+)\s*:\s*$")
NEW_CLAUSE = re.compile(r";|,\s+(?:while|whereas)\b")
HE_OR_SHE_OPENS = re.compile(r"\s*(He|She)\b")

MEDIUM = re.compile(rf"\b{alternation(MEDIUM_WORDS)}\b", re.IGNORECASE)


def could_be_speaker(np: str, allow_pronoun: bool = True) -> bool:
    """Could ``np`` be a speaker phrase (a name, a pronoun, a determiner phrase)?"""
    words = np.split()
    if not words:
        return False
    first = words[0]
    low = first.lower()
    if low in SPEAKER_PRONOUNS:
        return allow_pronoun and len(words) == 1 and low in ("he", "she", "they", "it")
    if first[0].isupper() or low in SPEAKER_DETERMINERS:
        return True
    # "spokesperson Hua Chunying", "firefighter Bill Marsh of the county force": a
    # lower-case title before a name
    if low in NOT_SPEAKER_NAMES or low in PREPOSITIONS:
        return False
    if words[-1][0].isupper():
        return True
    return (
        (low in TITLE_WORDS or is_agent_noun(low))
        and words[1:2] != []
        and (words[1][:1].isupper())
    )
