"""Vega-Lite specifications for the plugin's pages, and safe embedding of them in HTML.

Specs carry their data inline (the whole aggregate result, never a page of rows), take
the width of their container (``"width": "container"``: a phone gets a narrow chart,
not a page that scrolls sideways), colour at most ``TOP`` series with distinct colours
and the rest as one grey "other", and count with integer axes.
"""

from __future__ import annotations

import json

from markupsafe import Markup

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
# Tableau 10 without its grey, which is kept for "other".
PALETTE = [
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
]
OTHER = "other"
OTHER_COLOUR = "#bab0ac"
TOP = len(PALETTE)
INTEGER_AXIS = {"format": "d", "tickMinStep": 1}


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


def top_series(
    rows: list[dict], key: str, value: str = "articles", keep: int = TOP
) -> tuple[list[dict], list[str]]:
    """Rows with every value of ``key`` outside the ``keep`` largest (by total
    ``value``) renamed "other", and the colour domain: largest first, "other" last."""
    totals: dict[str, float] = {}
    for row in rows:
        totals[row[key]] = totals.get(row[key], 0) + (row[value] or 0)
    ranked = sorted(totals, key=lambda k: (-totals[k], str(k)))
    top = ranked[:keep] if len(ranked) > keep else ranked
    kept = set(top)
    folded = [{**row, key: row[key] if row[key] in kept else OTHER} for row in rows]
    domain = list(top) + ([OTHER] if len(ranked) > len(top) else [])
    return folded, domain


def colour(field: str, domain: list[str], title: str | None = None) -> dict:
    """A nominal colour encoding: distinct colours in ``domain`` order, grey "other"."""
    scale_range = [
        OTHER_COLOUR if name == OTHER else PALETTE[i % TOP]
        for i, name in enumerate(domain)
    ]
    return {
        "field": field,
        "type": "nominal",
        "title": title,
        "sort": domain,
        "scale": {"domain": domain, "range": scale_range},
        "legend": {"orient": "bottom", "direction": "horizontal", "columns": 3},
    }


def stacked_bars(
    rows: list[dict],
    x: str,
    series: str,
    title: str,
    y: str = "articles",
    share: bool = False,
) -> dict:
    """Bars of ``y`` per ``x`` stacked by ``series`` (top series + "other"); with
    ``share``, each bar is 100 % and shows each series' share of it."""
    folded, domain = top_series(rows, series, y)
    axis = {"format": ".0%"} if share else INTEGER_AXIS
    return {
        "$schema": SCHEMA,
        "title": title,
        "width": "container",
        "height": 220,
        "data": {"values": folded},
        "mark": "bar",
        "encoding": {
            "x": {
                "field": x,
                "type": "ordinal",
                "title": None,
                "axis": {"labelOverlap": "greedy", "labelAngle": -45},
            },
            "y": {
                "field": y,
                "type": "quantitative",
                "aggregate": "sum",
                "title": f"share of {y}" if share else y,
                "stack": "normalize" if share else "zero",
                "axis": axis,
            },
            "color": colour(series, domain),
            "tooltip": [
                {"field": x, "type": "ordinal"},
                {"field": series, "type": "nominal"},
                {"field": y, "type": "quantitative", "aggregate": "sum"},
            ],
        },
    }


def heat_map(
    rows: list[dict],
    x: str,
    y: str,
    title: str | dict,
    value: str = "share",
    count: str = "articles",
) -> dict:
    """Cells of ``value`` (a share, 0–1) for each ``x`` and ``y``, the share written in
    each cell, ``count`` in the tooltip. Rows keep their order on both axes."""
    x_order = list(dict.fromkeys(row[x] for row in rows))
    y_order = list(dict.fromkeys(row[y] for row in rows))
    encoding = {
        "x": {
            "field": x,
            "type": "nominal",
            "sort": x_order,
            "title": None,
            "axis": {"labelAngle": -40, "orient": "top", "labelLimit": 120},
        },
        "y": {
            "field": y,
            "type": "nominal",
            "sort": y_order,
            "title": None,
            "axis": {"labelLimit": 110},
        },
    }
    tooltip = [
        {"field": y, "type": "nominal"},
        {"field": x, "type": "nominal"},
        {"field": value, "type": "quantitative", "format": ".0%"},
        {"field": count, "type": "quantitative"},
    ]
    return {
        "$schema": SCHEMA,
        "title": title,
        "width": "container",
        "height": 22 * max(len(y_order), 2),
        "data": {"values": rows},
        "encoding": encoding,
        "layer": [
            {
                "mark": "rect",
                "encoding": {
                    "color": {
                        "field": value,
                        "type": "quantitative",
                        "title": "share",
                        "scale": {"scheme": "blues", "domain": [0, 1]},
                        "legend": {"format": ".0%", "orient": "bottom"},
                    },
                    "tooltip": tooltip,
                },
            },
            {
                "mark": {"type": "text", "fontSize": 10},
                "encoding": {
                    "text": {"field": value, "type": "quantitative", "format": ".0%"},
                    "color": {
                        "condition": {
                            "test": f"datum['{value}'] > 0.5",
                            "value": "white",
                        },
                        "value": "black",
                    },
                    "tooltip": tooltip,
                },
            },
        ],
    }
