"""Pages written here in the capture shapes of the outlets that cover the Belarus-China
visits (agency wires, state media, Western and exile media; English, Russian and
Belarusian), each about a meeting of the bundled catalogue: the date, outlet, agencies
and visit read from each.

The texts are written for these tests; only their shapes (where the date, the credit,
the site's name stand) follow what such pages look like when captured."""

import pytest

from datasette_newsvisits.ingest.clean import clean_text
from datasette_newsvisits.ingest.describe import describe, load_catalogues
from datasette_newsvisits.ingest.read import RawArticle

CATALOGUES = load_catalogues()

PAGES = {
    "BelTA, English, agency dateline": (
        """ date 2023-03-01 Lukashenko and Xi Jinping hold talks in Beijing
1 March 2023, 14:20
BEIJING, 1 March (BelTA) - Belarus President Aleksandr Lukashenko and Chinese President Xi Jinping held talks at the Great Hall of the People on 1 March.
The leaders signed a joint statement and a package of cooperation documents, BelTA has learned.
"Our friendship does not depend on the weather," the Belarusian head of state told his host.
Follow BelTA on Telegram for the latest news.
""",
        "2023-03-01",
        "belta",
        ["BelTA"],
        "2023-03-state-visit",
    ),
    "Xinhua, English, source line": (
        """Chinese premier holds talks with Belarusian prime minister in Minsk
Source: Xinhua | 2024-08-22 21:05:33 | Editor: huaxia
MINSK, Aug. 22 (Xinhua) -- Chinese Premier Li Qiang held talks with Belarusian Prime Minister Roman Golovchenko here on Thursday, with both sides pledging to deepen trade and industrial cooperation.
Li arrived in Minsk earlier in the day for an official visit to Belarus.
The two heads of government also witnessed the signing of several cooperation documents.
""",
        "2024-08-22",
        None,
        ["Xinhua"],
        "2024-08-li-qiang-minsk",
    ),
    "CGTN, section, times, copyright": (
        """China
2024.08.22 16:04 GMT+8
Chinese Premier Li Qiang arrives in Minsk for official visit
Updated 2024.08.22 21:38 GMT+8
CGTN
Chinese Premier Li Qiang arrived in Minsk on Thursday for an official visit to Belarus at the invitation of Belarusian Prime Minister Roman Golovchenko.
Li said bilateral ties had grown fast since the two countries established diplomatic relations.
(With input from Xinhua)
Copyright © 2024 CGTN. All rights reserved.
RELATED STORIES
""",
        "2024-08-22",
        "cgtn",
        ["Xinhua"],
        "2024-08-li-qiang-minsk",
    ),
    "TASS, English, slash dateline": (
        """ date 2022-09-15 SAMARKAND, September 15. /TASS/. Chinese President Xi Jinping and Belarusian President Alexander Lukashenko met on the sidelines of the Shanghai Cooperation Organization summit on Thursday.
The two leaders agreed to raise relations between their countries to an all-weather comprehensive strategic partnership, the Belarusian president's press service said.
""",
        "2022-09-15",
        None,
        ["TASS"],
        "2022-09-sco-samarkand",
    ),
    "RFE/RL, byline of a service, earlier visit in passing": (
        """Belarus's Lukashenka Meets Xi In Beijing On Second China Trip This Year
December 04, 2023 13:40 GMT
By RFE/RL's Belarus Service
Belarusian ruler Alyaksandr Lukashenka met Chinese leader Xi Jinping in Beijing on December 4, his second trip to China this year.
Lukashenka paid a three-day state visit to China from February 28 to March 2, when the two leaders signed a joint statement.
Copyright (c) 2023. RFE/RL, Inc. All Rights Reserved.
""",
        "2023-12-04",
        "rferl",
        [],
        "2023-12-working-visit",
    ),
    "Reuters, title with the site's name, glued time": (
        """Belarus's Lukashenko meets China's Xi in Beijing | Reuters
By Reuters
June 4, 20254:55 AM GMT+3Updated 1 hour ago
BEIJING, June 4 (Reuters) - Chinese President Xi Jinping met his Belarusian counterpart Alexander Lukashenko in Beijing on Wednesday, Chinese state media reported.
Lukashenko, a close ally of Russia, arrived in China on Monday for a three-day visit.
(Reporting by Jane Roe; Editing by John Doe)
""",
        "2025-06-04",
        "reuters",
        ["Reuters"],
        "2025-06-working-visit",
    ),
    "AP, English, agency dateline under the capture header": (
        """ date 2023-03-01 BEIJING (AP) — Chinese leader Xi Jinping welcomed Belarusian President Alexander Lukashenko to Beijing on Wednesday with a ceremony outside the Great Hall of the People.
The two signed agreements on trade, industry and science.
Lukashenko is a close ally of Russian President Vladimir Putin.
""",
        "2023-03-01",
        None,
        ["AP"],
        "2023-03-state-visit",
    ),
    "Zerkalo, Russian, promo line, earlier visit in passing": (
        """Лукашенко прилетел в Пекин. Это его пятнадцатый визит в Китай
2 июня 2025 в 22:10
Александр Лукашенко прилетел в Пекин с рабочим визитом, сообщает пресс-служба. Встреча с Си Цзиньпином запланирована на среду.
Предыдущий раз Лукашенко был в Китае в декабре 2023 года.
Подписывайтесь на «Зеркало» в Telegram
""",
        "2025-06-02",
        "zerkalo",
        [],
        "2025-06-working-visit",
    ),
    "Sputnik, Russian, agency dateline": (
        """ date 2015-05-10 МИНСК, 10 мая – Sputnik. Председатель КНР Си Цзиньпин прибыл в Минск с государственным визитом, в аэропорту его встретил Александр Лукашенко.
Переговоры лидеров Беларуси и Китая пройдут в Палаце Независимости в понедельник.
""",
        "2015-05-10",
        None,
        ["Sputnik"],
        "2015-05-xi-state-visit-minsk",
    ),
    "Nasha Niva, Belarusian, date and time": (
        """Лі Цян прыляцеў у Мінск
22.08.2024 / 13:05
Кітайскі прэм'ер Лі Цян прыляцеў у Мінск з афіцыйным візітам. У аэрапорце яго сустрэў прэм'ер-міністр Беларусі Раман Галоўчанка.
© Наша Ніва
""",
        "2024-08-22",
        "nashaniva",
        [],
        "2024-08-li-qiang-minsk",
    ),
    "Charter97, Russian, agency credit in parentheses": (
        """Лукашенко встретился с Си Цзиньпином в Тяньцзине
31.08.2025, 18:40
Лукашенко провел переговоры с председателем КНР Си Цзиньпином накануне саммита ШОС в Тяньцзине (ТАСС).
Это уже шестнадцатая поездка Лукашенко в Китай.
Хартия-97
""",
        "2025-08-31",
        "charter97",
        ["TASS"],
        "2025-08-sco-tianjin",
    ),
    "Global Times, English, later visit recalls an earlier one": (
        """Xi meets Belarusian president in Beijing
Source: Global Times Published: Jun 04, 2025 09:31 PM
Chinese President Xi Jinping met Belarusian President Alexander Lukashenko in Beijing on Wednesday.
Xi recalled his state visit to Minsk in May 2015 and the Samarkand meeting of September 2022, when the two countries raised their ties to an all-weather comprehensive strategic partnership.
""",
        "2025-06-04",
        None,  # "Source:" may name the outlet a republisher took the story from
        [],
        "2025-06-working-visit",
    ),
    "Xinhua, Chinese, source line and dateline in running text": (
        """习近平同白俄罗斯总统举行会谈
2023-03-01 18:20:15　来源：新华网
新华社北京3月1日电 国家主席习近平1日下午在人民大会堂同来华进行国事访问的白俄罗斯总统卢卡申科举行会谈。两国元首签署了联合声明。
""",
        "2023-03-01",
        None,
        ["Xinhua"],
        "2023-03-state-visit",
    ),
    "AFP wire on a broadcaster's site": (
        """Belarus's Lukashenko in China for talks with Xi
Issued on: 28/02/2023 - 09:12
Beijing (AFP) – Belarusian President Alexander Lukashenko arrived in Beijing on Tuesday for a three-day state visit, Chinese state media said.
He is due to meet President Xi Jinping on Wednesday.
© 2023 AFP
""",
        "2023-02-28",
        None,  # the agency's copyright on wire copy does not name the site
        ["AFP"],
        "2023-03-state-visit",
    ),
    "DW, title with the site's name and a date": (
        """Lukashenko meets Xi in Beijing on second trip this year – DW – 12/04/2023
Belarusian ruler Alexander Lukashenko met Chinese President Xi Jinping in Beijing on Monday, Belarusian state media reported.
It was his second visit to China in 2023.
""",
        None,  # 12/04/2023 reads as 12 April as well as 4 December: no date
        "dw",
        [],
        "2023-12-working-visit",
    ),
    "Kyiv Independent, site name and desk byline": (
        """The Kyiv Independent
Lukashenko visits China as tensions mount
by The Kyiv Independent news desk March 1, 2023 1:26 AM 1 min read
Belarusian dictator Alexander Lukashenko started a three-day visit to Beijing on Feb. 28, where he is expected to meet Xi Jinping.
""",
        "2023-03-01",
        "kyivindependent",
        [],
        "2023-03-state-visit",
    ),
    "Meduza, Russian, site name first": (
        """Meduza
Лукашенко прилетел в Китай на саммит ШОС
30 августа 2025, 21:15
Александр Лукашенко прибыл в Тяньцзинь, где пройдет саммит Шанхайской организации сотрудничества. Там же он встретится с Си Цзиньпином.
""",
        "2025-08-30",
        "meduza",
        [],
        "2025-08-sco-tianjin",
    ),
    "China Daily, byline with the outlet and the date": (
        """Xi, Lukashenko agree to deepen all-weather partnership
By ZHANG YI | China Daily | Updated: 2023-03-02 07:11
President Xi Jinping held talks with Belarusian President Alexander Lukashenko in Beijing on Wednesday, and the two signed a joint statement.
Xi said China is ready to work with Belarus to expand trade and investment.
""",
        "2023-03-02",
        "chinadaily",
        [],
        "2023-03-state-visit",
    ),
    "People's Daily, credit and time before the date": (
        """Xi meets Belarusian president
(People's Daily Online) 10:45, June 05, 2025
BEIJING, June 4 (Xinhua) -- Chinese President Xi Jinping met with Belarusian President Alexander Lukashenko in Beijing on Wednesday.
""",
        "2025-06-05",
        "peoplesdaily",
        ["Xinhua"],
        "2025-06-working-visit",
    ),
    "Belsat, Belarusian, copyright": (
        """Лукашэнка прыляцеў у Пекін
03.12.2023 21:40
Аляксандр Лукашэнка прыбыў у Пекін з працоўным візітам. Перамовы з Сі Цзіньпінам запланаваныя на панядзелак.
© Белсат
""",
        "2023-12-03",
        "belsat",
        [],
        "2023-12-working-visit",
    ),
    "Al Jazeera, news agencies": (
        """Belarus's Lukashenko meets Xi in Beijing
Published On 4 Dec 2023
Belarusian President Alexander Lukashenko has met Chinese President Xi Jinping in Beijing, his second visit to China this year.
Source: Al Jazeera and news agencies
""",
        "2023-12-04",
        "aljazeera",
        [],
        "2023-12-working-visit",
    ),
}


def described(text):
    raw = RawArticle(source="t.txt", text=text, format="txt")
    return describe(raw, clean_text(text), CATALOGUES)


@pytest.mark.parametrize(
    "page, published, outlet, agencies, visit", PAGES.values(), ids=PAGES
)
def test_a_page_in_an_outlets_shape_is_described(
    page, published, outlet, agencies, visit
):
    d = described(page)
    assert (d.published, d.outlet_id, d.agencies, d.visit_id) == (
        published,
        outlet,
        agencies,
        visit,
    ), d.evidence
