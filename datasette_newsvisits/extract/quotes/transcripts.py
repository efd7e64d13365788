"""Transcript blocks: "Name, title:" and the speech that follows, without marks.

Official transcripts and interview write-ups give a speaker's words after a label
rather than inside quotation marks::

    Alexander Lukashenko, President of Belarus:
    We have come to Beijing with a full agenda.

    Xi Jinping: Welcome, my old friend.

A paragraph that opens with a person's name (a title before it, a title after a
comma, a note in brackets allowed) and ends its label with a colon is a transcript
label; the speech is the rest of that paragraph, else the paragraph after it. A
label with a verb ("Lukashenko said:") is an introduction, not a transcript label,
and a speech holding quotation marks is narrative: both are left to the quotation
rules. Each speech is one ``Quote`` of the named person (pattern ``transcript``).
"""

from __future__ import annotations

import re

from ..doc import Document
from ..records import Quote
from .patterns import VERB
from .speakers import speaker_as_written

_LABEL = re.compile(
    r"(?P<who>[^:\n\"“”«»]{2,120}?)[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*:[ \t]*"
    r"(?P<rest>[^\n]*)$"
)
_MARKS = re.compile('["“”«»„]')
MIN_WORDS = 4
MAX_LABEL_WORDS = 12


def find_transcripts(doc: Document) -> list[Quote]:
    """The speeches of transcript blocks, each credited to the person labelled."""
    text = doc.text
    found: list[Quote] = []
    paragraphs = doc.paragraphs
    for k, (start, end) in enumerate(paragraphs):
        label = _LABEL.match(text, start, end)
        if label is None:
            continue
        who = label.group("who")
        if len(who.split()) > MAX_LABEL_WORDS or VERB.search(who):
            continue
        person = _person(doc, start, start + len(who))
        if person is None:
            continue
        if label.group("rest").strip():
            s, e = label.start("rest"), end
        elif k + 1 < len(paragraphs):
            s, e = paragraphs[k + 1]
        else:
            continue
        speech = text[s:e].strip()
        if len(speech.split()) < MIN_WORDS or _MARKS.search(speech):
            continue
        s += len(text[s:e]) - len(text[s:e].lstrip())
        found.append(
            Quote(
                text=speech,
                start=s,
                end=s + len(speech),
                speaker_id=person.entity_id,
                speaker=speaker_as_written(who.strip()),
                kind="speech",
                attribution="transcript",
            )
        )
    return found


def _person(doc: Document, start: int, end: int):
    """The person a label names, ending the label or followed by a comma."""
    mentions = doc.mentions
    for m in mentions.between(start, end):
        if mentions.type_of(m) != "person":
            continue
        after = doc.text[m.end : end].strip()
        if not after or after.startswith(","):
            return m
    return None
