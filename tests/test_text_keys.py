"""Keys: names, ids and quotations that compare equal across spellings."""

import time

from datasette_newsvisits.text.keys import name_key, quote_key, skeleton, slugify
from datasette_newsvisits.text.kwic import kwic
from datasette_newsvisits.text.similarity import similarity

LONG_QUOTE = (
    "Both sides agreed to deepen cooperation in agriculture, machine building "
    "and logistics, and to open new direct flights between Minsk and Chengdu"
)


def test_skeleton_absorbs_vowel_typos_and_doubled_letters():
    assert skeleton("minister") == skeleton("mnister") == skeleton("ministter")
    assert skeleton("minister") != skeleton("monastery" + "x")
    assert skeleton("2023") == "2023"


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


def test_name_key_drops_possessives():
    assert name_key("Lukashenko’s") == name_key("lukashenko") == "lukashenko"
    assert name_key("Xi Jinping's") == "xi jinping"
    assert name_key("Łukaszenka") == name_key("LUKASZENKA")


def test_slugify_makes_stable_ids():
    assert slugify("Xi Jinping") == "xi-jinping"
    assert slugify("People's Daily") == "peoples-daily"
    assert slugify("!!!") == "entity"


def test_sql_function_helpers_run_in_linear_time_on_a_large_text():
    text = "Belarus and China signed agreements. " * 30000  # about 1 MB
    started = time.perf_counter()
    quote_key(text)
    similarity(text, text)
    kwic(text, "china")
    assert time.perf_counter() - started < 5
