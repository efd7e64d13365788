"""Processing articles in worker processes, in order, with a bounded number in flight.

The main process reads the inputs, hands them to the workers in chunks and gets the
results back in input order; at most ``IN_FLIGHT_PER_WORKER`` articles per worker are
read ahead, so memory does not grow with the corpus. Items that are not articles
(errors, renames) travel with their neighbours, keeping their place.

Stopping is part of the design: leaving the ``Workers`` block by an exception (a
database error in the writer, Ctrl-C, SIGTERM) terminates the workers at once, so the
process exits instead of waiting on them. Workers ignore SIGINT (the main process
decides, once) and die on SIGTERM. A worker that dies on its own (killed for memory)
raises ``WorkerLost`` in the main process instead of leaving it waiting forever.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import Self

from ..ingest.raw import RawArticle
from .pipeline import Context, process_article

CHUNK_SIZE = 8
IN_FLIGHT_PER_WORKER = 64
WORKER_DIED = "a worker process died (killed, or out of memory?)"
_CONTEXT: Context | None = None


@dataclass
class Failed:
    """Processing one article raised: the message, for the one-line report."""

    message: str


class WorkerLost(RuntimeError):
    """A worker process died without returning its articles."""


class Workers:
    """``with Workers(context, n) as workers: for item, result in workers.process(items)``.

    ``result`` is the record to store (``process_article``'s dict), a ``Failed``, or
    None for an item that is not an article.
    """

    def __init__(self, context: Context, count: int):
        self.context = context
        self.count = count
        self.executor: ProcessPoolExecutor | None = None
        self.pending: deque = deque()  # (chunk, future) in input order

    def __enter__(self) -> Self:
        global _CONTEXT
        _CONTEXT = self.context
        if self.count > 1:
            self.executor = ProcessPoolExecutor(
                self.count,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_init_worker,
                initargs=(self.context,),
            )
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if self.executor is not None:
            if exc_type is not None or self.pending:  # stopped before the end
                self._terminate()
            self.executor.shutdown(wait=True, cancel_futures=True)
        return False

    def process(self, items: Iterable) -> Iterator[tuple]:
        """(item, result) for each item, in order."""
        if self.executor is None:
            for item in items:
                yield item, _process_one(item)
            return
        pending = self.pending
        limit = max(1, self.count * IN_FLIGHT_PER_WORKER // CHUNK_SIZE)
        iterator = iter(items)
        while chunk := list(islice(iterator, CHUNK_SIZE)):
            pending.append((chunk, self._submit(chunk)))
            if len(pending) >= limit:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())

    def _submit(self, chunk: list):
        try:
            return self.executor.submit(_process_chunk, chunk)
        except BrokenProcessPool:
            raise WorkerLost(WORKER_DIED) from None

    def _terminate(self) -> None:
        # ProcessPoolExecutor can cancel only what no worker has started; the articles
        # being processed would hold the exit up to their end.
        for process in list(
            (getattr(self.executor, "_processes", None) or {}).values()
        ):
            if process.is_alive():
                process.terminate()


def _collect(chunk: list, future) -> Iterator[tuple]:
    try:
        results = future.result()
    except BrokenProcessPool:
        raise WorkerLost(WORKER_DIED) from None
    yield from zip(chunk, results)


def _init_worker(context: Context) -> None:
    global _CONTEXT
    _CONTEXT = context
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _process_chunk(chunk: list) -> list:
    return [_process_one(item) for item in chunk]


def _process_one(item):
    if not isinstance(item, RawArticle):
        return None
    try:
        return process_article(item, _CONTEXT)
    except Exception as error:  # noqa: BLE001 - one bad article must not stop the load
        return Failed(f"{error.__class__.__name__}: {error}")
