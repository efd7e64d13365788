"""Extraction: cleaned article text in, entities, mentions, quotes, labels and figures out."""

from __future__ import annotations

from .entities import extract_entities
from .figures import extract_figures
from .gazetteer import Gazetteer
from .labels import extract_labels
from .quotes import extract_quotes
from .records import Extraction


def extract_all(text: str, gazetteer: Gazetteer) -> Extraction:
    """Everything extracted from one cleaned article: pure, no I/O."""
    entities, mentions = extract_entities(text, gazetteer)
    return Extraction(
        entities=entities,
        mentions=mentions,
        quotes=extract_quotes(text, mentions, entities),
        labels=extract_labels(text, mentions, entities),
        figures=extract_figures(text),
    )
