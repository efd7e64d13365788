"""``articles.source`` names each input uniquely, and databases loaded under the first
rule (no directory prefix, ``file#<id or row>``) keep working: a re-run renames their
articles in place instead of loading them twice."""

import json
import re
import shutil
import sqlite3

from load_helpers import check_database, cli, rows, story

from datasette_newsvisits.load.loader import bundled_corpus, load
from datasette_newsvisits.load.pipeline import article_id
from datasette_newsvisits.schema import ARTICLE_CHILD_TABLES


def make_corpus(directory):
    shutil.copytree(bundled_corpus(), directory)
    (directory / "export.jsonl").write_text(
        json.dumps({"id": 7, "text": story(1)}) + "\n" + json.dumps({"text": story(2)}),
        encoding="utf-8",
    )


def first_rule(source: str) -> str:
    """The name the loader gave an input before sources were prefixed."""
    name = source.split("/", 1)[1]
    return re.sub(r"#(?:id|line)=", "#", name)


def as_made_by_the_first_rule(db):
    """Turn a database into what the loader made before: old source names and ids, no
    ``article_sources.encoding`` column."""
    conn = sqlite3.connect(db)
    conn.execute("DROP INDEX idx_article_sources_legacy")
    conn.execute("ALTER TABLE article_sources DROP COLUMN encoding")
    for old_id, source in conn.execute("SELECT id, source FROM articles").fetchall():
        legacy = first_rule(source)
        new_id = article_id(legacy)
        for table in ARTICLE_CHILD_TABLES:
            conn.execute(
                f"UPDATE {table} SET article_id = ? WHERE article_id = ?",
                (new_id, old_id),
            )
        conn.execute(
            "UPDATE articles SET id = ?, source = ? WHERE id = ?",
            (new_id, legacy, old_id),
        )
    conn.commit()
    conn.close()


def test_a_database_loaded_under_the_first_rule_is_renamed_in_place_not_doubled(
    tmp_path,
):
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    db = tmp_path / "x.db"
    load(db, [corpus])
    as_made_by_the_first_rule(db)
    before = dict(rows(db, "SELECT source, id FROM articles"))
    assert "003_df974176a7f2d0f7.txt" in before and "export.jsonl#7" in before

    report = load(db, [corpus])
    assert (report.new, report.replaced, report.unchanged) == (0, 0, 7)
    after = dict(rows(db, "SELECT source, id FROM articles"))
    assert {first_rule(source): id_ for source, id_ in after.items()} == before
    assert "corpus/export.jsonl#id=7" in after and "corpus/export.jsonl#line=2" in after
    assert rows(
        db, "SELECT count(*) FROM article_sources WHERE encoding = 'utf-8'"
    ) == [(7,)]
    assert check_database(db) == 7

    again = load(db, [corpus])
    assert (again.new, again.replaced, again.unchanged) == (0, 0, 7)


def test_a_changed_input_under_the_first_rule_replaces_its_old_article(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    db = tmp_path / "x.db"
    load(db, [corpus])
    as_made_by_the_first_rule(db)
    target = corpus / "003_df974176a7f2d0f7.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\nOne more line.\n")
    status, lines = cli(db, corpus)
    assert status == 0
    assert "0 new articles, 1 replaced, 6 unchanged, 0 inputs skipped" in lines[-1]
    assert rows(db, "SELECT count(*) FROM articles WHERE source LIKE '%003_df97%'") == [
        (1,)
    ]
    assert check_database(db) == 7


def test_a_changed_file_is_counted_as_replaced_never_as_new(tmp_path):
    (tmp_path / "in").mkdir()
    path = tmp_path / "in" / "a.txt"
    path.write_text(story(1), encoding="utf-8")
    db = tmp_path / "x.db"
    assert "1 new article, 0 replaced" in cli(db, tmp_path / "in")[1][-1]
    path.write_text(story(2), encoding="utf-8")
    assert "0 new articles, 1 replaced, 0 unchanged" in cli(db, tmp_path / "in")[1][-1]
    assert check_database(db) == 1
