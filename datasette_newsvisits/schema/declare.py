"""How a table is declared, and how a declaration becomes DDL through sqlite-utils.

A table is declared once, in the sqlite-utils idiom: ``{column: type}`` (``str``,
``int``, ``float`` for TEXT, INTEGER, REAL), ``pk``, ``not_null``, ``foreign_keys``,
indexes and full-text columns; each column carries its documentation, so the README's
schema section and ``metadata.json`` are written from the same declaration that
creates the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import sqlite_utils
from sqlite_utils.db import DescIndex

# What a table is for; the loader and the merge step choose tables by role.
REFERENCE = "reference"  # catalogues and gazetteer: upserted from data files
ARTICLES = "articles"  # the articles table itself
ARTICLE_CHILD = "article child"  # rows of one article: replaced with it
DERIVED = "derived"  # computed over all articles at the end of a load
LOADER = "loader"  # the loader's own bookkeeping
AGGREGATE = "aggregate"  # precomputed counts, rebuilt at the end of a load

SQL_TYPES = {str: "TEXT", int: "INTEGER", float: "REAL"}


class Column(NamedTuple):
    """One column: its Python type (``str``, ``int``, ``float``) and what it holds.

    ``generated`` makes it a virtual generated column computed from the row's other
    columns by that SQL expression: stored nowhere, never written by the loader.
    """

    type: type
    doc: str
    generated: str | None = None

    def sql(self, name: str) -> str:
        """The column's definition in ALTER TABLE … ADD COLUMN."""
        definition = f"[{name}] {SQL_TYPES[self.type]}"
        if self.generated:
            definition += f" GENERATED ALWAYS AS ({self.generated}) VIRTUAL"
        return definition


def desc(column: str) -> DescIndex:
    """A column of an index, in descending order."""
    return DescIndex(column)


@dataclass(frozen=True, kw_only=True)
class Table:
    """One table of the public schema, declared once."""

    name: str
    title: str
    description: str
    # Column name -> Column, or a (type, doc) tuple, in table order.
    columns: dict[str, Column]
    role: str
    pk: str | tuple[str, ...] | None = None
    not_null: tuple[str, ...] = ()
    unique: tuple[str, ...] = ()  # columns that each get a unique index
    foreign_keys: dict[str, str] = field(default_factory=dict)  # column -> table(id)
    # Each index is a column or a tuple of columns (``desc(column)`` for DESC).
    indexes: tuple[str | tuple[str, ...], ...] = ()
    # Partial indexes by name: (column, condition) — rows found without a scan.
    partial_indexes: dict[str, tuple[str, str]] = field(default_factory=dict)
    fts: tuple[str, ...] = ()  # columns in a full-text index kept in step by triggers
    hidden: bool = False  # left out of Datasette's table list (still queryable)
    options: dict = field(default_factory=dict)  # more of its metadata.json entry

    def __post_init__(self):
        columns = {name: Column(*spec) for name, spec in self.columns.items()}
        object.__setattr__(self, "columns", columns)
        named = [
            *_names(self.pk),
            *self.not_null,
            *self.unique,
            *self.foreign_keys,
            *(c for index in self.indexes for c in _names(index)),
            *(column for column, _ in self.partial_indexes.values()),
            *self.fts,
        ]
        unknown = sorted(set(named) - set(columns))
        if unknown:
            raise ValueError(f"table {self.name}: no column {', '.join(unknown)}")
        for name, column in columns.items():
            if column.type not in SQL_TYPES:
                raise ValueError(f"{self.name}.{name}: type must be str, int or float")

    @property
    def stored(self) -> dict[str, Column]:
        """The columns rows are written to (every column but generated ones)."""
        return {n: c for n, c in self.columns.items() if c.generated is None}

    @property
    def article_child(self) -> bool:
        """Whether its rows belong to one article, replaced when the article changes."""
        return self.role == ARTICLE_CHILD

    def create(self, db: sqlite_utils.Database) -> None:
        """Create the table, its indexes and full-text index where they do not exist;
        add to an existing table the columns it lacks (new columns of the contract)."""
        self.create_table(db)
        self.create_indexes(db)
        if self.fts:
            table = db.table(self.name)
            if table.detect_fts() is None:
                table.enable_fts(list(self.fts), create_triggers=True, replace=True)
            _narrow_update_trigger(db, self.name, self.fts)

    def create_table(self, db: sqlite_utils.Database) -> None:
        """Create the table alone (no indexes), or add the columns it lacks."""
        table = db.table(self.name)
        if not table.exists():
            table.create(
                {name: column.type for name, column in self.stored.items()},
                pk=self.pk,
                not_null=self.not_null,
                foreign_keys=[
                    (c, other, "id") for c, other in self.foreign_keys.items()
                ],
                if_not_exists=True,
            )
        xinfo = db.execute(f"PRAGMA table_xinfo([{self.name}])").fetchall()
        present = {row[1] for row in xinfo}  # generated columns included
        for name, column in self.columns.items():
            if name not in present:  # generated columns, and columns added since
                db.execute(f"ALTER TABLE [{self.name}] ADD COLUMN {column.sql(name)}")

    def create_indexes(self, db: sqlite_utils.Database) -> None:
        """Create the declared indexes that do not exist yet."""
        table = db.table(self.name)
        unique = {tuple(i.columns) for i in table.indexes if i.unique}
        for column in self.unique:
            if (column,) not in unique:  # older databases: a UNIQUE constraint
                table.create_index([column], unique=True, if_not_exists=True)
        for index in self.indexes:
            table.create_index(_names(index), if_not_exists=True)
        for name, (column, condition) in self.partial_indexes.items():
            db.execute(
                f"CREATE INDEX IF NOT EXISTS [{name}] ON [{self.name}]([{column}]) "
                f"WHERE {condition}"
            )


@dataclass(frozen=True, kw_only=True)
class View(Table):
    """A documented view: columns computed by ``select`` over stored tables."""

    select: str
    role: str = DERIVED

    def create(self, db: sqlite_utils.Database) -> None:
        """Create the view if it does not exist."""
        db.create_view(self.name, self.select, ignore=True)


def _names(columns) -> tuple[str, ...]:
    if columns is None:
        return ()
    return (columns,) if isinstance(columns, str) else tuple(columns)


def _narrow_update_trigger(
    db: sqlite_utils.Database, table: str, columns: tuple[str, ...]
) -> None:
    """Re-index a row on updates of its indexed columns only (not of wire_share…).

    sqlite-utils' trigger fires on any update; databases made before this was done
    are narrowed when the loader opens them.
    """
    [(sql,)] = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
        (f"{table}_au",),
    )
    of_columns = ", ".join(f"[{c}]" for c in columns)
    if f" AFTER UPDATE OF {of_columns} ON " in sql:
        return
    narrowed = sql.replace(" AFTER UPDATE ON ", f" AFTER UPDATE OF {of_columns} ON ", 1)
    if narrowed == sql:
        raise RuntimeError(f"unexpected full-text trigger: {sql}")
    db.execute(f"DROP TRIGGER [{table}_au]")
    db.execute(narrowed)
