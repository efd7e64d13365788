"""The alternation builder: one regex from a word list, longest phrase first."""

import re

import pytest

from datasette_newsvisits.extract.vocabulary import DESCRIPTORS, TITLE_WORDS
from datasette_newsvisits.text.patterns import alternation


def test_the_longest_phrase_wins_where_one_is_a_prefix_of_another():
    pattern = re.compile(alternation(["pres", "president", "press"]))
    assert pattern.match("president Xi").group() == "president"
    assert pattern.match("press office").group() == "press"
    assert pattern.match("presto").group() == "pres"


def test_spaces_can_stand_for_any_run_of_spaces():
    pattern = re.compile(alternation(["head of state"], space=r"[ \u00a0]+"))
    assert pattern.fullmatch("head  of\u00a0state")
    assert not re.fullmatch(alternation(["head of state"]), "head  of state")


def test_special_characters_are_literal_and_an_empty_list_never_matches():
    assert re.fullmatch(alternation(["u.s.", "a+b"]), "u.s.")
    assert not re.fullmatch(alternation(["u.s."]), "uxsx")
    assert not re.search(alternation([]), "anything")


@pytest.mark.parametrize("phrases", [list(DESCRIPTORS), sorted(TITLE_WORDS)])
def test_matches_what_a_longest_first_alternation_matches(phrases):
    naive = re.compile(
        "|".join(sorted(map(re.escape, phrases), key=len, reverse=True)), re.IGNORECASE
    )
    trie = re.compile(alternation(phrases), re.IGNORECASE)
    text = " ".join(phrases) + " Deputy Prime Minister Chairman of the board"
    for start in range(len(text)):
        a, b = naive.match(text, start), trie.match(text, start)
        assert (a and a.group()) == (b and b.group()), text[start : start + 30]
