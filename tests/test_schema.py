"""The public schema: the contract's tables and columns exist, and set-up is idempotent."""

import sqlite3

from datasette_newsvisits.schema import ensure_schema

CONTRACT = {
    "outlets": ["id", "name", "domain"],
    "visits": ["id", "title", "kind", "place", "start_date", "end_date"],
    "articles": [
        "id",
        "source",
        "outlet_id",
        "title",
        "published",
        "visit_id",
        "url",
        "agencies",
        "text",
        "word_count",
    ],
    "entities": ["id", "name", "type", "wikidata"],
    "aliases": ["alias", "entity_id"],
    "mentions": ["article_id", "entity_id", "surface", "start", "end"],
    "quotes": ["id", "article_id", "speaker_id", "speaker", "text", "start", "end"],
    "labels": ["article_id", "entity_id", "label", "surface", "start"],
    "figures": ["article_id", "kind", "value", "unit", "surface", "start"],
    "sentences": ["id", "article_id", "position", "text", "reuse_id"],
    "reuse": ["id", "sentences", "articles", "outlets", "text"],
}
FOREIGN_KEYS = {
    ("articles", "outlet_id", "outlets"),
    ("articles", "visit_id", "visits"),
    ("aliases", "entity_id", "entities"),
    ("mentions", "article_id", "articles"),
    ("mentions", "entity_id", "entities"),
    ("quotes", "speaker_id", "entities"),
    ("sentences", "reuse_id", "reuse"),
}


def fresh():
    conn = sqlite3.connect(":memory:")
    ensure_schema(conn)
    return conn


def test_every_contract_table_has_its_columns():
    conn = fresh()
    for table, columns in CONTRACT.items():
        found = [row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")]
        assert set(columns) <= set(found), (table, set(columns) - set(found))


def test_foreign_keys_are_declared():
    conn = fresh()
    declared = set()
    for table in CONTRACT:
        for row in conn.execute(f"PRAGMA foreign_key_list([{table}])"):
            declared.add((table, row[3], row[2]))
    assert FOREIGN_KEYS <= declared


def test_every_join_and_facet_column_is_indexed():
    conn = fresh()
    for table, column in [
        ("articles", "outlet_id"),
        ("articles", "published"),
        ("articles", "visit_id"),
        ("mentions", "entity_id"),
        ("mentions", "article_id"),
        ("quotes", "speaker_id"),
        ("labels", "label"),
        ("sentences", "reuse_id"),
        ("aliases", "entity_id"),
    ]:
        plan = " ".join(
            str(r[-1])
            for r in conn.execute(
                f"EXPLAIN QUERY PLAN SELECT * FROM {table} WHERE [{column}] = 'x'"
            )
        )
        assert "USING INDEX" in plan or "PRIMARY KEY" in plan, (table, column, plan)


def test_full_text_search_tables_exist_for_articles_and_quotes():
    conn = fresh()
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"articles_fts", "quotes_fts"} <= names


def test_setting_up_twice_changes_nothing():
    conn = fresh()
    before = conn.execute(
        "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    ).fetchall()
    ensure_schema(conn)
    after = conn.execute(
        "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    ).fetchall()
    assert before == after


def test_every_table_and_column_is_documented_and_the_readme_shows_it():
    from pathlib import Path

    from datasette_newsvisits.schema import DOCS, schema_markdown

    conn = fresh()
    for table in DOCS:
        found = [row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")]
        assert found == list(DOCS[table]["columns"]), table
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert schema_markdown() in readme
