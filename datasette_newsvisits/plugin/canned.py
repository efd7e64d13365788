"""Canned queries offered on every newsvisits database, whatever its name.

Each reads the load-time aggregate tables, so it answers in milliseconds at 100,000
articles, and runs where arbitrary SQL is off (``allow_sql: false``). ``fragment``
opens datasette-vega's chart with the columns set (the link from the database page
carries it; ``chart_url`` builds the same link with parameters).
"""

from __future__ import annotations

import urllib.parse

# Ranks figure kinds for reading: money first, then percentages, then counts. Dates and
# bare years are no figures anyone compares.
FIGURE_RANK = "CASE kind WHEN 'money' THEN 0 WHEN 'percent' THEN 1 ELSE 2 END"


def vega_fragment(mark: str, x: str, y: str, color: str = "", x_type="ordinal") -> str:
    """datasette-vega's chart settings as a URL fragment (after ``#``)."""
    settings = {
        "g.mark": mark,
        "g.x_column": x,
        "g.x_type": x_type,
        "g.y_column": y,
        "g.y_type": "quantitative",
    }
    if color:
        settings["g.color_column"] = color
    return urllib.parse.urlencode(settings)


QUERIES: dict[str, dict] = {
    "coverage_by_outlet": {
        "title": "Coverage by outlet over time",
        "description": (
            "Articles per month and outlet, across all visits or (visit_id, e.g. "
            "2023-03-state-visit) one visit; the chart opens with month on x, articles "
            "on y and outlet as colour."
        ),
        "sql": """select c.month, coalesce(o.name, c.outlet_id, 'unknown outlet') as outlet,
  sum(c.articles) as articles
from coverage c left join outlets o on o.id = c.outlet_id
where c.month is not null and (:visit_id = '' or c.visit_id = :visit_id)
group by c.month, c.outlet_id
order by c.month, articles desc""",
        "params": ["visit_id"],
        "fragment": vega_fragment("bar", "month", "articles", "outlet"),
    },
    "labels_of_person": {
        "title": "Labels of a person by outlet",
        "description": (
            "How each outlet described one person: each label with the articles using "
            "it and their share of the outlet's articles mentioning the person. "
            ":entity takes any spelling (Lukashenko, Łukaszenka), resolved by "
            "canonical_entity_id()."
        ),
        "sql": """with person as (select canonical_entity_id(:entity) as id),
mentioning as (
  select outlet_id, sum(articles) as articles from entity_outlet_month
  where entity_id = (select id from person) group by outlet_id
)
select coalesce(o.name, l.outlet_id, 'unknown outlet') as outlet, l.label,
  sum(l.articles) as articles, m.articles as articles_mentioning,
  round(100.0 * sum(l.articles) / m.articles, 1) as percent_of_articles,
  sum(l.occurrences) as occurrences, min(l.example) as example
from label_outlet l
  left join outlets o on o.id = l.outlet_id
  left join mentioning m on m.outlet_id is l.outlet_id
where l.entity_id = (select id from person)
group by l.outlet_id, l.label
order by outlet, articles desc""",
        "params": ["entity"],
        "fragment": vega_fragment("bar", "label", "percent_of_articles", "outlet"),
    },
    "quoted_by_whom": {
        "title": "Who was quoted by whom",
        "description": "Each speaker and each outlet quoting them: quotations and articles.",
        "sql": """select s.speaker, s.speaker_id,
  coalesce(o.name, s.outlet_id, 'unknown outlet') as outlet,
  sum(s.quotes) as quotes, sum(s.articles) as articles
from speaker_outlet s left join outlets o on o.id = s.outlet_id
group by s.speaker_id, s.speaker, s.outlet_id
order by quotes desc, s.speaker
limit 1000""",
    },
    "shared_quotes": {
        "title": "Shared quotes",
        "description": (
            "Quotations carried by more than one outlet: the same quote_key, whatever "
            "the quotation marks, case, small typos or a word trimmed at either end. "
            "quote_key links to each outlet's wording and speaker side by side."
        ),
        "sql": """select g.quote_key, g.text, coalesce(e.name, g.speaker_id) as speaker,
  g.outlets, g.outlet_ids, g.articles
from quote_groups g left join entities e on e.id = g.speaker_id
where g.outlets > 1
order by g.outlets desc, g.articles desc
limit 500""",
    },
    "copied_sentences": {
        "title": "Sentences copied across outlets",
        "description": (
            "Groups of the same or nearly the same sentence in articles of several "
            "outlets, usually wire copy (AFP, Reuters, Xinhua), with the outlets "
            "carrying each. reuse_id links to the group: its outlets and how each "
            "variant differs."
        ),
        "sql": """select r.id as reuse_id, r.text, r.outlets, r.articles, r.sentences,
  (select group_concat(distinct coalesce(x.outlet_id, 'unknown'))
   from reuse_outlet x where x.reuse_id = r.id) as outlet_ids
from reuse r
where r.outlets > 1
order by r.outlets desc, r.articles desc
limit 500""",
    },
    "figures_compared": {
        "title": "Figures compared across outlets",
        "description": (
            "Money, percentages and counts the outlets reported (no dates, no bare "
            "years), each normalized value with its unit and the outlets reporting it, "
            "so that differing figures for the same thing stand side by side. :kind is "
            "money, percent or count; empty for all."
        ),
        "sql": f"""select kind, value, unit, surface as example, outlets, outlet_ids,
  articles
from figure_groups
where :kind = '' or kind = :kind
order by {FIGURE_RANK}, outlets desc, articles desc, value desc
limit 500""",
        "params": ["kind"],
    },
}


def canned_queries() -> dict[str, dict]:
    """The canned queries, as Datasette's ``canned_queries`` hook returns them."""
    return {name: dict(query) for name, query in QUERIES.items()}


def chart_url(datasette, database: str, name: str, **params) -> str:
    """Link to canned query ``name`` with ``params`` and its chart open."""
    query = QUERIES[name]
    url = datasette.urls.database(database) + "/" + urllib.parse.quote(name)
    arguments = {p: params.get(p, "") for p in query.get("params", [])}
    if arguments:
        url += "?" + urllib.parse.urlencode(arguments)
    return url + ("#" + query["fragment"] if query.get("fragment") else "")
