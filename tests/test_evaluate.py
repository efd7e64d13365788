"""Extraction quality on the annotated fixtures stays above agreed floors."""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))

from evaluate import default_fixtures_dir, evaluate, report

FLOORS = {"entities": 0.95, "labels": 0.85, "figures": 0.9, "quotes": 0.95}


@pytest.fixture(scope="module")
def scores():
    return evaluate()


@pytest.mark.parametrize("task", ["entities", "labels", "figures"])
def test_f1_floors(scores, task):
    assert scores[task]["f1"] >= FLOORS[task], report(scores)


def test_quote_floors(scores):
    quote_files = list((default_fixtures_dir() / "annotations").glob("*.quotes.json"))
    if not quote_files:
        pytest.skip("no quote annotations yet")
    assert scores["quotes"]["f1"] >= FLOORS["quotes"], report(scores)
    assert scores["attribution"]["accuracy"] >= 0.9, report(scores)


def test_every_fixture_article_and_seed_is_annotated_and_scored(scores):
    articles = sorted(
        p.stem for p in (default_fixtures_dir() / "articles").glob("*.txt")
    )
    assert len([a for a in articles if a.startswith("e")]) >= 8
    seeds = [s for s in scores["articles"] if s[0].isdigit()]
    assert len(seeds) == 5
    for stem in articles:
        assert "entities" in scores["articles"][stem], f"{stem} has no annotation"


def test_misses_are_reported_per_article(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "annotations").mkdir()
    (tmp_path / "articles" / "x.txt").write_text(
        "Belarusian strongman Alexander Lukashenko met Xi Jinping in Minsk in 2020.\n"
    )
    (tmp_path / "annotations" / "x.json").write_text(
        json.dumps(
            {
                "entities": [
                    {"name": "Alexander Lukashenko", "type": "person"},
                    {"name": "Xi Jinping", "type": "person"},
                    {"name": "Moscow", "type": "place"},
                ],
                "labels": [
                    {
                        "entity": "Alexander Lukashenko",
                        "label": "strongman",
                        "qualifier": None,
                    }
                ],
                "figures": [{"kind": "date", "value": 20200000, "unit": "date"}],
            }
        )
    )
    scores = evaluate(tmp_path)
    assert scores["entities"]["tp"] == 2
    assert scores["articles"]["x"]["entities"]["false_positives"] == ["minsk"]
    assert scores["articles"]["x"]["entities"]["false_negatives"] == ["moscow"]
    assert scores["labels"]["f1"] == 1.0
    assert scores["figures"]["f1"] == 1.0
    assert scores["quotes"]["f1"] is None  # no quote annotations in this directory
    assert "moscow" in report(scores)
