"""One task of a load: a batch of articles processed into a partition database.

A worker — a local process, or a distributed engine's worker — runs ``run_task``: it
processes each article of the ``Task`` (``pipeline.process_article``) and writes the
rows into a small SQLite file of its own, the *partition*; only one short ``Outcome``
per article travels back. The loader then copies the partition into the target with
``merge.merge_partition`` (``ATTACH`` + ``INSERT … SELECT``): rows are never pickled
between processes, and the writing of rows is spread over the workers.

A partition has the public tables without indexes, full-text index or enforced foreign
keys (the target checks those when the partition is merged); it is made by copying a
template built once per load (``make_template``).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from ..ingest.raw import LETTER_OR_DIGIT, RawArticle
from ..schema import TABLES
from ..schema.declare import View
from ..schema.ensure import creation_order
from . import db as database
from .pipeline import Context, process_article

TEMPLATE = "template.db"
PARTS_SUFFIX = ".parts"
PARTITION_TABLES = [t for t in creation_order(TABLES) if not isinstance(t, View)]
# Errors that belong to one article's rows (a constraint, a value SQLite cannot take):
# that article is skipped. Any other database error stops the load.
ARTICLE_ERRORS = (
    sqlite3.IntegrityError,
    sqlite3.DataError,
    sqlite3.InterfaceError,
    sqlite3.ProgrammingError,
    ValueError,
    TypeError,
    OverflowError,
)


@dataclass
class Task:
    """Articles to process, in input order, and the partition file to write them to."""

    number: int
    articles: list[RawArticle]
    path: str


@dataclass
class Outcome:
    """What became of one article of a task: stored in the partition (``problem`` is
    None), or the one-line problem to report."""

    problem: str | None = None
    visit_candidate: bool = False


@contextlib.contextmanager
def partitions_beside(db: Path, under: Path | None = None) -> Iterator[Path]:
    """A directory for the load's partitions, holding the template: beside ``db`` (the
    same disk), or in ``under`` (storage a cluster's workers share). It is removed
    afterwards, as are those of loads of ``db`` that were killed (the caller holds the
    database's lock: none of them is live)."""
    parent = db.parent if under is None else Path(under)
    for stale in parent.glob(f".{db.name}.*{PARTS_SUFFIX}"):
        shutil.rmtree(stale, ignore_errors=True)
    directory = parent / f".{db.name}.{os.getpid()}{PARTS_SUFFIX}"
    directory.mkdir(parents=True)
    try:
        make_template(directory)
        yield directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def make_template(directory: str | Path) -> Path:
    """Create the empty partition database that every task copies; returns its path."""
    path = Path(directory) / TEMPLATE
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        db = sqlite_utils.Database(conn)
        for table in PARTITION_TABLES:
            table.create_table(db)
    finally:
        conn.close()
    return path


def run_task(task: Task, context: Context) -> list[Outcome]:
    """Process ``task``'s articles and write the usable ones into ``task.path``."""
    outcomes: list[Outcome] = []
    records: list[tuple[int, dict]] = []
    for raw in task.articles:
        outcome = Outcome()
        try:
            record = process_article(raw, context)
        except Exception as error:  # noqa: BLE001 - one bad article must not stop the load
            outcome.problem = (
                f"{raw.where}: could not process ({error.__class__.__name__}: {error})"
            )
        else:
            if not LETTER_OR_DIGIT.search(record["article"]["text"]):
                outcome.problem = f"{raw.where}: {_emptied(record)}"
            else:
                outcome.visit_candidate = bool(record["visit_candidates"])
                records.append((len(outcomes), record))
        outcomes.append(outcome)
    _write(Path(task.path), records, task.articles, outcomes)
    return outcomes


def _write(path: Path, records, articles, outcomes) -> None:
    shutil.copyfile(path.parent / TEMPLATE, path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        with database.transaction(conn):
            failed = {
                id(record): error
                for record, error in database.save_articles(
                    conn, [record for _, record in records], ARTICLE_ERRORS
                )
            }
    finally:
        conn.close()
    for position, record in records:
        if id(record) in failed:
            where = articles[position].where
            outcomes[position] = Outcome(
                f"{where}: could not save ({failed[id(record)]})"
            )


def _emptied(record: dict) -> str:
    """Why cleaning left nothing: the steps that removed the lines."""
    [source] = record["article_captures"]
    steps = Counter(item["step"] for item in json.loads(source["cleaning"]))
    if not steps:
        return "no article text left after cleaning"
    removed = ", ".join(f"{count} {step}" for step, count in steps.most_common())
    return f"no article text left after removing the page's clutter ({removed})"
