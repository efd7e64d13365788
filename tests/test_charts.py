"""Chart specifications, and their JSON embedded safely in a script element."""

import json

from datasette_newsvisits.plugin.charts import (
    OTHER,
    OTHER_COLOUR,
    PALETTE,
    heat_map,
    script_json,
    stacked_bars,
    top_series,
)


def test_script_json_cannot_end_its_script_element():
    value = {"title": "</script><script>alert(1)</script><!-- & \u2028"}
    text = str(script_json(value))
    for unsafe in ("<", ">", "&", "\u2028"):
        assert unsafe not in text
    assert json.loads(text) == value


def test_stacked_bars_carry_every_article_and_fit_their_container():
    rows = [
        {"month": f"2023-{m:02d}", "visit": "v", "articles": m} for m in range(1, 13)
    ]
    spec = stacked_bars(rows, "month", "visit", "Articles")
    assert sum(r["articles"] for r in spec["data"]["values"]) == sum(range(1, 13))
    assert spec["width"] == "container"
    assert spec["encoding"]["y"]["axis"]["format"] == "d"  # whole articles only


def test_more_series_than_colours_fold_the_smallest_into_a_grey_other():
    rows = [{"day": "d", "outlet": f"o{i:02d}", "articles": 100 - i} for i in range(13)]
    folded, domain = top_series(rows, "outlet")
    assert domain == [f"o{i:02d}" for i in range(len(PALETTE))] + [OTHER]
    assert sum(r["articles"] for r in folded if r["outlet"] == OTHER) == sum(
        100 - i for i in range(len(PALETTE), 13)
    )
    colour = stacked_bars(rows, "day", "outlet", "t")["encoding"]["color"]["scale"]
    assert colour["range"][-1] == OTHER_COLOUR
    assert len(set(colour["range"])) == len(colour["range"])  # all distinct


def test_few_series_keep_their_names_and_no_other():
    rows = [{"day": "d", "outlet": name, "articles": 1} for name in ("a", "b")]
    _, domain = top_series(rows, "outlet")
    assert domain == ["a", "b"]


def test_shares_stack_to_one_with_a_percent_axis():
    rows = [{"m": "2023-01", "outlet": "a", "articles": 3}]
    y = stacked_bars(rows, "m", "outlet", "t", share=True)["encoding"]["y"]
    assert y["stack"] == "normalize" and y["axis"]["format"] == ".0%"


def test_heat_map_keeps_every_label_in_row_order():
    rows = [
        {"outlet": "A", "label": label, "share": 0.5, "articles": 1}
        for label in ("strongman", "president", "dictator", "ruler")
    ]
    spec = heat_map(rows, "label", "outlet", "Labels")
    assert spec["encoding"]["x"]["sort"] == [
        "strongman",
        "president",
        "dictator",
        "ruler",
    ]
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"] == [0, 1]
