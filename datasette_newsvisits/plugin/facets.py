"""Facets for the articles table: entity mentioned, quoted speaker, label.

``?_facet_entity=person`` counts articles per entity of that type (``1`` for every
type), ``?_facet_speaker=1`` per quoted speaker, ``?_facet_label=1`` per label and
person (or ``_facet_label=<entity id>`` for one person's labels). Selecting a value adds
one of the plugin's filters (``filters.py``: ``_mentions``, ``_quoting``, ``_label``),
which work with ``allow_sql: false`` and read as words. The value's cross
removes it again. Month of publication is the plain column facet ``_facet=month``.

Unfiltered pages, and pages filtered only by exact ``outlet_id``, ``visit_id`` and
``month``, are counted from the load-time aggregates; other filters count live
over the filtered articles, within Datasette's facet time limit.
"""

from __future__ import annotations

import sqlite3
import urllib.parse

from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import path_with_added_args, path_with_removed_args

from .filters import label_arg, mentions_arg, quoting_arg

ARTICLES = "articles"
# Parameters that change how a page looks, not which rows it holds.
PRESENTATION = (
    "_facet",
    "_size",
    "_sort",
    "_next",
    "_col",
    "_nocol",
    "_labels",
    "_nolabels",
    "_shape",
    "_json",
    "_nosuggest",
    "_nofacet",
    "_nocount",
    "_trace",
    "_timelimit",
    "_extra",
    "_search_mode",
    "_hash",
    "_ttl",
)


def aggregate_filters(request, allowed: tuple[str, ...]) -> dict | None:
    """The exact-match filters of the request if they are all in ``allowed``, else None.

    None means the page is filtered some other way (search, the plugin's filters,
    ``_where``, other columns) and counts must be made live.
    """
    filters = {}
    for key, value in urllib.parse.parse_qsl(request.query_string):
        if key.startswith("_"):
            if key.startswith(PRESENTATION):
                continue
            return None
        column = key.removesuffix("__exact")
        if column not in allowed or column in filters:
            return None
        filters[column] = value
    return filters


class _ArticleFacet(Facet):
    """Shared machinery: counts articles per value, toggles the value's filter."""

    aggregate_columns: tuple[str, ...] = ()
    title = ""

    async def suggest(self):
        """Offer this facet on the articles table when it is not already shown."""
        if self.table != ARTICLES or self.get_configs():
            return []
        if self.request.args.get("_nosuggest"):
            return []
        return [
            {
                "name": self.title,
                "type": self.type,
                "toggle_url": self.ds.absolute_url(
                    self.request,
                    self.ds.urls.path(
                        path_with_added_args(
                            self.request, {f"_facet_{self.type}": self.default_config}
                        )
                    ),
                ),
            }
        ]

    async def facet_results(self):
        """Facet values with counts and toggle links, for each configuration."""
        results, timed_out = [], []
        if self.table != ARTICLES:
            return results, timed_out
        size = self.get_facet_size()
        pairs = self.get_querystring_pairs()
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            option = str(config.get("simple") or config.get("type") or "1")
            name = self.facet_name(option)
            filters = aggregate_filters(self.request, self.aggregate_columns)
            try:
                rows = await self._rows(option, filters, size + 1)
            except QueryInterrupted:
                timed_out.append(name)
                continue
            values = []
            for row in rows[:size]:
                key, value = self.selection(row)
                present = _present(pairs, key, value)
                is_selected = present is not None
                toggle = (
                    path_with_removed_args(self.request, {key: present})
                    if is_selected
                    else path_with_added_args(self.request, {key: value})
                )
                values.append(
                    {
                        "value": row["value"],
                        "label": row["label"],
                        "count": row["count"],
                        "toggle_url": self.ds.absolute_url(
                            self.request, self.ds.urls.path(toggle)
                        ),
                        "selected": is_selected,
                    }
                )
            results.append(
                {
                    "name": name,
                    "type": self.type,
                    "hideable": source_and_config["source"] != "metadata",
                    "toggle_url": self.ds.urls.path(
                        path_with_removed_args(
                            self.request, {f"_facet_{self.type}": option}
                        )
                    ),
                    "results": values,
                    "truncated": len(rows) > size,
                }
            )
        return results, timed_out

    async def _rows(self, option: str, filters: dict | None, limit: int):
        if filters is not None:
            sql, params = self.aggregate_sql(option, filters, limit)
            try:
                return await self._execute(sql, params)
            except sqlite3.OperationalError:
                pass  # no aggregate tables (an older database): count live
        sql, params = self.live_sql(option, limit)
        if isinstance(self.params, dict):
            params = {**self.params, **params}
        return await self._execute(sql, params)

    async def _execute(self, sql: str, params: dict):
        results = await self.ds.execute(
            self.database,
            sql,
            params,
            truncate=False,
            custom_time_limit=self.ds.setting("facet_time_limit_ms"),
        )
        return results.rows

    def live_where(self) -> str:
        """SQL selecting the ids of the articles on the current (filtered) page."""
        return f"select id from ({self.sql})"


class EntityFacet(_ArticleFacet):
    """Articles per entity mentioned; config: an entity type, or 1 for all."""

    type = "entity"
    title = "entity mentioned"
    default_config = "person"
    aggregate_columns = ("outlet_id", "visit_id", "month")

    def facet_name(self, option: str) -> str:
        """The heading of this facet."""
        return "entity" if option in ("1", "all") else f"entity: {option}"

    def _type_filter(self, option: str) -> tuple[str, dict]:
        if option in ("1", "all"):
            return "1", {}
        return "e.type = :nv_type", {"nv_type": option}

    def aggregate_sql(self, option, filters, limit):
        """Counts from ``entity_outlet_month`` (or ``entity_totals`` when unfiltered)."""
        type_sql, params = self._type_filter(option)
        if not filters:
            return (
                f"""select t.entity_id as value, e.name as label, t.articles as count
                from entity_totals t join entities e on e.id = t.entity_id
                where {type_sql} order by t.articles desc, e.name limit {limit}""",
                params,
            )
        where = " and ".join(f"g.[{c}] = :nv_{c}" for c in filters)
        params.update({f"nv_{c}": v for c, v in filters.items()})
        return (
            f"""select g.entity_id as value, e.name as label, sum(g.articles) as count
            from entity_outlet_month g join entities e on e.id = g.entity_id
            where {where} and {type_sql}
            group by g.entity_id order by count desc, e.name limit {limit}""",
            params,
        )

    def live_sql(self, option, limit):
        """Counts over the articles of the filtered page."""
        type_sql, params = self._type_filter(option)
        return (
            f"""select ae.entity_id as value, e.name as label, count(*) as count
            from article_entities ae join entities e on e.id = ae.entity_id
            where ae.article_id in ({self.live_where()}) and {type_sql}
            group by ae.entity_id order by count desc, e.name limit {limit}""",
            params,
        )

    def selection(self, row) -> tuple[str, str]:
        """The filter for articles mentioning this entity."""
        return mentions_arg(row["value"])


class SpeakerFacet(_ArticleFacet):
    """Articles per quoted speaker (speakers the gazetteer knows)."""

    type = "speaker"
    title = "quoted speaker"
    default_config = "1"
    aggregate_columns = ("outlet_id", "visit_id", "month")

    def facet_name(self, option: str) -> str:
        """The heading of this facet."""
        return "quoted speaker"

    def aggregate_sql(self, option, filters, limit):
        """Counts from ``speaker_outlet``."""
        where = " and ".join(f"g.[{c}] = :nv_{c}" for c in filters) or "1"
        params = {f"nv_{c}": v for c, v in filters.items()}
        return (
            f"""select g.speaker_id as value, max(g.speaker) as label,
            sum(g.articles) as count from speaker_outlet g
            where g.speaker_id is not null and {where}
            group by g.speaker_id order by count desc, label limit {limit}""",
            params,
        )

    def live_sql(self, option, limit):
        """Counts over the articles of the filtered page."""
        return (
            f"""select q.speaker_id as value, e.name as label,
            count(distinct q.article_id) as count
            from quotes q join entities e on e.id = q.speaker_id
            where q.article_id in ({self.live_where()})
            group by q.speaker_id order by count desc, label limit {limit}""",
            {},
        )

    def selection(self, row) -> tuple[str, str]:
        """The filter for articles quoting this speaker."""
        return quoting_arg(row["value"])


class LabelFacet(_ArticleFacet):
    """Articles per label put on a person; config: 1, or one entity's id."""

    type = "label"
    title = "label"
    default_config = "1"
    aggregate_columns = ("outlet_id", "visit_id", "month")

    def facet_name(self, option: str) -> str:
        """The heading of this facet."""
        return "label" if option in ("1", "all") else f"label: {option}"

    def _entity_filter(self, alias: str, option: str) -> tuple[str, dict]:
        if option in ("1", "all"):
            return "1", {}
        return f"{alias}.entity_id = :nv_entity", {"nv_entity": option}

    def aggregate_sql(self, option, filters, limit):
        """Counts from ``label_outlet``."""
        entity_sql, params = self._entity_filter("g", option)
        where = " and ".join(f"g.[{c}] = :nv_{c}" for c in filters) or "1"
        params.update({f"nv_{c}": v for c, v in filters.items()})
        return (
            f"""select g.entity_id || '|' || g.label as value,
            g.label || ' (' || coalesce(e.name, g.entity_id) || ')' as label,
            sum(g.articles) as count
            from label_outlet g left join entities e on e.id = g.entity_id
            where {where} and {entity_sql}
            group by g.entity_id, g.label order by count desc, label limit {limit}""",
            params,
        )

    def live_sql(self, option, limit):
        """Counts over the articles of the filtered page."""
        entity_sql, params = self._entity_filter("l", option)
        return (
            f"""select l.entity_id || '|' || l.label as value,
            l.label || ' (' || coalesce(e.name, l.entity_id) || ')' as label,
            count(distinct l.article_id) as count
            from labels l left join entities e on e.id = l.entity_id
            where l.article_id in ({self.live_where()}) and {entity_sql}
            group by l.entity_id, l.label order by count desc, label limit {limit}""",
            params,
        )

    def selection(self, row) -> tuple[str, str]:
        """The filter for articles putting this label on this person."""
        entity_id, _, label = row["value"].partition("|")
        return label_arg(entity_id, label)


FACET_CLASSES = [EntityFacet, SpeakerFacet, LabelFacet]


def _present(pairs, key: str, value: str) -> str | None:
    """``value`` if the request has filter ``key=value``, else None."""
    return value if (key, value) in pairs else None


# Facets offered in the table's actions menu: one click adds them, and they cost nothing
# until chosen (each facet computed on every page load would add up at 100,000 rows).
FACET_LINKS = [
    ("Facet by entity mentioned", "_facet_entity", "1"),
    ("Facet by quoted speaker", "_facet_speaker", "1"),
    ("Facet by label", "_facet_label", "1"),
    ("Facet by month of publication", "_facet", "month"),
    ("Facet by date of publication", "_facet_date", "published"),
]


def facet_links(request, table: str) -> list[dict]:
    """Links that add each article facet to the current table page (articles only)."""
    if table != ARTICLES or request is None:
        return []
    links = []
    for label, key, value in FACET_LINKS:
        if value in request.args.getlist(key):
            continue
        links.append(
            {"href": path_with_added_args(request, {key: value}), "label": label}
        )
    return links
