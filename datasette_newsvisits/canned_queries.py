"""The canned queries, as metadata.json has shipped them under the ``newsvisits``
database. A static part the metadata generator copies in as it is; the plugin's
``canned_queries`` hook is to take them over (for any database name), after which
the generator stops copying them."""

CANNED_QUERIES = {
    "coverage_by_outlet": {
        "title": "Coverage by outlet over time",
        "description": (
            "Articles per month and outlet, for one visit (its id, e.g. "
            "2023-03-state-visit) or, left empty, for all. Chart it with the 'Show "
            "charting options' button: month on x, articles on y, outlet as colour."
        ),
        "sql": """select c.month, coalesce(o.name, c.outlet_id, 'unknown outlet') as outlet,
  sum(c.articles) as articles
from coverage c left join outlets o on o.id = c.outlet_id
where c.month is not null and (:visit_id = '' or c.visit_id = :visit_id)
group by c.month, c.outlet_id
order by c.month, articles desc""",
    },
    "labels_of_person": {
        "title": "Labels of a person by outlet",
        "description": (
            "How each outlet described one person: labels with the number of articles "
            "using each. :entity takes any spelling (Lukashenko, Łukaszenka, "
            "Alexander Lukashenko), resolved by canonical_entity_id()."
        ),
        "sql": """select coalesce(o.name, l.outlet_id, 'unknown outlet') as outlet, l.label,
  sum(l.articles) as articles, sum(l.occurrences) as occurrences, min(l.example) as example
from label_outlet l left join outlets o on o.id = l.outlet_id
where l.entity_id = canonical_entity_id(:entity)
group by l.outlet_id, l.label
order by outlet, articles desc""",
    },
    "quoted_by_whom": {
        "title": "Who was quoted by whom",
        "description": (
            "Each speaker and each outlet quoting them: quotations and articles."
        ),
        "sql": """select s.speaker, s.speaker_id, coalesce(o.name, s.outlet_id, 'unknown outlet') as outlet,
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
            "the quotation marks, case, small typos or a word trimmed at either end."
        ),
        "sql": """select g.text, coalesce(e.name, g.speaker_id) as speaker, g.outlets, g.outlet_ids,
  g.articles, g.quote_key
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
            "carrying each. reuse_id links to the sentences."
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
            "Numbers the outlets reported (trade volumes, percentages, counts): each "
            "value with the outlets reporting it, so that differing figures for the "
            "same thing stand side by side. :kind is money, percent, count or date; "
            "empty for all."
        ),
        "sql": """select f.kind, f.value, f.unit, min(f.surface) as example,
  count(distinct f.outlet_id) as outlets,
  group_concat(distinct coalesce(f.outlet_id, 'unknown')) as outlet_ids,
  sum(f.articles) as articles
from figure_outlet f
where :kind = '' or f.kind = :kind
group by f.kind, f.value, f.unit
order by f.kind, outlets desc, articles desc
limit 500""",
    },
}
