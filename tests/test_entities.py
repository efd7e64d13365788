"""Entities in an article: known names, people found by rules, and short later mentions."""

import pytest

from datasette_newsvisits.extract.doc import Document
from datasette_newsvisits.extract.entities import extract_entities
from datasette_newsvisits.extract.gazetteer import Gazetteer, load_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def find(text, gazetteer):
    """(entities, mentions in text order) of ``text``."""
    entities, mentions = extract_entities(Document(text, gazetteer))
    return entities, list(mentions)


def names(text, gazetteer):
    entities, _ = find(text, gazetteer)
    return [e.name for e in entities]


def test_spelling_variants_merge_into_one_entity(gazetteer):
    text = "Łukaszenka flew to Beijing. Lukashenko met Jinping; Lukashenka left."
    entities, mentions = find(text, gazetteer)
    assert [e.name for e in entities] == [
        "Alexander Lukashenko",
        "Beijing",
        "Xi Jinping",
    ]
    assert [m.surface for m in mentions if m.entity_id == "alexander-lukashenko"] == [
        "Łukaszenka",
        "Lukashenko",
        "Lukashenka",
    ]


def test_an_unknown_person_after_a_title_is_a_new_entity(gazetteer):
    entities, _ = find(
        "Deputy Foreign Minister Ivan Petrenko arrived on Monday.", gazetteer
    )
    assert [(e.name, e.id, e.type, e.wikidata) for e in entities] == [
        ("Ivan Petrenko", "ivan-petrenko", "person", None)
    ]


def test_an_unknown_person_in_apposition_is_found(gazetteer):
    text = "Marta Zielinska, a senior researcher at a Warsaw institute, disagreed."
    assert names(text, gazetteer) == ["Marta Zielinska", "Warsaw"]


def test_a_repeated_capitalized_full_name_is_a_person(gazetteer):
    text = "Olga Brandt wrote first. Critics answered Olga Brandt at once."
    assert names(text, gazetteer) == ["Olga Brandt"]
    assert names("Olga Brandt wrote once.", gazetteer) == []


def test_surname_only_mentions_resolve_to_the_full_name_in_the_article(gazetteer):
    text = (
        "Chinese Foreign Minister Qin Gang spoke to Petro Marchuk, an adviser to the "
        "cabinet. Qin said trust mattered; Marchuk agreed."
    )
    entities, mentions = find(text, gazetteer)
    by_surface = {m.surface: m.entity_id for m in mentions}
    assert by_surface["Qin"] == "qin-gang"
    assert by_surface["Marchuk"] == "petro-marchuk"
    assert {e.name for e in entities} == {"Qin Gang", "Petro Marchuk"}


def test_a_misspelled_known_name_resolves_to_the_gazetteer_person(gazetteer):
    text = "the woman many say won in 2020, Svitlana Tsiikhanouskaya."
    entities, mentions = find(text, gazetteer)
    assert [e.id for e in entities] == ["sviatlana-tsikhanouskaya"]
    assert mentions[0].surface == "Svitlana Tsiikhanouskaya"


def test_headings_weekdays_months_and_nationalities_are_not_entities(gazetteer):
    text = (
        "Trade And Investment Outlook\n"
        "On Tuesday Belarusian and Chinese officials met. In March The Talks resumed. "
        "Economic Cooperation Forum opened. Economic Cooperation Forum closed."
    )
    assert names(text, gazetteer) == []


def test_discovered_ids_never_take_a_gazetteer_id(gazetteer, tmp_path):
    # "Peking" is a gazetteer alias of Beijing; a person of that exact slug would clash.
    entities, _ = find("Analyst Li Qiangwei said. Li Qiangwei added.", gazetteer)
    ids = {e.id for e in entities}
    assert ids == {"li-qiangwei"}
    assert all(gazetteer.get(i) is None for i in ids)


def test_mention_offsets_point_at_the_surface(gazetteer):
    text = "Spokesperson Wang Wenbin said Wang was sure; Lukashenko's aide nodded."
    _, mentions = find(text, gazetteer)
    assert [m.surface for m in mentions] == ["Wang Wenbin", "Wang", "Lukashenko"]
    for m in mentions:
        assert text[m.start : m.end] == m.surface


def test_a_first_name_before_a_known_surname_joins_the_mention(gazetteer):
    text = "Aleksandr Łukaszenka and Alexander G. Lukashenko are one man."
    entities, mentions = find(text, gazetteer)
    assert [e.id for e in entities] == ["alexander-lukashenko"]
    assert [m.surface for m in mentions] == [
        "Aleksandr Łukaszenka",
        "Alexander G. Lukashenko",
    ]


def test_a_surname_that_recurs_alone_makes_a_full_name_a_person(gazetteer):
    text = "It was built by Aino Koskinen in a shed. Koskinen said it works."
    assert names(text, gazetteer) == ["Aino Koskinen"]


def test_discovered_names_ending_like_companies_are_organizations(gazetteer):
    entities, _ = find(
        "Analysts at Oxford Economics agree; Oxford Economics said so.", gazetteer
    )
    assert [(e.name, e.type) for e in entities] == [
        ("Oxford Economics", "organization")
    ]


def test_empty_and_nameless_text_give_nothing(gazetteer):
    assert find("", gazetteer) == ([], [])
    assert find("no capitals here at all.", gazetteer) == ([], [])


def test_a_surname_with_a_letter_folded_to_two_is_still_a_short_mention():
    # The short-mention index was keyed by one fold ("ß" -> "ss") and looked up by
    # another ("ß" -> "s"), so "Großmann" alone was never found; one table fixes it.
    gazetteer = Gazetteer(
        [{"name": "Matthias Großmann", "type": "person"}, {"name": "Minsk"}]
    )
    text = (
        "Matthias Großmann arrived in Minsk on Monday. Großmann said talks went well."
    )
    _, mentions = find(text, gazetteer)
    assert [(m.surface, m.entity_id) for m in mentions if m.entity_id != "minsk"] == [
        ("Matthias Großmann", "matthias-grossmann"),
        ("Großmann", "matthias-grossmann"),
    ]


def test_a_title_of_several_words_before_a_name(gazetteer):
    text = "Minister of Foreign Affairs Ivan Petrovic and Ambassador to China Ana Kovac"
    assert names(text, gazetteer) == ["Ivan Petrovic", "China", "Ana Kovac"]


def test_a_title_then_a_comma_then_the_name(gazetteer):
    text = "according to the president's foreign policy adviser, Yuri Demidov."
    assert names(text, gazetteer) == ["Yuri Demidov"]


def test_what_someone_does_before_the_name_marks_a_person(gazetteer):
    assert names("The firefighter Tom Alder spoke first.", gazetteer) == ["Tom Alder"]
    assert names("It rained all winter Tom Alder said.", gazetteer) == []


def test_a_possessive_apposition_marks_a_person(gazetteer):
    text = "He was met by Zhou Lan, China's culture and tourism minister."
    assert names(text, gazetteer) == ["Zhou Lan", "China"]


def test_a_portfolio_word_is_not_part_of_the_name(gazetteer):
    text = "Minister of Finance Ivan Petrovic arrived."
    assert names(text, gazetteer) == ["Ivan Petrovic"]


def test_a_chinese_given_name_in_two_parts_is_the_known_person(gazetteer):
    assert names("Talks with Wang Hu Ning followed.", gazetteer) == ["Wang Huning"]


def test_a_shared_family_name_is_the_person_named_before_it(gazetteer):
    text = (
        "Kenyan pacemaker Gideon Kiprono won the race. Kiprono said he was happy. "
        "His sister, runner Valentine Kiprono, came third."
    )
    _, mentions = find(text, gazetteer)
    short = [m for m in mentions if m.surface == "Kiprono"]
    assert [m.entity_id for m in short] == ["gideon-kiprono"]


def test_organizations_places_and_events_by_their_head_word(gazetteer):
    text = (
        "The Lakeside City Council approved the plan on Tuesday, and the Lakeside "
        "Police Department said the Ministry of Emergency Situations would help near "
        "Tullow County during the Harvest Trade Summit."
    )
    entities, _ = find(text, gazetteer)
    assert {(e.name, e.type) for e in entities} == {
        ("Lakeside City Council", "organization"),
        ("Lakeside Police Department", "organization"),
        ("Ministry of Emergency Situations", "organization"),
        ("Tullow County", "place"),
        ("Harvest Trade Summit", "other"),
    }


def test_an_institution_takes_in_a_place_at_its_edges(gazetteer):
    text = (
        "Li Wenhao of the China Institute of International Studies and Wei Dongsheng "
        "of Renmin University of China spoke, as did a fellow of the Chinese Academy "
        "of Social Sciences and of the Berlin-based Institute for Eastern Studies, at "
        "Moscow State University in Russia."
    )
    found = set(names(text, gazetteer))
    assert {
        "China Institute of International Studies",
        "Renmin University of China",
        "Chinese Academy of Social Sciences",
        "Institute for Eastern Studies",
        "Moscow State University",
        "Russia",
    } <= found
    assert "China" not in found  # named only inside the institutions' names


def test_a_part_of_an_organization_and_two_names_joined_by_of_are_no_institution(
    gazetteer,
):
    text = (
        "Pavel Latushka told RFE/RL's Belarus Service that a fellow of the Institute "
        "of Asian Studies of the Belarusian Academy spoke in Minsk on Tuesday."
    )
    found = set(names(text, gazetteer))
    assert "Belarus Service" not in found
    assert not any("Studies of the" in name for name in found)


def test_generic_names_and_menu_lines_are_not_institutions(gazetteer):
    assert (
        names("The Foreign Ministry said on Monday the talks went well.", gazetteer)
        == []
    )
    assert names("Home\\nLakeside City Council\\nContact us", gazetteer) == []
