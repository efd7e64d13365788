"""The title: which line at the top of a captured page is the headline, and what is
not part of it (kickers, the site's name, bylines, dates)."""

import pytest

from datasette_newsvisits.ingest.clean import clean_text
from datasette_newsvisits.ingest.describe import describe, load_catalogues
from datasette_newsvisits.ingest.read import RawArticle

CATALOGUES = load_catalogues()
LEAD = (
    "Belarusian leader Alexander Lukashenko arrived in Beijing on Sunday evening for a "
    "working visit, his press service said.\n"
    "He is due to hold talks with Chinese President Xi Jinping on Monday.\n"
)

PAGES = {
    "kicker, headline, byline, date": (
        (
            "Diplomacy\nLukashenko lands in Beijing for his second China trip this year\n"
            f"By Olga Petrova\n4 December 2023, 09:12\n{LEAD}"
        ),
        "Lukashenko lands in Beijing for his second China trip this year",
    ),
    "a kicker of three words above the headline": (
        (
            "Belarus and China\nLukashenko lands in Beijing for talks with Xi\n"
            f"Updated: 4 December 2023\n{LEAD}"
        ),
        "Lukashenko lands in Beijing for talks with Xi",
    ),
    "a kicker on the headline's line": (
        f"WORLD | Lukashenko lands in Beijing for talks with Xi\n{LEAD}",
        "Lukashenko lands in Beijing for talks with Xi",
    ),
    "a menu path above the headline": (
        f"Home > News > World\nLukashenko lands in Beijing for talks with Xi\n{LEAD}",
        "Lukashenko lands in Beijing for talks with Xi",
    ),
    "glued to the capture header": (
        f" date 2023-12-04 Lukashenko lands in Beijing for talks with Xi\n{LEAD}",
        "Lukashenko lands in Beijing for talks with Xi",
    ),
    "glued to the capture header and to the lead that restates it": (
        (
            " date 2024-08-22 Chinese premier arrives in Minsk for official visit Chinese "
            "Premier Li Qiang arrived in Minsk on Thursday for an official visit at the "
            "invitation of Prime Minister Roman Golovchenko.\nThe two will sign documents."
        ),
        "Chinese premier arrives in Minsk for official visit",
    ),
    "a question": (
        f"What does Lukashenko want from Beijing this time?\nBy Olga Petrova\n{LEAD}",
        "What does Lukashenko want from Beijing this time?",
    ),
    "a quotation": (
        f'Lukashenko tells Xi: "no one can stop China"\n4 December 2023 10:15\n{LEAD}',
        'Lukashenko tells Xi: "no one can stop China"',
    ),
    "the site's name first": (
        (
            "The Kyiv Independent\nLukashenko visits China as tensions mount\n"
            f"March 1, 2023 1:26 AM\n{LEAD}"
        ),
        "Lukashenko visits China as tensions mount",
    ),
    "the outlet's name after a bar": (
        f"Lukashenko meets Xi in Beijing for talks | Reuters\n{LEAD}",
        "Lukashenko meets Xi in Beijing for talks",
    ),
    "the outlet's name after a dash": (
        f"Xi hosts Belarusian leader for talks in Beijing - BBC News\n{LEAD}",
        "Xi hosts Belarusian leader for talks in Beijing",
    ),
    "the outlet's name and a date after dashes": (
        f"Xi hosts Belarusian leader for talks in Beijing – DW – 12/04/2023\n{LEAD}",
        "Xi hosts Belarusian leader for talks in Beijing",
    ),
    "shown twice, with a standfirst between": (
        (
            "Xi and Lukashenko hold talks in Beijing\nFourth meeting in a year\n"
            f"Xi and Lukashenko hold talks in Beijing\n{LEAD}"
        ),
        "Xi and Lukashenko hold talks in Beijing",
    ),
    "above a photo credit, under a section name": (
        f"Politics\nLukashenko lands in Beijing for talks with Xi\nPhoto: Ivan Ivanov/TASS\n{LEAD}",
        "Lukashenko lands in Beijing for talks with Xi",
    ),
    "a long headline under a site name and a ticker": (
        (
            "Minsk Evening Courier\nBreaking: storms close three roads in the Gomel region as "
            "rivers rise over the weekend | Live\n"
            "Belarus strongman Lukashenko, a close Putin ally, flies to Beijing again for talks "
            f"with Chinese leader Xi Jinping\n{LEAD}"
        ),
        (
            "Belarus strongman Lukashenko, a close Putin ally, flies to Beijing again for talks "
            "with Chinese leader Xi Jinping"
        ),
    ),
    "in Chinese, above a source line": (
        (
            "白俄罗斯总统抵达北京\n2023-12-03 21:40\u3000来源：新华网\n"
            "白俄罗斯总统卢卡申科3日晚抵达北京，开始对中国进行工作访问。\n"
            "他将同国家主席习近平举行会谈。"
        ),
        "白俄罗斯总统抵达北京",
    ),
    "in Russian, under a section name": (
        (
            "Политика\nЛукашенко прилетел в Пекин с рабочим визитом\n04.12.2023 10:15\n"
            "Президент Беларуси Александр Лукашенко прибыл в Пекин в воскресенье вечером.\n"
            "В понедельник он проведет переговоры с Си Цзиньпином."
        ),
        "Лукашенко прилетел в Пекин с рабочим визитом",
    ),
}


def described(text, **fields):
    raw = RawArticle(source="t.txt", text=text, format="txt", **fields)
    return describe(raw, clean_text(text), CATALOGUES)


@pytest.mark.parametrize("page, title", PAGES.values(), ids=PAGES)
def test_the_headline_at_the_top_of_a_page_is_the_title(page, title):
    d = described(page)
    assert d.title == title
    assert title not in clean_text(page).text  # and it is not left in the body


@pytest.mark.parametrize(
    "page",
    [
        LEAD,  # the capture starts with the body
        f" date 2023-12-04 {LEAD}",  # the capture header glued to the body
        # a question opening the body is no headline: two sentences on its line
        f"Why Beijing? Lukashenko says China is a friend.\n{LEAD}",
    ],
    ids=["body first", "header and body", "a question in the body"],
)
def test_a_page_without_a_headline_has_no_title(page):
    d = described(page)
    assert d.title is None
    assert "Lukashenko arrived in Beijing" in clean_text(page).text


def test_a_title_given_with_the_article_loses_the_site_name():
    d = described(LEAD, title="Lukashenko in Beijing again — Meduza")
    assert d.title == "Lukashenko in Beijing again"


def test_a_dash_inside_a_headline_is_kept():
    page = f"Belarus-China trade - the numbers behind the talks\n{LEAD}"
    assert described(page).title == "Belarus-China trade - the numbers behind the talks"


# --- a page flattened into one line -----------------------------------------------

FLAT_BODY = (
    "Belarusian leader Alexander Lukashenko arrived in Beijing on December 3 for a "
    "working visit, his press service said. He held talks with Chinese President Xi "
    "Jinping at the Great Hall of the People. The two discussed trade, the industrial "
    "park and the war in Ukraine. It is his second trip to China this year."
)
FLAT_BODY_RU = (
    "Президент Беларуси Александр Лукашенко прибыл в Пекин с рабочим визитом, "
    "сообщила его пресс-служба. Он провел переговоры с Председателем КНР Си "
    "Цзиньпином в Доме народных собраний. Стороны обсудили торговлю, индустриальный "
    "парк и ситуацию в регионе. Это его второй визит в Китай в этом году."
)
FLATTENED = {
    "before a photo credit after a slash": (
        f"Lukashenko arrives in China for talks with Xi / Collage 24 Channel {FLAT_BODY}",
        "Lukashenko arrives in China for talks with Xi",
    ),
    "before a photo credit, in Russian": (
        f"Лукашенко прилетел в Пекин Фото: БелТА {FLAT_BODY_RU}",
        "Лукашенко прилетел в Пекин",
    ),
    "a slash between names is no credit": (
        f"Xi / Lukashenko talks end with twelve agreements Photo: BelTA {FLAT_BODY}",
        "Xi / Lukashenko talks end with twelve agreements",
    ),
    "where the lead's first word opens a sentence": (
        (
            "Lukashenko lands in Beijing for his second China trip this year The "
            f"Belarusian leader landed on Sunday evening, his office said. {FLAT_BODY}"
        ),
        "Lukashenko lands in Beijing for his second China trip this year",
    ),
    "where the lead's first word opens a sentence, in Russian": (
        (
            "Лукашенко прилетел в Пекин с рабочим визитом В воскресенье вечером "
            f"президент Беларуси прибыл в столицу Китая. {FLAT_BODY_RU}"
        ),
        "Лукашенко прилетел в Пекин с рабочим визитом",
    ),
    "where the lead restates it, with no capture header": (
        (
            "Lukashenko arrives in Beijing for talks with Xi Belarusian President "
            "Alexander Lukashenko arrives in Beijing for talks with Xi Jinping on "
            f"Sunday. {FLAT_BODY}"
        ),
        "Lukashenko arrives in Beijing for talks with Xi",
    ),
    "glued to the capture header and a photo credit": (
        (
            " date 2023-12-04 Lukashenko arrives in China for talks with Xi / "
            f"Collage 24 Channel {FLAT_BODY}"
        ),
        "Lukashenko arrives in China for talks with Xi",
    ),
}


@pytest.mark.parametrize("page, title", FLATTENED.values(), ids=FLATTENED)
def test_the_headline_of_a_page_flattened_into_one_line(page, title):
    d = described(page)
    assert d.title == title
    body = clean_text(page).text
    assert not body.startswith(title)  # split off the body line
    assert page.split(title, 1)[1].strip()[:30] in body  # and the rest kept


@pytest.mark.parametrize(
    "page",
    [
        # a headline in title case: "In", "For", "With" and "The" all could open the lead
        (
            "Lukashenko Arrives In Beijing For Talks With Xi The Belarusian leader "
            f"landed on Sunday. {FLAT_BODY}"
        ),
        FLAT_BODY + " " + FLAT_BODY,  # a body with no headline
        # a capitalized "The" inside a sentence is no restart
        (
            "Xi met Lukashenko in Beijing on Monday and discussed trade, according to "
            f"The Guardian newspaper which cited officials. {FLAT_BODY}"
        ),
    ],
    ids=["title case", "body only", "a name with The"],
)
def test_a_flattened_page_keeps_no_title_where_its_end_is_not_plain(page):
    assert described(page).title is None
