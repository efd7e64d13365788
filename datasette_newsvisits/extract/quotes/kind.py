"""Speech or phrase: someone's words, or a term the outlet puts in quotation marks.

A quotation inside a sentence is a ``phrase`` (a term, scare quotes, a fragment:
"all-weather", "external forces", his "old friend") when it has at most
``PHRASE_MAX_WORDS`` words, no inner clause punctuation and no finite-verb cue
(auxiliaries, modals, subject pronouns, contractions, "who/that + verb", an -ly adverb
before a verb: "fully supports", a leading third-person verb: "opposes …"); anything
else is ``speech``. A quotation standing alone, introduced or split by an attribution
is speech however short (``attribution`` decides that).
"""

from __future__ import annotations

import re

from ..vocabulary import FINITE_VERB_CUES

PHRASE_MAX_WORDS = 8

_CONTRACTION = re.compile(r"\w[’'](?:re|ve|ll|m|d)\b|n[’']t\b", re.IGNORECASE)
_ADVERB_VERB = re.compile(r"\b\w+ly\s+[a-z]+(?:es|[^su\W]s|ed)\b")  # "fully supports"
_RELATIVE_VERB = re.compile(
    r"\bwho\b|\b(?:that|which)\s+(?:\w+ly\s+|never\s+|always\s+)?\w+(?:s|ed)\b"
)
_CLAUSE_PUNCT = re.compile(r"[.!?;:,]")
_THIRD_PERSON_VERB = re.compile(r"[a-z]+(?:es|[^su]s)")


def kind_of(words: str) -> str:
    """``phrase`` for a short term without a finite verb, else ``speech``."""
    body = words.rstrip(" ,.;:!?")
    tokens = body.split()
    if len(tokens) > PHRASE_MAX_WORDS or _CLAUSE_PUNCT.search(body):
        return "speech"
    lowered = [t.lower().strip("’'\"") for t in tokens]
    if any(t in FINITE_VERB_CUES for t in lowered) or _CONTRACTION.search(body):
        return "speech"
    if _RELATIVE_VERB.search(body) or _ADVERB_VERB.search(body):
        return "speech"
    first = tokens[0] if tokens else ""
    if first.islower() and len(tokens) > 2 and _THIRD_PERSON_VERB.fullmatch(first):
        return "speech"  # "opposes external interference …", "welcomes the …"
    return "phrase"
