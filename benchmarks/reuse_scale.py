"""Time and memory of reuse detection alone, on synthetic articles' sentences.

    python benchmarks/reuse_scale.py N [N ...]

For each N, builds (once) ``benchmarks/out/reuse-N.db`` with the public schema and the
sentences of N generated articles (split by ``split_sentences``, no other extraction),
then, in a fresh process, clears any earlier groups and runs ``update_reuse`` twice: a
full computation from nothing and an idempotent re-run. Peak RSS is that process's maximum resident set. Last line per N:
``articles=N sentences=S groups=G seconds=T rerun_seconds=R peak_rss_mb=M``.
"""

from __future__ import annotations

import json
import random
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import click

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from generate import article, wire_pool

from datasette_newsvisits.schema import ensure_schema
from datasette_newsvisits.text.sentences import split_sentences

MEASURE = """
import json, resource, sqlite3, sys
sys.path.insert(0, {root!r})
from datasette_newsvisits.reuse import update_reuse
conn = sqlite3.connect({db!r}, isolation_level=None)
conn.execute("PRAGMA foreign_keys = ON")
with conn:  # start from nothing: the first run computes and writes every group
    conn.execute("BEGIN")
    conn.execute("UPDATE sentence_spans SET reuse_id = NULL WHERE reuse_id IS NOT NULL")
    conn.execute("DELETE FROM reuse")
    conn.execute("UPDATE articles SET wire_share = NULL")
    conn.execute("COMMIT")
first = update_reuse(conn)
second = update_reuse(conn)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"first": first, "second": second, "peak_rss_mb": round(peak)}}))
"""


def build(n: int, path: Path, seed: int = 1) -> None:
    """Write the sentences of ``n`` generated articles into a fresh database at ``path``."""
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    ensure_schema(conn)
    rng = random.Random(seed)
    pool = wire_pool(rng, max(300, min(30_000, n // 4)))
    conn.execute("BEGIN")
    for number in range(n):
        row = article(number, rng, pool)
        article_id = f"a{number}"
        text = row["text"]
        conn.execute(
            "INSERT INTO articles (id, source, outlet_id, text) VALUES (?, ?, ?, ?)",
            (article_id, f"{number}.txt", row["outlet"], text),
        )
        conn.executemany(
            'INSERT INTO sentence_spans (article_id, position, start, "end") '
            "VALUES (?, ?, ?, ?)",
            [
                (article_id, k, start, end)
                for k, (start, end) in enumerate(split_sentences(text))
            ],
        )
        if number % 10_000 == 9_999:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
    conn.execute("COMMIT")
    conn.close()
    tmp.rename(path)


@click.command()
@click.argument("sizes", nargs=-1, type=int, required=True)
def main(sizes):
    """Build and measure reuse detection for each number of articles in SIZES."""
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    for n in sizes:
        db = out / f"reuse-{n}.db"
        if not db.exists():
            click.echo(f"building {db} ...", err=True)
            build(n, db)
        code = MEASURE.format(root=str(HERE.parent), db=str(db))
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        first, second = figures["first"], figures["second"]
        click.echo(
            f"articles={n} sentences={first['sentences']} distinct={first['distinct']} "
            f"candidates={first['candidates']} groups={first['groups']} "
            f"seconds={first['seconds']} rerun_seconds={second['seconds']} "
            f"rerun_changed={second['changed']} peak_rss_mb={figures['peak_rss_mb']}"
        )
    return 0


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()
