"""Clutter lines of reprints and channel promos (``ingest.clutter``), removed by
cleaning with their step recorded; prose about channels and translations stays."""

import pytest

from datasette_newsvisits.extract import extract_all
from datasette_newsvisits.extract.gazetteer import load_gazetteer
from datasette_newsvisits.ingest import steps
from datasette_newsvisits.ingest.clean import clean_text
from datasette_newsvisits.ingest.clutter import classify_line

BODY = (
    "Alexander Lukashenko arrived in Beijing on Monday for a working visit.\n"
    "He is expected to meet Xi Jinping, the Chinese foreign ministry said.\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "Переведено сервисом «Яндекс Переводчик»",
        "Translated by Google Translate",
        "Machine translation",
        "Перевод: Ольга Петрова",
        "This article was machine translated.",
        "Automatically translated from Russian.",
        "Translation: DeepL",
        "Пераклад: Алена Ждан",
    ],
)
def test_a_translation_credit_is_clutter_before_or_after_the_article(line):
    for page in (f"{line}\n{BODY}", f"{BODY}{line}\n"):
        cleaned = clean_text(page)
        assert cleaned.text == BODY.strip()
        assert line in cleaned.removed_by(steps.TRANSLATION)


def test_a_translation_credit_in_guillemets_is_no_quotation():
    page = f"{BODY}Переведено сервисом «Яндекс Переводчик»\n"
    extraction = extract_all(clean_text(page).text, load_gazetteer())
    assert extraction.quotes == []


@pytest.mark.parametrize(
    "line",
    [
        "All important news is on the Minsk News channel in the MAX messenger",
        "Все важные новости — на канале «Минск-Новости» в мессенджере MAX",
        "Subscribe to our Telegram channel",
        "Our channel in Telegram: t.me/minsknews",
        "Keep up with the latest news on our WhatsApp channel",
    ],
)
def test_a_channel_promo_is_clutter(line):
    cleaned = clean_text(f"{BODY}{line}\n")
    assert cleaned.text == BODY.strip()
    assert classify_line(line) in (steps.PROMO, steps.BOILERPLATE)


@pytest.mark.parametrize(
    "line",
    [
        (
            "Pul Pervogo, a Telegram channel close to the presidential press service, "
            "published a video of the meeting."
        ),
        "The opposition Telegram channel Nexta said the visit was planned in secret.",
        "The document was translated into Chinese and Russian.",
        "All the news from the summit was grim, the channel said.",
        "Lukashenko said a machine translation of the treaty would not do.",
    ],
)
def test_prose_about_channels_and_translations_is_kept(line):
    assert classify_line(line) is None


@pytest.mark.parametrize(
    "line, step",
    [
        ("Join our WhatsApp channel for the latest news", steps.PROMO),
        ("News from the Union State in our Telegram channel", steps.PROMO),
        ("Telegram | Viber | VK | Odnoklassniki", steps.WIDGET),
        ("If you notice an error, select it and press Ctrl+Enter", steps.BOILERPLATE),
        ("This text was translated automatically.", steps.TRANSLATION),
    ],
)
def test_more_lines_of_belarusian_and_russian_sites(line, step):
    assert classify_line(line) == step


def test_an_invitation_in_prose_is_no_promo():
    assert classify_line("Join us in Minsk next week, the minister told them.") is None
