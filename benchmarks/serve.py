"""Latency of every page, facet and canned query on a loaded database.

    python benchmarks/serve.py DB [--runs 20]

Opens DB immutable in an in-process Datasette with the repository's metadata.json and
``suggest_facets`` off (the setting the README recommends for large databases), warms
each path once, then requests it ``--runs`` times and prints p50 and p95 in milliseconds.
Paths that need an id (a visit, an entity, an outlet, an article) take one from the
database: the most covered one. Last line: ``worst_p95_ms=X``.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import click
from datasette.app import Datasette

from datasette_newsvisits.plugin.canned import QUERIES

ROOT = Path(__file__).resolve().parent.parent
TABLES_SKIPPED = {
    "article_sources"
}  # raw captures: browsable, but not a page users land on


def sample_ids(db_path: Path) -> dict[str, str]:
    """A visit, entity, outlet, article and figure kind to put in paths and parameters."""
    conn = sqlite3.connect(f"file:{db_path}?immutable=1", uri=True)

    def one(sql: str) -> str:
        row = conn.execute(sql).fetchone()
        return "" if row is None or row[0] is None else str(row[0])

    ids = {
        "visit": one(
            "SELECT visit_id FROM articles WHERE visit_id IS NOT NULL "
            "GROUP BY visit_id ORDER BY count(*) DESC LIMIT 1"
        ),
        "entity": one(
            "SELECT entity_id FROM article_entities GROUP BY entity_id "
            "ORDER BY count(*) DESC LIMIT 1"
        ),
        "outlet": one(
            "SELECT outlet_id FROM articles WHERE outlet_id IS NOT NULL "
            "GROUP BY outlet_id ORDER BY count(*) DESC LIMIT 2"
        ),
        "article": one("SELECT id FROM articles LIMIT 1"),
        "kind": one(
            "SELECT kind FROM figures GROUP BY kind ORDER BY count(*) DESC LIMIT 1"
        ),
        "tables": [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%'"
            )
        ],
    }
    conn.close()
    return ids


def paths(db_name: str, ids: dict) -> list[str]:
    """Every path to time: pages, tables, facets, canned queries, plugin pages."""
    base = f"/{db_name}"
    q = {
        key: quote(value, safe="")
        for key, value in ids.items()
        if isinstance(value, str)
    }
    result = ["/", base, f"{base}/articles"]
    result += [f"{base}/{t}" for t in sorted(ids["tables"]) if t not in TABLES_SKIPPED]
    result += [
        f"{base}/articles?_facet=outlet_id",
        f"{base}/articles?_facet=visit_id",
        f"{base}/articles?_facet_date=published",
        f"{base}/articles?_facet=month",
        f"{base}/articles?_facet_entity=1",
        f"{base}/articles?_facet_entity=person",
        f"{base}/articles?_facet_speaker=1",
        f"{base}/articles?_facet_label=1",
        f"{base}/articles?_search=belarus",
        f"{base}/articles?outlet_id={q['outlet']}&_facet=visit_id",
        f"{base}/mentions?entity_id={q['entity']}&_facet=outlet_id",
        f"{base}/sentences?_facet=reuse_id",
    ]
    params = {"visit_id": q["visit"], "entity": q["entity"], "kind": q["kind"]}
    for name, query in QUERIES.items():
        args = "&".join(
            f"{k}={v}" for k, v in params.items() if f":{k}" in query["sql"]
        )
        result.append(f"{base}/{name}" + (f"?{args}" if args else ""))
    result += [
        "/-/newsvisits",
        f"/-/newsvisits/visit/{q['visit']}",
        f"/-/newsvisits/entity/{q['entity']}",
        f"/-/newsvisits/compare?outlet={q['outlet']}&visit={q['visit']}",
        f"/-/newsvisits/compare?articles={q['article']}",
        f"/-/newsvisits/labels?entity={q['entity']}",
        f"/-/newsvisits/labels?entity={q['entity']}&visit={q['visit']}",
        "/-/newsvisits/quotes",
        f"/-/newsvisits/quotes?visit={q['visit']}",
        "/-/newsvisits/wire",
        f"/-/newsvisits/wire?visit={q['visit']}",
        "/-/newsvisits/wire/1",
        "/-/newsvisits/figures",
        f"/-/newsvisits/figures?visit={q['visit']}",
        f"/-/newsvisits/figures?outlet={q['outlet']}&visit={q['visit']}",
        "/-/newsvisits/coverage",
        "/-/newsvisits/search?q=belarus",
        f"/{db_name}/articles?_mentions={q['entity']}&outlet_id={q['outlet']}",
    ]
    return result


async def measure(db_path: Path, runs: int) -> list[tuple[str, int, float, float]]:
    """(path, status, p50 ms, p95 ms) for each path."""
    metadata = json.loads((ROOT / "metadata.json").read_text(encoding="utf-8"))
    datasette = Datasette(
        immutables=[str(db_path)],
        metadata=metadata,
        settings={"suggest_facets": False},
    )
    await datasette.invoke_startup()
    db_name = db_path.stem
    results = []
    for path in paths(db_name, sample_ids(db_path)):
        response = await datasette.client.get(path)  # warm-up
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            response = await datasette.client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        results.append((path, response.status_code, statistics.median(times), p95))
    return results


@click.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--runs", type=int, default=20, show_default=True)
def main(db, runs):
    """Print p50/p95 latency of each page of DB served by Datasette."""
    if db.stem != "newsvisits":  # metadata.json (canned queries) is keyed by that name
        link = Path(tempfile.mkdtemp()) / "newsvisits.db"
        link.symlink_to(db.resolve())
        db = link
    results = asyncio.run(measure(db, runs))
    for path, status, p50, p95 in results:
        click.echo(f"{p50:8.1f} {p95:8.1f}  {status}  {path}")
    worst = max(results, key=lambda r: r[3])
    bad = [r for r in results if r[1] != 200]
    if bad:
        click.echo(f"non-200 responses: {len(bad)}", err=True)
    click.echo(f"worst: {worst[0]}")
    click.echo(f"worst_p95_ms={worst[3]:.1f}")


if __name__ == "__main__":
    main()
