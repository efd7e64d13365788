"""What stops a load — a database error, a signal, a lock, a dying worker — stops it
cleanly: the workers end, every committed article stays, one line says what happened,
and the process exits (it used to hang with the default --workers)."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from load_helpers import REPO, check_database, command, rows, run, story

# The loader, with SQLite told that the disk holds only PAGES more pages.
SMALL_DISK = """
import os, sys
import datasette_newsvisits.load.db as database
original = database.open_database
def small_disk(path, timeout=30):
    conn = original(path, timeout)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + int(os.environ['PAGES'])}")
    return conn
database.open_database = small_disk
from datasette_newsvisits.load.cli import main
main()
"""


ARTICLES = 3000  # enough for a load to last a few seconds after its first commit


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    export = tmp_path_factory.mktemp("stops") / "many.jsonl"
    export.write_text(
        "".join(json.dumps({"text": story(i)}) + "\n" for i in range(ARTICLES)),
        encoding="utf-8",
    )
    return export


def env(**extra):
    return {**os.environ, "PYTHONPATH": str(REPO), **extra}


def start(*args) -> subprocess.Popen:
    """The loader (default --workers) as its own process group, as a terminal runs it."""
    return subprocess.Popen(
        command(*args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(),
        start_new_session=True,
    )


def wait_for_articles(db, process, deadline=60):
    """Wait until the load has committed an article (it is then mid-load)."""
    stop = time.time() + deadline
    while time.time() < stop:
        assert process.poll() is None, process.communicate()
        try:
            if rows(db, "SELECT count(*) FROM articles")[0][0]:
                return
        except sqlite3.Error:
            pass
        time.sleep(0.05)
    raise AssertionError("no article was committed")


def stopped_within(process, seconds=10):
    """(exit status, stderr lines), failing if the process is still alive after it."""
    try:
        _, stderr = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise AssertionError(f"the loader was still running {seconds} s later")
    return process.returncode, stderr.splitlines()


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM"])
def test_a_signal_stops_the_load_keeping_every_committed_article(
    corpus, tmp_path, name
):
    db = tmp_path / "x.db"
    process = start(db, corpus)
    wait_for_articles(db, process)
    os.killpg(process.pid, getattr(signal, name))  # Ctrl-C reaches the workers too
    status, lines = stopped_within(process)
    assert status == 128 + getattr(signal, name)
    [line] = lines
    assert line.startswith(f"stopped by {name}: the ")
    assert line.endswith(
        "articles written before it are kept; the same command again finishes the load"
    )
    kept = check_database(db)
    assert 0 < kept < ARTICLES and f"the {kept} articles" in line
    assert run(db, corpus, "--workers", "1").returncode == 0
    assert check_database(db) == ARTICLES


def test_a_full_disk_is_reported_as_such_and_no_batch_is_half_written(corpus, tmp_path):
    db = tmp_path / "x.db"
    process = subprocess.Popen(
        [sys.executable, "-c", SMALL_DISK, str(db), str(corpus)],
        stderr=subprocess.PIPE,
        text=True,
        env=env(PAGES="300"),
        start_new_session=True,
    )
    status, lines = stopped_within(process)
    assert status == 1
    [line] = lines
    assert line.startswith(f"error: {db}: disk full (database or disk is full; ")
    kept = check_database(db)
    assert kept and kept % 200 == 0  # whole batches only
    assert f"the {kept} articles written before it are kept" in line


def test_a_database_locked_by_another_process_is_waited_for_then_reported(
    corpus, tmp_path
):
    db = tmp_path / "x.db"
    (tmp_path / "one.txt").write_text(story(1), encoding="utf-8")
    assert run(db, tmp_path / "one.txt", "--workers", "1").returncode == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writing
    try:
        started = time.time()
        result = run(db, corpus, "--wait", "0.5", timeout=60)
        took = time.time() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        (
            f"error: {db}: locked by another process; waited 0.5 s for it "
            "(--wait SECONDS waits longer); no article was written"
        )
    ]
    assert took < 30
    assert check_database(db) == 1


def test_a_second_loader_on_the_same_database_is_refused_in_one_line(corpus, tmp_path):
    db = tmp_path / "x.db"
    first = start(db, corpus, "--workers", "1")
    wait_for_articles(db, first)
    second = run(db, corpus, "--workers", "1", timeout=60)
    assert first.poll() is None, "the first load ended before the second started"
    assert second.returncode == 1
    assert second.stderr.splitlines() == [
        (
            f"error: {db}: another load is writing to it; run this one when it has "
            "finished; no article was written"
        )
    ]
    status, lines = stopped_within(first, 300)
    assert status == 0, lines
    assert check_database(db) == ARTICLES


def test_a_worker_killed_mid_load_stops_the_load_instead_of_hanging(corpus, tmp_path):
    db = tmp_path / "x.db"
    process = start(db, corpus, "--workers", "2")
    wait_for_articles(db, process)
    workers = [
        int(pid)
        for pid in os.listdir("/proc")
        if pid.isdigit() and _parent(pid) == process.pid
    ]
    assert workers
    os.kill(workers[0], signal.SIGKILL)
    status, lines = stopped_within(process)
    assert status == 1
    assert lines[-1].startswith(f"error: {db}: a worker process died")
    assert 0 < check_database(db) < ARTICLES


def _parent(pid: str) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return int(stat.read().rsplit(b")", 1)[1].split()[1])
    except OSError:
        return None
