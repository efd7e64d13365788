"""``/-/newsvisits/entity/<entity_id>``: one entity's names, spellings, labels by
outlet, quotations by and about it, and its coverage over time."""

from __future__ import annotations

import urllib.parse

from datasette.utils import tilde_encode
from datasette.utils.asgi import NotFound, Response

from . import charts
from .filters import mentions_arg
from .queries import (
    UNKNOWN,
    articles_per_month_by_visit,
    outlet_filter,
    page_url,
    path_value,
    query,
    table_url,
)
from .render import database_for, respond


def _shares(labels: list[dict]) -> list[dict]:
    """Label rows with the share of the outlet's articles mentioning the entity."""
    return [
        {
            **row,
            "share": min(row["articles"] / (row["mentioning"] or row["articles"]), 1),
        }
        for row in labels
    ]


async def entity_page(datasette, request):
    """``/-/newsvisits/entity/<entity_id>``: names, spellings, labels and quotes of one
    entity. Any spelling in place of the id redirects to the entity's page."""
    db = await database_for(datasette, request)
    entity_id = path_value(request, "entity_id")
    found = await query(
        datasette, db, "SELECT * FROM entities WHERE id = ?", [entity_id]
    )
    if not found:
        resolved = await query(
            datasette, db, "SELECT canonical_entity_id(?) AS id", [entity_id]
        )
        if resolved and resolved[0]["id"]:
            path = "/-/newsvisits/entity/" + urllib.parse.quote(
                resolved[0]["id"], safe=""
            )
            return Response.redirect(datasette.urls.path(path))
        raise NotFound(f"No entity {entity_id}")
    entity = found[0]
    params = {"id": entity_id}
    spellings = await query(
        datasette,
        db,
        """SELECT surface, sum(mentions) AS mentions, sum(articles) AS articles,
        max(outlets) AS outlets FROM entity_surface WHERE entity_id = :id
        GROUP BY surface ORDER BY mentions DESC LIMIT 200""",
        params,
    )
    for row in spellings:
        row["url"] = table_url(
            datasette,
            db,
            "mentions",
            [("entity_id", entity_id), ("surface", row["surface"])],
        )
    seen = {s["surface"] for s in spellings}
    aliases = [
        row["alias"]
        for row in await query(
            datasette,
            db,
            "SELECT alias FROM aliases WHERE entity_id = :id ORDER BY alias LIMIT 500",
            params,
        )
        if row["alias"] not in seen
    ]
    labels = await query(
        datasette,
        db,
        f"""SELECT coalesce(t.outlet_id, '') AS col,
        coalesce(o.name, t.outlet_id, '{UNKNOWN}') AS outlet, t.label,
        sum(t.articles) AS articles, max(m.mentioning) AS mentioning
        FROM label_outlet t LEFT JOIN outlets o ON o.id = t.outlet_id
        LEFT JOIN (SELECT outlet_id, sum(articles) AS mentioning
                   FROM entity_outlet_month WHERE entity_id = :id GROUP BY outlet_id
        ) m ON m.outlet_id IS t.outlet_id
        WHERE t.entity_id = :id
        GROUP BY t.outlet_id, t.label ORDER BY outlet, articles DESC LIMIT 1000""",
        params,
    )
    for row in labels:
        row["url"] = table_url(
            datasette,
            db,
            "labels",
            [
                ("entity_id", entity_id),
                ("label", row["label"]),
                outlet_filter(row["col"]),
            ],
        )
    quotes_by = await query(
        datasette,
        db,
        """SELECT t.quote_key, max(t.text) AS text, sum(t.articles) AS articles,
        count(DISTINCT coalesce(t.outlet_id, '')) AS outlets FROM quote_outlet t
        WHERE t.speaker_id = :id GROUP BY t.quote_key
        ORDER BY outlets DESC, articles DESC LIMIT 50""",
        params,
    )
    for row in quotes_by:
        row["url"] = page_url(datasette, "/quotes", {"quote_key": row["quote_key"]})
    quotes_about = await query(
        datasette,
        db,
        f"""SELECT q.id, q.text, coalesce(e.name, q.speaker) AS speaker, q.speaker_id,
        coalesce(o.name, a.outlet_id, '{UNKNOWN}') AS outlet, a.source
        FROM quote_entities qe JOIN quotes q ON q.id = qe.quote_id
        JOIN articles a ON a.id = q.article_id
        LEFT JOIN entities e ON e.id = q.speaker_id
        LEFT JOIN outlets o ON o.id = a.outlet_id
        WHERE qe.entity_id = :id AND q.speaker_id IS NOT :id LIMIT 50""",
        params,
    )
    for row in quotes_about:
        row["url"] = datasette.urls.row(db, "quotes", tilde_encode(str(row["id"])))
    months = await articles_per_month_by_visit(
        datasette, db, "entity_outlet_month", "t.entity_id = :id", params
    )
    wikidata = entity.get("wikidata")
    return await respond(
        datasette,
        request,
        "newsvisits_entity.html",
        {
            "database": db,
            "entity": entity,
            "spellings": spellings,
            "aliases": aliases,
            "labels": labels,
            "quotes_by": quotes_by,
            "quotes_about": quotes_about,
            "months": months,
        },
        {
            "wikidata_url": f"https://www.wikidata.org/wiki/{wikidata}"
            if wikidata and wikidata[:1] == "Q" and wikidata[1:].isdigit()
            else None,
            "labels_spec": charts.heat_map(
                _shares(labels), "label", "outlet", f"Labels on {entity['name']}"
            ),
            "months_spec": charts.stacked_bars(
                months, "month", "visit", f"Articles mentioning {entity['name']}"
            ),
            "mentions_url": table_url(
                datasette, db, "mentions", [("entity_id", entity_id)]
            ),
            "articles_url": table_url(
                datasette,
                db,
                "articles",
                [mentions_arg(entity_id)],
            ),
            "labels_page_url": page_url(datasette, "/labels", {"entity": entity_id}),
            "quotes_page_url": page_url(datasette, "/quotes", {"speaker": entity_id}),
        },
    )
