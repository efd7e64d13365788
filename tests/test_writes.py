"""Writing articles' rows: strict (a key that is not a column is an error, never
dropped), all of an article or none of it, and one bad article loses only itself."""

import copy
import sqlite3

import pytest

from datasette_newsvisits.ingest.read import read_inputs
from datasette_newsvisits.load import db as database
from datasette_newsvisits.load.loader import bundled_corpus
from datasette_newsvisits.load.pipeline import load_context, process_article
from datasette_newsvisits.schema import ARTICLE_CHILD_TABLES


@pytest.fixture(scope="module")
def context():
    return load_context()


@pytest.fixture(scope="module")
def records(context):
    return [process_article(raw, context) for raw in read_inputs([bundled_corpus()])]


def save_catalogues(conn, context) -> None:
    database.save_reference_data(
        conn,
        context.catalogues.visits,
        context.catalogues.outlets,
        context.gazetteer.entities(),
        context.gazetteer.aliases(),
    )


@pytest.fixture
def conn(tmp_path, context):
    connection = database.open_database(tmp_path / "writes.db")
    save_catalogues(connection, context)
    yield connection
    connection.close()


def stored(conn, record) -> dict[str, int]:
    """How many rows of each table belong to ``record``'s article."""
    article_id = record["article"]["id"]
    found = {
        "articles": conn.execute(
            "SELECT count(*) FROM articles WHERE id = ?", (article_id,)
        ).fetchone()[0]
    }
    for table in ARTICLE_CHILD_TABLES:
        found[table] = conn.execute(
            f"SELECT count(*) FROM [{table}] WHERE article_id = ?", (article_id,)
        ).fetchone()[0]
    return found


def expected(record) -> dict[str, int]:
    return {
        "articles": 1,
        **{t: len(record[t]) for t in ARTICLE_CHILD_TABLES},
    }


def with_unknown_key(record) -> dict:
    bad = copy.deepcopy(record)
    bad["mentions"][0]["sentence_id"] = 7
    return bad


def test_a_row_with_a_key_that_is_not_a_column_is_an_error(conn, records):
    bad = with_unknown_key(records[0])
    with (
        database.transaction(conn),
        pytest.raises(sqlite3.OperationalError, match="sentence_id"),
    ):
        database.save_article(conn, bad)
    assert set(stored(conn, bad).values()) == {0}  # nothing of it half-written


def test_a_batch_saves_every_article_with_all_its_rows(conn, records):
    with database.transaction(conn):
        assert database.save_articles(conn, records) == []
    for record in records:
        assert stored(conn, record) == expected(record)
    fts = conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
    assert fts == len(records)


def test_one_bad_article_in_a_batch_loses_only_itself(conn, records):
    bad = with_unknown_key(records[2])
    batch = [*records[:2], bad, *records[3:]]
    with database.transaction(conn):
        failed = database.save_articles(conn, batch)
    assert [record for record, _ in failed] == [bad]
    assert "no column named sentence_id" in str(failed[0][1])
    assert set(stored(conn, bad).values()) == {0}
    for record in [*records[:2], *records[3:]]:
        assert stored(conn, record) == expected(record)


def test_saving_an_article_again_replaces_its_rows(conn, records):
    with database.transaction(conn):
        database.save_articles(conn, records)
    changed = copy.deepcopy(records[0])
    changed["figures"] = changed["figures"][:1]
    with database.transaction(conn):
        assert database.save_articles(conn, [changed]) == []
    assert stored(conn, changed) == expected(changed)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(records)


def test_unchanged_catalogues_are_not_written_again(conn, context):
    before = conn.total_changes
    save_catalogues(conn, context)
    assert conn.total_changes == before
    visit = copy.copy(context.catalogues.visits[0])
    visit.title = "A retitled visit"
    database.save_reference_data(conn, [visit], [], [], [])
    title = conn.execute("SELECT title FROM visits WHERE id = ?", (visit.id,))
    assert title.fetchone() == ("A retitled visit",)
