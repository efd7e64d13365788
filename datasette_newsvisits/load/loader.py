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

import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from itertools import islice
from pathlib import Path

from ..ingest.raw import InputError, RawArticle, one_line
from ..ingest.read import read_inputs
from . import db as database
from .catalogue_files import check_catalogue_files
from .changes import KnownArticles, Renamed
from .errors import Interrupted, LoadError, database_problem
from .fingerprint import META_KEY, fingerprint
from .finish import finish_load
from .merge import attached, copy_articles, delete_replaced, partition_ids
from .partition import ARTICLE_ERRORS, Task, partitions_beside
from .pipeline import Context, article_id, load_context
from .reprocess import Stored, StoredInputs
from .target import claimed
from .workers import Inline, Processes, WorkerLost

BATCH_SIZE = 200
LOCK_WAIT = 30.0  # seconds to wait for a database another process has locked


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
    reprocessed: int = 0  # stored articles processed again: the pipeline changed
    not_reprocessed: int = 0  # stored before their fields were recorded
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0
    steps: dict = field(default_factory=dict)  # the end-of-load steps, when they ran
    timing: dict = field(default_factory=dict)  # seconds: articles, writing of them
    visit_candidates: int = 0

    @property
    def new(self) -> int:
        """Articles added (not replacing one already stored)."""
        return self.loaded - self.replaced - self.reprocessed

    def summary(self, db_path) -> str:
        """The summary printed at the end of a load (a second line when articles report
        meetings the visits catalogue lacks)."""
        again = ""
        if self.reprocessed or self.not_reprocessed:
            again = (
                f"{self.reprocessed} re-processed (the pipeline or catalogues changed"
            )
            if self.not_reprocessed:
                again += (
                    f"; {self.not_reprocessed} loaded by an older version are re-processed"
                    " when their inputs are loaded again"
                )
            again += "), "
        line = (
            f"{_plural(self.new, 'new article')}, {self.replaced} replaced, "
            f"{self.unchanged} unchanged, {again}"
            f"{_plural(len(self.skipped), 'input')} skipped, "
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
    scheduler: str | None = None,
    partitions: str | Path | None = None,
) -> LoadReport:
    """Load articles from ``paths`` (the bundled corpus if none) into ``db_path``.

    Unchanged articles are left alone, changed ones replaced, bad inputs reported through
    ``on_error(message)`` and skipped (or, with ``strict``, the load stops at the first).
    ``swap`` builds into a copy beside ``db_path`` and renames it into place at the end;
    ``wait`` is how long to wait for a database another process has locked.
    ``workers`` processes of this machine process the articles, or with ``scheduler``
    the workers of a Dask cluster (its address; "local" starts one of ``workers``),
    writing their partitions under ``partitions`` (shared storage; default: beside
    the database).
    Raises ``LoadError`` or ``Interrupted`` (see the module's docstring).
    """
    started = time.perf_counter()
    db_path = Path(db_path)
    visit_files, gazetteer_files = list(visit_files), list(gazetteer_files)
    check_catalogue_files(visit_files, gazetteer_files)
    context = load_context(visit_files, gazetteer_files)
    pipeline = fingerprint(visit_files, gazetteer_files)
    paths = [Path(p) for p in paths] or [bundled_corpus()]
    report = LoadReport()

    def problem(message: str) -> None:
        message = one_line(message)
        report.skipped.append(message)
        if on_error:
            on_error(message)
        if strict:
            raise StrictStop(message)

    run = _Run(context, pipeline, workers, batch_size, report, problem, progress)
    run.scheduler, run.partitions = scheduler, partitions
    try:
        with claimed(db_path, swap, wait) as target:
            conn = database.open_database(target, timeout=wait)
            try:
                run.into(conn, target, paths)
            finally:
                database.close_database(conn)
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
    pipeline: str  # the fingerprint of what shapes an article's rows
    workers: int
    batch_size: int
    report: LoadReport
    problem: Callable[[str], None]
    progress: Callable[[int], object] | None
    scheduler: str | None = None
    partitions: str | Path | None = None
    items: dict[int, list] = field(default_factory=dict)  # a task's inputs, by number

    def into(self, conn: sqlite3.Connection, target: Path, paths: list[Path]) -> None:
        """Read, process and save every input, then finish the database."""
        catalogues = self.context.catalogues
        database.save_reference_data(
            conn,
            catalogues.visits,
            catalogues.outlets,
            self.context.gazetteer.entities(),
            self.context.gazetteer.aliases(),
        )
        database.defer_indexes(conn)  # a first load builds them once, at the end
        known = KnownArticles(conn)
        started, written = time.perf_counter(), 0.0
        try:
            with (
                partitions_beside(target, self.partitions) as directory,
                self._executor() as executor,
            ):
                tasks = self._tasks(self._inputs(conn, known, paths), directory)
                for task, outcomes in executor.run(tasks):
                    writing = time.perf_counter()
                    stopped = self._save_batch(conn, task, outcomes, known)
                    Path(task.path).unlink(missing_ok=True)
                    written += time.perf_counter() - writing
                    if stopped:
                        break
            articles_seconds = time.perf_counter() - started
        finally:
            self.report.unchanged = known.unchanged
        # reading, processing and writing the articles; of which, writing
        self.report.timing = {"articles": articles_seconds, "writing": written}
        self.report.steps = finish_load(conn)
        with database.transaction(conn):
            database.set_meta(conn, META_KEY, self.pipeline)

    def _inputs(self, conn, known: KnownArticles, paths: list[Path]) -> Iterator:
        """What to write: first, when the pipeline changed since the last load, every
        stored article again; then this run's inputs that are new or changed."""
        if database.get_meta(conn, META_KEY) == self.pipeline:
            pass
        elif not conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone():
            database.set_meta(conn, META_KEY, self.pipeline)  # nothing made before it
        else:
            stored = StoredInputs(conn)
            for raw in stored:
                yield Stored(**vars(raw))
            self.report.not_reprocessed = stored.unreadable
            # Articles that could not be read back are processed from their inputs.
            known.everything = stored.unreadable > 0
        yield from known.to_write(read_inputs(paths))

    def _executor(self):
        if self.scheduler is not None:
            try:
                from .distributed import Dask  # an optional extra
            except ImportError as error:
                raise LoadError(str(error)) from None
            return Dask(self.context, self.scheduler, self.workers)
        if self.workers > 1:
            return Processes(self.context, self.workers)
        return Inline(self.context)

    def _tasks(self, items: Iterator, directory: Path) -> Iterator[Task]:
        """One task per batch of inputs; the batch's items are kept here until saved."""
        for number, batch in enumerate(_batches(items, self.batch_size)):
            self.items[number] = batch
            articles = [item for item in batch if isinstance(item, RawArticle)]
            yield Task(number, articles, str(directory / f"part-{number:07d}.db"))

    def _save_batch(self, conn, task: Task, outcomes: list, known) -> bool:
        """Report the batch's problems and copy its articles from the task's partition
        into the database, in one transaction; True when --strict stops the load."""
        items = self.items.pop(task.number)
        outcome_of = iter(outcomes)
        saved: list[RawArticle] = []
        stopped = False
        with attached(conn, task.path), database.transaction(conn):
            # Reuse groups are stale once any article changes: recorded in the same
            # transaction, so that a load killed before its end step is completed by
            # the next run.
            database.set_meta(conn, "reuse_stale", "1")
            try:
                for item in items:
                    if isinstance(item, Renamed):
                        item.apply(conn)
                    elif isinstance(item, InputError):
                        self.problem(str(item))
                    elif (outcome := next(outcome_of)).problem:
                        self.problem(outcome.problem)
                    else:
                        saved.append(item)
                        self.report.visit_candidates += outcome.visit_candidate
            except StrictStop:
                stopped = True  # what came before the bad input is saved and committed
            whole = not stopped and len(saved) == len(task.articles)
            ids = [article_id(item.source) for item in saved]
            failed = _copy_partition(conn, None if whole else ids)
            try:
                for item, aid in zip(saved, ids):
                    if aid in failed:
                        self.problem(f"{item.where}: could not save ({failed[aid]})")
                        continue
                    self.report.loaded += 1
                    if isinstance(item, Stored):
                        self.report.reprocessed += 1
                    else:
                        self.report.replaced += known.stored(item.source)
            except StrictStop:
                stopped = True
        if self.progress:
            self.progress(len(task.articles))
        return stopped


def _copy_partition(conn, only: list[str] | None) -> dict[str, Exception]:
    """Copy the attached partition's articles (all, or ``only``) into the database;
    article by article when that fails, returning the ids that could not be copied
    with their errors (a fault of that article's rows). Other errors are raised."""
    try:
        with database.savepoint(conn, "batch"):
            delete_replaced(conn, only)
            copy_articles(conn, only)
        return {}
    except ARTICLE_ERRORS:
        if not conn.in_transaction:
            raise  # the transaction itself is gone: nothing to retry
    failed = {}
    for aid in partition_ids(conn) if only is None else only:
        try:
            with database.savepoint(conn, "article"):
                delete_replaced(conn, [aid])
                copy_articles(conn, [aid])
        except ARTICLE_ERRORS as error:
            if not conn.in_transaction:
                raise
            failed[aid] = error
    return failed


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _batches(items: Iterator, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
