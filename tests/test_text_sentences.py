"""split_sentences: character offsets of the sentences in cleaned article text.

One splitter for the stored sentences and for quote attribution, so it knows where
quotations are: no sentence ends inside one.
"""

from pathlib import Path

import pytest

from datasette_newsvisits.text.quotemarks import Quotations, find_quotations
from datasette_newsvisits.text.sentences import split_sentences

CORPUS = Path(__file__).parent.parent / "datasette_newsvisits" / "data" / "corpus"


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_offsets_point_at_stripped_sentences():
    text = "  First one here.   Second one here.\n"
    spans = split_sentences(text)
    assert spans == [(2, 17), (20, 36)]
    assert [text[a:b] for a, b in spans] == ["First one here.", "Second one here."]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The U.S. government voiced concern. China denied it.",
            ["The U.S. government voiced concern.", "China denied it."],
        ),
        (
            "Dr. Li met Gov. Smith on Jan. 5 in room No. 4. Talks went on.",
            ["Dr. Li met Gov. Smith on Jan. 5 in room No. 4.", "Talks went on."],
        ),
        (
            "President Alexander G. Lukashenko arrived. He met Xi.",
            ["President Alexander G. Lukashenko arrived.", "He met Xi."],
        ),
        (
            "Deals worth $3.56 billion were signed. Trade grew 33.5 percent.",
            ["Deals worth $3.56 billion were signed.", "Trade grew 33.5 percent."],
        ),
    ],
    ids=["dotted-abbreviation", "titles-months-numbers", "initial", "decimals"],
)
def test_periods_that_do_not_end_a_sentence(text, expected):
    assert sentences(text) == expected


def test_dotted_abbreviation_at_the_end_of_a_sentence():
    text = "The sanctions were imposed by the U.S. The bloc followed."
    assert sentences(text) == [
        "The sanctions were imposed by the U.S.",
        "The bloc followed.",
    ]


def test_closing_quote_belongs_to_the_sentence_and_said_clauses_stay_attached():
    text = (
        '"Not a single issue can be resolved without China," Lukashenko said. '
        '"We are old friends." Xi agreed. "Why?" he asked.'
    )
    assert sentences(text) == [
        '"Not a single issue can be resolved without China," Lukashenko said.',
        '"We are old friends."',
        "Xi agreed.",
        '"Why?" he asked.',
    ]


def test_curly_quotes_and_brackets():
    text = "He called it “a new step.” Beijing agreed (as expected.) Minsk waited."
    assert sentences(text) == [
        "He called it “a new step.”",
        "Beijing agreed (as expected.)",
        "Minsk waited.",
    ]


def test_dateline_stays_with_its_sentence():
    text = "BEIJING, Feb 28 (Reuters) - Lukashenko arrived in Beijing. He will stay three days."
    assert sentences(text) == [
        "BEIJING, Feb 28 (Reuters) - Lukashenko arrived in Beijing.",
        "He will stay three days.",
    ]


def test_capitals_beyond_ascii_start_a_sentence():
    text = "He has ruled since 1994. Łukaszenka is in Beijing. Élysée officials said nothing."
    assert sentences(text) == [
        "He has ruled since 1994.",
        "Łukaszenka is in Beijing.",
        "Élysée officials said nothing.",
    ]


def test_newlines_always_end_a_sentence():
    text = "Headline without a period\nA caption line\n\nBody text here. More body."
    assert sentences(text) == [
        "Headline without a period",
        "A caption line",
        "Body text here.",
        "More body.",
    ]


def test_lower_case_after_a_period_does_not_split():
    assert sentences("It grew by approx. five percent. Then fell.") == [
        "It grew by approx. five percent.",
        "Then fell.",
    ]


def test_a_sentence_never_ends_inside_a_quotation():
    text = (
        '"We are friends. We will stay friends," Lukashenko said. Xi agreed. '
        "She called it ‘a new step. A big one’ and left."
    )
    assert sentences(text) == [
        '"We are friends. We will stay friends," Lukashenko said.',
        "Xi agreed.",
        "She called it ‘a new step. A big one’ and left.",
    ]


def test_a_quotation_running_into_the_next_paragraph_is_not_split():
    text = '"The first part. It goes on\n"And ends here." Xi nodded.'
    assert sentences(text) == [
        '"The first part. It goes on',
        '"And ends here."',
        "Xi nodded.",
    ]


def test_low_high_marks_and_guillemets_close_a_sentence_too():
    text = "„Wir sind Freunde.“ Xi stimmte zu. «Nous sommes amis.» Minsk aussi."
    assert sentences(text) == [
        "„Wir sind Freunde.“",
        "Xi stimmte zu.",
        "«Nous sommes amis.»",
        "Minsk aussi.",
    ]


def test_quotations_found_once_can_be_passed_in():
    text = '"One. Two," he said. Three.'
    quotations = find_quotations(text)
    assert (
        split_sentences(text, quotations)
        == split_sentences(text)
        == [(0, 20), (21, 27)]
    )
    assert len(split_sentences(text, Quotations([]))) == 3  # blind to the marks


def test_empty_and_blank_text():
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t ") == []


def test_bundled_seed_sentences():
    text = (CORPUS / "004_0d52e6d2f73a0e33.txt").read_text(encoding="utf-8")
    found = sentences(text)
    assert (
        "“At the invitation of Chinese President Xi Jinping, President of Belarus Alexander "
        "Lukashenko will pay a state visit to China from February 28 to March 2,” spokesperson "
        "Hua Chunying said." in found
    )
    assert (
        "The Kremlin has yet to provide any statement about the conversation." in found
    )
    assert all(s == s.strip() and s for s in found)


def test_cyrillic_sentences_split_and_initials_and_abbreviations_hold():
    text = (
        "Президент прибыл в г. Пекин на переговоры. А. Г. Лукашенко встретился с "
        "Си Цзиньпином. Стороны подписали соглашение."
    )
    assert sentences(text) == [
        "Президент прибыл в г. Пекин на переговоры.",
        "А. Г. Лукашенко встретился с Си Цзиньпином.",
        "Стороны подписали соглашение.",
    ]


def test_chinese_sentences_end_at_the_full_stop_with_no_space_after_it():
    text = "白俄罗斯总统抵达北京。两国元首举行会谈！双方签署了合作文件"
    assert sentences(text) == [
        "白俄罗斯总统抵达北京。",
        "两国元首举行会谈！",
        "双方签署了合作文件",
    ]
