"""Aggregate tables precomputed at load time, so that pages, facets and canned queries
read a few indexed rows instead of grouping a million at request time.

The aggregates are declared in the table registry (``schema/aggregates.py``): columns,
indexes and a SELECT with a ``{where}`` placeholder on the articles alias ``a``.
``refresh_aggregates`` fills the tables with ``where = 1``; the comparison page runs the
same SELECT live for a chosen set of articles (``scoped_select``).
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

from .schema.aggregates import AGGREGATES, Aggregate, comparable_figure

BY_NAME = {aggregate.name: aggregate for aggregate in AGGREGATES}

__all__ = [
    "AGGREGATES",
    "Aggregate",
    "column_names",
    "comparable_figure",
    "refresh_aggregates",
]


def column_names(aggregate: Aggregate) -> list[str]:
    """The column names of an aggregate table, in order."""
    return list(aggregate.columns)


def scoped_select(name: str, where: str) -> str:
    """The SELECT of aggregate ``name`` over the articles ``a`` matching ``where``,
    returning exactly the table's columns: the aggregate computed live."""
    aggregate = BY_NAME[name]
    names = ", ".join(f"[{c}]" for c in column_names(aggregate))
    return f"SELECT {names} FROM ({aggregate.select.format(where=where)})"


def refresh_aggregates(conn: sqlite3.Connection) -> dict[str, int]:
    """(Re)build every aggregate table from the base tables, in one transaction.

    Returns the number of rows of each. Call it at the end of every load.
    """
    db = sqlite_utils.Database(conn)
    own_transaction = not conn.in_transaction
    if own_transaction:
        conn.execute("BEGIN")
    try:
        counts = {}
        for aggregate in AGGREGATES:
            conn.execute(f"DROP TABLE IF EXISTS [{aggregate.name}]")
            aggregate.create_table(db)
            columns = ", ".join(f"[{c}]" for c in column_names(aggregate))
            select = aggregate.refresh or scoped_select(aggregate.name, "1")
            conn.execute(f"INSERT INTO [{aggregate.name}] ({columns}) {select}")
            aggregate.create_indexes(db)  # after the rows: one sort, not many inserts
            counts[aggregate.name] = conn.execute(
                f"SELECT count(*) FROM [{aggregate.name}]"
            ).fetchone()[0]
        if own_transaction:
            conn.execute("COMMIT")
    except Exception:
        if own_transaction:
            conn.execute("ROLLBACK")
        raise
    return counts
