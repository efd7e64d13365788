"""The comparison views (labels, quotes, wire copy, figures, coverage, search), each
page's JSON and CSV, and the plugin's filters, on a sample where outlets disagree,
served as ``press`` with arbitrary SQL off."""

import csv
import html
import io
import re

import pytest
from datasette.app import Datasette
from plugin_sample import (
    HOSTILE,
    LUKASHENKO,
    WIRE_VARIANT,
    add_disagreements,
    build_sample_db,
    register_plugin,
)

register_plugin()

PAGES = [
    "/-/newsvisits",
    "/-/newsvisits/visit/2023-03-state-visit",
    "/-/newsvisits/compare",
    f"/-/newsvisits/entity/{LUKASHENKO}",
    "/-/newsvisits/labels",
    "/-/newsvisits/quotes",
    "/-/newsvisits/wire",
    "/-/newsvisits/wire/1",
    "/-/newsvisits/figures",
    "/-/newsvisits/coverage",
    "/-/newsvisits/search?q=Beijing",
]
TABLE_PAGES = [p for p in PAGES if "/visit/" not in p and "/entity/" not in p]
TABLE_PAGES = [p for p in TABLE_PAGES if not p.endswith(("/newsvisits", "/compare"))]


@pytest.fixture(scope="module")
def press(tmp_path_factory):
    return add_disagreements(
        build_sample_db(tmp_path_factory.mktemp("views") / "press.db")
    )


@pytest.fixture
def ds(press):
    return Datasette(immutables=[str(press)], metadata={"allow_sql": False})


async def get(ds, path):
    response = await ds.client.get(path)
    assert response.status_code == 200, (path, response.text[:3000])
    return response


def links(page: str) -> list[str]:
    return [html.unescape(href) for href in re.findall(r'href="([^"]+)"', page)]


def as_json_path(path: str, fmt: str = "json") -> str:
    route, _, query = path.partition("?")
    return f"{route}.{fmt}" + (f"?{query}" if query else "")


async def rows_behind(ds, link: str) -> list[dict]:
    path, _, query = link.partition("?")
    response = await ds.client.get(f"{path}.json?{query}&_shape=array")
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.asyncio
@pytest.mark.parametrize("path", PAGES)
async def test_every_page_links_its_json_and_answers_it(ds, path):
    page = (await get(ds, path)).text
    json_url = as_json_path(path)
    assert json_url in links(page)
    data = (await get(ds, json_url)).json()
    assert data["database"] == "press"
    # Every plugin page links to every other.
    for other in ("/labels", "/quotes", "/wire", "/figures", "/coverage", "/compare"):
        assert "/-/newsvisits" + other in links(page)


@pytest.mark.asyncio
@pytest.mark.parametrize("path", TABLE_PAGES)
async def test_table_pages_link_their_csv(ds, path):
    page = (await get(ds, path)).text
    csv_url = as_json_path(path, "csv")
    assert csv_url in links(page)
    rows = list(csv.DictReader(io.StringIO((await get(ds, csv_url)).text)))
    assert rows, csv_url


@pytest.mark.asyncio
async def test_a_page_that_is_no_table_has_no_csv(ds):
    assert (await ds.client.get("/-/newsvisits.csv")).status_code == 404
    assert (
        await ds.client.get("/-/newsvisits/visit/2023-03-state-visit.csv")
    ).status_code == 404


@pytest.mark.asyncio
async def test_labels_are_shares_of_each_outlets_articles(ds):
    data = (await get(ds, f"/-/newsvisits/labels.json?entity={LUKASHENKO}")).json()
    cells = {(c["outlet"], c["label"]): c for c in data["cells"]}
    assert cells[("Deutsche Welle", "strongman")]["share"] == 1.0
    assert cells[("unknown outlet", "ruler")]["articles_mentioning"] == 1
    # Every label he got is a column, however rare.
    assert {label["label"] for label in data["labels"]} >= {
        "strongman",
        "leader",
        "ruler",
    }


@pytest.mark.asyncio
async def test_labels_page_takes_any_spelling_and_links_cells_to_the_articles(ds):
    page = (await get(ds, "/-/newsvisits/labels?entity=%C5%81ukaszenka")).text
    assert "Alexander Lukashenko" in page
    cell = next(h for h in links(page) if "_label=" in h and "strongman" in h)
    rows = await rows_behind(ds, cell)
    assert [r["id"] for r in rows] == ["dw1"]


@pytest.mark.asyncio
async def test_quotes_show_each_outlets_wording_and_speaker_disagreement_marked(ds):
    data = (await get(ds, "/-/newsvisits/quotes.json")).json()
    [group] = data["groups"]
    by_outlet = {row["outlet"]: row for row in group["outlet_rows"]}
    assert set(by_outlet) == {"Deutsche Welle", "Al Jazeera", "unknown outlet"}
    assert by_outlet["unknown outlet"]["speaker"] == "Alexander Lukashenko"
    assert by_outlet["unknown outlet"]["speaker_differs"] is True
    assert by_outlet["Deutsche Welle"]["speaker_differs"] is False
    assert (
        by_outlet["Al Jazeera"]["wording_differs"] is True
    )  # "in-depth," vs "in depth"
    page = (await get(ds, "/-/newsvisits/quotes")).text
    assert "outlets name different speakers" in page and "<ins>" in page


@pytest.mark.asyncio
async def test_wire_group_lists_outlets_and_diffs_the_variants(ds):
    data = (await get(ds, "/-/newsvisits/wire/1.json")).json()
    assert {o["name"] for o in data["outlets"]} == {
        "Deutsche Welle",
        "Al Jazeera",
        "unknown outlet",
    }
    variant = next(v for v in data["variants"] if v["text"] == WIRE_VARIANT)
    assert ["insert", "will "] in variant["diff"] or [
        "insert",
        "will host him soon.",
    ] in [list(piece) for piece in variant["diff"]]
    assert variant["changed_words"] >= 2
    page = (await get(ds, "/-/newsvisits/wire/1")).text
    outlet_link = next(h for h in links(page) if "outlet_id=dw&_wire=" in h)
    assert [r["id"] for r in await rows_behind(ds, outlet_link)] == ["dw1"]


@pytest.mark.asyncio
async def test_figures_rank_money_first_and_leave_out_dates_and_years(ds):
    data = (await get(ds, "/-/newsvisits/figures.json")).json()
    kinds = [row["kind"] for row in data["rows"]]
    assert kinds == sorted(kinds, key=["money", "percent", "count"].index)
    assert "date" not in kinds and 2023 not in [row["value"] for row in data["rows"]]
    money = data["rows"][0]
    assert (money["value"], money["unit"], money["reads"]) == (
        5e9,
        "USD",
        "5 billion USD",
    )
    percent = next(r for r in data["rows"] if r["kind"] == "percent")
    assert percent["outlets"] == 2 and percent["outlet_ids"] == "aljazeera,dw"


@pytest.mark.asyncio
async def test_figures_of_one_outlet_link_to_their_rows_in_the_visit(ds):
    path = "/-/newsvisits/figures?outlet=aljazeera&visit=2023-03-state-visit"
    page = (await get(ds, path)).text
    link = next(h for h in links(page) if "/press/figures?" in h and "percent" in h)
    assert "_visit=2023-03-state-visit" in link
    assert [r["surface"] for r in await rows_behind(ds, link)] == ["33 percent"]


@pytest.mark.asyncio
async def test_the_visit_page_lists_money_and_percent_but_no_dates(ds):
    data = (await get(ds, "/-/newsvisits/visit/2023-03-state-visit.json")).json()
    column = next(c for c in data["columns"] if c["name"] == "Deutsche Welle")
    assert [f["kind"] for f in column["figures"]] == ["percent"]
    aj = next(c for c in data["columns"] if c["name"] == "Al Jazeera")
    assert [f["reads"] for f in aj["figures"]] == ["5 billion USD", "33 %"]


@pytest.mark.asyncio
async def test_coverage_counts_every_article_per_outlet_and_month(ds):
    text = (await get(ds, "/-/newsvisits/coverage.csv")).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sum(int(r["articles"]) for r in rows) == 4
    chosen = (
        await get(ds, "/-/newsvisits/coverage.json?outlet=dw&outlet=unknown")
    ).json()
    assert {r["outlet"] for r in chosen["months"]} == {
        "Deutsche Welle",
        "unknown outlet",
    }


@pytest.mark.asyncio
async def test_search_shows_the_passage_with_the_terms_marked(ds):
    page = (await get(ds, "/-/newsvisits/search?q=strongman")).text
    assert "<mark>strongman</mark>" in page
    hostile = (await get(ds, "/-/newsvisits/search?q=alert")).text
    assert "<script>alert" not in hostile


@pytest.mark.asyncio
async def test_the_compare_picker_offers_every_outlet_and_visit(ds):
    page = (await get(ds, "/-/newsvisits/compare")).text
    for value in ("dw", "aljazeera", "unknown", "2023-03-state-visit"):
        assert f'value="{value}"' in page
    chosen = (await get(ds, "/-/newsvisits/compare.json?outlet=unknown")).json()
    assert [c["name"] for c in chosen["columns"]] == ["unknown outlet"]


@pytest.mark.asyncio
async def test_the_overview_links_every_view_and_canned_query(ds):
    page = (await get(ds, "/-/newsvisits")).text
    hrefs = links(page)
    for name in ("coverage_by_outlet", "labels_of_person", "figures_compared"):
        assert f"/press/{name}" in " ".join(hrefs)
    assert any("#g.mark=bar" in h for h in hrefs)  # a canned query opening its chart


@pytest.mark.asyncio
async def test_the_visit_filter_reads_as_words_without_arbitrary_sql(ds):
    page = (await get(ds, "/press/labels?_visit=2023-12-working-visit")).text
    assert "in articles about Working visit" in page
    rows = await rows_behind(ds, "/press/labels?_visit=2023-03-state-visit")
    assert {r["article_id"] for r in rows} == {"dw1", "aj1", "un1"}


@pytest.mark.asyncio
async def test_the_label_filter_reads_as_words(ds):
    page = (await get(ds, f"/press/articles?_label={LUKASHENKO}:strongman")).text
    assert "calling Alexander Lukashenko “strongman”" in page


@pytest.mark.asyncio
async def test_article_text_is_an_excerpt_in_the_table_and_whole_on_its_row(tmp_path):
    path = build_sample_db(tmp_path / "press.db")
    import sqlite3

    long_text = (
        "Opening words of the article. " * 30 + "The strongman closed the talks."
    )
    conn = sqlite3.connect(path)
    conn.execute("UPDATE articles SET text = ? WHERE id = 'dw1'", (long_text,))
    conn.commit()
    conn.close()
    ds = Datasette(immutables=[str(path)])
    table = (await get(ds, "/press/articles?id=dw1")).text
    assert "Opening words of the article." in table and "closed the talks" not in table
    searched = (await get(ds, "/press/articles?_search=strongman")).text
    assert "<mark>strongman</mark> closed the talks" in searched
    row = (await get(ds, "/press/articles/dw1")).text
    assert "closed the talks" in row
    data = (await get(ds, "/press/articles.json?id=dw1&_shape=array")).json()
    assert data[0]["text"] == long_text


@pytest.mark.asyncio
async def test_quotes_from_an_unknown_outlet_count_as_one_outlet(ds):
    data = (await get(ds, f"/-/newsvisits/entity/{LUKASHENKO}.json")).json()
    partners = next(
        q for q in data["quotes_by"] if q["text"] == "We are reliable partners"
    )
    assert (partners["articles"], partners["outlets"]) == (1, 1)


@pytest.mark.asyncio
async def test_the_menu_links_to_the_comparison_pages(ds):
    page = (await get(ds, "/press")).text
    assert 'href="/-/newsvisits"' in page


@pytest.mark.asyncio
@pytest.mark.parametrize("path", PAGES + ["/-/newsvisits/search?q=script"])
async def test_new_pages_escape_markup_in_data(ds, path):
    page = (await get(ds, path)).text
    assert "<script>alert" not in page
    assert "<b>" not in page.replace("<body", "")
    assert HOSTILE not in page


def test_word_diff_marks_the_words_one_wording_adds_and_drops():
    from datasette_newsvisits.plugin.textdiff import changed_words, word_diff

    pieces = word_diff("Xi would host him.", "Xi will host him soon.")
    assert pieces == [
        ("equal", "Xi "),
        ("delete", "would "),
        ("insert", "will "),
        ("equal", "host "),
        ("delete", "him."),
        ("insert", "him soon."),
    ]
    assert changed_words(pieces) == 5
    assert changed_words(word_diff("same words", "same words")) == 0


def test_quote_rows_agreeing_on_the_speaker_are_not_marked():
    from datasette_newsvisits.plugin.quotes_view import mark_disagreements

    rows = [
        {"speaker_id": "xi", "speaker": None, "text": "old friends"},
        {"speaker_id": "xi", "speaker": None, "text": "old friends"},
        {"speaker_id": None, "speaker": None, "text": "old friends"},
    ]
    assert mark_disagreements(rows)["speaker"] == "xi"
    assert [r["speaker_differs"] for r in rows] == [False, False, True]
    assert not any(r["wording_differs"] for r in rows)
