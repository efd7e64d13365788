"""Labels: how an outlet describes a person, one pattern at a time."""

import pytest

from datasette_newsvisits.extract import read_article
from datasette_newsvisits.extract.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def labels(text, gazetteer):
    doc = read_article(text, gazetteer)
    names = {e.id: e.name for e in doc.entities}
    return [
        (names[x.entity_id], x.label, x.qualifier, x.nationality) for x in doc.labels
    ]


LUK = "Alexander Lukashenko"


def test_a_descriptor_before_the_name_with_its_nationality(gazetteer):
    assert labels("Belarusian ruler Alexander Lukashenko arrived.", gazetteer) == [
        (LUK, "ruler", None, "belarusian")
    ]
    assert labels("Belarus strongman Alexander Lukashenko left.", gazetteer) == [
        (LUK, "strongman", None, "belarusian")
    ]
    assert labels("President of Belarus Alexander Lukashenko spoke.", gazetteer) == [
        (LUK, "president", None, "belarusian")
    ]


def test_chained_titles_each_become_a_label(gazetteer):
    found = labels("He met head of state and party leader Xi Jinping.", gazetteer)
    assert found == [
        ("Xi Jinping", "head of state", None, None),
        ("Xi Jinping", "party leader", None, None),
    ]


def test_kremlin_chief_is_one_descriptor(gazetteer):
    assert labels("Kremlin chief Vladimir Putin called.", gazetteer) == [
        ("Vladimir Putin", "kremlin chief", None, None)
    ]


def test_apposition_names_a_relation_with_its_object(gazetteer):
    text = "Alexander Lukashenko, an ally of Russian President Putin, will visit."
    assert (LUK, "ally of putin", None, None) in labels(text, gazetteer)
    assert ("Vladimir Putin", "president", None, "russian") in labels(text, gazetteer)


def test_copula_keeps_the_qualifier_apart(gazetteer):
    assert labels("Lukashenko is a close ally of Putin.", gazetteer) == [
        (LUK, "ally of putin", "close", None)
    ]
    text = "Lukashenko is one of Kremlin chief Vladimir Putin's closest allies."
    assert (LUK, "ally of putin", "close", None) in labels(text, gazetteer)


def test_an_owner_before_the_descriptor(gazetteer):
    text = "Zelenskiy's adviser Mykhailo Podoliak was blunter."
    assert labels(text, gazetteer) == [
        ("Mykhailo Podolyak", "adviser to zelenskyy", None, None)
    ]


def test_the_nationality_stand_in_goes_to_that_countrys_leader(gazetteer):
    text = (
        "Alexander Lukashenko met Sviatlana Tsikhanouskaya's critics. "
        "The Belarusian leader said little."
    )
    assert (LUK, "leader", None, "belarusian") in labels(text, gazetteer)
    assert labels("The Belarusian leader said little.", gazetteer) == []


def test_a_list_of_names_is_not_an_apposition(gazetteer):
    text = "Xi Jinping, President of Belarus Alexander Lukashenko and others met."
    assert labels(text, gazetteer) == [(LUK, "president", None, "belarusian")]


def test_counterpart_is_not_a_label(gazetteer):
    assert labels("He will meet Chinese counterpart Xi Jinping.", gazetteer) == []


def test_a_possessive_pronoun_points_to_the_person_named_before(gazetteer):
    text = (
        "Sviatlana Tsikhanouskaya criticized the trip. "
        "Franak Viacorka, her chief adviser, agreed."
    )
    assert labels(text, gazetteer) == [
        ("Franak Viacorka", "adviser to tsikhanouskaya", "chief", None)
    ]
