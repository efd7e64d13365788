"""Loading a corpus: read inputs, process articles (in worker processes), save in batches,
finish the database. ``load()`` is what the command line and the tests call.

How errors flow:

- A bad input (an unreadable file, a malformed row, an article that cannot be processed
  or stored, or that cleaning leaves empty) is a *problem*: one line through
  ``on_error``, counted in ``LoadReport.skipped``; the load goes on (with ``strict`` it
  stops there, keeping what was saved).
- A problem with the load as a whole (the ``--visits``/``--gazetteer`` files, the
  database file, a database error while writing: disk full, locked, I/O; a worker
  process dying) raises ``LoadError`` with a one-line message; SIGINT and SIGTERM raise
  ``Interrupted``. Either way the batch being written is rolled back, the workers are
  terminated, and every batch committed before stays (with ``swap``, DB is left as it
  was). The exception carries the ``LoadReport`` of what was committed.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from itertools import islice
from pathlib import Path

from ..ingest.raw import LETTER_OR_DIGIT, InputError, RawArticle, one_line
from ..ingest.read import read_inputs
from . import db as database
from .catalogue_files import check_catalogue_files
from .changes import KnownArticles, Renamed
from .errors import Interrupted, LoadError, database_problem
from .finish import finish_load
from .pipeline import Context, load_context
from .target import claimed
from .workers import Failed, WorkerLost, Workers

BATCH_SIZE = 200
LOCK_WAIT = 30.0  # seconds to wait for a database another process has locked
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


def bundled_corpus() -> Path:
    """The directory of the sample corpus shipped with the package."""
    return Path(str(resources.files("datasette_newsvisits") / "data" / "corpus"))


@dataclass
class LoadReport:
    """What a load did: counts, problems, and time taken.

    ``loaded`` counts articles written (new and replaced), in committed batches.
    """

    loaded: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0
    steps: dict = field(default_factory=dict)
    visit_candidates: int = 0

    @property
    def new(self) -> int:
        """Articles added (not replacing one already stored)."""
        return self.loaded - self.replaced

    def summary(self, db_path) -> str:
        """The summary printed at the end of a load (a second line when articles report
        meetings the visits catalogue lacks)."""
        line = (
            f"{_plural(self.new, 'new article')}, {self.replaced} replaced, "
            f"{self.unchanged} unchanged, {_plural(len(self.skipped), 'input')} skipped, "
            f"in {self.seconds:.1f} s -> {db_path}"
        )
        if self.visit_candidates:
            line += (
                f"\n{self.visit_candidates} articles report a meeting missing from the "
                "visits catalogue: see the visit_candidates table, and add the meeting "
                "with --visits FILE (same format as data/visits.json), then load again"
            )
        return line


class StrictStop(Exception):
    """Raised under --strict at the first input that cannot be loaded."""


def load(
    db_path: str | Path,
    paths: Iterable[str | Path] = (),
    *,
    visit_files: Iterable[str | Path] = (),
    gazetteer_files: Iterable[str | Path] = (),
    workers: int = 1,
    strict: bool = False,
    batch_size: int = BATCH_SIZE,
    swap: bool = False,
    wait: float = LOCK_WAIT,
    on_error=None,
    progress=None,
) -> LoadReport:
    """Load articles from ``paths`` (the bundled corpus if none) into ``db_path``.

    Unchanged articles are left alone, changed ones replaced, bad inputs reported through
    ``on_error(message)`` and skipped (or, with ``strict``, the load stops at the first).
    ``swap`` builds into a copy beside ``db_path`` and renames it into place at the end;
    ``wait`` is how long to wait for a database another process has locked.
    Raises ``LoadError`` or ``Interrupted`` (see the module's docstring).
    """
    started = time.perf_counter()
    db_path = Path(db_path)
    visit_files, gazetteer_files = list(visit_files), list(gazetteer_files)
    check_catalogue_files(visit_files, gazetteer_files)
    context = load_context(visit_files, gazetteer_files)
    paths = [Path(p) for p in paths] or [bundled_corpus()]
    report = LoadReport()

    def problem(message: str) -> None:
        message = one_line(message)
        report.skipped.append(message)
        if on_error:
            on_error(message)
        if strict:
            raise StrictStop(message)

    run = _Run(context, workers, batch_size, report, problem, progress)
    try:
        with claimed(db_path, swap, wait) as target:
            conn = database.open_database(target, timeout=wait)
            try:
                run.into(conn, paths)
            finally:
                conn.close()
    except sqlite3.Error as error:
        raise LoadError(database_problem(db_path, error, wait), report) from None
    except WorkerLost as error:
        raise LoadError(f"{db_path}: {error}", report) from None
    except LoadError as error:
        error.report = report
        raise
    except KeyboardInterrupt as stop:
        raise Interrupted(getattr(stop, "signal_name", "SIGINT"), report) from None
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class _Run:
    """One load's settings and running state, between opening and closing the database."""

    context: Context
    workers: int
    batch_size: int
    report: LoadReport
    problem: Callable[[str], None]
    progress: Callable[[int], object] | None

    def into(self, conn: sqlite3.Connection, paths: list[Path]) -> None:
        """Read, process and save every input, then finish the database."""
        catalogues = self.context.catalogues
        database.save_reference_data(
            conn,
            catalogues.visits,
            catalogues.outlets,
            self.context.gazetteer.entities(),
            self.context.gazetteer.aliases(),
        )
        known = KnownArticles(conn)
        try:
            with Workers(self.context, self.workers) as pool:
                results = pool.process(known.to_write(read_inputs(paths)))
                for batch in _batches(results, self.batch_size):
                    with database.transaction(conn):
                        counts, stopped = self._save_batch(conn, batch, known)
                    self.report.loaded += counts["loaded"]
                    self.report.replaced += counts["replaced"]
                    if stopped:
                        break
        finally:
            self.report.unchanged = known.unchanged
        self.report.steps = finish_load(conn)

    def _save_batch(
        self, conn, batch: list, known: KnownArticles
    ) -> tuple[Counter, bool]:
        """Save a batch's articles together (one insert per table), report the rest."""
        # Reuse groups are stale once any article changes: recorded in the same
        # transaction, so that a load killed before its end step is completed by the
        # next run.
        database.set_meta(conn, "reuse_stale", "1")
        counts: Counter = Counter()
        ready: list[tuple] = []  # (item, record, replacing)
        stopped = False
        try:
            for item, result in batch:
                record = self._usable(conn, item, result)
                if record is not None:
                    ready.append((item, record, known.stored(item.source)))
        except StrictStop:
            stopped = True  # what came before the bad input is saved and committed
        try:
            self._save_ready(conn, ready, counts)
        except StrictStop:
            stopped = True
        if self.progress:
            self.progress(sum(isinstance(item, RawArticle) for item, _ in batch))
        return counts, stopped

    def _usable(self, conn, item, result) -> dict | None:
        """The record to store for one item, or None (reported) when there is none."""
        if isinstance(item, Renamed):
            item.apply(conn)
            return None
        if isinstance(item, InputError):
            self.problem(str(item))
            return None
        if isinstance(result, Failed):
            self.problem(f"{item.where}: could not process ({result.message})")
            return None
        if not LETTER_OR_DIGIT.search(result["article"]["text"]):
            self.problem(f"{item.where}: {_emptied(result)}")
            return None
        return result

    def _save_ready(self, conn, ready: list[tuple], counts: Counter) -> None:
        """Write the records of ``ready``; report each article that could not be."""
        if not ready:
            return
        records = [record for _, record, _ in ready]
        failed = {
            id(record): error
            for record, error in database.save_articles(conn, records, ARTICLE_ERRORS)
        }
        for item, record, replacing in ready:
            if id(record) in failed:
                self.problem(f"{item.where}: could not save ({failed[id(record)]})")
                continue
            counts["loaded"] += 1
            counts["replaced"] += bool(replacing)
            self.report.visit_candidates += bool(record.get("visit_candidates"))


def _emptied(record: dict) -> str:
    """Why cleaning left nothing: the steps that removed the lines."""
    [source] = record["article_sources"]
    steps = Counter(item["step"] for item in json.loads(source["cleaning"]))
    if not steps:
        return "no article text left after cleaning"
    removed = ", ".join(f"{count} {step}" for step, count in steps.most_common())
    return f"no article text left after removing the page's clutter ({removed})"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _batches(items: Iterator, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
