"""Titles, descriptions and table options for any newsvisits database, whatever its
name: tables and columns documented, the aggregate tables hidden from the table list
(still queryable), the articles table's facets and order.

The user's own metadata and configuration win over these, key by key.
"""

from __future__ import annotations

import functools

from .. import schema
from ..aggregates import AGGREGATES

ARTICLES_OPTIONS = {
    "sort_desc": "published",
    "facets": ["visit_id", "outlet_id", {"entity": "person"}],
    "size": 50,
}


@functools.cache
def database_metadata() -> dict:
    """Metadata for one newsvisits database: ``{"tables": {name: {...}}}``."""
    tables = {
        name: {
            "title": doc["title"],
            "description": doc["description"],
            "columns": dict(doc["columns"]),
        }
        for name, doc in schema.DOCS.items()
    }
    for aggregate in AGGREGATES:
        tables[aggregate.name] = {
            "title": aggregate.name.replace("_", " ").capitalize() + " (aggregate)",
            "description": aggregate.description + " Rebuilt at the end of every load.",
            "hidden": True,
        }
    tables["articles"].update(ARTICLES_OPTIONS)
    return {"tables": tables}


def metadata_for(database_names) -> dict:
    """The ``get_metadata`` answer (Datasette 0.65) for these databases."""
    return {"databases": {name: database_metadata() for name in database_names}}
