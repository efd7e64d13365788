"""Describing an article: outlet, title, date, agencies and visit, each with evidence."""

from datetime import date
from pathlib import Path

import pytest

from datasette_newsvisits.ingest.clean import clean_text
from datasette_newsvisits.ingest.describe import describe, load_catalogues
from datasette_newsvisits.ingest.read import RawArticle
from datasette_newsvisits.ingest.visits import Reading, assign_visit
from datasette_newsvisits.text.dates import parse_date

CORPUS = Path(__file__).parent.parent / "datasette_newsvisits" / "data" / "corpus"
CATALOGUES = load_catalogues()


def described(text: str, **fields):
    raw = RawArticle(source="t.txt", text=text, format="txt", **fields)
    return describe(raw, clean_text(text), CATALOGUES)


def seed(prefix: str):
    [path] = CORPUS.glob(f"{prefix}_*.txt")
    return described(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12:24 PM EST, December 3, 2023", date(2023, 12, 3)),
        ("date 2023-02-25   1. Skip to content", date(2023, 2, 25)),
        ("Published 1 March 2023", date(2023, 3, 1)),
        ("Wed, Mar. 1st, 2023", date(2023, 3, 1)),
        ("28.02.2023 10:15", date(2023, 2, 28)),
        ("2023-03-01T08:00:00+00:00", date(2023, 3, 1)),
        ("Sept 15, 2022", date(2022, 9, 15)),
        ("on Tuesday", None),
        ("February 30, 2023", None),
        ("", None),
    ],
)
def test_dates_in_common_formats(text, expected):
    assert parse_date(text) == expected


def test_an_outlet_is_read_from_a_url_line_and_the_date_from_the_header():
    d = seed("003")
    assert d.outlet_id == "dw"
    assert d.url == "https://p.dw.com/p/4Ny7K"
    assert d.published == "2023-02-25"
    assert "p.dw.com" in d.evidence["outlet"]
    assert d.agencies == ["AFP", "BelTA", "Reuters", "TASS"]


def test_an_outlet_is_recognized_by_its_page_signature():
    d = seed("004")
    assert d.outlet_id == "aljazeera"
    assert d.evidence["outlet"] == "page signature: Source: News Agencies"


def test_no_evidence_means_no_outlet_and_no_date_rather_than_a_guess():
    d = seed("002")
    assert d.outlet_id is None
    assert d.published is None  # the 2025 view counters are not the article's date
    assert d.title is None  # the capture starts with the body


def test_an_unknown_domain_becomes_an_outlet_named_by_its_domain():
    d = described("Lukashenko met Xi in Beijing.", url="https://www.example-news.org/x")
    assert d.outlet_id == "example-news.org"


def test_an_outlet_field_is_matched_to_the_catalogue_by_name():
    d = described("Lukashenko met Xi in Beijing.", outlet="Deutsche Welle")
    assert d.outlet_id == "dw"


def test_wire_agencies_credited_in_a_photo_credit_or_cited_in_the_text():
    assert seed("000").agencies == ["Kyodo", "Xinhua", "dpa"]
    assert "BelTA" in seed("001").agencies


def test_a_lower_case_word_is_not_an_agency():
    d = described("Lukashenko said the map was wrong. Xi agreed in Beijing.")
    assert d.agencies == []


@pytest.mark.parametrize(
    "prefix, visit",
    [
        ("000", "2023-03-state-visit"),  # no date: "state visit", the position paper
        ("001", "2023-12-working-visit"),  # dated 3 December 2023
        ("003", "2023-03-state-visit"),  # dated 2023-02-25, "February 28 to March 2"
        ("004", "2023-03-state-visit"),  # no date: "February 28 to March 2"
    ],
)
def test_the_seeds_are_assigned_the_visit_they_report_on(prefix, visit):
    assert seed(prefix).visit_id == visit


VISITS = CATALOGUES.visits


def visit_of(text, published=None, title=None, visits=VISITS):
    return assign_visit(Reading(text, title, published, None), visits)


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
    visit, _ = visit_of(text, "2025-11-10", visits=catalogues.visits)
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


def test_a_meeting_missing_from_the_catalogue_becomes_a_candidate():
    text = (
        "Belarusian and Chinese foreign ministers met in Minsk on Tuesday to discuss "
        "trade.\nThe talks covered the industrial park."
    )
    d = described(text, published="2021-03-10")
    assert d.visit_id is None
    candidate = d.visit_candidate
    assert candidate["date"] in ("2021-03-09", "2021-03-16")
    assert candidate["place"] == "Minsk"
    assert candidate["countries"] == ["belarus", "china"]
    assert "foreign ministers met in Minsk" in candidate["evidence"]


def test_an_article_on_a_catalogued_visit_is_no_candidate():
    text = "Belarusian leader Lukashenko met Xi Jinping in Beijing on Monday for talks."
    d = described(text, published="2023-12-04")
    assert d.visit_id == "2023-12-working-visit"
    assert d.visit_candidate is None


def test_an_agency_dateline_credits_the_agency_and_is_not_the_outlet():
    text = (
        "MINSK, 4 December (BelTA) - Belarusian President Alexander Lukashenko arrived in "
        "Beijing, BelTA has learned.\nHe will meet Xi Jinping.\n(Xinhua/AP)"
    )
    d = described(text)
    assert d.outlet_id is None
    assert d.agencies == ["AP", "BelTA", "Xinhua"]


def test_an_outlet_names_itself_in_a_promo_line_or_a_self_credit():
    promo = (
        "Lukashenko arrived in Beijing on Monday for talks with Xi Jinping.\n"
        "Follow Ukrainska Pravda on Telegram for the latest news."
    )
    assert described(promo).outlet_id == "pravda-ua"
    credit = "As reported by Censor.NET, Lukashenko flew to Beijing on Monday."
    assert described(credit).outlet_id == "censor"
    cited = "Lukashenko flew to Beijing on Monday, the BBC reports."
    assert described(cited).outlet_id is None  # another outlet cited, not the publisher


def test_a_capture_header_glued_to_the_first_sentence_is_the_date():
    d = described(" date 2023-12-04 Lukashenko arrived in Beijing on Monday for talks.")
    assert d.published == "2023-12-04"
    assert d.evidence["published"].startswith("stated: capture header")
    month_only = described(" date 2023-12 Lukashenko arrived in Beijing on December 4.")
    assert month_only.published == "2023-12-04"
    assert month_only.evidence["published"].startswith("inferred")
