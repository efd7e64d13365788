"""The aggregate tables, declared once: columns with docs, indexes, and the SELECT
over the base tables that fills each.

Each SELECT has a ``{where}`` placeholder on the articles alias ``a``: the load fills
the table with ``where = 1`` (``aggregates.refresh_aggregates``); the comparison page
runs the same SELECT live for a chosen set of articles (``aggregates.scoped_select``).
Every aggregate counts an article once per cell, and articles with no known outlet are
kept with ``outlet_id`` NULL. Aggregates are hidden from Datasette's table list (still
queryable): they serve the plugin's pages, facets and canned queries.
"""

from __future__ import annotations

from dataclasses import dataclass

from .declare import AGGREGATE, Table, desc


@dataclass(frozen=True, kw_only=True)
class Aggregate(Table):
    """One aggregate table: a Table declaration plus the query that fills it."""

    select: str
    # A cheaper equivalent of ``select`` (where = 1) over aggregates built before it.
    refresh: str | None = None
    title: str = ""
    role: str = AGGREGATE
    hidden: bool = True

    def __post_init__(self):
        super().__post_init__()
        if not self.title:
            title = self.name.replace("_", " ").capitalize() + " (aggregate)"
            object.__setattr__(self, "title", title)


VISIT = (str, "The visit (NULL: articles about no catalogued visit).")
OUTLET = (str, "The outlet (NULL: articles whose outlet is unknown).")
MONTH = (str, "yyyy-mm of publication.")
ENTITY = (str, "The entity.")
ARTICLES = (int, "Number of articles (each article counts once per row).")
OUTLETS = (int, "Number of distinct known outlets.")
MENTIONS = (int, "Number of mentions.")
WORDS = (int, "Words in those articles.")
QUOTES = (int, "Number of quotations.")
SPEAKER_ID = (str, "The speaker's entity (NULL when not resolved).")
SPEAKER = (str, "The speaker's canonical name, or the attribution as written.")
QUOTE_KEY = (str, "Normalized quotation key (see quote_key()).")
QUOTE_TEXT = (str, "A wording of the quotation (the longest seen).")


def comparable_figure(alias: str = "f") -> str:
    """SQL true for figures worth comparing (on a figures table or aggregate
    ``alias``): money, percentages and counts; never dates, nor a count with no unit
    that reads as a year."""
    return (
        f"{alias}.kind IN ('money', 'percent', 'count') AND NOT ({alias}.kind = 'count' "
        f"AND {alias}.unit IS NULL AND {alias}.value BETWEEN 1000 AND 2999)"
    )


FIGURE_COLUMNS = {
    "kind": (str, "money, percent or count."),
    "value": (float, "The normalized number (as figures.value)."),
    "unit": (str, "Currency code, percent, or what is counted."),
    "outlets": (int, "Number of outlets reporting it (unknown outlet counts as one)."),
    "articles": ARTICLES,
    "outlet_ids": (str, "Comma-separated ids of those outlets, in id order."),
    "surface": (str, "One wording as written."),
}

# The comparison pages rank items within a visit (or across all): these hold one row
# per item and visit, with the outlets carrying it, so the top rows come straight from
# an index. Outlet lists are ordered by outlet id.
AGGREGATES = [
    Aggregate(
        name="coverage",
        description="Articles per visit, outlet and month of publication.",
        columns={
            "visit_id": VISIT,
            "outlet_id": OUTLET,
            "month": MONTH,
            "articles": ARTICLES,
            "words": WORDS,
        },
        select="""SELECT a.visit_id, a.outlet_id, a.month, count(*) AS articles,
        sum(a.word_count) AS words
        FROM articles a WHERE {where} GROUP BY a.visit_id, a.outlet_id, a.month""",
        indexes=("visit_id", "outlet_id", "month"),
    ),
    Aggregate(
        name="coverage_day",
        description="Articles per visit, outlet and day of publication (NULL: undated).",
        columns={
            "visit_id": VISIT,
            "outlet_id": OUTLET,
            "day": (str, "yyyy-mm-dd of publication."),
            "articles": ARTICLES,
        },
        select="""SELECT a.visit_id, a.outlet_id, substr(a.published, 1, 10) AS day,
        count(*) AS articles FROM articles a WHERE {where}
        GROUP BY a.visit_id, a.outlet_id, substr(a.published, 1, 10)""",
        indexes=("visit_id", "day"),
    ),
    Aggregate(
        name="visit_outlet",
        description=(
            "Per visit and outlet: articles, first and last publication, mean wire share."
        ),
        columns={
            "visit_id": VISIT,
            "outlet_id": OUTLET,
            "articles": ARTICLES,
            "words": WORDS,
            "first_published": (str, "Earliest publication date of those articles."),
            "last_published": (str, "Latest publication date of those articles."),
            "wire_share": (float, "Mean articles.wire_share of those articles."),
        },
        select="""SELECT a.visit_id, a.outlet_id, count(*) AS articles,
        sum(a.word_count) AS words, min(a.published) AS first_published,
        max(a.published) AS last_published, avg(a.wire_share) AS wire_share
        FROM articles a WHERE {where} GROUP BY a.visit_id, a.outlet_id""",
        indexes=("visit_id", "outlet_id"),
    ),
    Aggregate(
        name="entity_outlet_month",
        description=(
            "Mentions of each entity, and articles mentioning it, per outlet, visit "
            "and month."
        ),
        columns={
            "entity_id": ENTITY,
            "outlet_id": OUTLET,
            "visit_id": VISIT,
            "month": MONTH,
            "mentions": MENTIONS,
            "articles": ARTICLES,
        },
        select="""SELECT ae.entity_id, a.outlet_id, a.visit_id, a.month,
        sum(ae.mentions) AS mentions, count(*) AS articles
        FROM article_entities ae JOIN articles a ON a.id = ae.article_id
        WHERE {where} GROUP BY ae.entity_id, a.outlet_id, a.visit_id, a.month""",
        indexes=("entity_id", "outlet_id", "visit_id"),
    ),
    Aggregate(
        name="entity_totals",
        description="Per entity: articles and outlets mentioning it, and mentions in all.",
        columns={
            "entity_id": ENTITY,
            "articles": ARTICLES,
            "outlets": OUTLETS,
            "mentions": MENTIONS,
        },
        pk="entity_id",
        select="""SELECT ae.entity_id, count(*) AS articles,
        count(DISTINCT a.outlet_id) AS outlets, sum(ae.mentions) AS mentions
        FROM article_entities ae JOIN articles a ON a.id = ae.article_id
        WHERE {where} GROUP BY ae.entity_id""",
        indexes=("articles",),
        refresh="""SELECT entity_id, sum(articles) AS articles,
        count(DISTINCT outlet_id) AS outlets, sum(mentions) AS mentions
        FROM entity_outlet_month GROUP BY entity_id""",
    ),
    Aggregate(
        name="entity_surface",
        description=(
            "Every spelling an entity was found under, with its mentions, articles "
            "and outlets."
        ),
        columns={
            "entity_id": ENTITY,
            "surface": (str, "A spelling as written in the articles."),
            "mentions": MENTIONS,
            "articles": ARTICLES,
            "outlets": OUTLETS,
        },
        select="""SELECT m.entity_id, m.surface, count(*) AS mentions,
        count(DISTINCT m.article_id) AS articles, count(DISTINCT a.outlet_id) AS outlets
        FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE {where} GROUP BY m.entity_id, m.surface""",
        indexes=("entity_id",),
        # mentions carry their article's outlet_id: no join over every mention.
        refresh="""SELECT m.entity_id, m.surface, count(*) AS mentions,
        count(DISTINCT m.article_id) AS articles, count(DISTINCT m.outlet_id) AS outlets
        FROM mentions m GROUP BY m.entity_id, m.surface""",
    ),
    Aggregate(
        name="label_outlet",
        description=(
            "Labels put on each entity, per outlet, visit and month: articles and "
            "occurrences."
        ),
        columns={
            "entity_id": ENTITY,
            "label": (str, "Normalized label."),
            "outlet_id": OUTLET,
            "visit_id": VISIT,
            "month": MONTH,
            "articles": ARTICLES,
            "occurrences": (int, "Times the label is used (an article may repeat it)."),
            "example": (str, "One wording as written."),
        },
        select="""SELECT l.entity_id, l.label, a.outlet_id, a.visit_id, a.month,
        count(DISTINCT l.article_id) AS articles, count(*) AS occurrences,
        min(l.surface) AS example
        FROM labels l JOIN articles a ON a.id = l.article_id
        WHERE {where}
        GROUP BY l.entity_id, l.label, a.outlet_id, a.visit_id, a.month""",
        indexes=("entity_id", ("outlet_id", "visit_id"), "visit_id", "month", "label"),
    ),
    Aggregate(
        name="speaker_outlet",
        description=(
            "Who was quoted by whom: quotations per speaker, outlet, visit and month."
        ),
        columns={
            "speaker_id": SPEAKER_ID,
            "speaker": SPEAKER,
            "outlet_id": OUTLET,
            "visit_id": VISIT,
            "month": MONTH,
            "quotes": QUOTES,
            "articles": ARTICLES,
        },
        select="""SELECT q.speaker_id, coalesce(e.name, q.speaker) AS speaker,
        a.outlet_id, a.visit_id, a.month, count(*) AS quotes,
        count(DISTINCT q.article_id) AS articles
        FROM quotes q JOIN articles a ON a.id = q.article_id
        LEFT JOIN entities e ON e.id = q.speaker_id
        WHERE (q.speaker_id IS NOT NULL OR q.speaker IS NOT NULL) AND {where}
        GROUP BY q.speaker_id, coalesce(e.name, q.speaker), a.outlet_id, a.visit_id,
        a.month""",
        indexes=("speaker_id", ("outlet_id", "visit_id"), "visit_id", "month"),
    ),
    Aggregate(
        name="quote_groups",
        description=(
            "Each quote_key: how many quotations, articles and outlets carry it, "
            "the speaker and the longest wording."
        ),
        columns={
            "quote_key": QUOTE_KEY,
            "quotes": QUOTES,
            "articles": ARTICLES,
            "outlets": OUTLETS,
            "outlet_ids": (str, "The ids of those outlets, comma-separated."),
            "speaker_id": SPEAKER_ID,
            "text": QUOTE_TEXT,
        },
        pk="quote_key",
        select="""SELECT q.quote_key, count(*) AS quotes,
        count(DISTINCT q.article_id) AS articles,
        count(DISTINCT a.outlet_id) AS outlets,
        group_concat(DISTINCT a.outlet_id) AS outlet_ids,
        max(q.speaker_id) AS speaker_id, max(length(q.text)) AS _longest, q.text
        FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.quote_key IS NOT NULL AND q.quote_key != '' AND {where}
        GROUP BY q.quote_key""",
        indexes=("outlets",),
    ),
    Aggregate(
        name="quote_outlet",
        description=(
            "Each quotation per outlet and visit, keyed by quote_key, with one example row."
        ),
        columns={
            "visit_id": VISIT,
            "outlet_id": OUTLET,
            "quote_key": QUOTE_KEY,
            "speaker_id": SPEAKER_ID,
            "speaker": (str, "The attribution as written."),
            "kind": (str, "speech or phrase."),
            "quotes": QUOTES,
            "articles": ARTICLES,
            "quote_id": (int, "One of those quotations (quotes.id)."),
            "text": QUOTE_TEXT,
        },
        select="""SELECT a.visit_id, a.outlet_id, q.quote_key,
        max(q.speaker_id) AS speaker_id, max(q.speaker) AS speaker, max(q.kind) AS kind,
        count(*) AS quotes, count(DISTINCT q.article_id) AS articles,
        min(q.id) AS quote_id, max(length(q.text)) AS _longest, q.text
        FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.quote_key IS NOT NULL AND q.quote_key != '' AND {where}
        GROUP BY a.visit_id, a.outlet_id, q.quote_key""",
        indexes=(
            ("outlet_id", "visit_id"),
            "visit_id",
            ("quote_key", "visit_id"),
            "speaker_id",
        ),
    ),
    Aggregate(
        name="quote_entities",
        description=(
            "Which entities each quotation mentions (a mention inside its span): "
            "quotes about someone."
        ),
        columns={
            "quote_id": (int, "The quotation (quotes.id)."),
            "entity_id": (str, "An entity mentioned inside it."),
        },
        select="""SELECT DISTINCT q.id AS quote_id, m.entity_id
        FROM quotes q JOIN articles a ON a.id = q.article_id
        JOIN mentions m ON m.article_id = q.article_id
        AND m.start >= q.start AND m."end" <= q."end"
        WHERE {where}""",
        indexes=("entity_id",),
    ),
    Aggregate(
        name="figure_outlet",
        description=(
            "Figures reported per outlet and visit: kind, value, unit, articles, a wording."
        ),
        columns={
            "visit_id": VISIT,
            "outlet_id": OUTLET,
            "kind": (str, "money, percent, count or date."),
            "value": (float, "The normalized number (as figures.value)."),
            "unit": (str, "Currency code, percent, or what is counted."),
            "articles": ARTICLES,
            "surface": (str, "One wording as written."),
        },
        select="""SELECT a.visit_id, a.outlet_id, f.kind, f.value, f.unit,
        count(DISTINCT f.article_id) AS articles, min(f.surface) AS surface
        FROM figures f JOIN articles a ON a.id = f.article_id
        WHERE {where} GROUP BY a.visit_id, a.outlet_id, f.kind, f.value, f.unit""",
        indexes=(
            ("outlet_id", "visit_id", desc("articles"), "kind", "value"),
            "visit_id",
            "kind",
        ),
    ),
    Aggregate(
        name="reuse_outlet",
        description=(
            "Shared (wire) sentences per outlet and visit: reuse group, sentences, "
            "articles, and how many outlets carry the group in all."
        ),
        columns={
            "visit_id": VISIT,
            "outlet_id": OUTLET,
            "reuse_id": (int, "The group of shared sentences (reuse.id)."),
            "sentences": (int, "Number of sentences."),
            "articles": ARTICLES,
            "outlets": (int, "Outlets carrying the group in all (reuse.outlets)."),
        },
        select="""SELECT a.visit_id, a.outlet_id, s.reuse_id, count(*) AS sentences,
        count(DISTINCT s.article_id) AS articles, max(r.outlets) AS outlets
        FROM sentences s JOIN articles a ON a.id = s.article_id
        JOIN reuse r ON r.id = s.reuse_id
        WHERE s.reuse_id IS NOT NULL AND {where}
        GROUP BY a.visit_id, a.outlet_id, s.reuse_id""",
        indexes=(
            ("outlet_id", "visit_id", desc("outlets"), desc("sentences"), "reuse_id"),
            "visit_id",
            "reuse_id",
        ),
    ),
    Aggregate(
        name="figure_visit",
        description=(
            "Figures (money, percent, counts; no dates) per visit: how many outlets and "
            "articles report each normalized value, which outlets, a wording."
        ),
        columns={"visit_id": VISIT, **FIGURE_COLUMNS},
        select=f"""SELECT visit_id, kind, value, unit, count(outlet_id) AS outlets,
        sum(articles) AS articles, group_concat(outlet_id) AS outlet_ids,
        min(surface) AS surface FROM (
          SELECT a.visit_id, a.outlet_id, f.kind, f.value, f.unit,
          count(DISTINCT f.article_id) AS articles, min(f.surface) AS surface
          FROM figures f JOIN articles a ON a.id = f.article_id
          WHERE {comparable_figure()} AND {{where}}
          GROUP BY a.visit_id, f.kind, f.value, f.unit, a.outlet_id
          ORDER BY a.visit_id, f.kind, f.value, f.unit, a.outlet_id
        ) GROUP BY visit_id, kind, value, unit""",
        indexes=(("visit_id", "kind", desc("outlets"), desc("articles")),),
    ),
    Aggregate(
        name="figure_groups",
        description=(
            "Figures (money, percent, counts; no dates) across all visits: how many "
            "outlets and articles report each normalized value, which outlets, a wording."
        ),
        columns=dict(FIGURE_COLUMNS),
        select=f"""SELECT kind, value, unit, count(outlet_id) AS outlets,
        sum(articles) AS articles, group_concat(outlet_id) AS outlet_ids,
        min(surface) AS surface FROM (
          SELECT a.outlet_id, f.kind, f.value, f.unit,
          count(DISTINCT f.article_id) AS articles, min(f.surface) AS surface
          FROM figures f JOIN articles a ON a.id = f.article_id
          WHERE {comparable_figure()} AND {{where}}
          GROUP BY f.kind, f.value, f.unit, a.outlet_id
          ORDER BY f.kind, f.value, f.unit, a.outlet_id
        ) GROUP BY kind, value, unit""",
        indexes=(("kind", desc("outlets"), desc("articles")),),
    ),
    Aggregate(
        name="quote_visit",
        description=(
            "Each quotation (quote_key) per visit: outlets and articles carrying it, "
            "how many different speakers they name, the longest wording."
        ),
        columns={
            "visit_id": VISIT,
            "quote_key": QUOTE_KEY,
            "quotes": QUOTES,
            "articles": ARTICLES,
            "outlets": OUTLETS,
            "speakers": (int, "Number of different speakers the outlets name."),
            "text": QUOTE_TEXT,
        },
        select="""SELECT a.visit_id, q.quote_key, count(*) AS quotes,
        count(DISTINCT q.article_id) AS articles, count(DISTINCT a.outlet_id) AS outlets,
        count(DISTINCT coalesce(q.speaker_id, q.speaker)) AS speakers,
        max(length(q.text)) AS _longest, q.text
        FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.quote_key IS NOT NULL AND q.quote_key != '' AND {where}
        GROUP BY a.visit_id, q.quote_key""",
        indexes=(("visit_id", desc("outlets"), desc("articles")),),
    ),
    Aggregate(
        name="reuse_visit",
        description=(
            "Each group of shared (wire) sentences per visit: outlets, articles and "
            "sentences carrying it, and how many different wordings."
        ),
        columns={
            "visit_id": VISIT,
            "reuse_id": (int, "The group of shared sentences (reuse.id)."),
            "outlets": OUTLETS,
            "articles": ARTICLES,
            "sentences": (int, "Number of sentences."),
            "variants": (int, "Number of different wordings."),
        },
        select="""SELECT a.visit_id, s.reuse_id, count(DISTINCT a.outlet_id) AS outlets,
        count(DISTINCT s.article_id) AS articles, count(*) AS sentences,
        count(DISTINCT s.text) AS variants
        FROM sentences s JOIN articles a ON a.id = s.article_id
        WHERE s.reuse_id IS NOT NULL AND {where}
        GROUP BY a.visit_id, s.reuse_id""",
        indexes=(("visit_id", desc("outlets"), desc("articles")), "reuse_id"),
    ),
]
