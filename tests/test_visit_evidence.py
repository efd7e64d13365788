"""How visit assignment weighs its evidence: by where it stands (headline and lead
most, later paragraphs less, a sentence that looks back at an earlier meeting
little), days and months without a year, and visits announced before they happen.

The articles are written here, in English and Russian; the catalogue is the bundled
one."""

import pytest

from datasette_newsvisits.ingest.catalogues import load_catalogues
from datasette_newsvisits.ingest.clean import clean_text
from datasette_newsvisits.ingest.describe import describe
from datasette_newsvisits.ingest.read import RawArticle
from datasette_newsvisits.ingest.visit_reading import BACKGROUND, BODY, LATER, LEAD
from datasette_newsvisits.ingest.visit_words import announces, looks_back
from datasette_newsvisits.ingest.visits import Reading, assign_visit

CATALOGUES = load_catalogues()


def visit_of(text, published=None, title=None, day=None):
    reading = Reading(text, title, published, None, day)
    visit, evidence = assign_visit(reading, CATALOGUES.visits)
    return (visit.id if visit else None), evidence


def described(page):
    raw = RawArticle(source="t.txt", text=page, format="txt")
    return describe(raw, clean_text(page), CATALOGUES)


# --- background beats no report ------------------------------------------------------

# The report is in the headline and lead, dated by a day and month alone; the
# background has the place, month, kind, terms and even the full date of an earlier
# meeting. No publication date.
BACKGROUND_HEAVY = {
    "English": (
        "Lukashenko arrives in Beijing for talks with Xi",
        (
            "Belarusian President Alexander Lukashenko arrived in Beijing and met Chinese "
            "President Xi Jinping on December 3.\n"
            "The two leaders discussed trade and the industrial park near Minsk.\n"
            "Since September 2022, the two countries have had an all-weather partnership "
            "agreed at the SCO summit in Samarkand.\n"
            "At the Shanghai Cooperation Organization meeting in Samarkand, Uzbekistan, on "
            "September 15, 2022, the two leaders had agreed to raise ties to that level on "
            "the sidelines of the summit.\n"
            "Last time, he visited China on February 28-March 2, 2023."
        ),
    ),
    "Russian": (
        "Лукашенко прилетел в Китай",
        (
            "Президент Беларуси Александр Лукашенко 3 декабря прибыл в Китай и встретился "
            "с Председателем КНР Си Цзиньпином.\n"
            "Стороны обсудили торговлю и индустриальный парк.\n"
            "С сентября 2022 года страны связывает всепогодное партнерство, о котором "
            "договорились на саммите ШОС в Самарканде.\n"
            "В прошлый раз Лукашенко посетил Китай с 28 февраля по 2 марта 2023 года с "
            "государственным визитом в Пекин."
        ),
    ),
}


@pytest.mark.parametrize("title, text", BACKGROUND_HEAVY.values(), ids=BACKGROUND_HEAVY)
def test_the_reported_meeting_beats_the_background(title, text):
    visit, evidence = visit_of(text, title=title)
    assert visit == "2023-12-working-visit", evidence
    scores = evidence["scores"]
    assert scores["2023-12-working-visit"] - scores.get("2022-09-sco-samarkand", 0) > 3


@pytest.mark.parametrize(
    "sentence",
    [
        "Since September 2022, the two countries have had an all-weather partnership.",
        "Last time, he visited China on February 28-March 2, 2023.",
        "In September 2022 the two leaders had agreed on the plan in Samarkand.",
        "Xi and Lukashenko first met in 2013.",
        "Previously, the sides signed a deal on the industrial park.",
        "Ранее Лукашенко посещал Китай в марте 2023 года.",
        "С сентября 2022 года страны связывает всепогодное партнерство.",
        "В прошлый раз Лукашенко был в Пекине в марте.",
        "Напомним, в марте 2023 года Лукашенко посетил Пекин.",
        "Раней Лукашэнка наведваў Кітай у сакавіку.",
        "Раніше Лукашенко відвідував Китай у березні.",
        "两国元首此前曾在撒马尔罕会晤。",
    ],
)
def test_a_sentence_that_looks_back(sentence):
    assert looks_back(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lukashenko arrived in Beijing on Monday for talks with Xi Jinping.",
        "Xi said the visit had great significance for both countries.",
        "Лукашенко прибыл в Пекин и встретился с Си Цзиньпином.",
        "习近平在北京会见卢卡申科。",
    ],
)
def test_a_report_does_not_look_back(sentence):
    assert looks_back(sentence) is None


def test_evidence_weighs_by_where_it_stands():
    text = (
        "Alexander Lukashenko arrived in Minsk.\nHe spoke to reporters.\n"
        "The talks were long. Trade grew. Investment grew. Exports grew.\n"
        "Xi Jinping sent a letter.\n"
        "Previously, the two leaders met in Samarkand."
    )
    reading = Reading(text, "Talks in Qingdao", None, None)
    spelled = {v.place: v.place_names for v in CATALOGUES.visits}
    assert reading.weight_of(spelled["Qingdao"]) == LEAD  # the headline
    assert reading.weight_of(spelled["Minsk"]) == LEAD  # the lead
    xi = next(v for v in CATALOGUES.visits if "Xi Jinping" in v.participants)
    assert (
        reading.weight_of(xi.participant_names[xi.participants.index("Xi Jinping")])
        == LATER
    )
    assert reading.weight_of(spelled["Samarkand"]) == BACKGROUND
    assert reading.weight_of(spelled["Astana"]) == 0
    assert BACKGROUND < LATER < BODY < LEAD


def test_only_a_relative_clause_that_looks_back_is_background():
    text = (
        "Lukashenko, who last visited China in March 2023, arrived in Beijing on Monday "
        "for talks with Xi Jinping."
    )
    reading = Reading(text, None, "2025-06-02", None)
    weights = {s.text.strip(" ,"): s.weight for s in reading.segments}
    assert weights["who last visited China in March 2023"] == BACKGROUND
    beijing = next(v for v in CATALOGUES.visits if v.place == "Beijing").place_names
    assert reading.weight_of(beijing) == LEAD
    assert visit_of(text, "2025-06-02")[0] == "2025-06-working-visit"


def test_a_sentence_dated_long_before_the_article_is_background():
    text = (
        "Belarus and China will deepen ties, the ambassador said on Monday.\n"
        "Xi Jinping and Lukashenko held talks in Samarkand on September 15, 2022."
    )
    reading = Reading(text, None, "2025-03-10", None)
    samarkand = next(v for v in CATALOGUES.visits if v.place == "Samarkand")
    assert reading.weight_of(samarkand.place_names) == BACKGROUND


# --- a day and month without a year ------------------------------------------------


def test_a_day_without_a_year_takes_the_one_visit_on_that_day():
    text = "Александр Лукашенко и Си Цзиньпин провели переговоры 3 декабря."
    visit, evidence = visit_of(text, title="Лукашенко и Си Цзиньпин провели переговоры")
    assert visit == "2023-12-working-visit"
    assert any(why.startswith("day in text: 3 декабря") for why in evidence["why"])


PARADE = (
    "Alexander Lukashenko watched the military parade with Xi Jinping on September 3 "
    "and held talks with him afterwards.\nThe Chinese leader thanked his guest. "
)


def test_a_day_two_visits_share_is_no_visit_without_a_year():
    # September 3: the 2015 parade in Beijing and the 2025 SCO summit with its parade
    assert visit_of(PARADE)[0] is None


@pytest.mark.parametrize(
    "background, expected",
    [
        ("The two had met in Beijing in June 2025.", "2025-08-sco-tianjin"),
        ("Xi had visited Minsk in May 2015.", "2015-09-victory-parade"),
        ("Лукашенко посещал Пекин в июне 2025 года.", "2025-08-sco-tianjin"),
    ],
)
def test_the_years_the_text_states_settle_which(background, expected):
    # an article is not older than the meetings it recounts
    assert visit_of(PARADE + background)[0] == expected


# --- announcements of a visit to come ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Lukashenko will visit China next week.",
        "He plans to pay a visit to China in the near future.",
        "Lukashenko is expected to arrive in Beijing on Sunday.",
        "Лукашенко в ближайшее время совершит визит в Китай.",
        "Лукашэнка наведае Кітай.",
        "Лукашенко відвідає Китай наступного тижня.",
        "卢卡申科将于12月3日访问中国。",
    ],
)
def test_a_sentence_that_announces_a_visit(sentence):
    assert announces(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["Lukashenko arrived in Beijing on Monday.", "Лукашенко прибыл в Пекин."],
)
def test_a_report_announces_nothing(sentence):
    assert not announces(sentence)


def test_an_announcement_gets_the_visit_to_come_not_the_one_recalled():
    text = (
        "Belarusian President Alexander Lukashenko plans to pay a visit to China in the "
        "near future, the ambassador said on Monday.\n"
        "Xi Jinping and Lukashenko held talks in Beijing on June 4, during Lukashenko's "
        "working visit."
    )
    title = "Lukashenko plans to visit China in the near future"
    visit, evidence = visit_of(text, "2025-08-12", title)
    assert visit == "2025-08-sco-tianjin", evidence
    assert "announced 18 days ahead" in evidence["why"]


def test_an_announcement_with_nothing_catalogued_ahead_gets_no_visit():
    text = (
        "Alexander Lukashenko will visit China next week to meet Xi Jinping.\n"
        "Xi and Lukashenko held talks in Beijing in June."
    )
    assert visit_of(text, "2024-03-01")[0] is None


ANNOUNCED_IN_DATELINE = {
    "English": (
        "Lukashenko to visit China next week\n"
        "MINSK, August 21 (BelTA) – Belarusian President Alexander Lukashenko will pay "
        "a visit to China next week, the president's press service said on Thursday.\n"
        "He is expected to hold talks with Chinese President Xi Jinping.\n"
        "Xi said during a meeting with Lukashenko in Beijing on June 4 that the two "
        "countries were iron friends."
    ),
    "Russian": (
        "Лукашенко посетит Китай\n"
        "МИНСК, 21 августа (БЕЛТА) – Президент Беларуси Александр Лукашенко в "
        "ближайшее время посетит Китай, сообщила пресс-служба.\n"
        "Ожидается, что он проведет переговоры с Председателем КНР Си Цзиньпином.\n"
        "Во время встречи с Лукашенко в Пекине 4 июня Си Цзиньпин назвал страны "
        "железными друзьями."
    ),
}


@pytest.mark.parametrize(
    "page", ANNOUNCED_IN_DATELINE.values(), ids=ANNOUNCED_IN_DATELINE
)
def test_an_announcement_dated_only_by_its_dateline(page):
    # no year anywhere: the dateline's day, August 21, is the article's own; the next
    # visit naming Lukashenko and Xi is the SCO summit of 30 August 2025 (not the
    # premier's visit of 22 August 2024, which names neither Xi nor the talks)
    d = described(page)
    assert d.published is None
    assert d.evidence["published"].startswith("stated: day and month only, dateline")
    assert d.visit_id == "2025-08-sco-tianjin", d.evidence["visit"]


def test_a_dateline_without_a_year_still_dates_the_report():
    page = (
        "Chinese premier in Minsk\n"
        "MINSK, August 22 (BelTA) – Chinese Premier Li Qiang held talks with Roman "
        "Golovchenko in Minsk.\nThe two signed documents on trade."
    )
    d = described(page)
    assert d.visit_id == "2024-08-li-qiang-minsk"
    assert "day in text: August 22" in d.evidence["visit"]["why"]


def test_a_day_without_a_year_matches_a_visits_own_days_only():
    """A day with no year is looked for in every year's visits: a day's slack would
    find the eve of some visit in almost any year. August 21 is the day before Li
    Qiang's 2024 visit to Minsk, and not a day of any catalogued visit."""
    text = (
        "President Alexander Lukashenko said on August 21 that he would soon meet "
        "Chinese President Xi Jinping.\nBelarus and China are close partners."
    )
    assert visit_of(text)[0] is None
    on_the_day = (
        "Chinese Premier Li Qiang met President Alexander Lukashenko in Minsk on "
        "August 22.\nBelarus and China are close partners."
    )
    assert visit_of(on_the_day)[0] == "2024-08-li-qiang-minsk"
