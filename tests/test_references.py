"""The resolver step: pronouns and definite descriptions -> the entity they mean.

Every sentence here was written for these tests; the gazetteer is the shipped one.
"""

import pytest

from datasette_newsvisits.extract import STEPS, read_article
from datasette_newsvisits.extract.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def described(text, gazetteer):
    """(description as written, name of the entity it resolves to or None)."""
    doc = read_article(text, gazetteer)
    refs = doc.references
    names = {e.id: e.name for e in doc.entities}
    return [(d.surface, names.get(refs.described(d))) for d in refs.descriptions]


def test_the_resolver_runs_between_the_entities_and_their_readers():
    order = [step.name for step in STEPS]
    assert order.index("entities") < order.index("references") < order.index("quotes")
    assert order.index("references") < order.index("labels")
    by_name = {step.name: step for step in STEPS}
    assert "references" in by_name["quotes"].reads
    assert "references" in by_name["labels"].reads


def test_a_nationality_picks_the_person_of_that_country(gazetteer):
    text = (
        "Alexander Lukashenko met Xi Jinping in Beijing. The Chinese leader praised "
        "the talks, and the Belarusian leader thanked him."
    )
    assert described(text, gazetteer) == [
        ("The Chinese leader", "Xi Jinping"),
        ("the Belarusian leader", "Alexander Lukashenko"),
    ]


def test_the_most_salient_matching_person_wins_not_the_nearest(gazetteer):
    # Lukashenko is the subject twice; Putin is named last, as an object.
    text = (
        "Alexander Lukashenko arrived in Beijing on Monday. Lukashenko said he would "
        "call Vladimir Putin. The president then went to the Great Hall."
    )
    assert described(text, gazetteer)[-1] == ("The president", "Alexander Lukashenko")


def test_a_description_in_a_headline_looks_ahead(gazetteer):
    text = (
        "Belarusian leader heads to Beijing\n"
        "Alexander Lukashenko, the president of Belarus, left Minsk on Monday."
    )
    assert ("Belarusian leader", "Alexander Lukashenko") in described(text, gazetteer)


def test_an_organization_description_takes_the_organization_named_before(gazetteer):
    text = "Xinhua reported the talks on Monday. The agency said they lasted an hour."
    assert described(text, gazetteer) == [("The agency", "Xinhua")]


def test_a_country_after_of_is_the_nationality(gazetteer):
    text = (
        "Kassym-Jomart Tokayev met Xi Jinping. The talks were warm, said the Head of "
        "State of Kazakhstan."
    )
    assert described(text, gazetteer) == [
        ("the Head of State of Kazakhstan", "Kassym-Jomart Tokayev")
    ]


def test_his_counterpart_is_the_other_person(gazetteer):
    text = (
        "Vladimir Putin welcomed Xi Jinping in Moscow. He thanked his counterpart "
        "for the visit."
    )
    assert described(text, gazetteer) == [("his counterpart", "Xi Jinping")]


def test_a_title_before_a_name_is_not_a_description(gazetteer):
    text = "The Chinese President Xi Jinping met the Belarusian delegation."
    assert described(text, gazetteer) == []


def test_a_title_then_a_comma_and_a_name_is_that_person(gazetteer):
    text = (
        "Xi Jinping met Alexander Lukashenko. Also present was the country's foreign "
        "minister, Sergei Aleinik."
    )
    assert described(text, gazetteer) == [
        ("the country's foreign minister", "Sergei Aleinik")
    ]


def test_a_description_never_becomes_an_entity(gazetteer):
    text = "The Belarusian leader said the talks went well, a state news agency said."
    doc = read_article(text, gazetteer)
    assert [e.name for e in doc.entities] == []
    assert [q for q in doc.quotes] == []


def test_a_possessive_title_is_not_the_title_of_its_holder(gazetteer):
    # "the president's spokeswoman" says Eismont speaks for a president, not that
    # she is one.
    text = (
        "Alexander Lukashenko flew to Beijing. The president's spokeswoman Natalia "
        "Eismont said the agenda was full. The president later met Xi Jinping."
    )
    assert described(text, gazetteer)[-1] == (
        "The president",
        "Alexander Lukashenko",
    )


def test_the_latter_and_the_former(gazetteer):
    text = (
        "Alexander Lukashenko met Xi Jinping in Beijing. "
        '"We are old friends," the latter said.'
    )
    doc = read_article(text, gazetteer)
    assert [q.speaker_id for q in doc.quotes] == ["xi-jinping"]


def test_a_capital_stands_for_its_country(gazetteer):
    text = (
        "Alexander Lukashenko met Xi Jinping in Beijing. The Minsk dictator "
        "praised his host."
    )
    assert ("The Minsk dictator", "Alexander Lukashenko") in described(text, gazetteer)


def test_an_ordinal_makes_a_description_no_reference(gazetteer):
    text = "Xi Jinping met Alexander Lukashenko. He is the 13th head of state to come."
    assert described(text, gazetteer) == []


# -- salience by grammatical role (centering: the subject outranks later objects) ------


def test_the_subject_of_the_sentence_before_outranks_an_object_named_after_it(
    gazetteer,
):
    text = (
        "President of Belarus Alexander Lukashenko plans an official visit to China, "
        "where he will hold talks with Chinese President Xi Jinping. The head of "
        "state announced this on Monday."
    )
    assert described(text, gazetteer) == [("The head of state", "Alexander Lukashenko")]


def test_a_nationality_still_rules_the_subject_out(gazetteer):
    text = (
        "President of Belarus Alexander Lukashenko will hold talks with Chinese "
        "President Xi Jinping. The Chinese leader is expected to sign a joint statement."
    )
    assert described(text, gazetteer) == [("The Chinese leader", "Xi Jinping")]


def test_a_description_as_subject_keeps_its_person_salient(gazetteer):
    # Xi is named last, as an object; the sentence is about "the Belarusian president".
    text = (
        "Alexander Lukashenko landed in Beijing on Monday. The Belarusian president "
        "then held a meeting with Xi Jinping. The head of state called the talks "
        "productive."
    )
    assert described(text, gazetteer)[-1] == (
        "The head of state",
        "Alexander Lukashenko",
    )


def test_a_pronoun_opening_a_sentence_keeps_its_person_salient(gazetteer):
    text = (
        "Alexander Lukashenko landed in Beijing on Monday. He met Xi Jinping on "
        "Tuesday. The president praised the welcome."
    )
    assert described(text, gazetteer)[-1] == ("The president", "Alexander Lukashenko")


def test_he_after_a_sentence_whose_subject_follows_an_object_with_a_title(gazetteer):
    # "with Chinese President Xi Jinping" is an object though a title stands between
    # the preposition and the name.
    text = (
        "At the talks with Chinese President Xi Jinping, Belarusian leader Alexander "
        'Lukashenko signed fourteen documents. "A good day," he said.'
    )
    doc = read_article(text, gazetteer)
    assert [q.speaker_id for q in doc.quotes] == ["alexander-lukashenko"]


def test_the_gazetteer_role_decides_a_nationality_the_article_blurs(gazetteer):
    # Tokayev's lead-in names China too; his role says he is Kazakh.
    text = (
        "Presidents of Kazakhstan and China Kassym-Jomart Tokayev and Xi Jinping held "
        "talks. The Kazakh leader congratulated Xi Jinping on his reelection as the "
        "Chairman of China."
    )
    assert ("the Chairman of China", "Xi Jinping") in described(text, gazetteer)


def test_every_role_the_gazetteer_gives_counts(gazetteer):
    # Wang Yi's role lists a party office first and "Foreign Minister of China" second.
    text = (
        "Wang Yi told Maxim Ryzhenkov that China valued the ties. The minister added "
        "that Beijing was ready to help."
    )
    assert described(text, gazetteer) == [("The minister", "Wang Yi")]


def test_an_age_stands_for_the_person_it_was_given_to(gazetteer):
    text = (
        "Belarusian leader Alexander Lukashenko met Xi Jinping on Monday. The "
        "69-year-old, who has ruled since 1994, is a staunch ally of Vladimir Putin. "
        "Xi told Lukashenko that China was ready to deepen cooperation. Later the "
        "69-year-old told reporters that the talks had gone well."
    )
    assert described(text, gazetteer) == [
        ("The 69-year-old", "Alexander Lukashenko"),
        ("the 69-year-old", "Alexander Lukashenko"),
    ]


def test_an_age_before_a_noun_is_no_description_of_its_own(gazetteer):
    text = "Alexander Lukashenko met Xi Jinping. The 69-year-old leader smiled."
    assert [s for s, _ in described(text, gazetteer)] == ["The 69-year-old leader"]


def test_a_characterization_with_an_owner_is_the_person_the_story_is_about(gazetteer):
    # Xi is the subject of the sentence before; the story is about Lukashenko.
    text = (
        "Alexander Lukashenko arrived in Beijing on Monday. Lukashenko met officials. "
        "Xi Jinping told Lukashenko that China was ready to help. The Kremlin's "
        "closest partner has sought to be a bridge between Moscow and Beijing."
    )
    assert described(text, gazetteer)[-1] == (
        "The Kremlin's closest partner",
        "Alexander Lukashenko",
    )
