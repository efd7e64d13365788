"""The plugin's pages: overview, comparison, entity; links, escaping, unknown outlets."""

import html
import json
import re
import sqlite3
import urllib.parse
from pathlib import Path

import pytest
from datasette.app import Datasette
from plugin_sample import HOSTILE, LUKASHENKO, build_sample_db, register_plugin

from datasette_newsvisits import schema

register_plugin()

METADATA = json.loads((Path(__file__).parent.parent / "metadata.json").read_text())


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    return build_sample_db(tmp_path_factory.mktemp("pages") / "newsvisits.db")


@pytest.fixture
def ds(sample_db):
    return Datasette(immutables=[str(sample_db)], metadata=METADATA)


async def get(ds, path):
    response = await ds.client.get(path)
    assert response.status_code == 200, (path, response.text[:2000])
    return response.text


def links(page: str) -> list[str]:
    return [html.unescape(href) for href in re.findall(r'href="([^"]+)"', page)]


async def rows_behind(ds, link: str) -> list[dict]:
    path, _, query = link.partition("?")
    response = await ds.client.get(f"{path}.json?{query}&_shape=array")
    assert response.status_code == 200, response.text
    return response.json()


def chart_specs(page: str) -> dict:
    found = re.findall(
        r'<script type="application/json" id="spec-([\w-]+)">(.*?)</script>',
        page,
        re.DOTALL,
    )
    return {name: json.loads(body) for name, body in found}


@pytest.mark.asyncio
async def test_overview_lists_each_visit_with_its_outlets(ds):
    page = await get(ds, "/-/newsvisits")
    assert "State visit, 2023" in page
    assert "/-/newsvisits/visit/2023-03-state-visit" in page
    assert "Deutsche Welle" in page and "Al Jazeera" in page
    assert "<em>unknown outlet</em>" in page
    assert "/newsvisits/articles?visit_id=2023-03-state-visit&outlet_id=dw" in links(
        page
    )


@pytest.mark.asyncio
async def test_overview_chart_plots_the_whole_coverage_aggregate(ds, sample_db):
    spec = chart_specs(await get(ds, "/-/newsvisits"))["coverage"]
    plotted = sum(row["articles"] for row in spec["data"]["values"])
    conn = sqlite3.connect(sample_db)
    assert plotted == conn.execute("SELECT count(*) FROM articles").fetchone()[0]


@pytest.mark.asyncio
async def test_charts_count_undated_articles_too(bundled_db):
    ds = Datasette(immutables=[str(bundled_db)], metadata=METADATA)
    conn = sqlite3.connect(bundled_db)
    spec = chart_specs(await get(ds, "/-/newsvisits"))["coverage"]
    plotted = {row["month"] for row in spec["data"]["values"]}
    assert sum(row["articles"] for row in spec["data"]["values"]) == 5
    undated = conn.execute("SELECT count(*) FROM articles WHERE month IS NULL")
    assert ("undated" in plotted) == (undated.fetchone()[0] > 0)


@pytest.mark.asyncio
async def test_visit_page_has_a_column_per_outlet(ds):
    page = await get(ds, "/-/newsvisits/visit/2023-03-state-visit")
    columns = re.findall(r'<section class="nv-column">\s*<h2><a [^>]*>(.*?)</a>', page)
    assert set(columns) == {"Deutsche Welle", "Al Jazeera", "<em>unknown outlet</em>"}
    assert "strongman" in page and "leader" in page and "ruler" in page
    assert "also in 1 other outlet" in page  # the shared MFA quotation
    assert "captures/unknown-site.txt" in page  # unknown outlet shows its source
    assert "wire share 40%" in page


@pytest.mark.asyncio
async def test_visit_page_links_lead_to_the_rows_behind_each_item(ds):
    page = await get(ds, "/-/newsvisits/visit/2023-03-state-visit")
    hrefs = links(page)
    label_link = next(
        h for h in hrefs if "/newsvisits/labels?" in h and "strongman" in h
    )
    assert [r["label"] for r in await rows_behind(ds, label_link)] == ["strongman"]
    shared = next(h for h in hrefs if "/-/newsvisits/wire/" in h)
    group = (await ds.client.get(shared.replace("/wire/1", "/wire/1.json"))).json()
    assert {o["name"] for o in group["outlets"]} == {"Deutsche Welle", "Al Jazeera"}
    unknown = next(h for h in hrefs if "outlet_id__isnull=1" in h and "/articles?" in h)
    rows = await rows_behind(ds, unknown)
    assert [r["source"] for r in rows] == ["captures/unknown-site.txt"]


@pytest.mark.asyncio
async def test_compare_chosen_articles(ds):
    page = await get(ds, "/-/newsvisits/compare?articles=dw1,un1")
    columns = re.findall(r'<section class="nv-column">\s*<h2><a [^>]*>(.*?)</a>', page)
    assert set(columns) == {"Deutsche Welle", "<em>unknown outlet</em>"}
    assert "strongman" in page and "ruler" in page
    assert "/newsvisits/articles?id__in=dw1%2Cun1" in page


@pytest.mark.asyncio
async def test_compare_chosen_outlets(ds):
    page = await get(ds, "/-/newsvisits/compare?outlet=aljazeera")
    columns = re.findall(r'<section class="nv-column">\s*<h2><a [^>]*>(.*?)</a>', page)
    assert columns == ["Al Jazeera"]
    assert "strongman" not in page and "leader" in page


@pytest.mark.asyncio
async def test_entity_page_shows_spellings_labels_and_quotes(ds):
    page = await get(ds, f"/-/newsvisits/entity/{LUKASHENKO}")
    assert "Alexander Lukashenko" in page
    assert "wikidata.org" not in page  # none known for him in the sample
    assert "Łukaszenka" in page and "Lukashenko" in page
    spelling = next(h for h in links(page) if "/mentions?" in h and "surface=" in h)
    assert {r["entity_id"] for r in await rows_behind(ds, spelling)} == {LUKASHENKO}
    assert "strongman" in page and "ruler" in page
    assert "We are reliable partners" in page  # a quote by him
    labels = chart_specs(page)["labels"]["data"]["values"]
    assert {row["label"] for row in labels} >= {"strongman", "leader", "ruler"}


@pytest.mark.asyncio
async def test_entity_page_links_to_wikidata(ds):
    page = await get(ds, "/-/newsvisits/entity/xi-jinping")
    assert 'href="https://www.wikidata.org/wiki/Q15031"' in page


@pytest.mark.asyncio
async def test_entity_page_accepts_any_spelling(ds):
    response = await ds.client.get("/-/newsvisits/entity/%C5%81ukaszenka")
    assert response.status_code == 302
    assert response.headers["location"].endswith(f"/-/newsvisits/entity/{LUKASHENKO}")


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "path",
    ["/-/newsvisits/visit/no-such-visit", "/-/newsvisits/entity/nobody-at-all"],
)
async def test_unknown_visit_or_entity_is_404(ds, path):
    assert (await ds.client.get(path)).status_code == 404


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "path",
    [
        "/-/newsvisits",
        "/-/newsvisits/visit/2023-12-working-visit",
        "/-/newsvisits/compare?articles=ev1",
        f"/-/newsvisits/entity/{LUKASHENKO}",
    ],
)
async def test_pages_escape_markup_in_data(ds, path):
    page = await get(ds, path)
    assert "<script>alert" not in page
    assert "<b>" not in page.replace("<body", "")
    # Chart data is JSON with < and > escaped: it cannot end its script element.
    for body in re.findall(
        r'<script type="application/json"[^>]*>(.*?)</script>', page, re.DOTALL
    ):
        assert "<" not in body and ">" not in body
        json.loads(body)
    if "visit/" in path or "compare" in path or path == "/-/newsvisits":
        assert html.escape(HOSTILE, quote=False)[:20] in page


@pytest.mark.asyncio
async def test_pages_find_a_database_with_another_name(tmp_path):
    path = build_sample_db(tmp_path / "press.db")
    ds = Datasette(immutables=[str(path)])
    page = await get(ds, "/-/newsvisits")
    assert "/press/articles" in page


@pytest.mark.asyncio
async def test_a_database_without_aggregates_gets_a_clear_message(tmp_path):
    path = tmp_path / "newsvisits.db"
    conn = sqlite3.connect(path)
    schema.ensure_schema(conn)
    conn.close()
    response = await Datasette(immutables=[str(path)]).client.get("/-/newsvisits")
    assert response.status_code == 503
    assert "newsvisits-load" in response.text


@pytest.mark.asyncio
async def test_plugin_configuration_chooses_the_database(tmp_path):
    first = build_sample_db(tmp_path / "first.db")
    second = build_sample_db(tmp_path / "second.db")
    ds = Datasette(
        immutables=[str(first), str(second)],
        metadata={"plugins": {"datasette-newsvisits": {"database": "second"}}},
    )
    page = await get(ds, "/-/newsvisits")
    assert "/second/articles" in page and "/first/articles" not in page


@pytest.mark.asyncio
async def test_pages_on_the_bundled_corpus(bundled_db):
    ds = Datasette(immutables=[str(bundled_db)], metadata=METADATA)
    conn = sqlite3.connect(bundled_db)
    page = await get(ds, "/-/newsvisits")
    for (visit_id,) in conn.execute(
        "SELECT DISTINCT visit_id FROM articles WHERE visit_id IS NOT NULL"
    ):
        assert f"/-/newsvisits/visit/{urllib.parse.quote(visit_id)}" in page
        await get(ds, f"/-/newsvisits/visit/{urllib.parse.quote(visit_id)}")
    for (entity_id,) in conn.execute(
        "SELECT entity_id FROM entity_totals ORDER BY articles DESC LIMIT 5"
    ):
        await get(ds, f"/-/newsvisits/entity/{urllib.parse.quote(entity_id, safe='')}")
    ids = ",".join(row[0] for row in conn.execute("SELECT id FROM articles"))
    await get(ds, f"/-/newsvisits/compare?articles={ids}")
