"""Datasette plugin hooks for datasette-newsvisits: each calls one module below."""

from datasette import hookimpl

from .plugin import (
    cells,
    compat,
    facets,
    filters,
    instance,
    pages,
    recognize,
    sqlfunctions,
)


@hookimpl
def prepare_connection(conn):
    """SQL functions: canonical_entity, quote_key, text_similarity, kwic, visits."""
    sqlfunctions.register(conn)


@hookimpl
def startup(datasette):
    """Recognize newsvisits databases (and, on 1.0, register their docs and queries)."""

    async def inner():
        await instance.prepare(datasette)

    return inner


@hookimpl
def register_facet_classes():
    """Facets on articles: entity mentioned, quoted speaker, label."""
    return facets.FACET_CLASSES


@hookimpl
def filters_from_request(request, database, table, datasette):
    """``_label`` on articles and ``_visit`` on their child tables."""

    async def inner():
        if await recognize.is_newsvisits(datasette, database):
            return await filters.filter_arguments(datasette, request, database, table)

    return inner


@hookimpl
def register_routes():
    """Pages under /-/newsvisits (each also as .json, tables as .csv)."""
    return pages.ROUTES


@hookimpl
def menu_links(datasette, actor, request):
    """A link to the comparison pages in Datasette's menu."""
    return pages.menu_links(datasette)


@hookimpl
def table_actions(datasette, actor, database, table, request):
    """The articles table's actions menu offers each article facet."""
    return facets.facet_links(request, table)


@hookimpl
def render_cell(value, column, table, database, datasette):
    """Article text as an excerpt in tables; wire groups and quotes link to their pages."""
    return cells.render(datasette, database, table, column, value)


@hookimpl
def asgi_wrapper(datasette):
    """Remember which page is being rendered, for ``render_cell``."""
    return cells.remember_request


if not compat.DATASETTE_1:

    @hookimpl
    def get_metadata(datasette, key, database, table):
        """0.65: table docs, hidden aggregates and article facets for any newsvisits
        database, under the user's own metadata."""
        return instance.metadata_answer(datasette)

    @hookimpl
    def canned_queries(datasette, database):
        """0.65: the canned queries on any complete newsvisits database."""

        async def inner():
            return await instance.canned_queries_for(datasette, database)

        return inner
