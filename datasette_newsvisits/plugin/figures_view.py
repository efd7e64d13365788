"""``/-/newsvisits/figures``: the figures outlets reported, ranked money, then
percentages, then counts (never dates or bare years), each as its normalized value and
unit with the outlets reporting it; for one visit or all, one kind or all, one outlet
or every outlet."""

from __future__ import annotations

import urllib.parse

from markupsafe import Markup

from ..aggregates import comparable_figure
from .choices import visit_and_outlet_choices
from .filters import visit_arg
from .queries import UNKNOWN, outlet_filter, page_url, query, table_url
from .render import database_for, respond

FIGURE_KINDS = ("money", "percent", "count")
RANK = "CASE t.kind WHEN 'money' THEN 0 WHEN 'percent' THEN 1 ELSE 2 END"
LIMIT = 40  # per kind
COLUMNS = [
    "kind",
    "value",
    "unit",
    "reads",
    "example",
    "outlets",
    "articles",
    "outlet_ids",
]


def describe_figure(row: dict) -> str:
    """The normalized figure in words: "5 billion USD", "33 %", "16 agreements"."""
    value, unit, kind = row.get("value"), row.get("unit"), row.get("kind")
    if value is None:
        return unit or kind or ""
    if kind == "percent":
        return f"{_number(value)} %"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if kind == "money" and abs(value) >= size:
            return f"{_number(value / size)} {word} {unit or ''}".strip()
    return f"{_number(value)} {unit or ''}".strip()


def _number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


async def figures_data(datasette, db: str, visit: str, kind: str, outlet: str) -> dict:
    """Ranked figures: from ``figure_visit``/``figure_groups`` for every outlet, from
    ``figure_outlet`` for one outlet."""
    kinds = [kind] if kind in FIGURE_KINDS else list(FIGURE_KINDS)
    params = {"visit": visit, "outlet": outlet}
    rows = []
    for one_kind in kinds:
        params["kind"] = one_kind
        if outlet:
            sql = f"""SELECT t.kind, t.value, t.unit, t.surface AS example,
            1 AS outlets, sum(t.articles) AS articles, t.outlet_id AS outlet_ids
            FROM figure_outlet t WHERE t.kind = :kind AND {comparable_figure("t")}
            AND t.outlet_id IS :outlet_key {"AND t.visit_id = :visit" if visit else ""}
            GROUP BY t.kind, t.value, t.unit
            ORDER BY articles DESC, t.value DESC LIMIT {LIMIT}"""
            params["outlet_key"] = None if outlet == "unknown" else outlet
        elif visit:
            sql = f"""SELECT t.kind, t.value, t.unit, t.surface AS example, t.outlets,
            t.articles, t.outlet_ids FROM figure_visit t
            WHERE t.visit_id = :visit AND t.kind = :kind
            ORDER BY t.outlets DESC, t.articles DESC LIMIT {LIMIT}"""
        else:
            sql = f"""SELECT t.kind, t.value, t.unit, t.surface AS example, t.outlets,
            t.articles, t.outlet_ids FROM figure_groups t WHERE t.kind = :kind
            ORDER BY t.outlets DESC, t.articles DESC LIMIT {LIMIT}"""
        rows += await query(datasette, db, sql, params)
    for row in rows:
        row["reads"] = describe_figure(row)
    return {"rows": rows}


async def figures_page(datasette, request):
    """``/-/newsvisits/figures[.json|.csv]?visit=&kind=&outlet=``"""
    db = await database_for(datasette, request)
    visit = request.args.get("visit") or ""
    kind = request.args.get("kind") or ""
    outlet = request.args.get("outlet") or ""
    data = await figures_data(datasette, db, visit, kind, outlet)
    names = {
        row["id"]: row["name"]
        for row in await query(datasette, db, "SELECT id, name FROM outlets")
    }
    for row in data["rows"]:
        rows_url = _rows_url(datasette, db, row, visit)
        ids = (row["outlet_ids"] or "").split(",") if row["outlet_ids"] else []
        if outlet == "unknown":
            ids = [""]
        row["outlet_list"] = [
            {
                "name": names.get(i, i) if i else UNKNOWN,
                "url": rows_url + "&" + urllib.parse.urlencode([outlet_filter(i)]),
            }
            for i in ids
        ]
    # Joined here, not in the template: up to 120 rows of two dozen links each.
    outlets_html = [
        Markup(", ").join(
            Markup('<a href="{}">{}</a>').format(o["url"], o["name"])
            for o in row["outlet_list"]
        )
        for row in data["rows"]
    ]
    choices = await visit_and_outlet_choices(datasette, db)
    return await respond(
        datasette,
        request,
        "newsvisits_figures.html",
        {"database": db, "visit": visit, "kind": kind, "outlet": outlet, **data},
        {
            "choices": choices,
            "outlets_html": outlets_html,
            "kinds": FIGURE_KINDS,
            "form_url": page_url(datasette, "/figures"),
        },
        rows=data["rows"],
        columns=COLUMNS,
    )


def _rows_url(datasette, db: str, row: dict, visit: str) -> str:
    """The figures table rows behind one figure (add an outlet filter for one outlet)."""
    value = (
        ("value", row["value"]) if row["value"] is not None else ("value__isnull", 1)
    )
    unit = ("unit", row["unit"]) if row["unit"] else ("unit__isnull", "1")
    args = [("kind", row["kind"]), value, unit]
    if visit:
        args.append(visit_arg(visit))
    return table_url(datasette, db, "figures", args)
