"""Aggregate tables: rebuilt idempotently, equal to the same aggregate computed live."""

import sqlite3

import pytest
from plugin_sample import LUKASHENKO, build_sample_db

from datasette_newsvisits.aggregates import (
    AGGREGATES,
    column_names,
    refresh_aggregates,
    scoped_select,
)
from datasette_newsvisits.load.loader import load


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    path = build_sample_db(tmp_path_factory.mktemp("aggregates") / "newsvisits.db")
    connection = sqlite3.connect(path, isolation_level=None)
    yield connection
    connection.close()


def rows(conn, sql):
    return sorted(conn.execute(sql).fetchall(), key=repr)


@pytest.mark.parametrize("aggregate", AGGREGATES, ids=lambda a: a.name)
def test_table_equals_the_live_aggregate(conn, aggregate):
    columns = ", ".join(f"[{c}]" for c in column_names(aggregate))
    stored = rows(conn, f"SELECT {columns} FROM [{aggregate.name}]")
    assert stored == rows(conn, scoped_select(aggregate.name, "1"))


def test_refresh_is_idempotent_and_follows_the_base_tables(conn):
    before = refresh_aggregates(conn)
    assert refresh_aggregates(conn) == before
    conn.execute("UPDATE labels SET label = 'autocrat' WHERE article_id = 'dw1'")
    refresh_aggregates(conn)
    labels = rows(
        conn, f"SELECT label FROM label_outlet WHERE entity_id = '{LUKASHENKO}'"
    )
    assert ("autocrat",) in labels and ("strongman",) not in labels


def test_scoped_select_restricts_to_chosen_articles(conn):
    sql = scoped_select("visit_outlet", "a.id IN ('dw1', 'un1')")
    found = {(row[1], row[2]) for row in conn.execute(sql)}
    assert found == {("dw", 1), (None, 1)}


def test_each_article_counts_once_per_cell(conn):
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    for table in ("coverage", "visit_outlet"):
        assert conn.execute(f"SELECT sum(articles) FROM {table}").fetchone()[0] == total


def test_quote_groups_join_two_wordings(conn):
    (outlets,) = conn.execute(
        "SELECT outlets FROM quote_groups WHERE speaker_id = 'hua-chunying'"
    ).fetchone()
    assert outlets == 2


def test_a_re_run_builds_an_aggregate_the_database_lacks(tmp_path):
    """A database from before an aggregate was declared gains it on the next load,
    even when no article changed."""
    path = tmp_path / "newsvisits.db"
    load(path)
    connection = sqlite3.connect(path)
    expected = connection.execute("SELECT count(*) FROM reuse_outlet").fetchone()[0]
    connection.execute("DROP TABLE reuse_outlet")
    connection.commit()
    report = load(path)
    assert report.loaded == 0 and report.steps["aggregates"]["reuse_outlet"] == expected
    assert load(path).steps == {}  # and then nothing is redone
