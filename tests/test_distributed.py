"""A load on a Dask cluster (the [dask] extra) gives the database a plain load gives:
the same rows in every table, the same ids, the same reuse groups."""

import sqlite3
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the [dask] extra is not installed")

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))

from generate import generate

from datasette_newsvisits.load.loader import bundled_corpus, load
from datasette_newsvisits.schema import AGGREGATES, TABLES


def everything(db) -> dict[str, list]:
    """Every row of every table, view and aggregate, in a stable order."""
    conn = sqlite3.connect(db)
    try:
        found = {}
        for table in [*TABLES, *AGGREGATES]:
            if table.name == "newsvisits_meta":
                continue
            columns = ", ".join(f"[{c}]" for c in table.columns)
            found[table.name] = conn.execute(
                f"SELECT {columns} FROM [{table.name}] ORDER BY {columns}"
            ).fetchall()
        return found
    finally:
        conn.close()


def test_a_load_on_a_local_cluster_of_two_workers_equals_a_plain_load(tmp_path):
    generated = tmp_path / "generated"
    generate(300, generated, seed=3)
    inputs = [bundled_corpus(), generated]
    plain = load(tmp_path / "plain.db", inputs, workers=1)
    cluster = load(
        tmp_path / "cluster.db",
        inputs,
        workers=2,
        scheduler="local",
        partitions=tmp_path / "shared",
    )
    assert cluster.loaded == plain.loaded == 305
    assert cluster.skipped == plain.skipped == []
    one, other = everything(tmp_path / "plain.db"), everything(tmp_path / "cluster.db")
    assert one["reuse"] and one["sentences"]  # reuse groups were found
    for name in one:
        assert one[name] == other[name], name
    assert not list((tmp_path / "shared").iterdir())  # partitions removed
