"""The pages in headless Chromium, served by a real ``datasette serve -i`` process:
charts draw, nothing logs an error, no markup from the data runs, no page is wider
than a phone, each question of a data journalist is answered within two clicks of
/-/newsvisits, and every link, facet and canned query of a database not called
newsvisits, served with arbitrary SQL off, answers 200. Screenshots are saved in
tests/artifacts/."""

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from plugin_sample import LUKASHENKO, add_disagreements, build_sample_db

CHROMIUM = "/usr/bin/chromium"
REPO = Path(__file__).parent.parent
ARTIFACTS = Path(__file__).parent / "artifacts"
# Registers the plugin when the package is not pip-installed, then runs datasette.
SERVE = (
    "import sys; from datasette.plugins import pm; import datasette_newsvisits as p; "
    "pm.is_registered(p) or pm.register(p, name='datasette_newsvisits'); "
    "from datasette.cli import cli; cli(sys.argv[1:])"
)
PHONE = {"width": 390, "height": 844}
PLUGIN_PAGES = {
    "overview": "/-/newsvisits",
    "visit": "/-/newsvisits/visit/2023-03-state-visit",
    "compare": "/-/newsvisits/compare?outlet=dw&outlet=aljazeera",
    "entity": f"/-/newsvisits/entity/{LUKASHENKO}",
    "labels": "/-/newsvisits/labels",
    "quotes": "/-/newsvisits/quotes",
    "wire": "/-/newsvisits/wire",
    "wire-group": "/-/newsvisits/wire/1",
    "figures": "/-/newsvisits/figures",
    "coverage": "/-/newsvisits/coverage",
    "search": "/-/newsvisits/search?q=Beijing",
}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no /usr/bin/chromium"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def datasette_serve(path: Path, metadata: Path = REPO / "metadata.json"):
    """``datasette serve -i path`` on a free port; yields its base URL."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-c", SERVE, "serve", "-i", str(path)]
    command += ["-h", "127.0.0.1", "-p", str(port), "-m", str(metadata)]
    command += ["--setting", "suggest_facets", "off"]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(process.stderr.read().decode())
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Base URL of datasette serving the sample as ``coverage``, read-only, with
    arbitrary SQL off."""
    folder = tmp_path_factory.mktemp("browser")
    path = add_disagreements(build_sample_db(folder / "coverage.db"))
    metadata = json.loads((REPO / "metadata.json").read_text())
    metadata["allow_sql"] = False
    (folder / "metadata.json").write_text(json.dumps(metadata))
    with datasette_serve(path, folder / "metadata.json") as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


def new_page(browser, viewport=None):
    """A page recording what it logs (errors, warnings, dialogs) and requests."""
    page = browser.new_page(viewport=viewport or {"width": 1300, "height": 1000})
    page.problems, page.requests = [], []
    page.on(
        "console",
        lambda m: (
            page.problems.append(m.text) if m.type in ("error", "warning") else None
        ),
    )
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("dialog", lambda d: (page.problems.append("dialog"), d.dismiss()))
    page.on("request", lambda request: page.requests.append(request.url))
    return page


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def open_page(browser, url: str, name: str, viewport=None):
    """Open ``url``, let its charts draw, save a screenshot; return the page."""
    page = new_page(browser, viewport)
    response = page.goto(url)
    assert response.status == 200, url
    page.wait_for_load_state("networkidle")
    screenshot(page, name)
    return page


def chart_marks(page) -> dict:
    return page.evaluate(
        """() => Object.fromEntries(Array.from(
            document.querySelectorAll('.nv-chart'),
            c => [c.id, c.querySelectorAll('svg .mark-rect path, svg .mark-rect rect, '
                                           + 'svg .mark-text text').length]
        ))"""
    )


@pytest.mark.parametrize(
    "name, charts",
    [
        ("overview", {"chart-coverage"}),
        ("visit", {"chart-coverage", "chart-labels"}),
        ("entity", {"chart-months", "chart-labels"}),
        ("labels", {"chart-labels"}),
        ("coverage", {"chart-count", "chart-share"}),
    ],
)
def test_page_draws_its_charts_without_errors(server, browser, name, charts):
    page = open_page(browser, server + PLUGIN_PAGES[name], f"{name}.png")
    page.wait_for_selector(".nv-chart svg", timeout=10000)
    marks = chart_marks(page)
    assert charts <= set(marks)
    assert all(marks[chart] > 0 for chart in charts), marks
    assert page.problems == []
    assert all(url.startswith(server) for url in page.requests), "fetched elsewhere"
    assert not page.evaluate(
        "document.querySelector('section.content script:not([type]):not([src])')"
    )
    page.close()


@pytest.mark.parametrize("name", PLUGIN_PAGES)
def test_no_page_is_wider_than_a_phone(server, browser, name):
    page = open_page(browser, server + PLUGIN_PAGES[name], f"phone-{name}.png", PHONE)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{name} is {width} px wide at 390 px"
    assert page.problems == []
    page.close()


def click(page, text: str, within: str = "section.content") -> None:
    """Click the link reading ``text`` and wait for the page it opens."""
    with page.expect_navigation():
        page.locator(within).get_by_role("link", name=text, exact=True).first.click()
    page.wait_for_load_state("networkidle")


def test_which_outlets_called_a_person_what_in_one_click(server, browser):
    page = open_page(browser, server + "/-/newsvisits", "journey-start.png")
    click(page, "Labels by outlet")
    screenshot(page, "journey-labels.png")
    matrix = page.locator("table.nv-matrix")
    assert "Deutsche Welle" in matrix.inner_text()
    strongman = matrix.locator("tr", has_text="strongman")
    assert "100%" in strongman.inner_text()  # a share, not a count
    assert chart_marks(page)["chart-labels"] > 0
    page.close()


def test_the_same_quote_everywhere_and_who_said_it_in_one_click(server, browser):
    page = open_page(browser, server + "/-/newsvisits", "journey-start.png")
    click(page, "Quotes across outlets")
    screenshot(page, "journey-quotes.png")
    section = page.locator("section.nv-quote").first
    text = section.inner_text()
    for outlet in ("Deutsche Welle", "Al Jazeera", "unknown outlet"):
        assert outlet in text
    assert "Hua Chunying" in text and "different speaker" in text
    page.close()


def test_who_reprinted_a_wire_sentence_and_how_in_two_clicks(server, browser):
    page = open_page(browser, server + "/-/newsvisits", "journey-start.png")
    click(page, "Wire copy")
    click(page, "China's foreign ministry said Xi Jinping would host him.")
    screenshot(page, "journey-wire.png")
    assert page.locator("table").first.inner_text().count("\n") >= 3  # 3 outlets
    assert page.locator("td.nv-diff ins").count() >= 1
    assert page.locator("td.nv-diff del").count() >= 1
    page.close()


def test_which_figures_each_outlet_reported_in_one_click(server, browser):
    page = open_page(browser, server + "/-/newsvisits", "journey-start.png")
    click(page, "Figures")
    screenshot(page, "journey-figures.png")
    first = page.locator("table tbody tr").first.inner_text()
    assert "money" in first and "5 billion USD" in first and "Al Jazeera" in first
    assert "date" not in page.locator("table").inner_text().split()
    page.close()


def test_coverage_per_outlet_over_time_in_one_click(server, browser):
    page = open_page(browser, server + "/-/newsvisits", "journey-start.png")
    click(page, "Coverage over time")
    page.wait_for_selector("#chart-count svg")
    screenshot(page, "journey-coverage.png")
    assert chart_marks(page)["chart-count"] > 0
    assert "Deutsche Welle" in page.locator("table").inner_text()
    page.close()


def same_site_links(page, base: str) -> set[str]:
    hrefs = page.evaluate(
        "Array.from(document.querySelectorAll('section.content a[href]'), a => a.href)"
    )
    return {h.split("#")[0] for h in hrefs if h.startswith(base)}


def test_every_link_facet_and_canned_query_answers_with_sql_off(server, browser):
    page = new_page(browser)
    checked: dict[str, int] = {}

    def check(url: str) -> None:
        if url not in checked:
            checked[url] = page.request.get(url).status

    # Every link of every plugin page (and of the pages those link to).
    for path in PLUGIN_PAGES.values():
        page.goto(server + path)
        for url in same_site_links(page, server):
            check(url)
    # Every facet value of the articles table, each facet chosen.
    facets = "_facet_entity=1&_facet_speaker=1&_facet_label=1&_facet=month"
    page.goto(f"{server}/coverage/articles?{facets}")
    toggles = page.evaluate(
        "Array.from(document.querySelectorAll('.facet-info a[href]'), a => a.href)"
    )
    assert len(toggles) >= 10, toggles
    for url in toggles:
        check(url)
    # Every canned query, from the database page, as a person clicks it.
    page.goto(server + "/coverage")
    queries = page.evaluate(
        "Array.from(document.querySelectorAll('section.content a[href]'), a => a.href)"
        ".filter(h => /\\/coverage\\/(coverage_by_outlet|labels_of_person|"
        "quoted_by_whom|shared_quotes|copied_sentences|figures_compared)/.test(h))"
    )
    assert len(queries) >= 5, queries
    for url in queries:
        response = page.goto(url)
        assert response.status == 200, url
    failed = {url: status for url, status in checked.items() if status != 200}
    assert failed == {}
    assert len(checked) > 100
    page.close()


def test_a_canned_query_opens_its_chart(server, browser):
    page = new_page(browser)
    page.goto(server + "/coverage")
    page.locator("a", has_text="Coverage by outlet over time").first.click()
    page.wait_for_selector("svg .mark-rect path, canvas", timeout=10000)
    screenshot(page, "canned-chart.png")
    # datasette-vega itself warns that its vega-embed expects Vega 3: not an error.
    assert [p for p in page.problems if "uses Vega v3" not in p] == []
    page.close()


def test_bundled_corpus_pages_draw(bundled_db, browser):
    with datasette_serve(bundled_db) as base:
        for name in ("overview", "visit", "labels", "quotes", "figures"):
            path = PLUGIN_PAGES[name].replace(LUKASHENKO, "alexander-lukashenko")
            page = open_page(browser, base + path, f"bundled-{name}.png")
            assert page.problems == []
            page.close()
