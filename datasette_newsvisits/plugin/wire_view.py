"""Wire copy: ``/-/newsvisits/wire`` lists the sentences reprinted by the most outlets
(in one visit or all); ``/-/newsvisits/wire/<reuse_id>`` shows one group of them: the
outlets that carry it and each different wording, diffed word by word against the
most common one."""

from __future__ import annotations

from datasette.utils.asgi import NotFound

from .choices import visit_and_outlet_choices
from .filters import wire_arg
from .queries import UNKNOWN, outlet_filter, page_url, query, table_url
from .render import database_for, respond
from .textdiff import changed_words, word_diff

GROUPS = 50
VARIANTS = 40
LIST_COLUMNS = ["reuse_id", "text", "outlets", "articles", "sentences"]
VARIANT_COLUMNS = ["text", "sentences", "outlets", "outlet_names", "changed_words"]


async def wire_list_page(datasette, request):
    """``/-/newsvisits/wire[.json|.csv]?visit=``"""
    db = await database_for(datasette, request)
    visit = request.args.get("visit") or ""
    if visit:
        sql = f"""SELECT t.reuse_id, r.text, t.outlets, t.articles, t.sentences
        FROM reuse_visit t JOIN reuse r ON r.id = t.reuse_id
        WHERE t.visit_id = :visit AND t.outlets > 1
        ORDER BY t.outlets DESC, t.articles DESC LIMIT {GROUPS}"""
    else:
        sql = f"""SELECT r.id AS reuse_id, r.text, r.outlets, r.articles, r.sentences
        FROM reuse r WHERE r.outlets > 1
        ORDER BY r.outlets DESC, r.articles DESC LIMIT {GROUPS}"""
    groups = await query(datasette, db, sql, {"visit": visit})
    for group in groups:
        group["url"] = page_url(datasette, f"/wire/{group['reuse_id']}")
    return await respond(
        datasette,
        request,
        "newsvisits_wire_list.html",
        {"database": db, "visit": visit, "groups": groups},
        {
            "choices": await visit_and_outlet_choices(datasette, db),
            "form_url": page_url(datasette, "/wire"),
        },
        rows=groups,
        columns=LIST_COLUMNS,
    )


async def wire_group_page(datasette, request):
    """``/-/newsvisits/wire/<reuse_id>[.json|.csv]``: the CSV is the variants."""
    db = await database_for(datasette, request)
    try:
        reuse_id = int(request.url_vars["reuse_id"])
    except ValueError:
        raise NotFound("No such group of shared sentences") from None
    found = await query(datasette, db, "SELECT * FROM reuse WHERE id = ?", [reuse_id])
    if not found:
        raise NotFound(f"No group of shared sentences {reuse_id}")
    group = found[0]
    outlets = await query(
        datasette,
        db,
        f"""SELECT coalesce(t.outlet_id, '') AS col,
        coalesce(o.name, t.outlet_id, '{UNKNOWN}') AS name,
        sum(t.sentences) AS sentences, sum(t.articles) AS articles,
        group_concat(DISTINCT coalesce(v.title, t.visit_id)) AS visits
        FROM reuse_outlet t LEFT JOIN outlets o ON o.id = t.outlet_id
        LEFT JOIN visits v ON v.id = t.visit_id
        WHERE t.reuse_id = :id GROUP BY t.outlet_id ORDER BY articles DESC, name""",
        {"id": reuse_id},
    )
    carrying = wire_arg(reuse_id)
    for outlet in outlets:
        outlet["url"] = table_url(
            datasette, db, "articles", [outlet_filter(outlet["col"]), carrying]
        )
    variants = await query(
        datasette,
        db,
        f"""SELECT s.text, count(*) AS sentences,
        count(DISTINCT coalesce(a.outlet_id, '')) AS outlets,
        group_concat(DISTINCT coalesce(o.name, a.outlet_id, '{UNKNOWN}'))
          AS outlet_names
        FROM sentences s JOIN articles a ON a.id = s.article_id
        LEFT JOIN outlets o ON o.id = a.outlet_id
        WHERE s.reuse_id = :id GROUP BY s.text
        ORDER BY sentences DESC, s.text LIMIT {VARIANTS + 1}""",
        {"id": reuse_id},
    )
    more = len(variants) > VARIANTS
    variants = variants[:VARIANTS]
    base = variants[0]["text"] if variants else group["text"]
    for variant in variants:
        variant["diff"] = word_diff(base, variant["text"])
        variant["changed_words"] = changed_words(variant["diff"])
    return await respond(
        datasette,
        request,
        "newsvisits_wire_group.html",
        {
            "database": db,
            "group": group,
            "outlets": outlets,
            "variants": variants,
            "more_variants": more,
        },
        {
            "sentences_url": table_url(
                datasette, db, "sentences", [("reuse_id", reuse_id)]
            ),
            "articles_url": table_url(datasette, db, "articles", [carrying]),
        },
        rows=[{k: v for k, v in row.items() if k != "diff"} for row in variants],
        columns=VARIANT_COLUMNS,
    )
