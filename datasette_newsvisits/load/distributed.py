"""Running a load's tasks on a Dask cluster (``pip install 'datasette-newsvisits[dask]'``).

    newsvisits-load newsvisits.db corpus/ --scheduler tcp://scheduler:8786 \\
        --partitions /shared/parts

The loader reads the inputs and cuts them into tasks as always; each task (a batch of
articles) runs ``partition.run_task`` on a worker of the cluster, which writes the
batch's rows into a partition database under ``--partitions`` — a directory every
worker and this machine can reach (shared storage); only each article's short outcome
comes back. This process then copies each partition into the database in input order
(``merge``) and runs the end-of-load step, exactly as a local load does: the same code
path, another executor. With ``--scheduler local`` a cluster of ``--workers``
processes is started on this machine for the load.

The catalogues and gazetteer go to every worker once (``scatter``). Tasks in flight are
bounded (two per worker thread), so memory stays flat on both sides.
"""

from __future__ import annotations

from typing import Self

try:
    from distributed import Client, LocalCluster, wait
except ImportError as error:  # pragma: no cover - the extra is not installed
    raise ImportError(
        "--scheduler needs Dask: pip install 'datasette-newsvisits[dask]'"
    ) from error

from .partition import Outcome, Task, run_task
from .pipeline import Context
from .workers import in_order

LOCAL = "local"


class Dask:
    """Tasks run on a Dask cluster (its scheduler's address, or ``local``)."""

    def __init__(self, context: Context, scheduler: str, workers: int):
        self.context = context
        self.scheduler = scheduler
        self.workers = workers
        self.cluster: LocalCluster | None = None
        self.client: Client | None = None
        self.running: dict = {}  # future -> task

    def __enter__(self) -> Self:
        if self.scheduler == LOCAL:
            self.cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            self.client = Client(self.cluster)
        else:
            self.client = Client(self.scheduler)
        [self.shared] = self.client.scatter([self.context], broadcast=True)
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if self.running:
            self.client.cancel(list(self.running), force=True)
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        return False

    def run(self, tasks) -> object:
        """(task, outcomes) for each task, in order."""
        threads = sum(self.client.nthreads().values()) or 1
        return in_order(tasks, self._start, self._finished, 2 * threads)

    def _start(self, task: Task) -> bool:
        future = self.client.submit(run_task, task, self.shared, pure=False)
        self.running[future] = task
        return True

    def _finished(self) -> list[tuple[Task, list[Outcome]]]:
        done, _ = wait(list(self.running), return_when="FIRST_COMPLETED")
        return [(self.running.pop(future), future.result()) for future in done]
