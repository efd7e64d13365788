"""Extraction: cleaned article text in, entities, mentions, quotes, labels and figures out.

``read_article`` makes the article's ``Document`` (text, paragraphs, quotations,
sentences: ``extract.doc``) and runs ``STEPS`` over it in order; each step declares
what it reads and what it adds. To add an extractor, write ``extract_x(doc)`` and its
``STEP`` in a module of its own and put the step in ``STEPS`` after the steps that add
what it reads.
"""

from __future__ import annotations

import os

from . import entities, figures, labels, quotes, references
from .doc import Document, Step
from .gazetteer import Gazetteer
from .records import Extraction

STEPS: tuple[Step, ...] = (
    entities.STEP,  # adds entities and the mentions index
    references.STEP,  # adds the resolver of pronouns and descriptions
    quotes.STEP,  # reads references, quotations, sentences
    labels.STEP,  # reads mentions and references
    figures.STEP,  # reads the text alone
)


NER_VARIABLE = "NEWSVISITS_NER"  # "spacy": the statistical option (extract.statistical)


def steps() -> tuple[Step, ...]:
    """``STEPS``, with spaCy finding the unknown names when ``NEWSVISITS_NER=spacy``."""
    if os.environ.get(NER_VARIABLE, "rules") == "spacy":
        from .statistical import STEP as statistical_entities

        return (statistical_entities, *STEPS[1:])
    return STEPS


def read_article(text: str, gazetteer: Gazetteer) -> Document:
    """The document of one cleaned article with every step run: pure, no I/O."""
    doc = Document(text, gazetteer)
    for step in steps():
        step.apply(doc)
    return doc


def extract_all(text: str, gazetteer: Gazetteer) -> Extraction:
    """Everything extracted from one cleaned article: pure, no I/O."""
    return read_article(text, gazetteer).extraction()
