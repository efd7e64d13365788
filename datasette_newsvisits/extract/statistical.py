"""The statistical option: spaCy's named-entity recognizer finds the names the
gazetteer does not know, in place of the discovery rules of ``extract.entities``.

Off by default: the rules reach the quality floors at several times the speed
(README, "Measured quality"). To use it::

    pip install 'datasette-newsvisits[spacy]'
    python -m spacy download en_core_web_sm        # once, before loading
    NEWSVISITS_NER=spacy newsvisits-load …

``NEWSVISITS_SPACY_MODEL`` names another installed pipeline package. Nothing is
downloaded at run time: a pipeline that is not installed is a one-line error.

Everything else stays as it is: the gazetteer still finds the names it knows (with
their canonical entity and Wikidata id), short later mentions are resolved the same
way, and the resolver, quotes, labels and figures read the result. spaCy's PERSON
spans of two or more words become people, ORG organizations, GPE, LOC and FAC places,
EVENT other; nationalities (NORP), dates and numbers are left out.
"""

from __future__ import annotations

import functools
import os
import re

from .doc import Document, Step
from .entities import extract_entities

MODEL_VARIABLE = "NEWSVISITS_SPACY_MODEL"
DEFAULT_MODEL = "en_core_web_sm"
KINDS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EVENT": "other",
}
_LEADING = re.compile(r"^(?:the|The)\s+")
_NEEDED = ("tok2vec", "ner")  # the tagger, parser and lemmatizer are not read


class ModelMissing(RuntimeError):
    """The spaCy pipeline named is not installed."""


@functools.lru_cache(maxsize=2)
def pipeline(name: str | None = None):
    """The installed spaCy pipeline ``name`` (default ``NEWSVISITS_SPACY_MODEL`` or
    en_core_web_sm), with only its recognizer running; loaded once per process."""
    name = name or os.environ.get(MODEL_VARIABLE) or DEFAULT_MODEL
    try:
        import spacy
    except ImportError as error:
        raise ModelMissing(
            "spaCy is not installed: pip install 'datasette-newsvisits[spacy]'"
        ) from error
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelMissing(
            f"spaCy pipeline {name!r} is not installed "
            f"(python -m spacy download {DEFAULT_MODEL}, or set {MODEL_VARIABLE})"
        ) from error
    for component in nlp.pipe_names:
        if component not in _NEEDED:
            nlp.disable_pipe(component)
    return nlp


def recognized(text: str, gazetteer, taken):
    """(start, end, surface, known entity or None, type) of spaCy's names in ``text``
    that no known name covers (the ``discover`` of ``extract_entities``)."""
    for span in pipeline()(text).ents:
        kind = KINDS.get(span.label_)
        if kind is None:
            continue
        start, end = span.start_char, span.end_char
        lead = _LEADING.match(text, start, end)
        if lead:
            start = lead.end()
        surface = text[start:end]
        if surface.endswith(("'s", "’s")):
            end -= 2
            surface = surface[:-2]
        if not surface[:1].isupper() or taken.overlaps(start, end):
            continue
        if kind == "person" and len(surface.split()) < 2:
            continue  # a surname alone is resolved from the full name, if any
        known = gazetteer.lookup(surface)
        yield start, end, surface, known, None if known else kind


def extract_entities_statistically(doc: Document):
    """``extract_entities`` with spaCy's recognizer finding the unknown names."""
    return extract_entities(doc, discover=recognized)


STEP = Step(
    "entities",
    reads=("text", "gazetteer"),
    adds=("entities", "mentions"),
    run=extract_entities_statistically,
)
