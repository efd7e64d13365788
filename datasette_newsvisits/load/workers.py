"""Running a load's tasks: in this process, or in worker processes of this machine.

An executor takes ``partition.Task``s (batches of articles) and gives back each task's
outcomes *in task order*, with a bounded number of tasks in flight, so memory does not
grow with the corpus. ``distributed.DaskExecutor`` does the same on a cluster; the
loader does not know which one it drives.

``Processes`` is a small pool of its own rather than ``concurrent.futures``: each worker
has one pipe, a task goes to a worker only when it is idle, and no queue has a feeder
thread, so stopping never waits on a thread blocked on a full pipe (the cause of a
load that would not stop after Ctrl-C on a busy machine). Leaving the ``with`` block by
an exception (a database error in the writer, Ctrl-C, SIGTERM) terminates the workers
at once and reaps them within ``STOP_WAIT`` seconds. Workers ignore SIGINT (the main
process decides, once) and die on SIGTERM. A worker that dies on its own (killed for
memory) raises ``WorkerLost`` instead of leaving the load waiting forever.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import wait
from typing import Self

from .partition import Outcome, Task, run_task
from .pipeline import Context

STOP_WAIT = 1.0  # seconds a terminated worker is given before it is killed
WORKER_DIED = "a worker process died (killed, or out of memory?)"


class WorkerLost(RuntimeError):
    """A worker process died without returning its articles."""


class Inline:
    """Tasks run one after the other in this process (``--workers 1``)."""

    def __init__(self, context: Context):
        self.context = context

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> bool:
        return False

    def run(self, tasks: Iterable[Task]) -> Iterator[tuple[Task, list[Outcome]]]:
        """(task, outcomes) for each task, in order."""
        for task in tasks:
            yield task, run_task(task, self.context)


class Processes:
    """Tasks run in ``count`` forked worker processes, results in task order."""

    def __init__(self, context: Context, count: int):
        self.context = context
        self.count = count
        self.workers: list[_Worker] = []

    def __enter__(self) -> Self:
        context = multiprocessing.get_context("fork")
        for _ in range(self.count):
            mine, theirs = context.Pipe()
            process = context.Process(
                target=_serve, args=(theirs, self.context), daemon=True
            )
            process.start()
            theirs.close()
            self.workers.append(_Worker(process, mine))
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        stopped = exc_type is not None or any(w.task for w in self.workers)
        for worker in self.workers:
            worker.stop(now=stopped)
        for worker in self.workers:
            worker.reap()
        self.workers = []
        return False

    def run(self, tasks: Iterable[Task]) -> Iterator[tuple[Task, list[Outcome]]]:
        """(task, outcomes) for each task, in order."""
        return in_order(tasks, self._start, self._finished, 2 * self.count)

    def _start(self, task: Task) -> bool:
        """Give ``task`` to an idle worker; False when none is idle."""
        for worker in self.workers:
            if worker.task is None:
                worker.give(task)
                return True
        return False

    def _finished(self) -> list[tuple[Task, list[Outcome]]]:
        """Wait for at least one busy worker to finish; its task and outcomes."""
        busy = {w.conn: w for w in self.workers if w.task is not None}
        sentinels = {w.process.sentinel: w for w in self.workers}
        done = []
        for ready in wait([*busy, *sentinels]):
            if ready in busy:
                done.append(busy[ready].result())
            elif sentinels[ready].process.exitcode is not None:
                raise WorkerLost(WORKER_DIED)
        return done


def in_order(
    tasks: Iterable[Task],
    start: Callable[[Task], bool],
    finished: Callable[[], list[tuple[Task, list[Outcome]]]],
    limit: int,
) -> Iterator[tuple[Task, list[Outcome]]]:
    """Drive an executor: ``start`` tasks while it takes them and fewer than ``limit``
    are started and not yet yielded, collect ``finished`` ones, yield them in order.

    Idle workers get their next task before a finished one is handed to the caller, so
    they work while the caller writes it."""
    iterator = iter(tasks)
    order: list[int] = []  # numbers of the started tasks not yet yielded, in order
    done: dict[int, tuple[Task, list[Outcome]]] = {}
    waiting: list[Task] = []  # read, not yet started

    def fill() -> None:
        while len(order) < limit:
            if not waiting:
                task = next(iterator, None)
                if task is None:
                    return
                waiting.append(task)
            if not start(waiting[0]):
                return
            order.append(waiting.pop().number)

    fill()
    while order:
        for task, outcomes in finished():
            done[task.number] = (task, outcomes)
        fill()
        while order and order[0] in done:
            yield done.pop(order.pop(0))
            fill()


class _Worker:
    """One worker process, its end of the pipe, and the task it is working on."""

    def __init__(self, process, conn):
        self.process = process
        self.conn = conn
        self.task: Task | None = None

    def give(self, task: Task) -> None:
        try:
            self.conn.send(task)
        except (BrokenPipeError, ConnectionResetError, EOFError):
            raise WorkerLost(WORKER_DIED) from None
        self.task = task

    def result(self) -> tuple[Task, list[Outcome]]:
        try:
            outcomes = self.conn.recv()
        except (EOFError, ConnectionResetError, OSError):
            raise WorkerLost(WORKER_DIED) from None
        if isinstance(outcomes, BaseException):
            raise outcomes
        task, self.task = self.task, None
        return task, outcomes

    def stop(self, now: bool) -> None:
        if not self.process.is_alive():
            return
        if now:
            self.process.terminate()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.process.terminate()

    def reap(self) -> None:
        self.process.join(STOP_WAIT)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _serve(conn, context: Context) -> None:
    """A worker's loop: run each task received, send back its outcomes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while (task := conn.recv()) is not None:
        try:
            outcomes = run_task(task, context)
        except Exception as error:  # noqa: BLE001 - the load reports it, in one line
            outcomes = RuntimeError(f"{error.__class__.__name__}: {error}")
        conn.send(outcomes)
