"""Reuse detection: near-identical sentences across articles, grouped and stored."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from datasette_newsvisits.reuse import (
    group_sentences,
    is_reuse,
    update_reuse,
)
from datasette_newsvisits.schema import ensure_schema
from datasette_newsvisits.text.sentences import split_sentences
from datasette_newsvisits.text.similarity import similarity
from datasette_newsvisits.text.words import words

PAIRS = json.loads(
    (Path(__file__).parent / "fixtures" / "reuse" / "pairs.json").read_text(
        encoding="utf-8"
    )
)["pairs"]

WIRE = (
    "Belarusian President Alexander Lukashenko arrived in Beijing on Tuesday for a three-day "
    "state visit, his first trip to China since the war in Ukraine began."
)
EDITED = (
    "BEIJING (AFP) - Belarusian leader Alexander Lukashenko arrived in Beijing on Tuesday for "
    "a three-day state visit, his first trip to China since the start of the war in Ukraine."
)
QUOTE = (
    "“China and Belarus are true friends who can rely on each other in any weather,” Xi said, "
    "according to state broadcaster CCTV."
)


def pair_scores(predicted: list[bool]) -> tuple[float, float]:
    truth = [pair["reuse"] for pair in PAIRS]
    tp = sum(p and t for p, t in zip(predicted, truth))
    fp = sum(p and not t for p, t in zip(predicted, truth))
    fn = sum(t and not p for p, t in zip(predicted, truth))
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def test_fixture_has_enough_pairs_of_each_kind():
    assert len(PAIRS) >= 60
    kinds = {pair["kind"] for pair in PAIRS}
    assert {"typos", "reordered", "quotes", "dateline", "trimmed"} <= kinds
    assert {"paraphrase", "same-quote", "different-facts"} <= kinds
    assert sum(pair["reuse"] for pair in PAIRS) >= 30
    assert sum(not pair["reuse"] for pair in PAIRS) >= 25


def test_grouping_all_fixture_sentences_together_meets_precision_and_recall():
    texts = [text for pair in PAIRS for text in (pair["a"], pair["b"])]
    labels = group_sentences(texts)
    predicted = [
        labels[2 * k] is not None and labels[2 * k] == labels[2 * k + 1]
        for k in range(len(PAIRS))
    ]
    precision, recall = pair_scores(predicted)
    assert precision >= 0.95
    assert recall >= 0.9


def test_pairwise_decision_meets_precision_and_recall():
    precision, recall = pair_scores([is_reuse(pair["a"], pair["b"]) for pair in PAIRS])
    assert precision >= 0.95
    assert recall >= 0.9


def test_words_ignore_case_quotes_dashes_and_accents():
    assert words("“Łukaszenka’s” — ALL-weather Café") == words(
        '"łukaszenka\'s" - all weather cafe'
    )


def test_similarity_is_symmetric_and_bounded():
    assert similarity(WIRE, EDITED) == similarity(EDITED, WIRE)
    assert similarity(WIRE, WIRE) == 1.0
    assert 0.6 < similarity(WIRE, EDITED) < 1.0
    assert similarity(WIRE, QUOTE) < 0.2


def test_short_sentences_take_no_part():
    assert not is_reuse("Lukashenko arrived.", "Lukashenko arrived.")
    assert group_sentences(["Related content", "Related content"]) == [None, None]


def test_group_labels_point_at_the_first_member():
    labels = group_sentences(
        [QUOTE, WIRE, "Completely unrelated words about weather here.", EDITED]
    )
    assert labels == [None, 1, None, 1]


def test_a_big_bucket_of_reprints_is_one_group():
    reprints = [f"{WIRE} Outlet number {n} added this." for n in range(300)]
    labels = group_sentences(reprints + [QUOTE])
    assert set(labels[:300]) == {0}
    assert labels[300] is None


def test_a_sentence_joining_two_stories_does_not_chain_their_groups():
    potash = (
        "Belarusian potash exports to China tripled after Lithuania closed the port of "
        "Klaipeda to Belarusian cargo"
    )
    rail = (
        "Minsk opened a new rail freight terminal for Chinese electronics near the Great "
        "Stone industrial park"
    )
    reprints = [
        potash + ".",
        "BEIJING (AFP) - " + potash + ".",
        potash.replace("tripled", "trebled") + ".",
    ]
    others = [
        rail + ".",
        "MINSK (Reuters) - " + rail + ".",
        rail.replace("opened", "unveiled") + ".",
    ]
    bridge = potash + ", while " + rail + "."  # two sentences run together
    labels = group_sentences([*reprints, bridge, *others])
    assert len(set(labels[:3])) == 1 and len(set(labels[4:])) == 1
    assert labels[0] != labels[4]  # the bridge joins one story, not both
    assert labels[3] in (labels[0], labels[4])


def test_grouping_is_the_same_in_every_process():
    script = (
        "import json, sys; from datasette_newsvisits.reuse import group_sentences; "
        "pairs = json.load(open(sys.argv[1]))['pairs']; "
        "print(group_sentences([t for p in pairs for t in (p['a'], p['b'])]))"
    )
    path = Path(__file__).parent / "fixtures" / "reuse" / "pairs.json"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script, str(path)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


def build(path, articles: dict[str, tuple[str | None, str]]) -> sqlite3.Connection:
    """A real database with the public schema: article id -> (outlet, text), split."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")  # as the loader opens it
    ensure_schema(conn)
    for article_id, (outlet, text) in articles.items():
        if outlet:
            conn.execute("INSERT OR IGNORE INTO outlets (id) VALUES (?)", (outlet,))
        conn.execute(
            "INSERT INTO articles (id, source, outlet_id, text) VALUES (?, ?, ?, ?)",
            (article_id, article_id + ".txt", outlet, text),
        )
        conn.executemany(
            'INSERT INTO sentences (article_id, position, text, start, "end") '
            "VALUES (?, ?, ?, ?, ?)",
            [
                (article_id, n, text[start:end], start, end)
                for n, (start, end) in enumerate(split_sentences(text))
            ],
        )
    return conn


@pytest.fixture
def conn(tmp_path):
    connection = build(
        tmp_path / "reuse.db",
        {
            "a1": (
                "reuters",
                f"{WIRE} Minsk hopes for new loans from Chinese banks this year.",
            ),
            "a2": (
                "dw",
                f"{EDITED}\nThe opposition in exile called the trip a betrayal of voters.",
            ),
            "a3": (None, f"{QUOTE} {WIRE}"),
            "a4": (
                "aljazeera",
                "Kyiv was not consulted about the visit. Officials stayed silent.",
            ),
        },
    )
    yield connection
    connection.close()


def test_update_reuse_groups_shared_sentences_across_articles(conn):
    stats = update_reuse(conn)
    assert stats["sentences"] == 8
    assert stats["groups"] == 1
    (group,) = conn.execute(
        "SELECT id, sentences, articles, outlets, text FROM reuse"
    ).fetchall()
    first = conn.execute(
        "SELECT min(id) FROM sentences WHERE text = ?", (WIRE,)
    ).fetchone()[0]
    assert group == (first, 3, 3, 3, WIRE)  # a3 has no outlet: counted as its own
    grouped = conn.execute(
        "SELECT article_id FROM sentences WHERE reuse_id = ? ORDER BY article_id",
        (first,),
    ).fetchall()
    assert grouped == [("a1",), ("a2",), ("a3",)]
    assert conn.execute(
        "SELECT count(*) FROM sentences WHERE reuse_id IS NULL"
    ).fetchone() == (5,)


def test_update_reuse_sets_wire_share_by_sentence_characters(conn):
    update_reuse(conn)
    share = dict(conn.execute("SELECT id, wire_share FROM articles"))
    a1 = conn.execute(
        'SELECT sum("end" - start), sum(CASE WHEN reuse_id IS NULL THEN 0 ELSE "end" - start END) '
        "FROM sentences WHERE article_id = 'a1'"
    ).fetchone()
    assert share["a1"] == pytest.approx(a1[1] / a1[0], abs=1e-4)
    assert 0.5 < share["a1"] < 1
    assert share["a4"] == 0.0


def test_update_reuse_is_idempotent(conn):
    update_reuse(conn)
    before = conn.execute("SELECT * FROM sentences ORDER BY id").fetchall()
    reuse_before = conn.execute("SELECT * FROM reuse").fetchall()
    changes = conn.total_changes
    stats = update_reuse(conn)
    assert stats["changed"] == 0
    assert conn.execute("SELECT * FROM sentences ORDER BY id").fetchall() == before
    assert conn.execute("SELECT * FROM reuse").fetchall() == reuse_before
    assert conn.total_changes - changes == 2 * len(
        reuse_before
    )  # reuse rows rewritten only


def test_repeats_within_one_article_are_not_reuse(tmp_path):
    conn = build(tmp_path / "one.db", {"solo": ("x", f"{WIRE}\n{WIRE}")})
    assert update_reuse(conn)["groups"] == 0
    assert conn.execute(
        "SELECT count(*) FROM sentences WHERE reuse_id IS NOT NULL"
    ).fetchone() == (0,)


def test_groups_disappear_when_the_sharing_article_goes(conn):
    update_reuse(conn)
    conn.execute("DELETE FROM sentences WHERE article_id IN ('a2', 'a3')")
    conn.execute("DELETE FROM articles WHERE id IN ('a2', 'a3')")
    assert update_reuse(conn)["groups"] == 0
    assert conn.execute(
        "SELECT wire_share FROM articles WHERE id = 'a1'"
    ).fetchone() == (0.0,)


def reused_texts(db_path) -> list[str]:
    conn = sqlite3.connect(db_path)
    rows = conn.execute(
        "SELECT group_concat(s.text, ' || ') FROM sentences s WHERE reuse_id IS NOT NULL "
        "GROUP BY reuse_id"
    ).fetchall()
    conn.close()
    return [row[0] for row in rows]


def test_bundled_corpus_has_the_known_wire_groups(bundled_db):
    groups = reused_texts(bundled_db)

    def group_with(*fragments) -> bool:
        return any(all(f in group for f in fragments) for group in groups)

    assert group_with("At the invitation of Chinese President Xi Jinping")
    assert group_with("Qin Gang told his Belarusian counterpart Sergei Aleinik")
    assert group_with("where they announced an", "announced an “all-weather” strategic")
    assert group_with(
        "close ally of Putin and has backed", "close ally of Russian President"
    )


def test_held_out_pairs_never_used_for_tuning():
    held_out = json.loads(
        (Path(__file__).parent / "fixtures" / "reuse" / "heldout.json").read_text(
            encoding="utf-8"
        )
    )["pairs"]
    labels = group_sentences(
        [text for pair in held_out for text in (pair["a"], pair["b"])]
    )
    predicted = [
        labels[2 * k] is not None and labels[2 * k] == labels[2 * k + 1]
        for k in range(len(held_out))
    ]
    truth = [pair["reuse"] for pair in held_out]
    tp = sum(p and t for p, t in zip(predicted, truth))
    assert tp / max(sum(predicted), 1) >= 0.9
    assert tp / sum(truth) >= 0.9
