"""What a page's pickers offer: the visits and outlets that have articles."""

from __future__ import annotations

from .queries import UNKNOWN, query


async def visit_and_outlet_choices(datasette, db: str) -> dict:
    """``visits`` (id, title; latest first) and ``outlets`` (id, name, articles; the
    unknown outlet as ``unknown``), read from ``visit_outlet``."""
    visits = await query(
        datasette,
        db,
        """SELECT t.visit_id AS id, coalesce(v.title, t.visit_id) AS title,
        sum(t.articles) AS articles
        FROM visit_outlet t JOIN visits v ON v.id = t.visit_id
        GROUP BY t.visit_id ORDER BY v.start_date DESC""",
    )
    outlets = await query(
        datasette,
        db,
        f"""SELECT coalesce(t.outlet_id, 'unknown') AS id,
        coalesce(o.name, t.outlet_id, '{UNKNOWN}') AS name, sum(t.articles) AS articles
        FROM visit_outlet t LEFT JOIN outlets o ON o.id = t.outlet_id
        GROUP BY t.outlet_id ORDER BY articles DESC, name""",
    )
    return {"visits": visits, "outlets": outlets}
