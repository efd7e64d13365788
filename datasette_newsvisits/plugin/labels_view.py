"""``/-/newsvisits/labels``: which outlets called a person what, as an outlet × label
matrix of shares: of an outlet's articles mentioning the person (in one visit or all),
the share putting each label on them. Every label the person got is a column; the
outlets are the twelve mentioning them most, or the ones chosen."""

from __future__ import annotations

from . import charts
from .choices import visit_and_outlet_choices
from .filters import label_arg
from .queries import (
    UNKNOWN,
    entity_url,
    outlet_filter,
    page_url,
    query,
    table_url,
    visit_filter,
)
from .render import database_for, respond

MAX_OUTLETS = 12
PEOPLE = 30
COLUMNS = ["outlet", "label", "articles", "articles_mentioning", "share"]


async def labelled_people(datasette, db: str) -> list[dict]:
    """The most mentioned people who got at least one label."""
    return await query(
        datasette,
        db,
        f"""SELECT t.entity_id AS id, e.name FROM entity_totals t
        JOIN entities e ON e.id = t.entity_id
        WHERE e.type = 'person'
        AND EXISTS (SELECT 1 FROM label_outlet l WHERE l.entity_id = t.entity_id)
        ORDER BY t.articles DESC, e.name LIMIT {PEOPLE}""",
    )


async def resolve_person(datasette, db: str, spelling: str) -> dict | None:
    """The entity an id or any spelling names (``canonical_entity_id``)."""
    rows = await query(
        datasette,
        db,
        """SELECT id, name FROM entities
        WHERE id = coalesce((SELECT id FROM entities WHERE id = :s),
                            canonical_entity_id(:s))""",
        {"s": spelling},
    )
    return rows[0] if rows else None


async def label_matrix(
    datasette, db: str, entity_id: str, visit: str, outlets: list[str]
) -> dict:
    """Outlets (rows), labels (columns) and the share of each cell."""
    params = {"entity": entity_id, "visit": visit}
    in_visit = "AND t.visit_id = :visit" if visit else ""
    mentioning = await query(
        datasette,
        db,
        f"""SELECT coalesce(t.outlet_id, '') AS col,
        coalesce(o.name, t.outlet_id, '{UNKNOWN}') AS name,
        sum(t.articles) AS articles_mentioning
        FROM entity_outlet_month t LEFT JOIN outlets o ON o.id = t.outlet_id
        WHERE t.entity_id = :entity {in_visit}
        GROUP BY t.outlet_id ORDER BY articles_mentioning DESC, name""",
        params,
    )
    cells = await query(
        datasette,
        db,
        f"""SELECT coalesce(t.outlet_id, '') AS col, t.label,
        sum(t.articles) AS articles FROM label_outlet t
        WHERE t.entity_id = :entity {in_visit} GROUP BY t.outlet_id, t.label""",
        params,
    )
    chosen = set(outlets)
    labelled = {c["col"] for c in cells}
    rows = [m for m in mentioning if m["col"] in labelled or m["col"] in chosen]
    rows = [m for m in rows if m["col"] in chosen] if chosen else rows[:MAX_OUTLETS]
    shown = {m["col"]: m for m in rows}
    totals: dict[str, int] = {}
    for cell in cells:
        totals[cell["label"]] = totals.get(cell["label"], 0) + cell["articles"]
    labels = sorted(totals, key=lambda label: (-totals[label], label))
    matrix = []
    for cell in cells:
        outlet = shown.get(cell["col"])
        if outlet is None:
            continue
        base = outlet["articles_mentioning"] or cell["articles"]
        matrix.append(
            {
                "outlet": outlet["name"],
                "col": cell["col"],
                "label": cell["label"],
                "articles": cell["articles"],
                "articles_mentioning": base,
                "share": min(cell["articles"] / base, 1.0),
            }
        )
    order = {label: i for i, label in enumerate(labels)}
    position = {m["col"]: i for i, m in enumerate(rows)}
    matrix.sort(key=lambda c: (position[c["col"]], order[c["label"]]))
    return {
        "outlets": rows,
        "labels": [{"label": label, "articles": totals[label]} for label in labels],
        "cells": matrix,
        "more_outlets": max(len(mentioning) - len(rows), 0),
    }


async def labels_page(datasette, request):
    """``/-/newsvisits/labels[.json|.csv]?entity=&visit=&outlet=``"""
    db = await database_for(datasette, request)
    people = await labelled_people(datasette, db)
    wanted = request.args.get("entity") or (people[0]["id"] if people else "")
    person = await resolve_person(datasette, db, wanted) if wanted else None
    visit = request.args.get("visit") or ""
    outlets = request.args.getlist("outlet")
    data = {
        "database": db,
        "person": person,
        "visit": visit,
        "outlets": [],
        "labels": [],
    }
    data["cells"] = []
    if person:
        data.update(await label_matrix(datasette, db, person["id"], visit, outlets))
    for cell in data["cells"]:
        args = [outlet_filter(cell["col"]), label_arg(person["id"], cell["label"])]
        if visit:
            args.insert(0, visit_filter(visit))
        cell["url"] = table_url(datasette, db, "articles", args)
    grid = {(c["col"], c["label"]): c for c in data["cells"]}
    title = (
        f"Labels on {person['name']}, share of each outlet's articles" if person else ""
    )
    return await respond(
        datasette,
        request,
        "newsvisits_labels.html",
        data,
        {
            "people": people,
            "grid": grid,
            "wanted": wanted,
            "choices": await visit_and_outlet_choices(datasette, db),
            "form_url": page_url(datasette, "/labels"),
            "entity_url": entity_url(datasette, person["id"]) if person else None,
            "heat_spec": charts.heat_map(data["cells"], "label", "outlet", title),
        },
        rows=data["cells"],
        columns=COLUMNS,
    )
