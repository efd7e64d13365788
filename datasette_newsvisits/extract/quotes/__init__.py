"""Quotations in an article, each with its speaker when the text names one.

``extract_quotes(doc)`` is pure: a document with its resolver (``references``) in,
``Quote`` records out. ``Quote.text`` is exactly ``text[start:end]``: the words
between the marks, surrounding spaces trimmed. ``Quote.attribution`` names the rule
that found the speaker: ``X said`` (any verb of saying), ``said X``, ``according to
X``, ``X told Y``, ``X said:`` (a colon introduction), ``pronoun``, ``descriptor``,
``medium``, ``continuation``, ``possessive``, ``epithet``, ``subject``,
``transcript``; None when nothing attributes the quotation.
``Quote.kind`` is ``speech`` or ``phrase`` (a quoted term: ``kind``).

Where each part lives:

- the quotations (where the marks pair up) and the sentences are the document's
  (``text.quotemarks``, ``text.sentences``): a quotation never splits a sentence, and
  the stored sentences are the same ones;
- ``attribution``: the rules, tried in the order of ``attribution.RULES``;
- ``clauses``: the attributions after, before or closing a quotation, and colon
  introductions, read at given positions;
- ``patterns``: the clause grammar the rules match (verbs of saying are
  ``extract.references.speech``'s, the other word lists ``extract.vocabulary``);
- ``speakers``: the document's resolver (``extract.references``: subjects of verbs
  of saying, pronouns, descriptions) read as ``Attribution`` records;
- ``kind``: speech or phrase;
- ``transcripts``: "Name, title:" and the unmarked speech after it.

A quotation running over several paragraphs (the mark left open at a paragraph's
end and opened again at the next one's start) is one quote, from its first word to
its last, with the attribution found at the end of the chain, else the one before
its start.
"""

from __future__ import annotations

from ...text.quotemarks import Quotation
from ..doc import Document, Step
from ..records import Quote
from .attribution import Found, attribute
from .speakers import Speakers, speaker_as_written
from .transcripts import find_transcripts


def extract_quotes(doc: Document) -> list[Quote]:
    """The document's quotations with speaker, kind and the attribution pattern used,
    and the speeches of its transcript blocks (``transcripts``), in text order."""
    transcripts = find_transcripts(doc)
    if not doc.quotations:
        return transcripts
    speakers = Speakers(doc)
    done: list[tuple[Quotation, Found]] = []
    for quotation in doc.quotations:
        found = attribute(speakers, quotation, done)
        done.append((quotation, found))
        speakers.remember(quotation.start, found[0])
    _share_chains(done)
    quotes: list[Quote] = []
    chain_at: dict[int, int] = {}  # chain id -> index of its quote
    for q, (a, kind) in done:
        start = q.start
        if q.chain is not None and q.chain in chain_at:
            # one quotation over several paragraphs is one quote
            start = quotes[chain_at[q.chain]].start
            quotes.pop(chain_at[q.chain])
        elif q.chain is not None:
            chain_at[q.chain] = len(quotes)
        quotes.append(
            Quote(
                text=doc.text[start : q.end],
                start=start,
                end=q.end,
                speaker_id=a.speaker_id,
                speaker=speaker_as_written(a.speaker),
                kind=kind,
                attribution=a.pattern,
            )
        )
    if transcripts:
        quotes = sorted(quotes + transcripts, key=lambda q: q.start)
    return quotes


STEP = Step(
    "quotes",
    reads=("text", "quotations", "sentences", "references"),
    adds=("quotes",),
    run=extract_quotes,
)


def _share_chains(done: list[tuple[Quotation, Found]]) -> None:
    """Give every part of a paragraph continuation the chain's one attribution."""
    chains: dict[int, list[int]] = {}
    for k, (q, _) in enumerate(done):
        if q.chain is not None:
            chains.setdefault(q.chain, []).append(k)
    for members in chains.values():
        if len(members) < 2:
            continue
        last = done[members[-1]][1][0]
        first = done[members[0]][1][0]
        shared = last if last.pattern not in (None, "continuation") else first
        for k in members:
            done[k] = (done[k][0], (shared, "speech"))
