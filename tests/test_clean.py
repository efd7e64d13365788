"""Cleaning: the page's clutter goes, the article stays, and what went is recorded."""

from pathlib import Path

import pytest

from datasette_newsvisits.ingest.clean import clean_text

CORPUS = Path(__file__).parent.parent / "datasette_newsvisits" / "data" / "corpus"


def seed(prefix: str) -> str:
    [path] = CORPUS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_photo_credits_and_the_captions_above_them_are_removed():
    cleaned = clean_text(seed("000"))
    assert "Kyodo/dpa" not in cleaned.text
    assert "Tiananmen Square" not in cleaned.text  # the caption
    assert "Trade between Belarus and China is thriving." in cleaned.text
    assert "© -/Kyodo/dpa" in cleaned.removed_by("credit")


def test_a_caption_with_its_credit_glued_on_is_removed_and_the_headline_found():
    cleaned = clean_text(seed("003"))
    assert cleaned.headline == "Belarus strongman Alexander Lukashenko to visit China"
    assert "picture alliance" not in cleaned.text
    assert "Skip to content" not in cleaned.text
    assert "p.dw.com" not in cleaned.text
    assert not cleaned.text.startswith("Belarusian strongman Alexander Lukashenko\n")


def test_everything_after_the_agency_sign_off_is_dropped():
    cleaned = clean_text(seed("003"))
    assert "Scholz" not in cleaned.text
    assert "Belarusian exiles in Ukraine support war effort" not in cleaned.text
    assert cleaned.text.rstrip().endswith(
        'announced an "all-weather" strategic partnership.'
    )
    assert "tg/ar (AFP, Reuters)" in cleaned.removed_by("signoff")


def test_view_counters_and_teasers_of_other_stories_are_removed():
    cleaned = clean_text(seed("002"))
    assert "view" not in cleaned.text.split("\n")[-1]
    assert "SEOUL" not in cleaned.text
    assert "independently selected" not in cleaned.text
    assert cleaned.text.rstrip().endswith("said in a statement.")


def test_a_name_pasted_into_a_sentence_is_removed():
    cleaned = clean_text(seed("002"))
    assert "will arrive in Beijing on Tuesday, kicking off" in cleaned.text
    assert "Erikson" not in cleaned.text
    assert cleaned.removed_by("stray name") == ["Marcus Erikson"]


def test_lines_the_page_repeats_appear_once():
    cleaned = clean_text(seed("001"))
    assert cleaned.text.count("Łukaszenka is in Beijing again.") == 1
    assert "Lukashenko visits Beijing again" not in cleaned.text  # the headline
    assert cleaned.headline == (
        "Lukashenko visits Beijing again as Belarus tightens relations with China"
    )
    assert "Related content" not in cleaned.text
    assert "12:24 PM EST" not in cleaned.text


def test_nothing_is_lost_every_removed_line_is_recorded():
    raw = seed("004")
    cleaned = clean_text(raw)
    kept = set(cleaned.text.split("\n"))
    removed = {r["text"] for r in cleaned.removed}
    for line in (line.strip() for line in raw.split("\n")):
        if line:
            assert line in kept or line in removed


@pytest.mark.parametrize(
    "clutter, step",
    [
        ("By Anna Kowalska and Piotr Nowak", "byline"),
        ("Advertisement", "navigation"),
        ("Share this article", "navigation"),
        ("Photo: Sergei Bobylev/TASS", "credit"),
        ("Getty Images", "credit"),
        ("We use cookies to improve your experience on our site.", "boilerplate"),
        ("3 hours ago", "timestamp"),
        ("Updated: 1 March 2023, 14:05", "dateline"),
        ("1,204 views", "counter"),
    ],
)
def test_kinds_of_clutter_other_pages_leave(clutter, step):
    body = (
        "Alexander Lukashenko arrived in Beijing on Tuesday for a three-day state visit.\n"
        "He is expected to meet Xi Jinping on Wednesday, the Chinese foreign ministry said.\n"
        "The two leaders last met in Samarkand in September 2022.\n"
    )
    cleaned = clean_text(
        f"Lukashenko lands in Beijing for talks with Xi\n{clutter}\n{body}"
    )
    assert clutter not in cleaned.text
    assert clutter in cleaned.removed_by(step)
    assert cleaned.text == body.strip()


def test_reporting_credits_end_the_article_and_related_links_after_them_go():
    page = (
        "China and Belarus pledge closer ties\n"
        "BEIJING, March 1 (Reuters) - Chinese President Xi Jinping met Alexander "
        "Lukashenko in Beijing on Wednesday.\n"
        "The two sides signed agreements on trade and industry, state media said.\n"
        "Lukashenko is a close ally of Russian President Vladimir Putin.\n"
        "(Reporting by Jane Doe; Editing by John Roe)\n"
        "Read more\n"
        "Five things to know about the Great Stone industrial park\n"
    )
    cleaned = clean_text(page)
    assert cleaned.text.endswith("close ally of Russian President Vladimir Putin.")
    assert "Great Stone" not in cleaned.text


def test_a_page_with_no_clutter_is_left_as_it_is():
    text = (
        "Lukashenko arrived in Beijing on Tuesday.\n"
        '"We are old friends," he told reporters.'
    )
    cleaned = clean_text(text)
    assert cleaned.text == text
    assert cleaned.removed == []


@pytest.mark.parametrize(
    "clutter, step",
    [
        (
            "Reproduction of this material is prohibited without permission.",
            "boilerplate",
        ),
        ("Already a subscriber? Log in to continue reading.", "boilerplate"),
        ("Follow Minsk Daily on Telegram and WhatsApp", "promo"),
        ("Read more: Belarus opens a new border crossing with Poland", "teaser"),
        ("[See also: Five facts about the Great Stone park]", "teaser"),
        ("Share Tweet Email Print", "widget"),
        ("A+ A- Font size", "widget"),
        ("[[nid:123456]]", "markup"),
        ("Friday, 1 December 2023 - 10:59", "dateline"),
        ("Опубликовано: 1 декабря 2023, 10:59", "dateline"),
        ("4 декабря 2023 в 22:10", "dateline"),
        ("Подписывайтесь на «Минский курьер» в Telegram", "promo"),
        ("Падпісвайцеся на наш канал у Telegram", "promo"),
        ("By RFE/RL's Belarus Service", "byline"),
        ("Home > News > World", "navigation"),
        ("(With input from Xinhua)", "signoff"),
    ],
)
def test_more_kinds_of_clutter_real_pages_leave(clutter, step):
    body = (
        "Alexander Lukashenko arrived in Beijing on Monday for a working visit.\n"
        "He is expected to meet Xi Jinping, the Chinese foreign ministry said.\n"
    )
    cleaned = clean_text(
        f"Lukashenko lands in Beijing for talks with Xi\n{clutter}\n{body}"
    )
    assert clutter in cleaned.removed_by(step)
    assert cleaned.text == body.strip()


def test_a_capture_header_comes_off_the_first_sentence():
    cleaned = clean_text(" date 2023-12-04 Lukashenko arrived in Beijing on Monday.")
    assert cleaned.text == "Lukashenko arrived in Beijing on Monday."
    assert cleaned.removed_by("capture header") == ["date 2023-12-04"]


def test_a_credit_closing_the_last_sentence_goes_and_the_sentence_stays():
    page = (
        "Lukashenko arrived in Beijing on Monday.\n"
        "The two leaders are expected to sign a joint statement on Tuesday. (Xinhua/AP)"
    )
    cleaned = clean_text(page)
    assert cleaned.text.endswith("a joint statement on Tuesday.")
    assert "(Xinhua/AP)" in cleaned.removed_by("credit")


def test_a_long_paragraph_that_lost_its_final_period_is_kept():
    lead = (
        "Belarusian leader Alexander Lukashenko on Monday praised what he called the "
        "iron friendship between his country and China as he met Xi Jinping in Beijing "
        "for the second time this year"
    )
    cleaned = clean_text(f"{lead}\nThe two men discussed trade and the war in Ukraine.")
    assert cleaned.text.startswith(lead)


@pytest.mark.parametrize(
    "footer",
    [
        "Copyright (c) 2023. Minsk Evening Courier. All Rights Reserved.",
        "© 2023 Minsk Evening Courier",
        "© Minsk Evening Courier",
    ],
)
def test_the_last_paragraph_above_the_sites_copyright_is_no_caption(footer):
    body = (
        "Lukashenko arrived in Beijing on Monday for a working visit.\n"
        "He last visited China in March, when he signed a joint statement with Xi."
    )
    cleaned = clean_text(f"{body}\n{footer}")
    assert cleaned.text == body
    assert footer in [r["text"] for r in cleaned.removed]


def test_a_caption_above_a_picture_credit_inside_the_article_still_goes():
    page = (
        "Lukashenko arrived in Beijing on Monday for a working visit.\n"
        "Xi Jinping and Alexander Lukashenko at the welcome ceremony.\n"
        "Photo: Ivan Ivanov/TASS\n"
        "The two leaders then held talks for three hours."
    )
    cleaned = clean_text(page)
    assert "welcome ceremony" not in cleaned.text
    assert cleaned.text.endswith("talks for three hours.")


def test_a_story_flattened_to_one_line_without_a_full_stop_is_kept_whole():
    # Exports (Media Cloud, most crawls) carry a story as one line; ending in a credit
    # it has no sentence-final mark, which alone made it a "teaser" and left nothing.
    story = (
        "Lukashenko arrived in Beijing on Tuesday for a three-day state visit. "
        "He and Xi Jinping oversaw the signing of 16 agreements on trade, "
        "investment and education (Reuters)"
    )
    assert clean_text(story).text == story
    with_headline = clean_text(
        "Lukashenko lands in Beijing for talks with Xi\n" + story
    )
    assert with_headline.text == story
    assert with_headline.headline == "Lukashenko lands in Beijing for talks with Xi"


def test_teaser_links_below_an_article_still_go():
    page = (
        "Lukashenko arrived in Beijing on Tuesday for a three-day state visit.\n"
        "Why the Great Stone industrial park outside Minsk still lacks the "
        "investors it was promised a decade ago\n"
    )
    assert clean_text(page).text == (
        "Lukashenko arrived in Beijing on Tuesday for a three-day state visit."
    )
