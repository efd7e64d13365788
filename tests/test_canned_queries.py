"""metadata.json: every table documented, and each canned query answering correctly."""

import json
import sqlite3
from pathlib import Path

import pytest
from datasette.app import Datasette
from plugin_sample import build_sample_db, register_plugin

from datasette_newsvisits import schema

register_plugin()
METADATA = json.loads((Path(__file__).parent.parent / "metadata.json").read_text())
DATABASE = METADATA["databases"]["newsvisits"]


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    path = build_sample_db(tmp_path_factory.mktemp("canned") / "newsvisits.db")
    return Datasette(immutables=[str(path)], metadata=METADATA)


async def run(ds, name: str, **params) -> list[dict]:
    response = await ds.client.get(
        f"/newsvisits/{name}.json", params={**params, "_shape": "array"}
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_metadata_has_licence_source_and_every_table_documented():
    assert METADATA["license"].startswith("Apache-2.0")
    assert "copyright of their publishers" in METADATA["about"]
    tables = DATABASE["tables"]
    for name, table in schema.BY_NAME.items():
        assert tables[name]["title"] and tables[name]["description"], name
        assert set(table.columns) <= set(tables[name]["columns"]), name


def test_every_canned_query_has_a_title_and_description():
    for name, canned in DATABASE["queries"].items():
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
    found = {(r["outlet"], r["label"]) for r in rows}
    assert {
        ("Deutsche Welle", "strongman"),
        ("Al Jazeera", "leader"),
        ("unknown outlet", "ruler"),
    } <= found


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
async def test_sentences_copied_across_outlets(ds):
    rows = await run(ds, "copied_sentences")
    assert [r["text"] for r in rows] == [
        "China's foreign ministry said Xi Jinping would host him."
    ]
    assert sorted(rows[0]["outlet_ids"].split(",")) == ["aljazeera", "dw"]


@pytest.mark.asyncio
async def test_figures_compared_across_outlets(ds):
    rows = await run(ds, "figures_compared", kind="percent")
    assert [(r["value"], r["outlets"]) for r in rows] == [(33, 2)]
    assert len(await run(ds, "figures_compared", kind="")) == 3


@pytest.mark.asyncio
async def test_canned_queries_run_on_the_bundled_corpus(bundled_db):
    ds = Datasette(immutables=[str(bundled_db)], metadata=METADATA)
    conn = sqlite3.connect(bundled_db)
    for name in DATABASE["queries"]:
        await run(ds, name, visit_id="", entity="Lukashenko", kind="")
    rows = await run(ds, "coverage_by_outlet", visit_id="")
    assert (
        sum(r["articles"] for r in rows)
        == conn.execute(
            "SELECT count(*) FROM articles WHERE month IS NOT NULL"
        ).fetchone()[0]
    )
