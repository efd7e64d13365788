"""Loading a corpus: read inputs, process articles (in worker processes), save in batches,
finish the database. ``load()`` is what the command line and the tests call."""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from itertools import islice
from pathlib import Path

from ..ingest.read import InputError, RawArticle, read_inputs
from . import db as database
from .finish import finish_load
from .pipeline import Context, load_context, process_article

BATCH_SIZE = 200
CHUNK_SIZE = 8
IN_FLIGHT_PER_WORKER = 64
_WORKER_CONTEXT: Context | None = None


def bundled_corpus() -> Path:
    """The directory of the sample corpus shipped with the package."""
    return Path(str(resources.files("datasette_newsvisits") / "data" / "corpus"))


@dataclass
class LoadReport:
    """What a load did: counts, problems, and time taken."""

    loaded: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0
    steps: dict = field(default_factory=dict)
    visit_candidates: int = 0

    def summary(self, db_path) -> str:
        """The summary printed at the end of a load (a second line when articles report
        meetings the visits catalogue lacks)."""
        line = (
            f"{self.loaded} articles loaded, {self.unchanged} unchanged, "
            f"{len(self.skipped)} skipped, in {self.seconds:.1f} s -> {db_path}"
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
    on_error=None,
    progress=None,
) -> LoadReport:
    """Load articles from ``paths`` (the bundled corpus if none) into ``db_path``.

    Unchanged articles are left alone, changed ones replaced, bad inputs reported through
    ``on_error(message)`` and skipped (or, with ``strict``, the load stops at the first).
    """
    started = time.perf_counter()
    paths = [Path(p) for p in paths] or [bundled_corpus()]
    for path in paths:
        if not path.exists():
            raise FileNotFoundError(f"{path}: no such file or directory")
    report = LoadReport()
    context = load_context(visit_files, gazetteer_files)
    conn = database.open_database(db_path)
    try:
        database.save_reference_data(
            conn,
            context.catalogues.visits,
            context.catalogues.outlets,
            context.gazetteer.entities(),
            context.gazetteer.aliases(),
        )
        hashes = database.known_hashes(conn)

        def problem(message: str) -> None:
            report.skipped.append(message)
            if on_error:
                on_error(message)
            if strict:
                raise StrictStop(message)

        todo = _changed_articles(read_inputs(paths), hashes, report)
        results = _process_all(todo, context, workers)
        stopped = False
        for batch in _batches(results, batch_size):
            with database.transaction(conn):
                try:
                    _save_batch(conn, batch, report, problem, progress)
                except StrictStop:
                    stopped = True  # what was saved before the bad input is committed
            if stopped:
                break
        report.steps = finish_load(conn)
    finally:
        conn.close()
    report.seconds = time.perf_counter() - started
    return report


def _save_batch(conn, batch, report: LoadReport, problem, progress) -> None:
    # Reuse groups are stale once any article changes: recorded in the same transaction,
    # so that a load killed before its end step is completed by the next run.
    database.set_meta(conn, "reuse_stale", "1")
    ready: list[tuple] = []
    for item, record in batch:
        if isinstance(record, (InputError, Exception)):
            # What came before is saved first: under --strict the load stops here.
            _save_ready(conn, ready, report, problem, progress)
            if isinstance(record, InputError):
                problem(str(record))
            else:
                problem(f"{item.source}: could not process ({record})")
            continue
        ready.append((item, record))
    _save_ready(conn, ready, report, problem, progress)


def _save_ready(conn, ready: list[tuple], report: LoadReport, problem, progress):
    """Save the processed articles in ``ready`` together, report those that failed."""
    if not ready:
        return
    records = [record for _, record in ready]
    failed = {id(r): error for r, error in database.save_articles(conn, records)}
    saved = len(ready) - len(failed)
    report.loaded += saved
    if progress and saved:
        progress(saved)
    items = list(ready)
    ready.clear()
    for item, record in items:
        if id(record) in failed:
            problem(f"{item.source}: could not save ({failed[id(record)]})")
        else:
            report.visit_candidates += bool(record.get("visit_candidates"))


def _changed_articles(
    items: Iterator[RawArticle | InputError], hashes: dict, report: LoadReport
) -> Iterator[RawArticle | InputError]:
    for item in items:
        if isinstance(item, InputError):
            yield item  # reported in order, by the main process
            continue
        if hashes.get(item.source) == item.content_hash:
            report.unchanged += 1
            continue
        yield item


def _process_one(raw: RawArticle | InputError) -> tuple:
    if isinstance(raw, InputError):
        return raw, raw
    try:
        return raw, process_article(raw, _WORKER_CONTEXT)
    except Exception as error:  # noqa: BLE001 - one bad article must not stop the load
        return raw, error


def _init_worker(context: Context) -> None:
    global _WORKER_CONTEXT
    _WORKER_CONTEXT = context


def _process_all(
    raws: Iterator[RawArticle | InputError], context: Context, workers: int
) -> Iterator[tuple]:
    _init_worker(context)
    if workers <= 1:
        yield from map(_process_one, raws)
        return
    # Pool.imap reads its input as fast as it can: without a bound, a corpus larger than
    # the writer can keep up with would pile up in memory as tasks and results.
    in_flight = threading.BoundedSemaphore(workers * IN_FLIGHT_PER_WORKER)

    def bounded(items):
        for item in items:
            in_flight.acquire()
            yield item

    mp = multiprocessing.get_context("fork")
    with mp.Pool(workers, initializer=_init_worker, initargs=(context,)) as pool:
        for result in pool.imap(_process_one, bounded(raws), chunksize=CHUNK_SIZE):
            in_flight.release()
            yield result


def _batches(items: Iterator, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
