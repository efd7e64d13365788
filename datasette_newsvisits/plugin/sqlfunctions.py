"""SQL functions for ad hoc queries, registered on every connection Datasette opens.

Each function returns NULL for NULL, numbers, blobs, empty strings and strings longer
than its cap (``MAX_*`` below), and runs in time linear in its input: the caps keep
one call within a few milliseconds on the worst input (``benchmarks/sql_functions.py``),
so no query can run past Datasette's time limit inside a call.
Lookups (entity names, visits) are read lazily from the connection's own database, once
per connection, and fall back to the shipped gazetteer for names.
"""

from __future__ import annotations

import datetime
import functools
import json
import sqlite3
from functools import cached_property

from ..text import keys
from ..text import kwic as kwic_lines
from ..text.similarity import similarity

MAX_CHARS = 1_000_000  # longer inputs are refused (NULL)
MAX_WIDTH = 500  # kwic context, characters each side
MAX_DAYS = 3660  # visit_near window
# Longest string argument each function takes, in characters (longer: NULL).
MAX_NAME = 300  # canonical_entity, canonical_entity_id
MAX_QUOTE = 3_000  # quote_key
MAX_SIMILARITY = 3_000  # text_similarity, each side
MAX_KWIC_TEXT = 100_000  # kwic's text
MAX_KWIC_TERM = 30  # kwic's term: the search costs text length x term length
MAX_DATE = 64  # visit_for_date, visit_near (only the first ten characters are read)


def text_arg(value, max_chars: int = MAX_CHARS) -> str | None:
    """``value`` if it is a usable string of at most ``max_chars`` characters, else None."""
    if not isinstance(value, str) or len(value) > max_chars:
        return None
    if not value.strip():
        return None
    return value


def int_arg(value, low: int, high: int) -> int | None:
    """``value`` as an int within [low, high], or None if it is not a number in range."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not low <= value <= high:  # also true for NaN
        return None
    return int(value)


def date_arg(value) -> datetime.date | None:
    """The date an ISO ``YYYY-MM-DD`` string (or datetime) starts with, or None."""
    text = text_arg(value, MAX_DATE)
    if text is None or len(text) < 10:
        return None
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None


@functools.cache
def shipped_gazetteer():
    """The gazetteer shipped with the package, loaded once per process (None if absent)."""
    try:
        from ..extract.gazetteer import load_gazetteer

        return load_gazetteer()
    except Exception:  # noqa: BLE001 - the database's own aliases still work
        return None


class Lookups:
    """Per-connection caches of the entity names and visits of one database."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    @cached_property
    def names(self) -> dict[str, tuple[str, str]]:
        """name key -> (entity id, canonical name), from entities and aliases."""
        found: dict[str, tuple[str, str]] = {}
        rows = self._rows(
            """SELECT e.name, e.id, e.name, e.origin = 'gazetteer' FROM entities e
            UNION ALL
            SELECT a.alias, e.id, e.name, e.origin = 'gazetteer'
            FROM aliases a JOIN entities e ON e.id = a.entity_id
            ORDER BY 4 DESC, 2"""
        )
        for spelling, entity_id, name, _ in rows:
            if spelling:
                found.setdefault(keys.name_key(spelling), (entity_id, name))
        return found

    @property
    def gazetteer(self):
        """The shipped gazetteer, or None when it cannot be loaded."""
        return shipped_gazetteer()

    @cached_property
    def visits(self) -> list[tuple[datetime.date, datetime.date, str]]:
        """(start, end, id) of every visit with valid dates, by start date."""
        result = []
        for visit_id, start, end in self._rows(
            "SELECT id, start_date, coalesce(end_date, start_date) FROM visits"
        ):
            start, end = date_arg(start), date_arg(end)
            if start and end:
                result.append((start, max(start, end), visit_id))
        return sorted(result)

    def entity(self, name: str) -> tuple[str, str] | None:
        """(id, canonical name) for any known spelling of a name."""
        key = keys.name_key(name)
        if not key:
            return None
        if key in self.names:
            return self.names[key]
        if self.gazetteer is not None:
            entity = self.gazetteer.lookup(name)
            if entity is not None:
                return entity.id, entity.name
        return None

    def visit_near(self, date: datetime.date, days: int) -> str | None:
        """The visit whose dates are nearest ``date``, at most ``days`` days away."""
        best = None
        for start, end, visit_id in self.visits:
            distance = max((start - date).days, (date - end).days, 0)
            if distance <= days and (best is None or distance < best[0]):
                best = (distance, visit_id)
        return best[1] if best else None

    def _rows(self, sql: str) -> list[tuple]:
        try:
            return self.conn.execute(sql).fetchall()
        except sqlite3.Error:
            return []  # not a newsvisits database


def register(conn: sqlite3.Connection) -> None:
    """Register every function on ``conn``."""
    lookups = Lookups(conn)

    def canonical_entity(name):
        """canonical_entity('Łukaszenka') -> 'Alexander Lukashenko'"""
        name = text_arg(name, MAX_NAME)
        found = lookups.entity(name) if name else None
        return found[1] if found else None

    def canonical_entity_id(name):
        """canonical_entity_id('Łukaszenka') -> the entity's id"""
        name = text_arg(name, MAX_NAME)
        found = lookups.entity(name) if name else None
        return found[0] if found else None

    def quote_key(text):
        """quote_key('“Old friends,” he said') = quote_key('"old friends" he said')"""
        text = text_arg(text, MAX_QUOTE)
        return (keys.quote_key(text) or None) if text else None

    def text_similarity(a, b):
        """text_similarity('Talks lasted four hours', 'talks lasted 4 hours') -> 0.675"""
        a, b = text_arg(a, MAX_SIMILARITY), text_arg(b, MAX_SIMILARITY)
        return similarity(a, b) if a and b else None

    def kwic(text, term, width=40):
        """kwic(text, 'strongman', 30) -> JSON array of '…context [term] context…'"""
        text, term = text_arg(text, MAX_KWIC_TEXT), text_arg(term, MAX_KWIC_TERM)
        width = int_arg(width, 0, MAX_WIDTH)
        if text is None or term is None or width is None:
            return None
        return json.dumps(kwic_lines.kwic(text, term, width), ensure_ascii=False)

    def visit_for_date(date):
        """visit_for_date('2023-03-01') -> '2023-02-state-visit' (the visit it falls in)"""
        day = date_arg(date)
        return lookups.visit_near(day, 0) if day else None

    def visit_near(date, days):
        """visit_near('2023-02-25', 7) -> the visit at most 7 days from that date"""
        day, days = date_arg(date), int_arg(days, 0, MAX_DAYS)
        return lookups.visit_near(day, days) if day and days is not None else None

    functions = [
        (canonical_entity, 1),
        (canonical_entity_id, 1),
        (quote_key, 1),
        (text_similarity, 2),
        (kwic, 2),
        (kwic, 3),
        (visit_for_date, 1),
        (visit_near, 2),
    ]
    for function, arity in functions:
        conn.create_function(function.__name__, arity, function, deterministic=True)
