"""The synthetic corpus generator used by the benchmarks."""

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))

from generate import LUKASHENKO, generate

from datasette_newsvisits.reuse import group_sentences
from datasette_newsvisits.text.sentences import split_sentences


def read_rows(directory: Path) -> list[dict]:
    return [
        json.loads(line)
        for shard in sorted(directory.glob("*.jsonl"))
        for line in shard.read_text(encoding="utf-8").splitlines()
    ]


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    directory = tmp_path_factory.mktemp("corpus")
    words = generate(400, directory, seed=7)
    found = read_rows(directory)
    assert sum(len(r["text"].split()) for r in found) == words
    return found


def test_rows_have_the_fields_the_loader_reads(rows):
    assert len(rows) == 400
    for row in rows:
        assert set(row) == {"text", "title", "url", "published", "outlet"}
        assert row["url"].startswith("https://") and row["published"][:2] == "20"


def test_articles_are_about_500_words(rows):
    mean = sum(len(r["text"].split()) for r in rows) / len(rows)
    assert 400 <= mean <= 650


def test_dates_cluster_around_the_visits_and_spread_over_the_years(rows):
    months = Counter(r["published"][:7] for r in rows)
    around = sum(months[m] for m in ("2022-09", "2023-02", "2023-03", "2023-12"))
    assert around / len(rows) > 0.7
    years = {r["published"][:4] for r in rows}
    assert len(years) >= 5


def test_name_variants_clutter_and_outlets_appear(rows):
    text = "\n".join(r["text"] for r in rows)
    assert sum(variant in text for variant in LUKASHENKO) >= 5
    assert "Related content" in text or "views" in text
    assert len({r["outlet"] for r in rows}) >= 15


def test_wire_sentences_are_reprinted_across_articles(rows):
    sentences = []
    owners = []
    for n, row in enumerate(rows[:150]):
        for start, end in split_sentences(row["text"]):
            sentences.append(row["text"][start:end])
            owners.append(n)
    labels = group_sentences(sentences)
    spread = Counter()
    for label, owner in zip(labels, owners):
        if label is not None:
            spread[label] += 1
    assert len(spread) >= 20  # many distinct wire sentences reprinted
    assert (
        sum(labels[i] is None for i in range(len(labels))) / len(labels) > 0.4
    )  # own copy


def test_same_seed_same_corpus_in_shards_of_fixed_size(tmp_path):
    generate(45, tmp_path / "a", seed=3, shard_size=20)
    generate(45, tmp_path / "b", seed=3, shard_size=20)
    generate(45, tmp_path / "c", seed=4, shard_size=20)
    shards = sorted((tmp_path / "a").glob("*.jsonl"))
    assert [len(s.read_text(encoding="utf-8").splitlines()) for s in shards] == [
        20,
        20,
        5,
    ]
    assert read_rows(tmp_path / "a") == read_rows(tmp_path / "b")
    assert read_rows(tmp_path / "a") != read_rows(tmp_path / "c")


def test_text_files_one_per_article(tmp_path):
    generate(5, tmp_path, fmt="txt")
    files = sorted(tmp_path.glob("*.txt"))
    assert len(files) == 5
    assert all(len(f.read_text(encoding="utf-8").split()) > 200 for f in files)
