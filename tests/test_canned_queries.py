"""The canned queries and table documentation the plugin gives any newsvisits database,
whatever it is called, and each canned query answering correctly."""

import json
import sqlite3
from pathlib import Path

import pytest
from datasette.app import Datasette
from plugin_sample import build_sample_db, register_plugin

from datasette_newsvisits import schema
from datasette_newsvisits.aggregates import AGGREGATES
from datasette_newsvisits.plugin.canned import QUERIES, canned_queries
from datasette_newsvisits.plugin.metadata import database_metadata

register_plugin()
METADATA = json.loads((Path(__file__).parent.parent / "metadata.json").read_text())


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    return build_sample_db(tmp_path_factory.mktemp("canned") / "coverage.db")


@pytest.fixture
def ds(sample_db):
    """The sample served as ``coverage``, read-only, arbitrary SQL off, no metadata."""
    return Datasette(immutables=[str(sample_db)], metadata={"allow_sql": False})


async def run(ds, name: str, db: str = "coverage", **params) -> list[dict]:
    response = await ds.client.get(
        f"/{db}/{name}.json", params={**params, "_shape": "array"}
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_metadata_json_has_licence_source_and_the_plugins_queries():
    assert METADATA["license"].startswith("Apache-2.0")
    assert "copyright of their publishers" in METADATA["about"]
    assert 'href="/-/newsvisits"' in METADATA["description_html"]
    # Generated from the plugin's own definitions: the same queries, one source.
    assert METADATA["databases"]["newsvisits"]["queries"] == canned_queries()


def test_the_plugin_documents_every_table_and_hides_the_aggregates():
    tables = database_metadata()["tables"]
    for table in schema.TABLES:
        name = table.name
        assert tables[name]["description"] == table.description
        assert set(table.columns) <= set(tables[name]["columns"])
    for aggregate in AGGREGATES:
        assert tables[aggregate.name]["hidden"] is True
        assert tables[aggregate.name]["description"].startswith(aggregate.description)


@pytest.mark.asyncio
async def test_a_database_with_another_name_gets_docs_hidden_aggregates_and_queries(ds):
    database = (await ds.client.get("/coverage.json")).json()
    hidden = {t["name"] for t in database["tables"] if t["hidden"]}
    assert {a.name for a in AGGREGATES} <= hidden
    assert "articles" not in hidden
    for name in QUERIES:
        assert (await ds.client.get(f"/coverage/{name}")).status_code == 200
    page = (await ds.client.get("/coverage/articles")).text
    assert schema.BY_NAME["articles"].description in page
    # An aggregate stays queryable by URL.
    assert (await ds.client.get("/coverage/label_outlet.json")).status_code == 200


@pytest.mark.asyncio
async def test_the_users_own_metadata_wins(sample_db):
    mine = {
        "databases": {"coverage": {"tables": {"articles": {"description": "Mine"}}}}
    }
    ds = Datasette(immutables=[str(sample_db)], metadata=mine)
    page = (await ds.client.get("/coverage/articles")).text
    assert "Mine" in page and schema.BY_NAME["articles"].description not in page


@pytest.mark.asyncio
async def test_no_queries_for_a_database_that_is_not_newsvisits(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute(
        "create table articles (id text)"
    ).connection.commit()
    ds = Datasette(immutables=[str(other)])
    assert (await ds.client.get("/other.json")).json()["queries"] == []
    assert (await ds.client.get("/other/shared_quotes")).status_code == 404


def test_every_canned_query_has_a_title_and_description():
    for name, canned in QUERIES.items():
        assert canned["title"] and canned["description"] and canned["sql"], name


@pytest.mark.asyncio
async def test_coverage_by_outlet_over_time(ds):
    rows = await run(ds, "coverage_by_outlet", visit_id="2023-03-state-visit")
    assert {(r["month"], r["outlet"], r["articles"]) for r in rows} == {
        ("2023-02", "Deutsche Welle", 1),
        ("2023-02", "Al Jazeera", 1),
        ("2023-03", "unknown outlet", 1),
    }
    everything = await run(ds, "coverage_by_outlet", visit_id="")
    assert sum(r["articles"] for r in everything) == 4


@pytest.mark.asyncio
@pytest.mark.parametrize("spelling", ["Łukaszenka", "alexander lukashenko"])
async def test_labels_of_a_person_accept_any_spelling(ds, spelling):
    rows = await run(ds, "labels_of_person", entity=spelling)
    found = {(r["outlet"], r["label"]): r for r in rows}
    assert {
        ("Deutsche Welle", "strongman"),
        ("Al Jazeera", "leader"),
        ("unknown outlet", "ruler"),
    } <= set(found)
    # One article of Deutsche Welle mentions him, and it calls him a strongman.
    assert found[("Deutsche Welle", "strongman")]["percent_of_articles"] == 100.0


@pytest.mark.asyncio
async def test_who_was_quoted_by_whom(ds):
    rows = await run(ds, "quoted_by_whom")
    assert {(r["speaker"], r["outlet"]) for r in rows} >= {
        ("Hua Chunying", "Deutsche Welle"),
        ("Hua Chunying", "Al Jazeera"),
        ("Alexander Lukashenko", "unknown outlet"),
    }


@pytest.mark.asyncio
async def test_shared_quotes_group_two_wordings_of_one_quote(ds):
    rows = await run(ds, "shared_quotes")
    assert len(rows) == 1
    assert rows[0]["outlets"] == 2 and rows[0]["speaker"] == "Hua Chunying"
    assert sorted(rows[0]["outlet_ids"].split(",")) == ["aljazeera", "dw"]


@pytest.mark.asyncio
async def test_sentences_copied_across_outlets_link_to_the_group(ds):
    rows = await run(ds, "copied_sentences")
    assert [r["text"] for r in rows] == [
        "China's foreign ministry said Xi Jinping would host him."
    ]
    assert sorted(rows[0]["outlet_ids"].split(",")) == ["aljazeera", "dw"]
    page = (await ds.client.get("/coverage/copied_sentences")).text
    assert f'href="/-/newsvisits/wire/{rows[0]["reuse_id"]}"' in page


@pytest.mark.asyncio
async def test_figures_compared_rank_money_first_and_skip_dates(ds):
    rows = await run(ds, "figures_compared", kind="percent")
    assert [(r["value"], r["outlets"]) for r in rows] == [(33, 2)]
    every = await run(ds, "figures_compared", kind="")
    assert [r["kind"] for r in every] == ["money", "percent", "count"]


@pytest.mark.asyncio
async def test_charting_queries_open_datasette_vega_from_the_database_page(ds):
    page = (await ds.client.get("/coverage")).text
    assert "/coverage/coverage_by_outlet#g.mark=bar&amp;g.x_column=month" in page


@pytest.mark.asyncio
async def test_canned_queries_run_on_the_bundled_corpus(bundled_db):
    ds = Datasette(immutables=[str(bundled_db)])
    conn = sqlite3.connect(bundled_db)
    for name in QUERIES:
        await run(ds, name, "newsvisits", visit_id="", entity="Lukashenko", kind="")
    rows = await run(ds, "coverage_by_outlet", "newsvisits", visit_id="")
    assert (
        sum(r["articles"] for r in rows)
        == conn.execute(
            "SELECT count(*) FROM articles WHERE month IS NOT NULL"
        ).fetchone()[0]
    )
