"""Wall time and peak memory of the loader on N synthetic articles.

    python benchmarks/load.py N [--workers W] [--keep]

Generates (once) N articles into ``benchmarks/out/corpus-N/`` with ``generate.py``, runs
``python load_corpus.py DB DIR --workers W`` as a subprocess on a fresh database, and polls
/proc every 0.2 s, summing the resident memory of the loader and all its descendants; the
peak of that sum is reported. The database is deleted afterwards unless ``--keep``
(then it stays at ``benchmarks/out/load-N.db``). Last line:
``articles=N seconds=S words_per_s=W peak_rss_mb=M db_mb=D``.
"""

from __future__ import annotations

import os
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


def descendants(pid: int) -> list[int]:
    """``pid`` and every process below it, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


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


def measure(command: list[str]) -> tuple[float, int, int]:
    """Run ``command``; return seconds, peak summed RSS in bytes, and the exit status."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=sys.stderr)
    peak = 0
    while process.poll() is None:
        peak = max(peak, rss_bytes(descendants(process.pid)))
        time.sleep(0.2)
    return time.perf_counter() - started, peak, process.returncode


@click.command()
@click.argument("n", type=int)
@click.option("--workers", type=int, default=os.cpu_count() or 1, show_default=True)
@click.option(
    "--keep", is_flag=True, help="Keep the database (benchmarks/out/load-N.db)."
)
def main(n, workers, keep):
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
    ]
    seconds, peak, status = measure(command)
    size = db.stat().st_size if db.exists() else 0
    if not keep:
        db.unlink(missing_ok=True)
    if status not in (0, 1):
        raise click.ClickException(f"loader exited with status {status}")
    click.echo(
        f"articles={n} seconds={seconds:.1f} words_per_s={words / seconds:.0f} "
        f"peak_rss_mb={peak / 2**20:.0f} db_mb={size / 2**20:.0f}"
    )


if __name__ == "__main__":
    main()
