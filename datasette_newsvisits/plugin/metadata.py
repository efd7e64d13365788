"""Titles, descriptions and table options for any newsvisits database, whatever its
name: tables and columns documented, the aggregate tables hidden from the table list
(still queryable), the articles table's facets and order — all from the table registry,
the same entries ``metadata.json`` is generated from.

The user's own metadata and configuration win over these, key by key.
"""

from __future__ import annotations

import functools

from ..schema.generate import database_tables


@functools.cache
def database_metadata() -> dict:
    """Metadata for one newsvisits database: ``{"tables": {name: {...}}}``."""
    return {"tables": database_tables()}


def metadata_for(database_names) -> dict:
    """The ``get_metadata`` answer (Datasette 0.65) for these databases."""
    return {"databases": {name: database_metadata() for name in database_names}}
