"""Datasette plugin hooks for datasette-newsvisits: each calls one module below."""

from datasette import hookimpl

from .plugin import facets, pages, sqlfunctions


@hookimpl
def prepare_connection(conn):
    """SQL functions: canonical_entity, quote_key, text_similarity, kwic, visits."""
    sqlfunctions.register(conn)


@hookimpl
def register_facet_classes():
    """Facets on articles: entity mentioned, quoted speaker, label."""
    return facets.FACET_CLASSES


@hookimpl
def register_routes():
    """Pages: /-/newsvisits, /-/newsvisits/visit/<id>, /compare, /entity/<id>."""
    return pages.ROUTES


@hookimpl
def table_actions(datasette, actor, database, table, request):
    """The table's actions menu offers each article facet."""
    return facets.facet_links(request, table)
