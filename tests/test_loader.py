"""The loader end to end: real files in, a real SQLite database out."""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from datasette_newsvisits.load.cli import main
from datasette_newsvisits.load.loader import bundled_corpus, load

REPO = Path(__file__).parent.parent
TABLES = [
    "outlets",
    "visits",
    "articles",
    "entities",
    "aliases",
    "mentions",
    "quotes",
    "labels",
    "figures",
    "sentences",
    "reuse",
]


def counts(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES
        }
    finally:
        conn.close()


def rows(path, sql, params=()):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_the_bundled_corpus_fills_every_table(bundled_db):
    found = counts(bundled_db)
    assert found["articles"] == 5
    for table in TABLES:
        assert found[table] > 0, f"{table} is empty"
    outlets = dict(rows(bundled_db, "SELECT source, outlet_id FROM articles"))
    assert outlets["corpus/003_df974176a7f2d0f7.txt"] == "dw"
    assert outlets["corpus/004_0d52e6d2f73a0e33.txt"] == "aljazeera"


def test_article_text_is_searchable_with_full_text_search(bundled_db):
    hits = rows(
        bundled_db,
        "SELECT a.source FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
        " WHERE articles_fts MATCH 'strongman'",
    )
    assert ("corpus/003_df974176a7f2d0f7.txt",) in hits


def test_the_raw_text_and_the_cleaning_steps_are_kept(bundled_db):
    [(raw, cleaning, text)] = rows(
        bundled_db,
        "SELECT s.raw_text, s.cleaning, a.text FROM article_sources s"
        " JOIN articles a ON a.id = s.article_id WHERE a.source LIKE '%/002%'",
    )
    assert "Marcus Erikson" in raw and "Marcus Erikson" not in text
    steps = {item["step"] for item in json.loads(cleaning)}
    assert {"stray name", "counter"} <= steps


def test_the_command_with_no_path_loads_the_bundled_corpus(tmp_path):
    db = tmp_path / "newsvisits.db"
    result = CliRunner().invoke(main, [str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "5 new articles, 0 replaced, 0 unchanged, 0 inputs skipped" in result.output
    assert counts(db)["articles"] == 5


def test_re_running_changes_nothing(tmp_path):
    db = tmp_path / "newsvisits.db"
    load(db)
    before = counts(db)
    ids = rows(db, "SELECT id FROM quotes ORDER BY id")
    report = load(db)
    assert (report.loaded, report.unchanged) == (0, 5)
    assert report.steps == {}  # nothing changed: reuse and aggregates are not redone
    assert counts(db) == before
    assert rows(db, "SELECT id FROM quotes ORDER BY id") == ids


def test_a_changed_file_replaces_that_articles_rows_and_only_those(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(bundled_corpus(), corpus)
    db = tmp_path / "newsvisits.db"
    load(db, [corpus])
    others = rows(
        db,
        "SELECT id, article_id, text FROM quotes WHERE article_id IN "
        "(SELECT id FROM articles WHERE source NOT LIKE 'corpus/004%') ORDER BY id",
    )
    target = corpus / "004_0d52e6d2f73a0e33.txt"
    target.write_text(
        target.read_text(encoding="utf-8").replace("Source: News Agencies", "")
        + '\n"We will meet again soon," Lukashenko told reporters in Minsk.\n',
        encoding="utf-8",
    )
    report = load(db, [corpus])
    assert (report.new, report.replaced, report.unchanged) == (0, 1, 4)
    assert counts(db)["articles"] == 5
    [(text,)] = rows(db, "SELECT text FROM articles WHERE source LIKE 'corpus/004%'")
    assert "We will meet again soon" in text
    quotes = rows(
        db,
        "SELECT q.text FROM quotes q JOIN articles a ON a.id = q.article_id"
        " WHERE a.source LIKE 'corpus/004%'",
    )
    assert any(text.startswith("We will meet again soon") for (text,) in quotes)
    assert (
        rows(
            db,
            "SELECT id, article_id, text FROM quotes WHERE article_id IN "
            "(SELECT id FROM articles WHERE source NOT LIKE 'corpus/004%') ORDER BY id",
        )
        == others
    )


def test_bad_inputs_are_reported_one_line_each_and_the_rest_loads(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(next(bundled_corpus().glob("003_*.txt")), corpus)
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "image.txt").write_bytes(b"GIF89a\x00\x00\x01")
    (corpus / "rows.jsonl").write_text(
        '{"text": "Lukashenko met Xi Jinping in Beijing on Wednesday."}\n{oops}\n',
        encoding="utf-8",
    )
    db = tmp_path / "newsvisits.db"
    result = CliRunner().invoke(main, [str(db), str(corpus), "--workers", "1"])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {corpus}/empty.txt: empty: no article text",
        f"error: {corpus}/image.txt: binary file (contains NUL bytes)",
        (
            f"error: {corpus}/rows.jsonl:2: malformed JSON line (Expecting property"
            " name enclosed in double quotes at column 2)"
        ),
    ]
    assert "2 new articles, 0 replaced, 0 unchanged, 3 inputs skipped" in result.output
    assert counts(db)["articles"] == 2


def test_strict_stops_at_the_first_bad_input_keeping_what_was_loaded(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for path in sorted(bundled_corpus().glob("*.txt"))[:2]:
        shutil.copy(path, corpus / ("a_" + path.name))
    (corpus / "b_empty.txt").write_text("", encoding="utf-8")
    shutil.copy(next(bundled_corpus().glob("004_*.txt")), corpus / "c_later.txt")
    db = tmp_path / "newsvisits.db"
    result = CliRunner().invoke(
        main, [str(db), str(corpus), "--strict", "--workers", "1"]
    )
    assert result.exit_code == 1
    assert [s for (s,) in rows(db, "SELECT source FROM articles ORDER BY source")] == [
        "in/a_000_1a0e1dc9b74bc113.txt",
        "in/a_001_705faf08c05380e2.txt",
    ]


def test_a_missing_path_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, [str(tmp_path / "x.db"), str(tmp_path / "nope")])
    assert result.exit_code != 0
    assert "nope: no such file or directory" in result.output


def test_two_workers_give_the_same_database_as_one(tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    load(one, workers=1)
    load(two, workers=2)
    sql = (
        "SELECT source, title, published, visit_id, text FROM articles ORDER BY source"
    )
    assert rows(one, sql) == rows(two, sql)
    assert counts(one) == counts(two)


def write_synthetic_articles(directory: Path, n: int) -> None:
    directory.mkdir()
    for i in range(n):
        (directory / f"story_{i:05d}.txt").write_text(
            f"Belarus and China talks, part {i}\n"
            f"Alexander Lukashenko met Xi Jinping in Beijing for the {i}th time, "
            "the Chinese foreign ministry said.\n"
            f'"We are reliable partners," Lukashenko said in remarks number {i}.\n'
            "Trade between the two countries rose by 33 percent to five billion "
            "US dollars.\n" * 3,
            encoding="utf-8",
        )


def test_a_load_killed_midway_leaves_a_consistent_database_that_a_rerun_completes(
    tmp_path,
):
    corpus = tmp_path / "many"
    write_synthetic_articles(corpus, 1500)
    db = tmp_path / "newsvisits.db"
    command = [sys.executable, str(REPO / "load_corpus.py"), str(db), str(corpus)]
    process = subprocess.Popen(
        command + ["--workers", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        deadline = time.time() + 60
        loaded = 0
        while time.time() < deadline and loaded == 0:
            time.sleep(0.05)
            try:
                loaded = rows(db, "SELECT count(*) FROM articles")[0][0]
            except sqlite3.Error:
                loaded = 0
        assert process.poll() is None, "the load finished before it could be killed"
        process.send_signal(signal.SIGKILL)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert 0 < articles < 1500
        # Every article that is in is whole: its source row, its quotes, its index entry.
        assert conn.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN "
            "(SELECT article_id FROM article_sources)"
        ).fetchone() == (0,)
        assert conn.execute(
            "SELECT count(DISTINCT article_id) FROM quotes"
        ).fetchone() == (articles,)
        assert conn.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Lukashenko'"
        ).fetchone() == (articles,)
    finally:
        conn.close()
    report = load(db, [corpus], workers=2)
    assert report.loaded == 1500 - articles and not report.skipped
    assert counts(db)["articles"] == 1500
