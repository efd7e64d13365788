"""Grammatical roles read from the words before a name (``extract.references.roles``)."""

import pytest

from datasette_newsvisits.extract.references.roles import (
    governing_word,
    is_clause,
    opens_clause,
)


def role(sentence: str, name: str) -> str:
    word = governing_word(sentence, sentence.index(name))
    return "subject" if opens_clause(word) else "object"


@pytest.mark.parametrize(
    "sentence, name, expected",
    [
        ("Xi Jinping met Lukashenko.", "Xi Jinping", "subject"),
        ("Xi Jinping met Lukashenko.", "Lukashenko", "object"),
        ("He held talks with Chinese President Xi Jinping.", "Xi", "object"),
        ("President of Belarus Alexander Lukashenko flew in.", "Alexander", "subject"),
        ("Chinese President Xi Jinping said so.", "Xi", "subject"),
        ("He paid a visit to Xi in Beijing.", "Xi", "object"),
        ("The adviser to the president Ushakov spoke.", "Ushakov", "subject"),
        ("In Beijing, Xi said the ties were strong.", "Xi", "subject"),
        ("Officials said that Xi would come.", "Xi", "subject"),
        ("Last week Xi said so.", "Xi", "subject"),
        ("On Monday Lukashenko arrived.", "Lukashenko", "subject"),
        ("He met the Belarusian leader Lukashenko.", "Lukashenko", "object"),
        ("Lukashenko and Xi signed it.", "Xi", "object"),
    ],
)
def test_the_word_governing_a_name_gives_its_role(sentence, name, expected):
    assert role(sentence, name) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "The Belarusian president held a meeting with Xi",
        "the ministry said the envoy",
        "Lukashenko hosted the Chinese delegation",
        "the talks were over and Xi",
    ],
)
def test_a_phrase_with_a_finite_verb_is_a_clause(phrase):
    assert is_clause(phrase)


@pytest.mark.parametrize(
    "phrase",
    [
        "a spokesman for the Chinese foreign ministry",
        "officials familiar with the talks",
        "people briefed on the matter",
        "a person who attended the talks",
        "Belarusian Foreign Ministry spokesman Anatoly Glaz",
        "the United States",
        "analysts interviewed by the Global Times",
    ],
)
def test_a_noun_phrase_is_no_clause(phrase):
    assert not is_clause(phrase)


def test_a_plural_title_before_names_is_no_verb():
    assert not is_clause("foreign ministers Wang Yi and Sergei Lavrov")
    assert not is_clause("leaders Xi and Putin")
