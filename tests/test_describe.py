"""Describing an article: outlet, title, date, agencies and visit, each with evidence."""

from datetime import date
from pathlib import Path

import pytest

from datasette_newsvisits.ingest.clean import clean_text
from datasette_newsvisits.ingest.describe import describe, load_catalogues
from datasette_newsvisits.ingest.read import RawArticle
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
