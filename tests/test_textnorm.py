"""Text helpers: the quote key, similarity and keyword-in-context."""

import time

from datasette_newsvisits.text.normalize import (
    fold,
    kwic,
    name_key,
    quote_key,
    similarity,
    skeleton,
)

LONG_QUOTE = (
    "Both sides agreed to deepen cooperation in agriculture, machine building "
    "and logistics, and to open new direct flights between Minsk and Chengdu"
)


def test_fold_strips_case_and_accents():
    assert fold("Łukaszenka") == "lukaszenka"
    assert fold("Lukašenka") == "lukasenka"


def test_skeleton_absorbs_vowel_typos_and_doubled_letters():
    assert skeleton("minister") == skeleton("mnister") == skeleton("ministter")
    assert skeleton("minister") != skeleton("monastery" + "x")


def test_quote_key_ignores_marks_case_and_punctuation():
    curly = "“We are old friends,” he said."
    straight = '"we are OLD friends" he said'
    assert quote_key(curly) == quote_key(straight)


def test_quote_key_tolerates_a_vowel_typo():
    assert quote_key("the Foreign Mnister said") == quote_key(
        "the foreign minister said"
    )


def test_quote_key_survives_words_trimmed_at_the_ends():
    trimmed = LONG_QUOTE.split(" ", 1)[1].rsplit(" ", 1)[0]  # one word off each end
    assert quote_key(trimmed) == quote_key(LONG_QUOTE)


def test_quote_key_separates_different_quotes():
    assert quote_key(LONG_QUOTE) != quote_key(
        "No issue in the world can be settled today without Beijing taking part"
    )


def test_quote_key_of_nothing_is_empty():
    assert quote_key("") == ""
    assert quote_key("the and of") == ""


def test_similarity_is_one_for_the_same_words_and_zero_for_unrelated():
    assert similarity("Talks lasted four hours.", "talks lasted FOUR hours") == 1.0
    assert similarity("Talks lasted four hours", "Tractors were exported") == 0.0
    assert similarity("", "") == 0.0


def test_similarity_is_partial_for_an_edited_sentence():
    score = similarity(
        "Lukashenko arrived in Beijing on Tuesday for a three-day visit",
        "Lukashenko arrived in Beijing on Monday for a three-day visit",
    )
    assert 0.4 < score < 1.0


def test_kwic_marks_each_whole_word_match_with_context():
    text = "Xi met Lukashenko. Later LUKASHENKO left; Lukashenkos is not a match."
    lines = kwic(text, "lukashenko", width=8)
    assert lines == ["Xi met [Lukashenko]. Later …", "…. Later [LUKASHENKO] left; L…"]


def test_kwic_limits_the_number_of_lines():
    assert len(kwic("word " * 500, "word", width=3, limit=7)) == 7
    assert kwic("anything", "   ") == []


def test_kwic_treats_the_term_literally():
    assert kwic("a (b) c", "(b)", width=2) == ["a [(b)] c"]


def test_name_key_drops_possessives():
    assert name_key("Lukashenko’s") == name_key("lukashenko") == "lukashenko"
    assert name_key("Xi Jinping's") == "xi jinping"


def test_helpers_run_in_linear_time_on_a_large_text():
    text = "Belarus and China signed agreements. " * 30000  # about 1 MB
    started = time.perf_counter()
    quote_key(text)
    similarity(text, text)
    kwic(text, "china")
    assert time.perf_counter() - started < 5
