"""Words, content words and the byte form reuse uses: one tokenizer."""

import pytest

from datasette_newsvisits.text.keys import name_key
from datasette_newsvisits.text.words import (
    STOP_WORDS,
    content_words,
    words,
    words_utf8,
)


def test_words_are_folded_runs_of_letters_and_digits():
    assert words("Łukaszenka met Xi — twice, in 2023!") == [
        "lukaszenka",
        "met",
        "xi",
        "twice",
        "in",
        "2023",
    ]


def test_apostrophes_join_a_word_whatever_the_mark():
    assert words("We’re") == words("We're") == words("Weʼre") == ["were"]
    assert words("Xi'an") == words("Xi’an") == ["xian"]


def test_letters_beyond_latin_are_words_too():
    # before one tokenizer the key tokenizer kept only a-z: a Cyrillic name had no key
    assert words("Лукашенко прибыл") == ["лукашенко", "прибыл"]
    assert name_key("Лукашенко") == "лукашенко"


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII, with punctuation; and 2023's numbers.",
        "Lukashenko’s “old friend” Xi — in Łódź",
        "Straße and Ærø, don't `quote` me",
        "Лукашенко и Си",
        "",
    ],
)
def test_the_byte_form_gives_the_same_words(text):
    assert words_utf8(text) == [w.encode("utf-8") for w in words(text)]


def test_content_words_leave_out_stop_words():
    assert content_words("The talks will be held in Beijing") == [
        "talks",
        "held",
        "beijing",
    ]
    assert {"the", "said", "would"} <= STOP_WORDS
