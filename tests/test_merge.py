"""merge_partitions: databases loaded from shards of a corpus, put together into one."""

import shutil
import sqlite3
import subprocess
import sys

import pytest

from datasette_newsvisits.load.loader import bundled_corpus, load
from datasette_newsvisits.load.merge import merge_partitions

COUNTED = [
    "articles",
    "mentions",
    "article_entities",
    "quotes",
    "labels",
    "figures",
    "sentences",
]


def counts(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED
        }
    finally:
        conn.close()


def rows(path, sql):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def partitions(tmp_path_factory):
    """The bundled corpus split in two shards (003 and 004 apart), each loaded on its own."""
    root = tmp_path_factory.mktemp("merge")
    files = sorted(bundled_corpus().glob("*.txt"))
    shards = {"one": files[:4], "two": files[4:]}
    paths = {}
    for name, shard in shards.items():
        folder = root / name
        folder.mkdir()
        for file in shard:
            shutil.copy(file, folder / file.name)
        paths[name] = root / f"{name}.db"
        report = load(paths[name], [folder], workers=1)
        assert report.loaded == len(shard) and not report.skipped
    whole = root / "whole.db"
    folder = root / "all"
    folder.mkdir()
    for file in files:
        shutil.copy(file, folder / file.name)
    load(whole, [folder], workers=1)
    return root, paths, whole


def test_merged_database_has_every_row_of_the_parts(partitions, tmp_path):
    _root, paths, whole = partitions
    target = tmp_path / "merged.db"
    report = merge_partitions(target, [paths["one"], paths["two"]])
    assert report["articles"] == 5 and report["replaced"] == 0
    one, two = counts(paths["one"]), counts(paths["two"])
    assert counts(target) == {t: one[t] + two[t] for t in COUNTED}
    assert counts(target) == counts(whole)


def test_quote_and_sentence_ids_are_reassigned_without_clashes(partitions, tmp_path):
    _root, paths, _whole = partitions
    target = tmp_path / "merged.db"
    merge_partitions(target, [paths["one"], paths["two"]])
    ids = rows(target, "SELECT id FROM sentences")
    assert len(ids) == len(set(ids))
    assert (
        rows(target, "SELECT count(*) FROM quotes_fts")[0][0]
        == counts(target)["quotes"]
    )


def test_reuse_is_recomputed_across_parts(partitions, tmp_path):
    _root, paths, whole = partitions
    target = tmp_path / "merged.db"
    merge_partitions(target, [paths["one"], paths["two"]])
    assert rows(paths["two"], "SELECT count(*) FROM reuse") == [
        (0,)
    ]  # one article alone
    shared = "SELECT count(*) FROM sentences WHERE text LIKE '%Qin Gang told%' AND reuse_id > 0"
    assert rows(target, shared) == [(2,)]
    assert rows(target, "SELECT sentences, articles FROM reuse ORDER BY text") == rows(
        whole, "SELECT sentences, articles FROM reuse ORDER BY text"
    )
    assert rows(target, "SELECT count(*) FROM articles WHERE wire_share > 0")[0][0] >= 2


def test_merging_a_part_again_replaces_its_articles(partitions, tmp_path):
    _root, paths, _whole = partitions
    target = tmp_path / "merged.db"
    merge_partitions(target, [paths["one"], paths["two"]])
    before = counts(target)
    report = merge_partitions(target, [paths["two"]])
    assert report["replaced"] == 1
    assert counts(target) == before


def test_command_line(partitions, tmp_path):
    _root, paths, _whole = partitions
    target = tmp_path / "cli.db"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "datasette_newsvisits.load.merge",
            str(target),
            str(paths["one"]),
            str(paths["two"]),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "5 articles from 2 parts merged" in result.stderr
    assert counts(target)["articles"] == 5


def test_missing_part_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        merge_partitions(tmp_path / "t.db", [tmp_path / "nope.db"])
