"""What the plugin sets up when Datasette starts: which attached databases it
recognizes, and on Datasette 1.0 their documentation, table options and stored queries
(0.65 asks the ``get_metadata`` and ``canned_queries`` hooks instead)."""

from __future__ import annotations

import copy
import weakref

from . import canned, compat, metadata, recognize

_recognized: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


async def prepare(datasette) -> list[str]:
    """Recognize the newsvisits databases; on 1.0, register their metadata and queries."""
    names = await recognize.newsvisits_databases(datasette)
    _recognized[datasette] = tuple(names)
    if compat.DATASETTE_1:
        for name in names:
            await compat.add_metadata(datasette, name, metadata.database_metadata())
            if await recognize.has_aggregates(datasette, name):
                await compat.add_stored_queries(
                    datasette, name, canned.canned_queries()
                )
    return names


def recognized(datasette) -> tuple[str, ...]:
    """The databases ``prepare`` recognized (none before Datasette has started)."""
    return _recognized.get(datasette, ())


def metadata_answer(datasette) -> dict:
    """0.65 ``get_metadata``: a fresh copy each time, since Datasette merges into it."""
    return copy.deepcopy(metadata.metadata_for(recognized(datasette)))


async def canned_queries_for(datasette, database: str) -> dict:
    """0.65 ``canned_queries``: the plugin's queries on a complete newsvisits database."""
    if await recognize.has_aggregates(datasette, database):
        return canned.canned_queries()
    return {}
