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


def test_a_definite_description_is_a_label_of_whom_it_means(gazetteer):
    text = (
        "Alexander Lukashenko landed in Beijing. The veteran leader was met by "
        "Xi Jinping, and the Chinese head of state hosted a banquet."
    )
    found = labels(text, gazetteer)
    assert (LUK, "leader", "veteran", None) in found
    assert ("Xi Jinping", "head of state", None, "chinese") in found


def test_a_headline_descriptor_goes_to_the_person_the_article_is_about(gazetteer):
    text = (
        "Kremlin ally heads to Beijing\n"
        "Alexander Lukashenko, a close ally of Russian President Vladimir Putin, "
        "flew to China on Monday."
    )
    assert (LUK, "ally", None, "russian") in labels(text, gazetteer)


def test_dubbed_or_called_in_quotation_marks(gazetteer):
    text = (
        "Alexander Lukashenko, who has ruled since 1994, has often been dubbed "
        '"Europe\'s last dictator" by critics.'
    )
    assert (LUK, "dictator", "last", None) in labels(text, gazetteer)
    text = 'Wang Huning, the "Chinese Kissinger", joined the talks.'
    assert ("Wang Huning", "kissinger", None, "chinese") in labels(text, gazetteer)


def test_a_term_called_something_is_not_a_label(gazetteer):
    text = 'Xi Jinping praised what state media called the "all-weather" friendship.'
    assert labels(text, gazetteer) == []


def test_a_title_after_the_name_and_a_comma(gazetteer):
    text = (
        "Xi Jinping met the delegation, which included the country's foreign "
        "minister, Sergei Aleinik."
    )
    assert ("Sergei Aleinik", "foreign minister", None, None) in labels(text, gazetteer)


def test_an_apposition_chain_gives_each_description(gazetteer):
    text = (
        "Alexander Lukashenko, the president of Belarus and a close ally of the "
        "Kremlin, arrived."
    )
    found = labels(text, gazetteer)
    assert (LUK, "president", None, "belarusian") in found
    assert (LUK, "ally", "close", None) in found


def test_a_qualifier_that_changes_the_meaning_stays_in_the_label(gazetteer):
    text = "Self-proclaimed president Alexander Lukashenko flew to Beijing."
    assert labels(text, gazetteer) == [
        (LUK, "self-proclaimed president", "self-proclaimed", None)
    ]
    text = "Authoritarian leader Alexander Lukashenko flew to Beijing."
    assert labels(text, gazetteer) == [
        (LUK, "authoritarian leader", "authoritarian", None)
    ]
    text = "Close ally Alexander Lukashenko flew to Beijing."
    assert labels(text, gazetteer) == [(LUK, "ally", "close", None)]


def test_minister_of_a_portfolio_is_that_minister(gazetteer):
    text = (
        "Serbia sent the Minister of Finance Sinisa Mali and the Minister of "
        "Interior Ivan Petrovic."
    )
    found = labels(text, gazetteer)
    assert ("Sinisa Mali", "finance minister", None, None) in found
    assert ("Ivan Petrovic", "interior minister", None, None) in found


def test_what_someone_does_before_their_name(gazetteer):
    text = "Kenyan pacemaker Gideon Kiprono won, and firefighter Bill Marsh watched."
    found = labels(text, gazetteer)
    assert ("Gideon Kiprono", "pacemaker", None, None) in found
    assert ("Bill Marsh", "firefighter", None, None) in found


def test_a_bare_description_inside_someones_words_is_not_a_label(gazetteer):
    # Xi speaks to Lukashenko here: "the president" is his guest, not himself.
    text = (
        "Xi Jinping welcomed Alexander Lukashenko. "
        '"Under the leadership of the president, your country has grown," Xi said.'
    )
    found = labels(text, gazetteer)
    assert all(label != "president" for _, label, _, _ in found)


# -- offices in an institution, plural titles (extract/titles.py) ----------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Chairman of the Council of the Republic Natalya Kochanova spoke first.",
            ("Natalya Kochanova", "chairman", None),
        ),
        (
            (
                "The delegation included head of the presidential administration Igor "
                "Sergeenko."
            ),
            ("Igor Sergeenko", "head", None),
        ),
        (
            (
                "Pavel Latushka, deputy head of the United Transitional Cabinet, called "
                "it a disgrace."
            ),
            ("Pavel Latushko", "deputy head", None),
        ),
        (
            (
                "Ales Bialiatski, the founder of the Viasna human rights center, is in "
                "prison."
            ),
            ("Ales Bialiatski", "founder", None),
        ),
        (
            "The talks were attended by Director of Telecom Serbia, Vladimir Lucic.",
            ("Vladimir Lucic", "director", None),
        ),
        (
            "The head of the Belarusian state Alexander Lukashenko left for Beijing.",
            (LUK, "head of state", None),
        ),
    ],
)
def test_an_office_of_an_institution_is_labelled_by_the_office(
    text, expected, gazetteer
):
    assert expected in [found[:3] for found in labels(text, gazetteer)]


def test_a_commentators_post_and_head_of_state_are_no_office(gazetteer):
    found = labels(
        "Li Xin, director of the Institute of European Studies, disagreed. Xi "
        "Jinping, head of state of China, did not.",
        gazetteer,
    )
    assert [x[:2] for x in found] == [("Xi Jinping", "head of state")]


def test_a_plural_title_labels_every_name_it_lists(gazetteer):
    text = (
        "Still in prison are opposition politicians Maryia Kalesnikava and Viktar "
        "Babaryka, and the laureate Ales Bialiatski."
    )
    assert [x[:2] for x in labels(text, gazetteer)] == [
        ("Maria Kolesnikova", "opposition politician"),
        ("Viktor Babariko", "opposition politician"),
        ("Ales Bialiatski", "laureate"),  # a title of his own, not the plural's
    ]


def test_a_copula_after_a_description_labels_whom_it_describes(gazetteer):
    text = (
        "Alexander Lukashenko met Xi Jinping in Beijing. The 69-year-old, who has "
        "ruled Belarus since 1994, is a staunch ally of Kremlin chief Vladimir Putin."
    )
    assert (LUK, "ally of putin", "staunch", None) in labels(text, gazetteer)


def test_a_relation_with_a_named_owner_is_a_label_with_that_owner(gazetteer):
    text = (
        "Alexander Lukashenko flew to Beijing. Western diplomats describe him as the "
        "Kremlin's most dependent partner."
    )
    assert (LUK, "partner of kremlin", None, None) in labels(text, gazetteer)


def test_a_qualifier_before_the_nationality_and_a_relations_qualifier(gazetteer):
    found = labels(
        "Former Belarusian foreign minister Vladimir Makei prepared it. Lukashenko, "
        "a longtime ally of Vladimir Putin, signed it.",
        gazetteer,
    )
    assert ("Vladimir Makei", "foreign minister", "former", "belarusian") in found
    assert (LUK, "ally of putin", "long-time", None) in found


def test_an_office_never_reaches_across_a_sentence_end(gazetteer):
    text = (
        "It was the Belarusian ruler's second trip to the head of China. "
        "The last time Lukashenko flew to Beijing was in February."
    )
    assert all(label != "head" for _, label, _, _ in labels(text, gazetteer))
