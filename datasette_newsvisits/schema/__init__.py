"""The table registry: every table of the public schema declared once.

``tables.TABLES`` (articles, their child rows, the catalogues) and
``aggregates.AGGREGATES`` (counts rebuilt at the end of each load) are the
declarations; ``ensure_schema`` creates them, ``generate`` writes the README's schema
section and ``metadata.json`` from them (``python -m datasette_newsvisits.schema``).
"""

from .aggregates import AGGREGATES
from .declare import Table
from .ensure import SCHEMA_VERSION, ensure_schema
from .tables import TABLES

BY_NAME: dict[str, Table] = {t.name: t for t in [*TABLES, *AGGREGATES]}
# Tables whose rows belong to one article, in the order they are written.
ARTICLE_CHILD_TABLES = [t.name for t in TABLES if t.article_child]

__all__ = [
    "AGGREGATES",
    "ARTICLE_CHILD_TABLES",
    "BY_NAME",
    "SCHEMA_VERSION",
    "TABLES",
    "Table",
    "ensure_schema",
]
