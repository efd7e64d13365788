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

# (text, publication date, the visit it reports or None)
REPORTS = {
    "a back reference does not decide": (
        (
            "Lukashenko arrived in Beijing for a state visit. Xi and Lukashenko last met in "
            "Samarkand in September 2022 at the SCO summit."
        ),
        "2023-02-28",
        "2023-03-state-visit",
    ),
    "from the text alone": (
        (
            "SAMARKAND, Uzbekistan - Chinese President Xi Jinping met Belarusian President "
            "Alexander Lukashenko on the sidelines of the Shanghai Cooperation Organization "
            "summit on September 15, 2022, and the two announced an all-weather partnership."
        ),
        None,
        "2022-09-sco-samarkand",
    ),
    "no visit's parties": (
        (
            "Belarusian opposition leader Sviatlana Tsikhanouskaya addressed the European "
            "Parliament in Strasbourg on Wednesday, calling for more sanctions on Minsk."
        ),
        "2024-05-15",
        None,
    ),
    "far from any visit": (
        (
            "Belarus and China held trade consultations in Minsk, officials said, "
            "without giving details."
        ),
        "2021-06-10",
        None,
    ),
    "the lead beats a meeting in passing": (
        (
            "Chinese Premier Li Qiang arrived in Minsk on Thursday for an official visit to "
            "Belarus and talks with Roman Golovchenko.\n"
            "Xi Jinping and Alexander Lukashenko last met in Astana in July 2024, on the "
            "sidelines of the SCO summit on 4 July 2024."
        ),
        "2024-08-22",
        "2024-08-li-qiang-minsk",
    ),
    "an earlier visit dated, with its kind and terms": (
        (
            "Xi Jinping met Alexander Lukashenko in Beijing on Wednesday. The two leaders "
            "first signed a joint statement on the all-weather partnership during "
            "Lukashenko's state visit from February 28 to March 2, 2023, when they "
            "discussed the peace plan."
        ),
        "2025-06-04",
        "2025-06-working-visit",
    ),
    "an earlier visit in the lead itself": (
        (
            "Lukashenko, who paid a state visit to China in March 2023, arrived in Beijing "
            "on Monday for talks with Xi Jinping."
        ),
        "2025-06-02",
        "2025-06-working-visit",
    ),
    "an earlier visit, in Russian": (
        (
            "Лукашенко прилетел в Пекин с рабочим визитом и в среду встретится с "
            "Си Цзиньпином. Государственный визит в Китай он совершил в марте 2023 года."
        ),
        "2025-06-02",
        "2025-06-working-visit",
    ),
    "an earlier visit dated, the later one undated but for its day": (
        (
            "Xi Jinping held talks with Alexander Lukashenko in Beijing on 4 June. "
            "Lukashenko's previous trip was a working visit on 3-4 December 2023."
        ),
        None,
        "2025-06-working-visit",
    ),
    "a state visit years before a premier's visit": (
        (
            "Chinese Premier Li Qiang arrived in Minsk on Thursday for talks with Prime "
            "Minister Roman Golovchenko.\nIt is the most senior Chinese visit to Belarus "
            "since Xi Jinping's state visit to Minsk in May 2015."
        ),
        "2024-08-22",
        "2024-08-li-qiang-minsk",
    ),
    "Russian case endings": (
        "Лукашенко встретился с Си Цзиньпином в Пекине; визит в Китай продлится два дня.",
        "2023-12-04",
        "2023-12-working-visit",
    ),
    "Belarusian case endings": (
        "Кітайскі прэм'ер Лі Цян прыляцеў у Мінск, яго сустрэў Раман Галоўчанка.",
        "2024-08-22",
        "2024-08-li-qiang-minsk",
    ),
    "two officials of one side": (
        # both participants of the March 2023 state visit, dated inside it: only the
        # missing Belarusian side keeps it out
        (
            "Xi Jinping and Li Keqiang inspected a new high-speed rail line outside Beijing "
            "on Wednesday, state television showed."
        ),
        "2023-03-01",
        None,
    ),
    "one participant, the other country and the place": (
        "Lukashenko was received by Chinese leaders in Beijing on Monday.",
        "2023-12-04",
        "2023-12-working-visit",
    ),
}


@pytest.mark.parametrize("text, published, expected", REPORTS.values(), ids=REPORTS)
def test_a_report_gets_the_visit_it_reports(text, published, expected):
    visit, evidence = visit_of(text, published)
    assert (visit.id if visit else None) == expected, evidence


def test_a_weekday_is_resolved_against_the_publication_date():
    text = "Belarusian leader Alexander Lukashenko will meet Xi Jinping in Beijing on Monday."
    visit, evidence = visit_of(text, "2023-12-01")
    assert visit.id == "2023-12-working-visit"
    assert any("Monday" in why for why in evidence["why"])


def test_the_year_of_a_day_and_month_comes_from_the_publication_date():
    text = "Lukashenko and Xi Jinping held talks in Beijing on 4 December, Belarusian media said."
    visit, evidence = visit_of(text, "2023-12-06")
    assert visit.id == "2023-12-working-visit"
    assert "date in text: 4 December" in evidence["why"]


def test_names_with_case_endings_are_the_participants():
    text = "Лукашенко встретился с Си Цзиньпином в Пекине."
    _, evidence = visit_of(text, "2023-12-04")
    assert {"names Xi Jinping", "place: Beijing (lead)"} <= set(evidence["why"])


def test_a_term_of_several_words_with_russian_case_endings():
    text = (
        "Лукашенко и Си Цзиньпин встретились на полях саммита Шанхайской организации "
        "сотрудничества в Самарканде."
    )
    _, evidence = visit_of(text, "2022-09-16")
    assert "term: Shanghai Cooperation Organization" in evidence["why"]


def test_a_kind_of_meeting_in_russian_counts():
    text = (
        "Лукашенко прибыл в Пекин с рабочим визитом, переговоры с Си Цзиньпином завтра."
    )
    _, evidence = visit_of(text, "2023-12-03")
    assert "kind: working visit" in evidence["why"]


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


# --- a pair's meeting needs both sides -------------------------------------------


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
