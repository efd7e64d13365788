"""Chart specifications, and their JSON embedded safely in a script element."""

import json

from datasette_newsvisits.plugin.charts import coverage_over_time, script_json


def test_script_json_cannot_end_its_script_element():
    value = {"title": "</script><script>alert(1)</script><!-- & \u2028"}
    text = str(script_json(value))
    for unsafe in ("<", ">", "&", "\u2028"):
        assert unsafe not in text
    assert json.loads(text) == value


def test_coverage_spec_carries_every_row_inline():
    rows = [
        {"month": f"2023-{m:02d}", "visit": "v", "articles": m} for m in range(1, 13)
    ]
    spec = coverage_over_time(rows, "month", "visit", "Articles")
    assert spec["data"]["values"] == rows
    assert spec["encoding"]["y"] == {
        "field": "articles",
        "type": "quantitative",
        "aggregate": "sum",
    }
