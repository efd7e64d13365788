"""How some cells of a newsvisits database show on Datasette's table and query pages.

- ``articles.text`` on the articles *table* page is an excerpt: the opening words, or
  on a search (``?_search=``) the passage around the first match with the search terms
  marked. The row page and every JSON or CSV export keep the full text.
- ``reuse_id`` in query results and aggregate tables links to the wire-copy group's
  page; ``quote_key`` links to the quotation compared across outlets.

0.65's ``render_cell`` is not told which page it renders, so an ASGI wrapper keeps the
request's path and query string in a context variable for the length of the request.
"""

from __future__ import annotations

import contextvars
import re
import urllib.parse

from markupsafe import Markup, escape

from . import instance, recognize

EXCERPT_CHARS = 240
SNIPPET_CHARS = 110  # each side of a search match

_request: contextvars.ContextVar[tuple[str, str]] = contextvars.ContextVar(
    "newsvisits_request", default=("", "")
)


def remember_request(app):
    """ASGI middleware: the request's path and query string, for ``render``."""

    async def wrapped(scope, receive, send):
        if scope.get("type") != "http":
            return await app(scope, receive, send)
        query = scope.get("query_string", b"").decode("latin-1")
        token = _request.set((scope.get("path", ""), query))
        try:
            return await app(scope, receive, send)
        finally:
            _request.reset(token)

    return wrapped


def render(datasette, database: str, table: str | None, column: str, value):
    """The cell's HTML, or None to leave it to Datasette."""
    if database not in instance.recognized(datasette):
        return None
    if table == "articles" and column == "text" and isinstance(value, str):
        path, query = _request.get()
        if path.rstrip("/").endswith("/articles"):
            terms = urllib.parse.parse_qs(query).get("_search", [""])[0]
            return search_snippet(value, terms) or excerpt(value)
        return None
    plain_results = table is None or table in recognize.AGGREGATE_TABLES
    if column == "reuse_id" and isinstance(value, int) and plain_results:
        return _link(datasette, f"/-/newsvisits/wire/{value}", str(value))
    if column == "quote_key" and isinstance(value, str) and value:
        url = "/-/newsvisits/quotes?" + urllib.parse.urlencode({"quote_key": value})
        return _link(datasette, url, value)
    return None


def excerpt(text: str, chars: int = EXCERPT_CHARS) -> Markup:
    """The opening of ``text``, cut at a word, with an ellipsis if there is more."""
    if len(text) <= chars:
        return Markup(escape(text))
    cut = text[:chars].rsplit(None, 1)[0] if " " in text[:chars] else text[:chars]
    return Markup(f'{escape(cut)}<span class="nv-more">…</span>')


def search_snippet(text: str, search: str, chars: int = SNIPPET_CHARS) -> Markup | None:
    """The passage of ``text`` around the first word starting with a search term,
    every such word inside it marked; None when no term is found."""
    terms = [t for t in re.findall(r"\w+", search) if t.upper() not in _OPERATORS]
    if not terms:
        return None
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\w*", re.IGNORECASE
    )
    first = pattern.search(text)
    if first is None:
        return None
    start = max(first.start() - chars, 0)
    end = min(first.end() + chars, len(text))
    window = text[start:end]
    parts, last = [], 0
    for match in pattern.finditer(window):
        parts.append(escape(window[last : match.start()]))
        parts.append(Markup("<mark>") + escape(match.group()) + Markup("</mark>"))
        last = match.end()
    parts.append(escape(window[last:]))
    body = Markup("").join(parts)
    before = "…" if start else ""
    after = "…" if end < len(text) else ""
    return Markup(f"{before}{body}{after}")


_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def _link(datasette, path: str, text: str) -> Markup:
    return Markup(f'<a href="{escape(datasette.urls.path(path))}">{escape(text)}</a>')
