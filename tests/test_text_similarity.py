"""One similarity measure: the SQL function and reuse grouping agree."""

import json
from pathlib import Path

from datasette_newsvisits.reuse import MIN_WORDS, PAIR_THRESHOLD, is_reuse
from datasette_newsvisits.text.similarity import combined_score, similarity
from datasette_newsvisits.text.words import words

PAIRS = json.loads(
    (Path(__file__).parent / "fixtures" / "reuse" / "pairs.json").read_text(
        encoding="utf-8"
    )
)["pairs"]


def test_similarity_is_one_for_the_same_words_and_zero_for_unrelated():
    assert similarity("Talks lasted four hours.", "talks lasted FOUR hours") == 1.0
    assert similarity("Talks lasted four hours", "Tractors were exported") == 0.0
    assert similarity("", "") == 0.0


def test_word_order_and_function_words_do_not_count():
    assert (
        similarity(
            "In Beijing the two leaders signed a treaty",
            "The two leaders signed a treaty in Beijing",
        )
        == 1.0
    )


def test_a_trimmed_reprint_scores_high_through_the_overlap_coefficient():
    wire = "Lukashenko arrived in Beijing on Tuesday for a three-day state visit"
    trimmed = "Lukashenko arrived in Beijing on Tuesday"
    # content words: 4 shared of 8 and 4 -> Jaccard 4/8, overlap 4/4
    assert similarity(wire, trimmed) == (4 / 8 + 4 / 4) / 2


def test_combined_score_is_the_mean_of_jaccard_and_overlap():
    assert combined_score(2, 4, 2, 2) == (2 / 4 + 2 / 2) / 2


def test_the_pairwise_reuse_decision_is_this_measure_at_its_threshold():
    decided = 0
    for pair in PAIRS:
        a, b = pair["a"], pair["b"]
        if len(words(a)) >= MIN_WORDS and len(words(b)) >= MIN_WORDS:
            assert is_reuse(a, b) == (similarity(a, b) >= PAIR_THRESHOLD)
            decided += 1
    assert decided > 50
