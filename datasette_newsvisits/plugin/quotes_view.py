"""``/-/newsvisits/quotes``: each quotation (one ``quote_key``) across the outlets that
carry it: every outlet's wording and the speaker it names, side by side, with a
speaker that differs from the others' and wording that differs from the most common
one marked. The most widely carried quotations first; for one visit, one speaker or
one quotation."""

from __future__ import annotations

import json
from collections import Counter

from .choices import visit_and_outlet_choices
from .filters import visit_arg
from .queries import UNKNOWN, entity_url, outlet_filter, page_url, query, table_url
from .render import database_for, respond
from .textdiff import changed_words, word_diff

GROUPS = 30
COLUMNS = [
    "quote_key",
    "outlet",
    "speaker",
    "speaker_id",
    "speaker_differs",
    "text",
    "wording_differs",
    "articles",
]


async def quote_groups(datasette, db: str, visit: str, speaker: str, key: str):
    """The quotations to show: (quote_key, text, outlets, articles) rows."""
    params = {"visit": visit, "speaker": speaker, "key": key}
    in_visit = "AND t.visit_id = :visit" if visit else ""
    if key:
        sql = f"""SELECT t.quote_key, max(t.text) AS text,
        count(DISTINCT coalesce(t.outlet_id, '')) AS outlets, sum(t.articles) AS articles
        FROM quote_outlet t WHERE t.quote_key = :key {in_visit} GROUP BY t.quote_key"""
    elif speaker:
        sql = f"""SELECT t.quote_key, max(t.text) AS text,
        count(DISTINCT coalesce(t.outlet_id, '')) AS outlets, sum(t.articles) AS articles
        FROM quote_outlet t WHERE t.speaker_id = :speaker {in_visit}
        GROUP BY t.quote_key ORDER BY outlets DESC, articles DESC LIMIT {GROUPS}"""
    elif visit:
        sql = f"""SELECT t.quote_key, t.text, t.outlets, t.articles FROM quote_visit t
        WHERE t.visit_id = :visit AND t.outlets > 1
        ORDER BY t.outlets DESC, t.articles DESC LIMIT {GROUPS}"""
    else:
        sql = f"""SELECT t.quote_key, t.text, t.outlets, t.articles FROM quote_groups t
        WHERE t.outlets > 1 ORDER BY t.outlets DESC, t.articles DESC LIMIT {GROUPS}"""
    return await query(datasette, db, sql, params)


async def wordings(datasette, db: str, keys: list[str], visit: str) -> list[dict]:
    """Each outlet's wording and speaker of each quotation (one row per outlet)."""
    rows = await query(
        datasette,
        db,
        f"""SELECT t.quote_key, coalesce(t.outlet_id, '') AS col,
        coalesce(o.name, t.outlet_id, '{UNKNOWN}') AS outlet, t.speaker_id,
        coalesce(e.name, t.speaker) AS speaker, t.text, t.articles
        FROM quote_outlet t LEFT JOIN outlets o ON o.id = t.outlet_id
        LEFT JOIN entities e ON e.id = t.speaker_id
        WHERE t.quote_key IN (SELECT value FROM json_each(:keys))
        {"AND t.visit_id = :visit" if visit else ""}""",
        {"keys": json.dumps(keys), "visit": visit},
    )
    merged: dict[tuple[str, str], dict] = {}
    for row in rows:  # one outlet may carry a quotation in several visits
        found = merged.setdefault(
            (row["quote_key"], row["col"]), {**row, "articles": 0}
        )
        found["articles"] += row["articles"]
        if len(row["text"] or "") > len(found["text"] or ""):
            found["text"] = row["text"]
        found["speaker_id"] = found["speaker_id"] or row["speaker_id"]
        found["speaker"] = found["speaker"] or row["speaker"]
    return sorted(merged.values(), key=lambda r: (-r["articles"], r["outlet"]))


def mark_disagreements(rows: list[dict]) -> dict:
    """Mark, within one quotation's rows, each speaker that differs from the one most
    outlets name (no speaker counts as differing, once some outlet names one) and each
    wording that differs from the most common one, with its word diff. Returns the
    majority speaker and wording."""
    speakers = Counter(_speaker(r) for r in rows if _speaker(r))
    texts = Counter(r["text"] for r in rows)
    speaker = speakers.most_common(1)[0][0] if speakers else None
    common = texts.most_common(1)[0][0] if texts else ""
    for row in rows:
        row["speaker_differs"] = speaker is not None and _speaker(row) != speaker
        row["diff"] = word_diff(common, row["text"])
        row["wording_differs"] = changed_words(row["diff"]) > 0
    return {"speaker": speaker, "text": common}


def _speaker(row: dict) -> str | None:
    return row["speaker_id"] or (row["speaker"] or "").strip().lower() or None


async def quotes_page(datasette, request):
    """``/-/newsvisits/quotes[.json|.csv]?visit=&speaker=&quote_key=``"""
    db = await database_for(datasette, request)
    visit = request.args.get("visit") or ""
    speaker = request.args.get("speaker") or ""
    key = request.args.get("quote_key") or ""
    groups = await quote_groups(datasette, db, visit, speaker, key)
    rows = await wordings(datasette, db, [g["quote_key"] for g in groups], visit)
    by_key: dict[str, list[dict]] = {}
    for row in rows:
        by_key.setdefault(row["quote_key"], []).append(row)
    for group in groups:
        group["outlet_rows"] = by_key.get(group["quote_key"], [])
        majority = mark_disagreements(group["outlet_rows"])
        group["speakers_differ"] = any(
            r["speaker_differs"] for r in group["outlet_rows"]
        )
        group["wordings"] = len({r["text"] for r in group["outlet_rows"]})
        group["majority_speaker"] = majority["speaker"]
        group["url"] = page_url(datasette, "/quotes", {"quote_key": group["quote_key"]})
        for row in group["outlet_rows"]:
            args = [("quote_key", group["quote_key"]), outlet_filter(row["col"])]
            if visit:
                args.append(visit_arg(visit))
            row["url"] = table_url(datasette, db, "quotes", args)
            row["speaker_url"] = (
                entity_url(datasette, row["speaker_id"]) if row["speaker_id"] else None
            )
    flat = [
        {k: v for k, v in row.items() if k not in ("diff", "url", "speaker_url", "col")}
        for group in groups
        for row in group["outlet_rows"]
    ]
    speakers = await query(
        datasette,
        db,
        """SELECT t.speaker_id AS id, e.name, sum(t.quotes) AS quotes
        FROM speaker_outlet t JOIN entities e ON e.id = t.speaker_id
        WHERE t.speaker_id IN (SELECT entity_id FROM entity_totals
                               ORDER BY articles DESC LIMIT 200)
        GROUP BY t.speaker_id ORDER BY quotes DESC LIMIT 30""",
    )
    return await respond(
        datasette,
        request,
        "newsvisits_quotes.html",
        {
            "database": db,
            "visit": visit,
            "speaker": speaker,
            "quote_key": key,
            "groups": groups,
        },
        {
            "choices": await visit_and_outlet_choices(datasette, db),
            "speakers": speakers,
            "form_url": page_url(datasette, "/quotes"),
        },
        rows=flat,
        columns=COLUMNS,
    )
