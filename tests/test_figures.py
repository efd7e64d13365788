"""Figures: money, percentages, counts and dates, each normalized to a number."""

import pytest

from datasette_newsvisits.extract.figures import extract_figures


def one(text):
    (figure,) = extract_figures(text)
    return figure.kind, figure.value, figure.unit


@pytest.mark.parametrize(
    "text, expected",
    [
        ("trade rose to five billion US dollars", ("money", 5e9, "USD")),
        ("deals worth $3.56 billion", ("money", 3.56e9, "USD")),
        ("about €1.2bn of loans", ("money", 1.2e9, "EUR")),
        ("grants of 100 million yuan", ("money", 1e8, "CNY")),
        ("worth billions of dollars", ("money", 1e9, "USD")),
        ("a prize of 5,000 euros", ("money", 5000, "EUR")),
    ],
)
def test_money_has_a_currency_and_its_scale_applied(text, expected):
    assert one(text) == expected


def test_percentages_in_words_or_signs():
    assert one("rose by 33 percent") == ("percent", 33, "percent")
    assert one("rose by 33% last year") == ("percent", 33, "percent")
    assert one("up 2.5 percentage points") == ("percent", 2.5, "percentage points")


@pytest.mark.parametrize(
    "text, value",
    [
        ("which represents 27 EU member states", 27),
        ("more than 1,000 other political prisoners", 1000),
        ("released a 12-point position paper", 12),
        ("tens of thousands arrested", 10000),
        ("more than 35,000 people were detained", 35000),
    ],
)
def test_counts_take_the_number_and_vague_quantities_their_lower_bound(text, value):
    kind, number, _ = one(text)
    assert (kind, number) == ("count", value)


@pytest.mark.parametrize(
    "text, value",
    [
        ("on December 3, 2023 he flew", 20231203),
        ("from 15 September 2022 on", 20220915),
        ("in September 2022", 20220900),
        ("since 2020", 20200000),
        ("on February 28", 228),
        ("dated 2023-02-25", 20230225),
    ],
)
def test_dates_are_yyyymmdd_numbers_with_unknown_parts_zero(text, value):
    assert one(text) == ("date", value, "date")


def test_a_range_lends_its_year_and_month():
    values = [f.value for f in extract_figures("from 28 February - 2 March 2023")]
    assert values == [20230228, 20230302]
    assert [f.value for f in extract_figures("held on Sept. 15 and 16")] == [915, 916]


def test_times_phones_ordinals_durations_and_the_two_leaders_are_not_figures():
    text = (
        "At 10:30 call +375 17 000 0000. The first anniversary of a three-day trip, "
        "two weeks ago; the two leaders met; the 68-year-old smiled; one of them."
    )
    assert extract_figures(text) == []


def test_surface_and_offset_point_into_the_text():
    text = "Trade rose 33 percent to $5 billion in 2022."
    for figure in extract_figures(text):
        assert text[figure.start : figure.start + len(figure.surface)] == figure.surface


def test_a_bare_grouped_number_or_a_modified_one_is_a_count():
    text = (
        "Waiting lists rose from 50,397 in April. The toll was more than 24 and rising."
    )
    assert [(f.kind, f.value) for f in extract_figures(text) if f.kind != "date"] == [
        ("count", 50397),
        ("count", 24),
    ]


def test_ordinals_are_not_counts():
    text = "Guards in 19th century uniforms marked the 75th anniversary."
    assert [f for f in extract_figures(text) if f.kind != "date"] == []


def test_an_amount_used_as_an_adjective_is_money():
    text = "It is part of a trillion-dollar push to build roads."
    assert [(f.kind, f.value, f.unit) for f in extract_figures(text)] == [
        ("money", 1e12, "USD")
    ]


def test_irregular_plurals_and_digits_after_the_are_counts():
    text = "They signed the 18 agreements and the purchase of 160 Airbus aircraft."
    assert [(f.kind, f.value) for f in extract_figures(text)] == [
        ("count", 18),
        ("count", 160),
    ]
    assert extract_figures("The two leaders met.") == []


def test_short_scales_and_more_currencies():
    text = "Trade reached 5 bln USD, and Budapest pledged 300 billion forints."
    assert [(f.kind, f.value, f.unit) for f in extract_figures(text)] == [
        ("money", 5e9, "USD"),
        ("money", 3e11, "HUF"),
    ]


def test_dozens_and_a_list_of_adjectives_before_the_noun():
    text = (
        "They signed almost four dozen deals; 27 intergovernmental, "
        "interdepartmental and regional agreements were among them."
    )
    assert [(f.kind, f.value) for f in extract_figures(text)] == [
        ("count", 48),
        ("count", 27),
    ]


def test_only_a_range_shares_its_year_not_a_date_far_before_it():
    text = "Minsk, December 5. Trade for January-October 2023 grew by half."
    dates = [f.value for f in extract_figures(text) if f.kind == "date"]
    assert dates == [1205, 20231000]
    text = "The visit runs from February 28 to March 2, 2023."
    assert [f.value for f in extract_figures(text)] == [20230228, 20230302]
