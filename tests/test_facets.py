"""Facets on the articles table: entity mentioned, quoted speaker, label, month."""

import json
from pathlib import Path

import pytest
from datasette.app import Datasette
from plugin_sample import LUKASHENKO, build_sample_db, register_plugin, table_json

from datasette_newsvisits.plugin.facets import aggregate_filters

register_plugin()
METADATA = json.loads((Path(__file__).parent.parent / "metadata.json").read_text())


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    return build_sample_db(tmp_path_factory.mktemp("facets") / "newsvisits.db")


@pytest.fixture
def ds(sample_db):
    return Datasette(immutables=[str(sample_db)])


async def facets(ds, query: str) -> dict:
    return await table_json(ds, "/newsvisits/articles", f"_size=0&{query}")


def counts(facet: dict) -> dict:
    return {value["label"]: value["count"] for value in facet["results"]}


@pytest.mark.asyncio
async def test_entity_facet_counts_articles_per_person(ds):
    data = await facets(ds, "_facet_entity=person")
    assert counts(data["facet_results"]["entity: person"]) == {
        "Alexander Lukashenko": 4,
        "Xi Jinping": 2,
    }


@pytest.mark.asyncio
async def test_selecting_an_entity_filters_the_table_and_can_be_undone(ds):
    data = await facets(ds, "_facet_entity=person")
    xi = next(
        v
        for v in data["facet_results"]["entity: person"]["results"]
        if v["label"] == "Xi Jinping"
    )
    path = xi["toggle_url"].replace("http://localhost", "")
    selected = await facets(ds, path.split("?", 1)[1])
    assert selected["filtered_table_rows_count"] == 2
    value = next(
        v
        for v in selected["facet_results"]["entity: person"]["results"]
        if v["label"] == "Xi Jinping"
    )
    assert value["selected"]
    undone = await facets(ds, value["toggle_url"].split("?", 1)[1])
    assert undone["filtered_table_rows_count"] == 4


@pytest.mark.asyncio
async def test_speaker_facet(ds):
    data = await facets(ds, "_facet_speaker=1")
    assert counts(data["facet_results"]["quoted speaker"]) == {
        "Hua Chunying": 2,
        "Alexander Lukashenko": 2,
    }


@pytest.mark.asyncio
async def test_label_facet_names_label_and_person(ds):
    data = await facets(ds, "_facet_label=1")
    found = counts(data["facet_results"]["label"])
    assert found["strongman (Alexander Lukashenko)"] == 1
    assert found["ruler (Alexander Lukashenko)"] == 1


@pytest.mark.asyncio
async def test_label_facet_for_one_person(ds):
    data = await facets(ds, f"_facet_label={LUKASHENKO}")
    assert len(data["facet_results"][f"label: {LUKASHENKO}"]["results"]) == 4


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "query",
    [
        "outlet_id=dw",  # counted from the aggregates
        "_search=strongman",  # counted live over the filtered articles
        "_where=id%3D'dw1'",
    ],
)
async def test_facets_follow_the_table_filters(ds, query):
    data = await facets(
        ds, f"{query}&_facet_entity=person&_facet_label=1&_facet_speaker=1"
    )
    assert data["filtered_table_rows_count"] == 1
    assert counts(data["facet_results"]["entity: person"]) == {
        "Alexander Lukashenko": 1,
        "Xi Jinping": 1,
    }
    assert counts(data["facet_results"]["label"]) == {
        "strongman (Alexander Lukashenko)": 1
    }
    assert counts(data["facet_results"]["quoted speaker"]) == {"Hua Chunying": 1}


@pytest.mark.asyncio
async def test_the_entity_facet_is_on_and_the_others_are_suggested(ds):
    data = await facets(ds, "")
    assert "entity: person" in data["facet_results"]
    suggested = {s.get("type"): s for s in data["suggested_facets"]}
    assert {"speaker", "label"} <= set(suggested)
    assert "_facet_speaker=1" in suggested["speaker"]["toggle_url"]


@pytest.mark.asyncio
async def test_configured_facets_show_on_the_html_table_page(sample_db):
    ds = Datasette(immutables=[str(sample_db)], metadata=METADATA)
    page = (await ds.client.get("/newsvisits/articles")).text
    for heading in ("visit_id", "outlet_id", "entity: person"):
        assert f'data-column="{heading}"' in page
    assert "_mentions=alexander-lukashenko" in page


@pytest.mark.asyncio
async def test_the_other_facets_are_one_click_away_in_the_actions_menu(sample_db):
    ds = Datasette(immutables=[str(sample_db)], metadata=METADATA)
    page = (await ds.client.get("/newsvisits/articles")).text
    for label, param in [
        ("Facet by quoted speaker", "_facet_speaker=1"),
        ("Facet by label", "_facet_label=1"),
        ("Facet by month of publication", "_facet=month"),
    ]:
        assert label in page
        assert param in page
    chosen = (await ds.client.get("/newsvisits/articles?_facet_speaker=1")).text
    assert 'data-column="quoted speaker"' in chosen
    assert "Facet by quoted speaker" not in chosen
    other = (await ds.client.get("/newsvisits/outlets")).text
    assert "Facet by label" not in other


def test_aggregates_are_used_only_for_exact_filters_they_hold():
    class Request:
        def __init__(self, query_string):
            self.query_string = query_string

    allowed = ("outlet_id", "visit_id")
    assert aggregate_filters(Request("_facet_entity=1&_size=0"), allowed) == {}
    assert aggregate_filters(Request("outlet_id=dw"), allowed) == {"outlet_id": "dw"}
    assert aggregate_filters(Request("outlet_id__exact=dw"), allowed) == {
        "outlet_id": "dw"
    }
    assert aggregate_filters(Request("month=2023-02"), allowed) is None
    assert aggregate_filters(Request("outlet_id__not=dw"), allowed) is None
    assert aggregate_filters(Request("_search=x"), allowed) is None


@pytest.mark.asyncio
async def test_facets_on_the_bundled_corpus(bundled_db):
    ds = Datasette(immutables=[str(bundled_db)], metadata=METADATA)
    data = await facets(ds, "_facet_entity=1&_facet_speaker=1&_facet_label=1")
    entities = data["facet_results"]["entity"]["results"]
    assert entities and all(1 <= v["count"] <= 5 for v in entities)


@pytest.mark.asyncio
async def test_a_selection_combines_with_column_filters_and_reads_as_words(sample_db):
    ds = Datasette(immutables=[str(sample_db)], metadata={"allow_sql": False})
    data = await table_json(
        ds, "/newsvisits/articles", "_size=0&outlet_id=dw&_facet_label=1"
    )
    [strongman] = data["facet_results"]["label"]["results"]
    query = strongman["toggle_url"].split("?", 1)[1]
    selected = await table_json(ds, "/newsvisits/articles", query)
    assert selected["filtered_table_rows_count"] == 1
    page = (await ds.client.get(f"/newsvisits/articles?{query}")).text
    assert "calling Alexander Lukashenko “strongman”" in page
    xi = await table_json(
        ds, "/newsvisits/articles", "_size=0&outlet_id=aljazeera&_mentions=xi-jinping"
    )
    assert xi["filtered_table_rows_count"] == 1
    page = (await ds.client.get("/newsvisits/articles?_quoting=hua-chunying")).text
    assert "quoting Hua Chunying" in page
