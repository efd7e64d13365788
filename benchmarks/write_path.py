"""The loader's write path alone: how long writing N processed articles takes.

    python benchmarks/write_path.py N [--runs R]

Processes N synthetic articles once (``benchmarks/out/records-N.pickle``), then writes
them into a fresh database R times with each writer, interleaved (the machine is
shared: interleaving spreads other work evenly over the writers):

- ``loader``: ``db.save_articles`` as the loader calls it, one batch of 200 articles per
  transaction, one sqlite-utils ``insert_all`` per table per batch;
- ``insert_all per article``: sqlite-utils ``insert_all`` per table per article, each
  article in its own savepoint;
- ``executemany per article``: the writer before the registry (7b6ece8): one
  ``executemany`` per table per article, each article in its own savepoint.

Prints each run and, per writer, the median seconds and milliseconds an article. Last
line: ``articles=N loader_ms=… insert_all_per_article_ms=… executemany_ms=…``.
"""

from __future__ import annotations

import pickle
import statistics
import sys
import time
from itertools import islice
from pathlib import Path

import click

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from load import corpus

from datasette_newsvisits.ingest.read import read_inputs
from datasette_newsvisits.load import db as database
from datasette_newsvisits.load.loader import BATCH_SIZE
from datasette_newsvisits.load.pipeline import load_context, process_article
from datasette_newsvisits.schema import ARTICLE_CHILD_TABLES


def records(n: int, context) -> list[dict]:
    """N processed articles of the synthetic corpus (cached after the first run)."""
    cache = HERE / "out" / f"records-{n}.pickle"
    if not cache.exists():
        directory, _ = corpus(max(n, 10000))  # the corpus load.py 10000 uses
        raws = islice(read_inputs([directory]), n)
        cache.write_bytes(pickle.dumps([process_article(r, context) for r in raws]))
    return pickle.loads(cache.read_bytes())


def loader(conn, batch: list[dict]) -> None:
    assert database.save_articles(conn, batch) == []


def insert_all_per_article(conn, batch: list[dict]) -> None:
    for record in batch:
        database.save_article(conn, record)  # the same writer, one article at a time


def executemany_per_article(conn, batch: list[dict]) -> None:
    for record in batch:
        article = record["article"]
        conn.execute("SAVEPOINT article")
        database._delete_articles(conn, [article])
        if record["outlet"]:
            _executemany(conn, "outlets", [record["outlet"]], "INSERT OR IGNORE")
        entities = [{**e, "origin": "discovered"} for e in record["entities"]]
        _executemany(conn, "entities", entities, "INSERT OR IGNORE")
        conn.executemany(
            "INSERT OR IGNORE INTO aliases (alias, entity_id) VALUES (?, ?)",
            {(m["surface"], m["entity_id"]) for m in record["mentions"]},
        )
        _executemany(conn, "articles", [article])
        for table in ARTICLE_CHILD_TABLES:
            _executemany(conn, table, record[table])
        conn.execute("RELEASE article")


def _executemany(conn, table: str, rows: list[dict], verb: str = "INSERT") -> None:
    if not rows:
        return
    columns = list(rows[0])
    conn.executemany(
        f"{verb} INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})",
        [tuple(row.get(c) for c in columns) for row in rows],
    )


WRITERS = {
    "loader": loader,
    "insert_all_per_article": insert_all_per_article,
    "executemany": executemany_per_article,
}


def run(writer, articles: list[dict], context, path: Path) -> float:
    """Seconds ``writer`` takes to write ``articles`` into a fresh database."""
    path.unlink(missing_ok=True)
    conn = database.open_database(path)
    catalogues = context.catalogues
    database.save_reference_data(
        conn,
        catalogues.visits,
        catalogues.outlets,
        context.gazetteer.entities(),
        context.gazetteer.aliases(),
    )
    started = time.perf_counter()
    for start in range(0, len(articles), BATCH_SIZE):
        with database.transaction(conn):
            writer(conn, articles[start : start + BATCH_SIZE])
    seconds = time.perf_counter() - started
    conn.close()
    path.unlink()
    return seconds


@click.command()
@click.argument("n", type=int)
@click.option("--runs", type=int, default=5, show_default=True)
def main(n, runs):
    """Write N processed articles with each writer, RUNS times interleaved."""
    context = load_context()
    articles = records(n, context)
    times: dict[str, list[float]] = {name: [] for name in WRITERS}
    for i in range(runs):
        for name, writer in WRITERS.items():
            seconds = run(writer, articles, context, HERE / "out" / "write-path.db")
            times[name].append(seconds)
            click.echo(f"run {i + 1} {name}: {seconds:.2f} s", err=True)
    figures = {}
    for name, values in times.items():
        median = statistics.median(values)
        figures[name] = 1000 * median / n
        click.echo(
            f"{name}: median {median:.2f} s (min {min(values):.2f}), "
            f"{figures[name]:.3f} ms an article"
        )
    click.echo(
        f"articles={n} "
        + " ".join(f"{name}_ms={value:.3f}" for name, value in figures.items())
    )


if __name__ == "__main__":
    main()
