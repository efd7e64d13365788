"""The public schema: the contract's tables and columns exist, set-up is idempotent,
and databases made by earlier versions keep their schema and keep loading."""

import sqlite3
from pathlib import Path

from datasette_newsvisits.load.loader import load
from datasette_newsvisits.schema import BY_NAME, ensure_schema

FIXTURES = Path(__file__).parent / "fixtures" / "schema"

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
    # sentences is a view over sentence_spans, which holds the key.
    ("sentence_spans", "reuse_id", "reuse"),
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
    for table in [*CONTRACT, "sentence_spans"]:
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


def test_every_table_in_a_loaded_database_is_declared_with_every_column(bundled_db):
    conn = sqlite3.connect(bundled_db)
    for table in tables_of(conn):
        declared = BY_NAME[table]  # KeyError: a table the registry does not declare
        found = [row[1] for row in conn.execute(f"PRAGMA table_xinfo([{table}])")]
        assert found == list(declared.columns), table
        assert all(column.doc for column in declared.columns.values()), table


def test_a_fresh_database_keeps_everything_of_version_1_databases(bundled_db):
    """The contract: every table, column (same position, type, key), foreign key,
    index, trigger and full-text table of a database made before the registry
    (tests/fixtures) is still there; tables and columns are only ever added."""
    assert_keeps(structure(sqlite3.connect(bundled_db)), structure(version_1()))


def test_a_version_1_database_keeps_its_schema_and_loads(tmp_path):
    path = tmp_path / "old.db"
    version_1(path).close()
    report = load(path)
    assert report.loaded == 5 and not report.skipped
    conn = sqlite3.connect(path)
    assert_keeps(structure(conn), structure(version_1()))
    # Its UNIQUE(source) constraint is kept, not doubled by a second unique index.
    assert not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'idx_articles_source'"
    ).fetchall()
    found = conn.execute(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Lukashenko'"
    ).fetchone()[0]
    assert found == 5


def test_an_older_table_gains_the_columns_declared_since(tmp_path):
    conn = sqlite3.connect(tmp_path / "older.db")
    conn.execute("CREATE TABLE outlets (id TEXT PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO outlets VALUES ('dw', 'Deutsche Welle')")
    ensure_schema(conn)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(outlets)")]
    assert columns == ["id", "name", "domain", "country", "kind"]
    assert conn.execute("SELECT * FROM outlets").fetchall() == [
        ("dw", "Deutsche Welle", None, None, None)
    ]


def version_1(path=":memory:") -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "v1.sql").read_text(encoding="utf-8"))
    return conn


def tables_of(conn) -> list[str]:
    names = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    return [name for (name,) in names if "_fts" not in name]


def structure(conn) -> dict:
    """What users' SQL sees of a schema, without the SQL text's formatting: columns
    (type, NOT NULL, key), foreign keys, indexes by their columns, full-text tables
    and triggers."""
    found = {}
    for table in tables_of(conn):
        indexes = set()
        for _, name, unique, _origin, partial in conn.execute(
            f"PRAGMA index_list([{table}])"
        ):
            keys = tuple(
                (column, bool(desc))
                for _, _, column, desc, _, key in conn.execute(
                    f"PRAGMA index_xinfo([{name}])"
                )
                if key
            )
            indexes.add((keys, bool(unique), bool(partial)))
        found[table] = {
            "columns": conn.execute(f"PRAGMA table_xinfo([{table}])").fetchall(),
            "foreign_keys": sorted(
                (row[3], row[2], row[4])
                for row in conn.execute(f"PRAGMA foreign_key_list([{table}])")
            ),
            "indexes": indexes,
        }
    found["views"] = {
        name: [row[1] for row in conn.execute(f"PRAGMA table_info([{name}])")]
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'view'"
        )
    }
    named = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND name != 'idx_articles_source'"
    )
    found["named indexes"] = {name for (name,) in named}
    virtual_and_triggers = conn.execute(
        "SELECT type, name, sql FROM sqlite_master "
        "WHERE type = 'trigger' OR sql LIKE 'CREATE VIRTUAL TABLE%'"
    )
    found["fts and triggers"] = {
        (t, n, " ".join(sql.split())) for t, n, sql in virtual_and_triggers
    }
    return found


# Tables that became views over one stored copy of the text: the view keeps the
# columns, the stored table the keys and indexes.
STORED_AS = {"sentences": "sentence_spans", "article_sources": "article_captures"}


def assert_keeps(new: dict, old: dict) -> None:
    """``new`` has all of ``old``: old columns first and unchanged, nothing removed."""
    for table, parts in old.items():
        if table == "views":
            continue
        if table == "named indexes":
            renamed = {_stored_index_name(name) for name in parts}
            assert renamed <= new[table], (table, renamed - new[table])
            continue
        if table == "fts and triggers":
            assert parts <= new[table], (table, parts - new[table])
            continue
        if table in STORED_AS:
            assert_stored_as_view(new, table, parts)
            continue
        assert table in new, f"table {table} is gone"
        columns = new[table]["columns"]
        assert columns[: len(parts["columns"])] == parts["columns"], table
        assert set(parts["foreign_keys"]) <= set(new[table]["foreign_keys"]), table
        assert parts["indexes"] <= new[table]["indexes"], table


def assert_stored_as_view(new: dict, table: str, old: dict) -> None:
    """A table that became a view: same column names in the same order; its keys and
    indexes (but on the text) are the stored table's."""
    assert new["views"][table][: len(old["columns"])] == [c[1] for c in old["columns"]]
    stored = new[STORED_AS[table]]
    assert set(old["foreign_keys"]) <= set(stored["foreign_keys"]), table
    assert old["indexes"] <= stored["indexes"], table


def _stored_index_name(name: str) -> str:
    """An index of a table that became a view, as its stored table names it."""
    for table, stored in STORED_AS.items():
        if name.startswith(f"idx_{table}_"):
            return f"idx_{stored}_" + name[len(f"idx_{table}_") :]
    return name
