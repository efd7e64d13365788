"""Vega-Lite specifications for the plugin's pages, and safe embedding of them in HTML.

Specs carry their data inline (the whole aggregate result, never a page of rows) and
use only Vega-Lite 2 features, the version datasette-vega ships.
"""

from __future__ import annotations

import json

from markupsafe import Markup

WIDTH = 640


def script_json(value) -> Markup:
    """``value`` as JSON that is safe inside a ``<script>`` element.

    ``<``, ``>``, ``&`` and the line separators are written as ``\\u`` escapes, so no
    text in the data (``</script>``, ``<!--``) can end the element or open a comment.
    """
    text = json.dumps(value, ensure_ascii=False, default=str)
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return Markup(text)


def coverage_over_time(rows: list[dict], x: str, color: str, title: str) -> dict:
    """Stacked bars of articles per ``x`` (a date or month), coloured by ``color``."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v2.json",
        "title": title,
        "width": WIDTH,
        "height": 220,
        "data": {"values": rows},
        "mark": "bar",
        "encoding": {
            "x": {"field": x, "type": "ordinal", "title": x},
            "y": {"field": "articles", "type": "quantitative", "aggregate": "sum"},
            "color": {"field": color, "type": "nominal"},
            "tooltip": {"field": color, "type": "nominal"},
        },
    }


def labels_by_outlet(rows: list[dict], title: str) -> dict:
    """Horizontal stacked bars: articles per outlet using each label."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v2.json",
        "title": title,
        "width": WIDTH - 160,
        "data": {"values": rows},
        "mark": "bar",
        "encoding": {
            "y": {"field": "outlet", "type": "nominal"},
            "x": {"field": "articles", "type": "quantitative", "aggregate": "sum"},
            "color": {"field": "label", "type": "nominal"},
            "tooltip": {"field": "label", "type": "nominal"},
        },
    }
