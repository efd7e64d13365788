"""``/-/newsvisits/coverage``: each outlet's coverage over time, across all visits (or
one): articles per month by outlet, each outlet's share of every month's articles, and
per outlet its articles in each visit."""

from __future__ import annotations

import json

from . import canned, charts
from .choices import visit_and_outlet_choices
from .queries import (
    UNDATED,
    UNKNOWN,
    outlet_filter,
    page_url,
    query,
    table_url,
    visit_filter,
)
from .render import database_for, respond

COLUMNS = ["month", "outlet", "articles"]


async def coverage_rows(
    datasette, db: str, visit: str, outlets: list[str]
) -> list[dict]:
    """Articles per month and outlet from ``coverage`` (chosen outlets only, if any)."""
    chosen = ""
    if outlets:
        chosen = (
            "AND coalesce(t.outlet_id, 'unknown') IN "
            "(SELECT value FROM json_each(:outlets))"
        )
    return await query(
        datasette,
        db,
        f"""SELECT coalesce(t.month, '{UNDATED}') AS month,
        coalesce(t.outlet_id, 'unknown') AS outlet_id,
        coalesce(o.name, t.outlet_id, '{UNKNOWN}') AS outlet,
        sum(t.articles) AS articles
        FROM coverage t LEFT JOIN outlets o ON o.id = t.outlet_id
        WHERE {"t.visit_id = :visit" if visit else "1"} {chosen}
        GROUP BY t.month, t.outlet_id ORDER BY t.month, articles DESC""",
        {"visit": visit, "outlets": json.dumps(outlets)},
    )


async def outlet_visits(datasette, db: str, outlets: list[str]) -> list[dict]:
    """Per outlet: articles in all, first and last publication, articles per visit."""
    rows = await query(
        datasette,
        db,
        f"""SELECT coalesce(t.outlet_id, 'unknown') AS outlet_id,
        coalesce(o.name, t.outlet_id, '{UNKNOWN}') AS outlet, t.visit_id,
        coalesce(v.title, t.visit_id, 'no visit') AS visit, t.articles,
        t.first_published, t.last_published
        FROM visit_outlet t LEFT JOIN outlets o ON o.id = t.outlet_id
        LEFT JOIN visits v ON v.id = t.visit_id
        ORDER BY v.start_date IS NULL, v.start_date""",
    )
    by_outlet: dict[str, dict] = {}
    for row in rows:
        if outlets and row["outlet_id"] not in outlets:
            continue
        entry = by_outlet.setdefault(
            row["outlet_id"],
            {
                "outlet_id": row["outlet_id"],
                "outlet": row["outlet"],
                "articles": 0,
                "first": None,
                "last": None,
                "visits": [],
            },
        )
        entry["articles"] += row["articles"]
        for key, pick in (("first", min), ("last", max)):
            value = row[f"{key}_published"]
            if value:
                entry[key] = pick(entry[key] or value, value)
        entry["visits"].append(
            {
                "visit_id": row["visit_id"],
                "visit": row["visit"],
                "articles": row["articles"],
            }
        )
    return sorted(by_outlet.values(), key=lambda e: (-e["articles"], e["outlet"]))


async def coverage_page(datasette, request):
    """``/-/newsvisits/coverage[.json|.csv]?outlet=&outlet=&visit=``"""
    db = await database_for(datasette, request)
    visit = request.args.get("visit") or ""
    outlets = request.args.getlist("outlet")
    rows = await coverage_rows(datasette, db, visit, outlets)
    dated = [r for r in rows if r["month"] != UNDATED]
    per_outlet = await outlet_visits(datasette, db, outlets)
    for entry in per_outlet:
        outlet = outlet_filter(
            "" if entry["outlet_id"] == "unknown" else entry["outlet_id"]
        )
        for cell in entry["visits"]:
            cell["url"] = table_url(
                datasette, db, "articles", [visit_filter(cell["visit_id"]), outlet]
            )
    return await respond(
        datasette,
        request,
        "newsvisits_coverage.html",
        {
            "database": db,
            "visit": visit,
            "outlets": outlets,
            "months": rows,
            "per_outlet": per_outlet,
        },
        {
            "choices": await visit_and_outlet_choices(datasette, db),
            "form_url": page_url(datasette, "/coverage"),
            "undated": sum(r["articles"] for r in rows if r["month"] == UNDATED),
            "count_spec": charts.stacked_bars(
                dated, "month", "outlet", "Articles per month, by outlet"
            ),
            "share_spec": charts.stacked_bars(
                dated,
                "month",
                "outlet",
                "Each outlet's share of the month's articles",
                share=True,
            ),
            "chart_url": canned.chart_url(
                datasette, db, "coverage_by_outlet", visit_id=visit
            ),
        },
        rows=rows,
        columns=COLUMNS,
    )
