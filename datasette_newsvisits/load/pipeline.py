"""One article from raw input to the rows the database stores: clean, describe, extract.

``process_article`` is pure (no I/O, no database): the loader runs it in worker
processes and writes what it returns in the main process.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from ..extract import read_article
from ..extract.gazetteer import Gazetteer, load_gazetteer
from ..ingest.clean import clean_text
from ..ingest.describe import Catalogues, describe, load_catalogues
from ..ingest.read import RawArticle
from ..text.keys import quote_key


@dataclass
class Context:
    """What processing needs besides the article: catalogues and the gazetteer."""

    catalogues: Catalogues
    gazetteer: Gazetteer


def load_context(visit_files=(), gazetteer_files=()) -> Context:
    """Load the catalogues and gazetteer, with the user's extra files."""
    return Context(
        catalogues=load_catalogues(
            tuple(str(f) for f in visit_files), tuple(str(f) for f in gazetteer_files)
        ),
        gazetteer=load_gazetteer(tuple(str(f) for f in gazetteer_files)),
    )


def _row(record) -> dict:
    """A flat record's fields as a dict (``dataclasses.asdict`` is 10x slower)."""
    return dict(vars(record))


def article_id(source: str) -> str:
    """A stable id for an article, derived from its source name."""
    return hashlib.sha1(source.encode("utf-8")).hexdigest()[:16]


def process_article(raw: RawArticle, context: Context) -> dict:
    """Everything to store for one article, as plain rows keyed by table."""
    cleaned = clean_text(raw.text)
    described = describe(raw, cleaned, context.catalogues)
    doc = read_article(
        cleaned.text, context.gazetteer
    )  # read once, every step shares it
    aid = article_id(raw.source)
    published = described.published
    outlet_id = described.outlet_id
    shared = {"outlet_id": outlet_id}
    text = cleaned.text
    article = {
        "id": aid,
        "source": raw.source,
        "outlet_id": outlet_id,
        "title": described.title,
        "published": published,
        "visit_id": described.visit_id,
        "url": described.url,
        "agencies": json.dumps(described.agencies),
        "text": text,
        "word_count": len(text.split()),
        "month": published[:7] if published else None,
        "wire_share": None,
        "evidence": json.dumps(described.evidence, ensure_ascii=False, default=str),
        "content_hash": raw.content_hash,
    }
    mention_counts: dict[str, int] = {}
    for mention in doc.mentions:
        mention_counts[mention.entity_id] = mention_counts.get(mention.entity_id, 0) + 1
    return {
        "article": article,
        "outlet": described.outlet.row() if described.outlet else None,
        "article_sources": [
            {
                "article_id": aid,
                "format": raw.format,
                "raw_text": raw.text,
                "cleaning": json.dumps(cleaned.removed, ensure_ascii=False),
                "encoding": raw.encoding,
            }
        ],
        "entities": [_row(e) for e in doc.entities],
        "mentions": [
            {"article_id": aid, **_row(m), **shared, "published": published}
            for m in doc.mentions
        ],
        "article_entities": [
            {"article_id": aid, "entity_id": entity_id, "mentions": count}
            for entity_id, count in mention_counts.items()
        ],
        "quotes": [
            {"article_id": aid, **_row(q), "quote_key": quote_key(q.text), **shared}
            for q in doc.quotes
        ],
        "labels": [
            {"article_id": aid, **_row(label), **shared} for label in doc.labels
        ],
        "figures": [{"article_id": aid, **_row(f), **shared} for f in doc.figures],
        "visit_candidates": (
            [
                {
                    "article_id": aid,
                    **described.visit_candidate,
                    "countries": json.dumps(described.visit_candidate["countries"]),
                }
            ]
            if described.visit_candidate
            else []
        ),
        "sentences": [
            {
                "article_id": aid,
                "position": position,
                "text": text[start:end],
                "start": start,
                "end": end,
            }
            for position, (start, end) in enumerate(doc.sentences)
        ],
    }
