"""The documented publishing path: ``datasette inspect`` then serve with the inspect file.

    datasette inspect newsvisits.db --inspect-file counts.json
    datasette serve -i newsvisits.db --inspect-file counts.json -m metadata.json \\
        --setting suggest_facets off
"""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from datasette.app import Datasette
from plugin_sample import build_sample_db, register_plugin

register_plugin()
METADATA = json.loads((Path(__file__).parent.parent / "metadata.json").read_text())


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The sample database and the inspect file the datasette CLI wrote for it."""
    folder = tmp_path_factory.mktemp("publish")
    path = build_sample_db(folder / "newsvisits.db")
    counts = folder / "counts.json"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "datasette",
            "inspect",
            str(path),
            "--inspect-file",
            str(counts),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return path, json.loads(counts.read_text())


def test_inspect_file_counts_every_table(published):
    path, inspected = published
    conn = sqlite3.connect(path)
    tables = inspected["newsvisits"]["tables"]
    for table in ("articles", "quotes", "label_outlet", "quote_groups"):
        expected = conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
        assert tables[table]["count"] == expected


@pytest.mark.asyncio
async def test_served_with_the_inspect_file(published):
    path, inspected = published
    ds = Datasette(
        immutables=[str(path)],
        inspect_data=inspected,
        metadata=METADATA,
        settings={"suggest_facets": False},
    )
    database = (await ds.client.get("/newsvisits.json")).json()
    articles = next(t for t in database["tables"] if t["name"] == "articles")
    assert articles["count"] == inspected["newsvisits"]["tables"]["articles"]["count"]
    page = (await ds.client.get("/newsvisits/articles")).text
    assert (
        METADATA["databases"]["newsvisits"]["tables"]["articles"]["description"] in page
    )
    for route in (
        "/-/newsvisits",
        "/-/newsvisits/visit/2023-03-state-visit",
        "/newsvisits/articles",
        "/newsvisits/shared_quotes",
    ):
        response = await ds.client.get(route)
        assert response.status_code == 200, route
