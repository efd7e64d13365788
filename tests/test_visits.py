"""Assigning an article to a catalogued visit: both sides of a pair, whole words,
Chinese spellings inside running Chinese text, and meetings missing from the catalogue."""

import json

import pytest

from datasette_newsvisits.ingest.catalogues import load_catalogues
from datasette_newsvisits.ingest.visits import Reading, assign_visit, find_candidate

CATALOGUES = load_catalogues()


def visit_of(text, published=None, title=None, catalogues=CATALOGUES):
    return assign_visit(Reading(text, title, published, None), catalogues.visits)


def candidate_of(text, published, catalogues=CATALOGUES):
    return find_candidate(Reading(text, None, published, None), catalogues)


# --- which visit: dates, lead and back references ------------------------------


def test_a_back_reference_to_an_earlier_meeting_does_not_decide_the_visit():
    text = (
        "Lukashenko arrived in Beijing for a state visit. Xi and Lukashenko last met in "
        "Samarkand in September 2022 at the SCO summit."
    )
    visit, _ = visit_of(text, "2023-02-28")
    assert visit.id == "2023-03-state-visit"


def test_a_weekday_is_resolved_against_the_publication_date():
    text = "Belarusian leader Alexander Lukashenko will meet Xi Jinping in Beijing on Monday."
    visit, evidence = visit_of(text, "2023-12-01")
    assert visit.id == "2023-12-working-visit"
    assert any("Monday" in why for why in evidence["why"])


def test_the_samarkand_meeting_from_its_text_alone():
    text = (
        "SAMARKAND, Uzbekistan - Chinese President Xi Jinping met Belarusian President "
        "Alexander Lukashenko on the sidelines of the Shanghai Cooperation Organization "
        "summit on September 15, 2022, and the two announced an all-weather partnership."
    )
    visit, _ = visit_of(text, None)
    assert visit.id == "2022-09-sco-samarkand"


def test_an_article_about_no_visit_gets_none():
    text = (
        "Belarusian opposition leader Sviatlana Tsikhanouskaya addressed the European "
        "Parliament in Strasbourg on Wednesday, calling for more sanctions on Minsk."
    )
    visit, evidence = visit_of(text, "2024-05-15")
    assert visit is None
    assert evidence["reason"] == "names the parties of no catalogued visit"


def test_a_china_story_far_from_any_visit_gets_none():
    text = (
        "Belarus and China held trade consultations in Minsk, officials said, "
        "without giving details."
    )
    visit, _ = visit_of(text, "2021-06-10")
    assert visit is None


def test_user_visits_extend_the_catalogue(tmp_path):
    extra = tmp_path / "visits.json"
    extra.write_text(
        '{"visits": [{"id": "2025-11-orban-minsk", "title": "Orban in Minsk",'
        ' "kind": "official visit", "place": "Minsk", "start_date": "2025-11-10",'
        ' "end_date": "2025-11-11", "participants": ["Viktor Orban",'
        ' "Alexander Lukashenko"]}]}',
        encoding="utf-8",
    )
    catalogues = load_catalogues((str(extra),))
    text = "Hungary's prime minister Viktor Orbán held talks with Lukashenko in Minsk."
    visit, _ = visit_of(text, "2025-11-10", catalogues=catalogues)
    assert visit.id == "2025-11-orban-minsk"


def test_the_year_of_a_day_and_month_comes_from_the_publication_date():
    text = "Lukashenko and Xi Jinping held talks in Beijing on 4 December, Belarusian media said."
    visit, evidence = visit_of(text, "2023-12-06")
    assert visit.id == "2023-12-working-visit"
    assert "date in text: 4 December" in evidence["why"]


def test_the_visit_the_lead_reports_beats_one_mentioned_in_passing():
    text = (
        "Chinese Premier Li Qiang arrived in Minsk on Thursday for an official visit to "
        "Belarus and talks with Roman Golovchenko.\n"
        "Xi Jinping and Alexander Lukashenko last met in Astana in July 2024, on the "
        "sidelines of the SCO summit on 4 July 2024."
    )
    visit, _ = visit_of(text, "2024-08-22")
    assert visit.id == "2024-08-li-qiang-minsk"


# --- a pair's meeting needs both sides -------------------------------------------


def test_two_officials_of_one_side_are_not_a_meeting_of_the_pair():
    # Xi Jinping and Li Keqiang are both participants of the March 2023 state visit,
    # and the article is dated inside it: only the missing Belarusian side keeps it out.
    text = (
        "Xi Jinping and Li Keqiang inspected a new high-speed rail line outside Beijing "
        "on Wednesday, state television showed."
    )
    visit, evidence = visit_of(text, "2023-03-01")
    assert visit is None
    assert evidence["reason"] == "names the parties of no catalogued visit"


@pytest.mark.parametrize(
    "other_side",
    [
        "A Belarusian delegation looked on.",  # the country's adjective
        "Alexander Lukashenko looked on.",  # a participant from that side
        "Гости из Беларуси смотрели.",  # the country, in Russian
    ],
)
def test_the_other_side_named_any_way_makes_it_a_meeting(other_side):
    text = (
        "Xi Jinping and Li Keqiang showed a new high-speed rail line outside Beijing "
        f"on Wednesday. {other_side}"
    )
    visit, _ = visit_of(text, "2023-03-01")
    assert visit.id == "2023-03-state-visit"


def test_one_participant_and_the_other_country_with_the_place_suffice():
    text = "Lukashenko was received by Chinese leaders in Beijing on Monday."
    visit, evidence = visit_of(text, "2023-12-04")
    assert visit.id == "2023-12-working-visit"
    assert "names Alexander Lukashenko" in evidence["why"]


def test_a_participant_of_a_pair_entry_must_have_a_country(tmp_path):
    extra = tmp_path / "visits.json"
    extra.write_text(
        json.dumps(
            {
                "visits": [
                    {
                        "id": "2012-07-xu-minsk",
                        "title": "Xu in Minsk",
                        "kind": "official visit",
                        "place": "Minsk",
                        "start_date": "2012-07-11",
                        "end_date": "2012-07-11",
                        "participants": ["Xu Caihou", "Alexander Lukashenko"],
                        "countries": ["Belarus", "China"],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="'Xu Caihou' has no country"):
        load_catalogues((str(extra),))


def test_a_candidate_needs_both_sides_in_the_lead():
    one_side = (
        "Wang Yi met Li Qiang in Beijing on Tuesday for talks on the economy.\n"
        "China's growth slowed in the spring."
    )
    assert candidate_of(one_side, "2019-07-10") is None
    both = (
        "Alexander Lukashenko met Wang Yi in Minsk on Tuesday for talks on the economy.\n"
        "The two spoke for an hour."
    )
    candidate = candidate_of(both, "2019-07-10")
    assert candidate["date"] in ("2019-07-09", "2019-07-16")
    assert candidate["place"] == "Minsk"
    assert candidate["countries"] == ["belarus", "china"]


# --- whole words --------------------------------------------------------------------


@pytest.fixture(scope="module")
def short_terms(tmp_path_factory):
    path = tmp_path_factory.mktemp("terms") / "visits.json"
    path.write_text(
        json.dumps(
            {
                "visits": [
                    {
                        "id": "2030-05-summit",
                        "title": "Summit",
                        "kind": "summit meeting",
                        "place": "Ufa",
                        "start_date": "2030-05-02",
                        "end_date": "2030-05-03",
                        "participants": ["Wang Yi", "Ivan Petrov"],
                        "terms": ["SCO", "Expo", "ШОС", "Экспо"],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    return load_catalogues((str(path),))


def test_a_short_term_is_not_read_inside_a_longer_word(short_terms):
    text = (
        "Wang Yi and Ivan Petrov met in Ufa to talk about exports, and later flew to "
        "Moscow. Министры обсудили экспорт и ремонт шоссе."
    )
    visit, evidence = visit_of(text, "2030-05-02", catalogues=short_terms)
    assert visit.id == "2030-05-summit"
    assert not [why for why in evidence["why"] if why.startswith("term")]


def test_a_short_term_standing_alone_is_read(short_terms):
    text = (
        "Wang Yi and Ivan Petrov met in Ufa at the SCO meeting before the Expo opened. "
        "Саммит ШОС и Экспо прошли в Уфе."
    )
    _, evidence = visit_of(text, "2030-05-02", catalogues=short_terms)
    terms = {why for why in evidence["why"] if why.startswith("term")}
    assert terms == {"term: SCO", "term: Expo", "term: ШОС", "term: Экспо"}


def test_a_participant_is_not_read_inside_a_longer_name(short_terms):
    text = "Wang Yiming and Ivan Petrov met in Ufa on Friday."
    _, evidence = visit_of(text, "2030-05-02", catalogues=short_terms)
    assert "names Wang Yi" not in evidence["why"]
    assert "names Ivan Petrov" in evidence["why"]


# --- Chinese text -------------------------------------------------------------------


def test_chinese_names_and_dates_inside_running_chinese_text():
    text = "国家主席习近平2023年3月1日在北京同白俄罗斯总统卢卡申科举行会谈。"
    visit, evidence = visit_of(text)
    assert visit.id == "2023-03-state-visit"
    why = evidence["why"]
    assert {"names Alexander Lukashenko", "names Xi Jinping"} <= set(why)
    assert "place: Beijing (lead)" in why
    assert "date in text: 2023年3月1日" in why


def test_a_chinese_lead_without_a_catalogued_meeting_is_a_candidate():
    text = "白俄罗斯外长在明斯克会见中国代表团。\n双方讨论了经贸合作。"
    candidate = candidate_of(text, "2019-07-10")
    assert candidate["date"] == "2019-07-10"
    assert candidate["place"] == "Minsk"
