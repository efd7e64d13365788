"""Epithets: what a person is "dubbed", "called" or "branded" in quotation marks.

"Lukashenko, often dubbed "Europe's last dictator"" -> dictator, qualifier last;
"Wang Huning, the "Chinese Kissinger"" -> kissinger, nationality chinese.
The quoted words are read like any descriptor: a possessive owner ("Europe's") is
dropped, a qualifier and a nationality go to their columns (a qualifier that
changes the meaning stays in the label too), and what is left is the label, in
lower case. The person is the first person named, described or meant by a
pronoun in the sentence before the verb, when the verb is passive ("X has been
dubbed …") or opens an apposition ("X, often dubbed …"); "media called him …"
labels its object, which these rules do not read; a quoted term before a noun
('the "all-weather" friendship') is not an epithet.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .records import Label
from .vocabulary import DESCRIPTORS, NATIONALITIES, QUALIFIERS, with_qualifier

if TYPE_CHECKING:
    from .doc import Document

# Words inside the marks; an apostrophe between letters is part of them ("Europe's").
_WORDS = r"(?:[^\"“”‘’'\n]|(?<=\w)['’](?=\w)){2,60}?"
_EPITHET = re.compile(
    r"\b(?:dubbed|called|calls|nicknamed|branded|labell?ed|known\s+as|styled"
    r"|described\s+as|referred\s+to\s+as)\s+(?:(?:the|a|an)\s+)?"
    rf"[\"“‘'](?P<words>{_WORDS})[\"”’'](?!\w)",
    re.IGNORECASE,
)
# The same words in apposition right after a name: 'Wang Huning, the "Chinese
# Kissinger"'.
_QUOTED_APPOSITION = re.compile(
    r",\s+(?:(?:often|widely|sometimes)\s+)?(?:the|a|an)\s+"
    rf"[\"“‘'](?P<words>{_WORDS})[\"”’'](?!\w)"
)
# Before the verb: a passive ("has been dubbed") or an apposition (", often dubbed").
_PASSIVE_OR_APPOSITION = re.compile(
    r"(?:\b(?:been|is|was|are|were|be|being)|,)\s+(?:(?:often|widely|sometimes|also"
    r"|long|commonly|popularly)\s+)?$"
)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:by|in|at|on|for|to|of|and|or|but|as|from|with|since|after|before"
    r"|during|when|while|who|which|that|is|was|has|had)\b)[a-z]"
)
_OWNER = re.compile(r"^[\w\-]+['’]s?\s+")
MAX_WORDS = 5


def extract_epithets(doc: Document) -> list[Label]:
    """Labels from "dubbed "…"" and the like, given to the clause's subject."""
    found = []
    refs = doc.references
    candidates = [(m, None) for m in _EPITHET.finditer(doc.text)]
    for mention in doc.mentions:
        apposition = _QUOTED_APPOSITION.match(doc.text, mention.end)
        if apposition:
            candidates.append((apposition, mention.entity_id))
    for match, named in candidates:
        words = " ".join(match.group("words").split())
        if len(words.split()) > MAX_WORDS or words[-1:] in ".!?,":
            continue  # a sentence in quotation marks, not a name for someone
        if _NOUN_AFTER.match(doc.text, match.end()):
            continue  # 'the "all-weather" friendship': a term, not a name for someone
        if named is None:
            if not _PASSIVE_OR_APPOSITION.search(doc.text, 0, match.start()):
                continue  # "media called him …": whom, the object says
            sent_start = refs.sentence_of(match.start())[0]
            named = refs.first_named(sent_start, match.start()).entity_id
        entity = refs.entities.get(named) if named else None
        if entity is None or entity.type != "person":
            continue
        label, qualifier, nationality = _read(words)
        if label:
            found.append(
                Label(
                    entity.id,
                    with_qualifier(label, qualifier),
                    match.group().lstrip(" ,").strip(),
                    match.start(),
                    qualifier,
                    nationality,
                )
            )
    return found


def _read(words: str) -> tuple[str, str | None, str | None]:
    """(label, qualifier, nationality) of an epithet's words."""
    rest = _OWNER.sub("", words.lower().replace("’", "'"))
    qualifier = nationality = None
    tokens = rest.split()
    while len(tokens) > 1:
        if tokens[0] in QUALIFIERS and qualifier is None:
            qualifier = QUALIFIERS[tokens.pop(0)]
        elif tokens[0] in NATIONALITIES and nationality is None:
            nationality = NATIONALITIES[tokens.pop(0)]
        else:
            break
    label = " ".join(tokens)
    return DESCRIPTORS.get(label, label), qualifier, nationality
