"""The pages in headless Chromium, served by a real ``datasette serve -i`` process:
charts draw, nothing logs an error, no markup from the data runs. Screenshots are saved
in tests/artifacts/."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from plugin_sample import LUKASHENKO, build_sample_db

CHROMIUM = "/usr/bin/chromium"
REPO = Path(__file__).parent.parent
ARTIFACTS = Path(__file__).parent / "artifacts"
# Registers the plugin when the package is not pip-installed, then runs datasette.
SERVE = (
    "import sys; from datasette.plugins import pm; import datasette_newsvisits as p; "
    "pm.is_registered(p) or pm.register(p, name='datasette_newsvisits'); "
    "from datasette.cli import cli; cli(sys.argv[1:])"
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no /usr/bin/chromium"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def datasette_serve(path: Path):
    """``datasette serve -i path`` on a free port; yields its base URL."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-c", SERVE, "serve", "-i", str(path)]
    command += ["-h", "127.0.0.1", "-p", str(port), "-m", str(REPO / "metadata.json")]
    command += ["--setting", "suggest_facets", "off"]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
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
    """Base URL of datasette serving the sample database read-only."""
    path = build_sample_db(tmp_path_factory.mktemp("browser") / "newsvisits.db")
    with datasette_serve(path) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
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


def open_page(browser, url: str, screenshot: str):
    """Open ``url``; return the page and what it logged (errors, dialogs, requests)."""
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    problems, requests = [], []
    page.on(
        "console",
        lambda m: problems.append(m.text) if m.type in ("error", "warning") else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("dialog", lambda dialog: (problems.append("dialog"), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / screenshot), full_page=True)
    return page, problems, requests


def chart_marks(page) -> dict:
    return page.evaluate(
        """() => Object.fromEntries(Array.from(
            document.querySelectorAll('.nv-chart'),
            c => [c.id, c.querySelectorAll('svg .mark-rect path, svg .mark-rect rect').length]
        ))"""
    )


@pytest.mark.parametrize(
    "path, screenshot, charts",
    [
        ("/-/newsvisits", "overview.png", {"chart-coverage"}),
        (
            "/-/newsvisits/visit/2023-03-state-visit",
            "visit.png",
            {"chart-coverage", "chart-labels"},
        ),
        (
            f"/-/newsvisits/entity/{LUKASHENKO}",
            "entity.png",
            {"chart-months", "chart-labels"},
        ),
        (
            "/-/newsvisits/visit/2023-12-working-visit",
            "hostile.png",
            {"chart-coverage"},
        ),
    ],
)
def test_page_draws_its_charts_without_errors(
    server, browser, path, screenshot, charts
):
    page, problems, requests = open_page(browser, server + path, screenshot)
    page.wait_for_selector(".nv-chart svg", timeout=10000)
    marks = chart_marks(page)
    assert charts <= set(marks)
    assert all(marks[name] > 0 for name in charts), marks
    assert problems == []
    assert all(url.startswith(server) for url in requests), "fetched outside Datasette"
    assert not page.evaluate(
        "document.querySelector('section.content script:not([type]):not([src])')"
    )
    page.close()


def test_datasette_vega_still_works_on_table_pages(server, browser):
    chart = "#g.mark=bar&g.x_column=month&g.x_type=ordinal&g.y_column=articles"
    page, problems, _ = open_page(
        browser,
        server + "/newsvisits/coverage_by_outlet?visit_id=" + chart,
        "canned.png",
    )
    page.wait_for_selector("svg .mark-rect path, canvas", timeout=10000)
    # datasette-vega itself warns that its vega-embed expects Vega 3: not an error.
    assert [p for p in problems if "uses Vega v3" not in p] == []
    page.close()


def test_bundled_corpus_pages_draw(bundled_db, browser):
    with datasette_serve(bundled_db) as base:
        for path, screenshot in [
            ("/-/newsvisits", "bundled-overview.png"),
            ("/-/newsvisits/visit/2023-03-state-visit", "bundled-visit.png"),
            ("/-/newsvisits/entity/alexander-lukashenko", "bundled-entity.png"),
        ]:
            page, problems, _ = open_page(browser, base + path, screenshot)
            page.wait_for_selector("#chart-coverage svg, #chart-months svg")
            assert max(chart_marks(page).values()) > 0
            assert problems == []
            page.close()
