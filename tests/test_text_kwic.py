"""Keyword in context."""

from datasette_newsvisits.text.kwic import kwic


def test_kwic_marks_each_whole_word_match_with_context():
    text = "Xi met Lukashenko. Later LUKASHENKO left; Lukashenkos is not a match."
    lines = kwic(text, "lukashenko", width=8)
    assert lines == ["Xi met [Lukashenko]. Later …", "…. Later [LUKASHENKO] left; L…"]


def test_kwic_limits_the_number_of_lines():
    assert len(kwic("word " * 500, "word", width=3, limit=7)) == 7
    assert kwic("anything", "   ") == []


def test_kwic_treats_the_term_literally():
    assert kwic("a (b) c", "(b)", width=2) == ["a [(b)] c"]
