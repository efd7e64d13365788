"""SQL functions: on a plain sqlite3 connection, and through Datasette's JSON API."""

import json
import sqlite3

import pytest
from datasette.app import Datasette
from datasette.plugins import pm
from plugin_sample import sql_rows

import datasette_newsvisits
from datasette_newsvisits import schema
from datasette_newsvisits.plugin import sqlfunctions
from datasette_newsvisits.reuse import PAIR_THRESHOLD, is_reuse
from datasette_newsvisits.text.similarity import similarity

if not pm.is_registered(datasette_newsvisits):  # when not installed with pip -e
    pm.register(datasette_newsvisits, name="datasette_newsvisits")

BAD_INPUTS = [None, 42, 3.5, b"\x00\x01", "", "   ", "x" * 10_000_000]


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    """A newsvisits database with one person, two spellings and two visits."""
    path = tmp_path_factory.mktemp("functions") / "newsvisits.db"
    conn = sqlite3.connect(path)
    schema.ensure_schema(conn)
    conn.execute(
        "INSERT INTO entities VALUES ('Q1', 'Alexander Lukashenko', 'person', "
        "'Q1', 'President of Belarus', 'gazetteer')"
    )
    conn.executemany(
        "INSERT INTO aliases VALUES (?, 'Q1')", [("Łukaszenka",), ("Lukashenka",)]
    )
    conn.executemany(
        "INSERT INTO visits (id, start_date, end_date) VALUES (?, ?, ?)",
        [
            ("2023-state", "2023-02-28", "2023-03-02"),
            ("2023-working", "2023-12-04", "2023-12-04"),
        ],
    )
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def conn(small_db):
    connection = sqlite3.connect(small_db)
    sqlfunctions.register(connection)
    yield connection
    connection.close()


def one(conn, sql, *params):
    return conn.execute(sql, params).fetchone()[0]


def test_canonical_entity_resolves_any_spelling(conn):
    assert one(conn, "SELECT canonical_entity('Łukaszenka')") == "Alexander Lukashenko"
    assert (
        one(conn, "SELECT canonical_entity('LUKASHENKA’s')") == "Alexander Lukashenko"
    )
    assert one(conn, "SELECT canonical_entity_id('alexander lukashenko')") == "Q1"
    assert one(conn, "SELECT canonical_entity('Nobody Known')") is None


def test_quote_key_matches_across_marks_and_typos(conn):
    assert one(
        conn,
        "SELECT quote_key(?) = quote_key(?)",
        "“The Foreign Minister said so,”",
        '"the foreign mnister said so"',
    )


def test_text_similarity_example(conn):
    score = one(
        conn,
        "SELECT text_similarity('Talks lasted four hours', 'talks lasted 4 hours')",
    )
    # 3 content words shared of 4 and 4: mean of Jaccard 3/5 and overlap 3/4
    assert score == pytest.approx((3 / 5 + 3 / 4) / 2)


def test_text_similarity_is_the_measure_reuse_confirms_pairs_with(conn):
    a = "Lukashenko arrived in Beijing on Tuesday for a three-day state visit"
    b = "Lukashenko arrived in Beijing on Monday for a state visit of three days"
    score = one(conn, "SELECT text_similarity(?, ?)", a, b)
    assert score == pytest.approx(similarity(a, b))
    assert (score >= PAIR_THRESHOLD) == is_reuse(a, b)


def test_kwic_returns_a_json_array(conn):
    lines = json.loads(
        one(conn, "SELECT kwic('The ruler met Xi. The ruler left.', 'ruler', 4)")
    )
    assert lines == ["The [ruler] met…", "…The [ruler] lef…"]


def test_documented_examples(conn):
    """The examples of the README, verbatim."""
    assert one(
        conn,
        """select quote_key('“Old friends,” he said') = quote_key('"old friends" he said')""",
    )
    assert json.loads(
        one(
            conn,
            "select kwic('Lukashenko met Xi Jinping in Beijing. Xi called Lukashenko "
            "an old friend.', 'lukashenko', 12)",
        )
    ) == ["[Lukashenko] met Xi Jinp…", "…. Xi called [Lukashenko] an old frie…"]


def test_visits_by_date(conn):
    assert one(conn, "SELECT visit_for_date('2023-03-01')") == "2023-state"
    assert one(conn, "SELECT visit_for_date('2023-03-01T09:30:00Z')") == "2023-state"
    assert one(conn, "SELECT visit_for_date('2023-03-05')") is None
    assert one(conn, "SELECT visit_near('2023-02-25', 7)") == "2023-state"
    assert one(conn, "SELECT visit_near('2023-12-01', 7)") == "2023-working"
    assert one(conn, "SELECT visit_near('2023-06-01', 7)") is None
    assert one(conn, "SELECT visit_for_date('not a date')") is None


CALLS = [
    "canonical_entity(?)",
    "canonical_entity_id(?)",
    "quote_key(?)",
    "text_similarity(?, ?)",
    "text_similarity('a b', ?)",
    "kwic(?, ?)",
    "kwic('some text', ?)",
    "visit_for_date(?)",
    "visit_near(?, 7)",
]


@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize(
    "value", BAD_INPUTS, ids=["null", "int", "float", "blob", "empty", "blank", "10MB"]
)
def test_bad_inputs_give_null(conn, call, value):
    params = [value] * call.count("?")
    assert conn.execute(f"SELECT {call}", params).fetchone()[0] is None


@pytest.mark.parametrize("value", [None, "7", b"7", -1, 10**9, float("nan")])
def test_bad_numeric_arguments_give_null(conn, value):
    assert one(conn, "SELECT kwic('some text', 'text', ?)", value) is None
    assert one(conn, "SELECT visit_near('2023-03-01', ?)", value) is None


def test_functions_work_on_a_database_without_newsvisits_tables():
    conn = sqlite3.connect(":memory:")
    sqlfunctions.register(conn)
    assert one(conn, "SELECT visit_for_date('2023-03-01')") is None
    assert one(conn, "SELECT quote_key('old friends')") == "old frnds"


@pytest.mark.asyncio
async def test_functions_through_datasette(small_db):
    ds = Datasette(immutables=[str(small_db)])
    big = "replace(hex(zeroblob(5000000)), '00', 'x')"  # 5 million characters
    sql = (
        "select canonical_entity('Łukaszenka') as name, "
        f"visit_near('2023-02-25', 7) as visit, quote_key({big}) as big, "
        f"kwic({big}, 'x') as lines, text_similarity(1, x'00') as score"
    )
    assert await sql_rows(ds, "newsvisits", sql) == [
        {
            "name": "Alexander Lukashenko",
            "visit": "2023-state",
            "big": None,
            "lines": None,
            "score": None,
        }
    ]


SQL_BAD_VALUES = {
    "null": "NULL",
    "int": "42",
    "float": "3.5",
    "blob": "x'0001'",
    "empty": "''",
    "10MB": "replace(hex(zeroblob(10000000)), '00', 'x')",
}


@pytest.mark.asyncio
@pytest.mark.parametrize("value", SQL_BAD_VALUES.values(), ids=SQL_BAD_VALUES.keys())
async def test_bad_inputs_give_null_through_datasette(small_db, value):
    ds = Datasette(immutables=[str(small_db)])
    calls = [call.replace("?", "bad.v") for call in CALLS]
    sql = (
        f"with bad(v) as materialized (select {value}) select "
        + ", ".join(f"{call} as c{i}" for i, call in enumerate(calls))
        + " from bad"
    )
    assert set((await sql_rows(ds, "newsvisits", sql))[0].values()) == {None}


def test_bundled_corpus_resolves_the_polish_spelling(bundled_db):
    conn = sqlite3.connect(bundled_db)
    sqlfunctions.register(conn)
    assert one(conn, "SELECT canonical_entity('Łukaszenka')") == "Alexander Lukashenko"
    assert one(conn, "SELECT visit_for_date('2023-03-01')") == "2023-03-state-visit"
    assert one(conn, "SELECT visit_near('2023-02-25', 7)") == "2023-03-state-visit"
    lines = json.loads(
        one(
            conn,
            "SELECT kwic(text, 'Beijing', 30) FROM articles WHERE text LIKE '%Beijing%'",
        )
    )
    assert lines and all("[Beijing]" in line for line in lines)
