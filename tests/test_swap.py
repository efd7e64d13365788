"""``--swap``: refreshing a database that a server has open. The load builds a copy
beside the file and renames it into place at the end, so ``datasette serve -i`` keeps
answering from the old file (never a page of errors) until restarted."""

import asyncio
import json
import os
import signal
import subprocess

import pytest
from datasette.app import Datasette
from datasette.plugins import pm
from load_helpers import REPO, check_database, command, rows, run, story
from plugin_sample import table_json

import datasette_newsvisits

if not pm.is_registered(datasette_newsvisits):  # when not installed with pip -e
    pm.register(datasette_newsvisits, name="datasette_newsvisits")


def export(path, first, count):
    path.write_text(
        "".join(
            json.dumps({"id": i, "text": story(i)}) + "\n"
            for i in range(first, first + count)
        ),
        encoding="utf-8",
    )
    return path


def leftovers(db):
    return sorted(p.name for p in db.parent.iterdir() if p.name.startswith("."))


@pytest.mark.asyncio
async def test_a_served_database_keeps_answering_while_a_swap_load_replaces_it(
    tmp_path,
):
    db = tmp_path / "newsvisits.db"
    assert (
        run(db, export(tmp_path / "a.jsonl", 0, 50), "--workers", "1").returncode == 0
    )
    inode = db.stat().st_ino
    ds = Datasette(immutables=[str(db)])
    pages = ["/-/newsvisits", "/newsvisits/articles.json?_size=5", "/newsvisits.json"]
    for page in pages:
        assert (await ds.client.get(page)).status_code == 200
    loader = await asyncio.create_subprocess_exec(
        *command(db, export(tmp_path / "b.jsonl", 50, 1500), "--swap"),
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    finished = asyncio.ensure_future(loader.communicate())
    answered = 0
    while not finished.done():
        for page in pages:
            response = await ds.client.get(page)
            assert response.status_code == 200, response.text
            answered += 1
        await asyncio.sleep(0.05)
    _, stderr = await finished
    assert loader.returncode == 0, stderr
    assert answered > 3
    for page in pages:
        assert (await ds.client.get(page)).status_code == 200
    assert db.stat().st_ino != inode  # a new file, renamed into place
    assert leftovers(db) == []
    restarted = Datasette(immutables=[str(db)])
    data = await table_json(restarted, "/newsvisits/articles", "_size=0")
    assert data["filtered_table_rows_count"] == 1550
    assert check_database(db) == 1550


def test_a_stopped_swap_load_leaves_the_database_as_it_was(tmp_path):
    db = tmp_path / "x.db"
    assert (
        run(db, export(tmp_path / "a.jsonl", 0, 20), "--workers", "1").returncode == 0
    )
    before = (db.stat().st_ino, db.read_bytes())
    loader = subprocess.Popen(
        command(db, export(tmp_path / "b.jsonl", 20, 3000), "--swap", "--workers", "1"),
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    while not leftovers(db):  # the copy being loaded exists
        assert loader.poll() is None, loader.stderr.read()
    loader.send_signal(signal.SIGTERM)
    assert loader.wait(timeout=10) == 143
    assert loader.stderr.read().splitlines() == [
        f"stopped by SIGTERM: {db} is as it was (the copy being loaded was removed)"
    ]
    assert (db.stat().st_ino, db.read_bytes()) == before
    assert leftovers(db) == []


def test_a_swap_load_creates_a_missing_database_and_clears_stale_copies(tmp_path):
    db = tmp_path / "x.db"
    (tmp_path / ".x.db.12345.swap").write_bytes(b"left by a killed load")
    assert run(db, export(tmp_path / "a.jsonl", 0, 5), "--swap").returncode == 0
    assert leftovers(db) == []
    assert rows(db, "SELECT count(*) FROM articles") == [(5,)]
