"""The one date grammar: every form a news page writes a date in."""

from datetime import date

import pytest

from datasette_newsvisits.text.dates import find_dates, parse_date, url_date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Lukashenko landed on 1 марта 2023 года, state media said", date(2023, 3, 1)),
        ("Опубликовано: 4 декабря 2023 г., 10:15", date(2023, 12, 4)),
        ("Прэзідэнт прыляцеў 28 лютага 2023", date(2023, 2, 28)),
        ("Візит відбувся 4 грудня 2023 р.", date(2023, 12, 4)),
        ("Łukaszenka przyleciał 1 marca 2023 do Pekinu", date(2023, 3, 1)),
        ("Lukaschenko kam am 1. März 2023 nach Peking", date(2023, 3, 1)),
        ("Loukachenko est arrivé le 1er mars 2023 à Pékin", date(2023, 3, 1)),
        ("卢卡申科2023年3月1日抵达北京", date(2023, 3, 1)),
        ("新华社明斯克２０１５年５月１０日电", date(2015, 5, 10)),
        ("MINSK, 4 December 2023 (BelTA) - The talks began.", date(2023, 12, 4)),
        ("Updated: Dec. 4, 2023 11:02 GMT", date(2023, 12, 4)),
        ("Posted 2023.12.04 16:04 GMT+8", date(2023, 12, 4)),
        ("3/21/2023", date(2023, 3, 21)),
        ("June 4, 20254:55 AM GMT+3Updated 1 hour ago", date(2025, 6, 4)),
        ("1 March 202314:20", date(2023, 3, 1)),
        ("He may 5 times have said so", None),
        ("on Tuesday", None),
    ],
)
def test_a_full_date_in_any_common_form(text, expected):
    assert parse_date(text) == expected


def test_a_day_and_month_without_a_year_is_a_partial_mention():
    [mention] = find_dates("The two leaders will meet on 14 April in Beijing.")
    assert (mention.year, mention.month, mention.day) == (None, 4, 14)
    assert mention.date is None


def test_a_chinese_day_and_month_inside_running_text():
    [mention] = find_dates("习近平主席3月1日在北京会见了卢卡申科")
    assert (mention.year, mention.month, mention.day) == (None, 3, 1)
    assert find_dates("公元1234年5月") == []


@pytest.mark.parametrize(
    "text, month",
    [
        ("Лукашенко был в Пекине в марте 2023 года.", (2023, 3)),
        ("Лукашэнка наведаў Пекін у сакавіку 2023 года.", (2023, 3)),
        ("Лукашенко відвідав Пекін у грудні 2023 року.", (2023, 12)),
    ],
)
def test_a_month_in_slavic_in_form_with_its_year(text, month):
    [mention] = find_dates(text)
    assert (mention.year, mention.month) == month


def test_a_range_gives_both_ends_and_shares_the_year():
    ends = find_dates("He will visit from 28 February to 2 March 2023.")
    assert [m.date for m in ends] == [date(2023, 2, 28), date(2023, 3, 2)]
    days = find_dates("talks on December 4-5 in Beijing")
    assert [(m.month, m.day) for m in days] == [(12, 4), (12, 5)]


def test_a_number_after_a_range_word_is_not_a_day_when_it_counts_something():
    [only] = find_dates("On March 3 to 17 people were hurt.")
    assert (only.month, only.day) == (3, 3)


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://example.org/news/2023/12/04/lukashenko-xi/", date(2023, 12, 4)),
        ("https://example.org/2023-12-04-lukashenko-beijing", date(2023, 12, 4)),
        ("https://example.org/k2/1758112-20231204.htm", date(2023, 12, 4)),
        ("https://example.org/politics.php?yyyy=2023&mm=12&dd=4", date(2023, 12, 4)),
        ("https://example.org/story/1758112", None),
    ],
)
def test_a_date_in_a_page_url(url, expected):
    assert url_date(url) == expected
