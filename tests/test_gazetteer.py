"""The gazetteer: every spelling of a known entity resolves to one canonical entity."""

import json
import pickle

import pytest

from datasette_newsvisits.extract.gazetteer import Gazetteer, load_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_the_shipped_file_names_well_over_150_entities_of_every_type(gazetteer):
    entities = gazetteer.entities()
    assert len(entities) >= 150
    assert {e.type for e in entities} >= {"person", "organization", "place"}
    assert len({e.id for e in entities}) == len(entities)


@pytest.mark.parametrize(
    "spelling",
    [
        "Łukaszenka",
        "lukashenka",
        "Loukachenko",
        "Lukaschenko",
        "Alexander Lukashenko's",
    ],
)
def test_variants_of_lukashenko_look_up_to_one_entity(gazetteer, spelling):
    entity = gazetteer.lookup(spelling)
    assert entity.id == "alexander-lukashenko"
    assert entity.name == "Alexander Lukashenko"


def test_lookup_drops_titles_and_tolerates_typos_in_full_names(gazetteer):
    assert gazetteer.lookup("Jinping").name == "Xi Jinping"
    assert gazetteer.lookup("President Xi").name == "Xi Jinping"
    assert (
        gazetteer.lookup("Svitlana Tsiikhanouskaya").name == "Sviatlana Tsikhanouskaya"
    )
    assert gazetteer.lookup("Svetlana Tikhanovskaya").name == "Sviatlana Tsikhanouskaya"
    # Similar but different people stay apart, and strangers are not forced onto anyone.
    assert gazetteer.lookup("Li Qiang").name == "Li Qiang"
    assert gazetteer.lookup("Anna Kowalska") is None


def test_find_returns_offsets_into_the_text_as_given(gazetteer):
    text = "Łukaszenka met Xi in Beijing."
    found = {m.surface: m for m in gazetteer.find(text)}
    assert set(found) == {"Łukaszenka", "Xi", "Beijing"}
    for surface, mention in found.items():
        assert text[mention.start : mention.end] == surface


def test_find_keeps_word_boundaries_and_the_longest_match(gazetteer):
    text = "In Xi'an, a taxi driver; the Shanghai Cooperation Organization met in Shanghai."
    ids = [m.entity_id for m in gazetteer.find(text)]
    assert ids == ["xian", "shanghai-cooperation-organization", "shanghai"]


def test_case_rules_keep_acronyms_exact_and_names_capitalized(gazetteer):
    ids = [m.entity_id for m in gazetteer.find("let us go; the EU and eu; XI; Xi said")]
    assert ids == ["european-union", "xi-jinping"]
    # An alias written in lower case ("dpa") matches in any case.
    assert [m.entity_id for m in gazetteer.find("(DPA) and dpa")] == ["dpa", "dpa"]


def test_ignored_phrases_hide_the_names_inside_them(gazetteer):
    assert gazetteer.find("worth five billion US dollars") == []
    assert [m.surface for m in gazetteer.find("the US said")] == ["US"]


def test_user_files_add_entities_and_aliases(tmp_path):
    extra = tmp_path / "more.json"
    extra.write_text(
        json.dumps(
            {
                "entities": [
                    {
                        "name": "Anna Kowalska",
                        "type": "person",
                        "aliases": ["Kowalska"],
                    },
                    {"name": "Alexander Lukashenko", "aliases": ["Batka"]},
                ]
            }
        )
    )
    gazetteer = load_gazetteer([extra])
    assert gazetteer.lookup("kowalska").id == "anna-kowalska"
    assert gazetteer.lookup("Batka").name == "Alexander Lukashenko"
    assert ("Batka", "alexander-lukashenko") in gazetteer.aliases()
    assert load_gazetteer() is load_gazetteer()  # the default is built once


def test_bad_types_are_refused():
    with pytest.raises(ValueError):
        Gazetteer([{"name": "X", "type": "planet"}])


def test_a_gazetteer_survives_pickling_for_worker_processes(gazetteer):
    copy = pickle.loads(pickle.dumps(gazetteer))
    assert [m.entity_id for m in copy.find("Putin")] == ["vladimir-putin"]


def test_a_name_of_several_words_needs_its_capitals_in_the_text():
    gazetteer = Gazetteer(
        [{"name": "The Independent", "type": "organization", "aliases": []}]
    )
    assert [m.surface for m in gazetteer.find("The Independent reported.")] == [
        "The Independent"
    ]
    assert gazetteer.find("The independent portal reported.") == []


def test_capitals_and_the_world_are_known_places(gazetteer):
    for name in ("Kazan", "Pyongyang", "Budapest", "Peru", "Rio de Janeiro"):
        entity = gazetteer.lookup(name)
        assert entity is not None and entity.type == "place", name


@pytest.mark.parametrize(
    "written, name",
    [
        ("Łukašenka", "Alexander Lukashenko"),
        ("Alaksandar Łukašenka", "Alexander Lukashenko"),
        ("Лукашенко", "Alexander Lukashenko"),
        ("Си Цзиньпин", "Xi Jinping"),
        ("Тихановская", "Sviatlana Tsikhanouskaya"),
        ("Aleś Bialacki", "Ales Bialiatski"),
        ("Maryia Kalesnikava", "Maria Kolesnikova"),
        ("Viktar Babaryka", "Viktor Babariko"),
        ("Pavel Latushka", "Pavel Latushko"),
        ("Maksim Ryzhankou", "Maxim Ryzhenkov"),
        ("Mikhail Myasnikovich", "Mikhail Myasnikovich"),
        ("Andrei Kobyakov", "Andrei Kobyakov"),
        ("Sergei Rumas", "Sergei Rumas"),
        ("Sergei Martynov", "Sergei Martynov"),
        ("Andrei Ravkov", "Andrei Ravkov"),
        ("Geng Shuang", "Geng Shuang"),
        ("Hua Chunying", "Hua Chunying"),
        ("Lin Jian", "Lin Jian"),
        ("Liang Guanglie", "Liang Guanglie"),
        ("Cui Qiming", "Cui Qiming"),
    ],
)
def test_officials_of_both_sides_and_their_spellings_are_known(written, name):
    gazetteer = load_gazetteer()
    [mention] = gazetteer.find(f"On Monday {written} spoke.")
    assert gazetteer.get(mention.entity_id).name == name
