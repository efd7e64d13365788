"""Datasette plugin hooks for datasette-newsvisits: each calls one module below."""

from datasette import hookimpl

from . import sqlfunctions


@hookimpl
def prepare_connection(conn):
    """SQL functions: canonical_entity, quote_key, text_similarity, kwic, visits."""
    sqlfunctions.register(conn)
