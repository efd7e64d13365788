"""The clause grammar of reported speech: verbs of saying and what stands before them.

Shared by the resolver (who speaks is salient; a speaker phrase is resolved) and by
quote attribution (``quotes.patterns`` builds its clause patterns on these).
"""

from __future__ import annotations

import re

from ...text.patterns import alternation
from ..vocabulary import SAYING_PHRASES, SAYING_VERBS, SUBJECT_TRAILERS

VERBS = alternation(SAYING_VERBS | SAYING_PHRASES)
VERB = re.compile(r"(?<![\w\-’'])" + VERBS + r"\b")

# Inside a speaker phrase.
AND_NAME = re.compile(r"\s+(?:and|&)\s+[A-Z]")
OWN_WORDS = re.compile(r"(his|her|their|His|Her|Their)(?:[ \t]+own)?[ \t]+words")
LAST_PRONOUN = re.compile(r"(?<=\s)(he|she|they|He|She|They)$")
WHO = re.compile(r",?\s*\b(?:who|which)$")
AND_OR_BUT_ENDS = re.compile(r"(?:^|[\s,])(?:and|but)$")
CLAUSE_START = re.compile(
    r"(?:[,;:()“”\"‘„«»]|[’'](?=\s)|\b(?:that|while|whereas|but|when|because|where|which|who|if|as)\b)\s*",
    re.IGNORECASE,
)
TRAILING_ADVERBS = re.compile(rf"(?:\s+{alternation(SUBJECT_TRAILERS)})+\s*$")
# A participle of saying hanging on the clause before it: "…, saying", "…, adding".
PARTICIPLE = re.compile(
    r"(?:saying|adding|noting|stressing|repeating|telling|insisting|warning|arguing"
    r"|explaining|declaring|emphasi[sz]ing|recalling|describing|urging|claiming"
    r"|pointing\s+out|writing|asking|underlining|reiterating|vowing|praising|hailing"
    r"|calling|replying|answering|announcing|acknowledging|confirming)\b"
)
# Where a clause starts, for the subject of a participle's clause.
SUBJECT_CLAUSE = re.compile(
    r"(?:[,;:()“”\"‘„«»]|[’'](?=\s)|\b(?:that|while|whereas|but|when|because|where"
    r"|which|who|if|as|before|after|and|then|until|since|once)\b)\s*",
    re.IGNORECASE,
)
PRONOUN_START = re.compile(
    r"\s*(?:(?:However|Meanwhile|Later|Still|Also|Then|Now|Earlier|Instead|Yet),\s*)?"
    r"(he|she|they|He|She|They)\b"
)
# A passive's auxiliary before the verb: "Xi was (quoted …)", "X has been (cited …)".
AUXILIARY_END = re.compile(r"\s+(?:was|is|were|are|has\s+been|had\s+been|have\s+been)$")
# A time between a speaker and the verb: "Xi Jinping on Tuesday said", "X last week".
_DAYS = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday"
    r"|tonight|this\s+week|last\s+week|earlier\s+this\s+week)"
)
TRAILING_TIME = re.compile(
    rf",?\s+(?:on\s+{_DAYS}|{_DAYS}|last\s+(?:week|month|year)|earlier\s+on)$"
)
# An aside between dashes before the verb: "X — long described as … — said".
DASH_ASIDE = re.compile(r"\s+(?:—|–|--|-)\s[^—–]{1,160}?\s*(?:—|–|--|-)$")
# The speaker after a verb that follows its quotation: '"…," said the President.'
INVERTED_SUBJECT = re.compile(
    r"[ \t]+(?P<np>[^,.;:!?\n“”\"«»()]{1,80}?)(?=[ \t]*(?:[,.;:!?)]|$)|[ \t]+(?:on|in"
    r"|at|during|after|before|to|when|while|as|who|which|adding|noting)\b)"
)
# Where the lead-in before a mention stops ("… said. Foreign Minister X": "Foreign
# Minister" is what the article says X is).
CONTEXT_BREAK = re.compile(r"[.;:!?\n]")
