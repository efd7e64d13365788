"""Wall time and peak memory of the loader on N synthetic articles.

    python benchmarks/load.py N [--workers W] [--keep] [--scheduler ADDRESS]

Generates (once) N articles into ``benchmarks/out/corpus-N/`` with ``generate.py``, runs
``python load_corpus.py DB DIR --workers W`` as a subprocess on a fresh database, and
samples the resident memory of the loader and every process below it twice a second;
the peak of that sum is reported. Sampling costs next to no CPU: each process's parent
is read once (only processes started after the loader can be below it), then only the
tree's own ``statm`` files are read. The database is deleted afterwards unless ``--keep``
(then it stays at ``benchmarks/out/load-N.db``). Last line:
``articles=N seconds=S words_per_s=W peak_rss_mb=M db_mb=D kb_per_article=K
cpu_s=C load_avg=L monitor_cpu_s=X`` (``cpu_s``: CPU seconds of the loader's tree;
``load_avg``: the one-minute load average before and after the run).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import click

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate

PAGE = os.sysconf("SC_PAGE_SIZE")
INTERVAL = 0.5  # seconds between samples


class Tree:
    """The processes below a root pid, found without reading every process's stat on
    every sample: a pid's parent is read once, and only pids above the root's."""

    def __init__(self, root: int):
        self.root = root
        self.parent: dict[int, int | None] = {}

    def members(self) -> list[int]:
        """The root and its live descendants."""
        live = [int(e) for e in os.listdir("/proc") if e.isdigit()]
        for pid in live:
            if pid not in self.parent:
                self.parent[pid] = _parent(pid) if pid > self.root else None
        below: dict[int, list[int]] = {}
        for pid in live:
            parent = self.parent.get(pid)
            if parent is not None:
                below.setdefault(parent, []).append(pid)
        found, todo = [], [self.root]
        while todo:
            current = todo.pop()
            found.append(current)
            todo.extend(below.get(current, []))
        return found


def _parent(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return int(stat.read().rsplit(b")", 1)[1].split()[1])
    except OSError:
        return None


def rss_bytes(pids: list[int]) -> int:
    """Sum of resident set sizes of ``pids`` (processes that ended count as 0)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/statm", "rb") as statm:
                total += int(statm.read().split()[1]) * PAGE
        except OSError:
            continue
    return total


def corpus(n: int) -> tuple[Path, int]:
    """The directory of N generated articles (made on first use) and its word count."""
    directory = HERE / "out" / f"corpus-{n}"
    marker = directory / "WORDS"
    if not marker.exists():
        click.echo(f"generating {n} articles into {directory} ...", err=True)
        words = generate(n, directory)
        marker.write_text(str(words))
    return directory, int(marker.read_text())


def measure(command: list[str]) -> tuple[float, int, int, float, float]:
    """Run ``command``; return seconds, peak summed RSS in bytes, the exit status, the
    CPU seconds of its process tree and those spent measuring it."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    monitor = time.process_time()
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=sys.stderr)
    tree = Tree(process.pid)
    peak = 0
    while process.poll() is None:
        peak = max(peak, rss_bytes(tree.members()))
        time.sleep(INTERVAL)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return seconds, peak, process.returncode, cpu, time.process_time() - monitor


@click.command()
@click.argument("n", type=int)
@click.option("--workers", type=int, default=os.cpu_count() or 1, show_default=True)
@click.option(
    "--keep", is_flag=True, help="Keep the database (benchmarks/out/load-N.db)."
)
@click.option("--scheduler", help="Run on a Dask cluster (an address, or 'local').")
def main(n, workers, keep, scheduler):
    """Load N synthetic articles; print time, throughput, peak memory and size."""
    directory, words = corpus(n)
    db = HERE / "out" / f"load-{n}.db"
    db.unlink(missing_ok=True)
    command = [
        sys.executable,
        "load_corpus.py",
        str(db),
        str(directory),
        "--workers",
        str(workers),
        "--quiet",
        *(["--scheduler", scheduler] if scheduler else []),
    ]
    load_before = os.getloadavg()[0]
    seconds, peak, status, cpu, monitor = measure(command)
    load_after = os.getloadavg()[0]
    size = db.stat().st_size if db.exists() else 0
    if not keep:
        db.unlink(missing_ok=True)
    if status not in (0, 1):
        raise click.ClickException(f"loader exited with status {status}")
    click.echo(
        f"articles={n} seconds={seconds:.1f} words_per_s={words / seconds:.0f} "
        f"peak_rss_mb={peak / 2**20:.0f} db_mb={size / 2**20:.0f} "
        f"kb_per_article={size / 1024 / n:.1f} cpu_s={cpu:.0f} "
        f"load_avg={load_before:.2f}/{load_after:.2f} "
        f"monitor_cpu_s={monitor:.1f}"
    )


if __name__ == "__main__":
    main()
