"""Which attached databases are newsvisits databases: recognized by their tables,
whatever the file is called."""

from __future__ import annotations

import weakref

from ..aggregates import AGGREGATES

# The tables every page and query of the plugin reads.
CORE_TABLES = frozenset(
    {"articles", "outlets", "visits", "entities", "quotes", "labels", "figures"}
)
AGGREGATE_TABLES = frozenset(aggregate.name for aggregate in AGGREGATES)

# Table names of immutable databases, which cannot change while served.
_immutable_tables: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


async def table_names(datasette, name: str) -> frozenset[str]:
    """The tables of database ``name`` (empty for an unknown or internal database)."""
    db = datasette.databases.get(name)
    if db is None or name == "_internal":
        return frozenset()
    if db in _immutable_tables:
        return _immutable_tables[db]
    names = frozenset(await db.table_names())
    if not db.is_mutable:
        _immutable_tables[db] = names
    return names


async def is_newsvisits(datasette, name: str) -> bool:
    """True if database ``name`` has the newsvisits tables."""
    return CORE_TABLES <= await table_names(datasette, name)


async def has_aggregates(datasette, name: str) -> bool:
    """True if database ``name`` has every aggregate table the pages read."""
    return (CORE_TABLES | AGGREGATE_TABLES) <= await table_names(datasette, name)


async def newsvisits_databases(datasette) -> list[str]:
    """Names of the attached newsvisits databases, in attachment order."""
    return [
        name
        for name in list(datasette.databases)
        if await is_newsvisits(datasette, name)
    ]
