"""The public database schema, in one place.

Table and column names are a contract: users write SQL against them and the README
documents each. Add tables and columns freely; rename nothing without a migration.
``ensure_schema`` is idempotent and safe to run on every load.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

SCHEMA_VERSION = 1

TABLES = """
CREATE TABLE IF NOT EXISTS outlets (
    id TEXT PRIMARY KEY,
    name TEXT,
    domain TEXT,
    country TEXT,
    kind TEXT
);
CREATE TABLE IF NOT EXISTS visits (
    id TEXT PRIMARY KEY,
    title TEXT,
    kind TEXT,
    place TEXT,
    start_date TEXT,
    end_date TEXT,
    description TEXT,
    source TEXT
);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    source TEXT UNIQUE NOT NULL,
    outlet_id TEXT REFERENCES outlets(id),
    title TEXT,
    published TEXT,
    visit_id TEXT REFERENCES visits(id),
    url TEXT,
    agencies TEXT,
    text TEXT,
    word_count INTEGER,
    month TEXT,
    wire_share REAL,
    evidence TEXT,
    content_hash TEXT
);
CREATE TABLE IF NOT EXISTS article_sources (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    format TEXT,
    raw_text TEXT,
    cleaning TEXT
);
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    name TEXT,
    type TEXT,
    wikidata TEXT,
    role TEXT,
    origin TEXT
);
CREATE TABLE IF NOT EXISTS aliases (
    alias TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id),
    PRIMARY KEY (alias, entity_id)
);
CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL REFERENCES articles(id),
    entity_id TEXT NOT NULL REFERENCES entities(id),
    surface TEXT,
    start INTEGER,
    "end" INTEGER,
    outlet_id TEXT,
    published TEXT
);
CREATE TABLE IF NOT EXISTS article_entities (
    article_id TEXT NOT NULL REFERENCES articles(id),
    entity_id TEXT NOT NULL REFERENCES entities(id),
    mentions INTEGER,
    PRIMARY KEY (article_id, entity_id)
);
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    speaker_id TEXT REFERENCES entities(id),
    speaker TEXT,
    text TEXT,
    start INTEGER,
    "end" INTEGER,
    kind TEXT,
    attribution TEXT,
    quote_key TEXT,
    outlet_id TEXT
);
CREATE TABLE IF NOT EXISTS labels (
    article_id TEXT NOT NULL REFERENCES articles(id),
    entity_id TEXT NOT NULL REFERENCES entities(id),
    label TEXT,
    surface TEXT,
    start INTEGER,
    qualifier TEXT,
    nationality TEXT,
    outlet_id TEXT
);
CREATE TABLE IF NOT EXISTS figures (
    article_id TEXT NOT NULL REFERENCES articles(id),
    kind TEXT,
    value REAL,
    unit TEXT,
    surface TEXT,
    start INTEGER,
    outlet_id TEXT
);
CREATE TABLE IF NOT EXISTS reuse (
    id INTEGER PRIMARY KEY,
    sentences INTEGER,
    articles INTEGER,
    outlets INTEGER,
    text TEXT
);
CREATE TABLE IF NOT EXISTS sentences (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    position INTEGER,
    text TEXT,
    start INTEGER,
    "end" INTEGER,
    reuse_id INTEGER REFERENCES reuse(id)
);
CREATE TABLE IF NOT EXISTS newsvisits_meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
"""

# Every join and facet column is indexed.
INDEXES = {
    "articles": ["outlet_id", "published", "visit_id", "month"],
    "aliases": ["entity_id"],
    "mentions": ["article_id", "entity_id", "outlet_id", "published"],
    "article_entities": ["entity_id"],
    "quotes": ["article_id", "speaker_id", "quote_key", "outlet_id"],
    "labels": ["article_id", "entity_id", "label", "outlet_id"],
    "figures": ["article_id", "kind", "outlet_id"],
    "sentences": ["article_id", "reuse_id"],
    "entities": ["type"],
}

# Full-text search tables, kept in step with their tables by triggers, so that an
# article's text and its index are written in the same transaction.
FTS = {
    "articles": ["title", "text"],
    "quotes": ["text"],
}

# Tables whose rows belong to one article: replaced together when the article changes.
ARTICLE_CHILD_TABLES = [
    "mentions",
    "article_entities",
    "quotes",
    "labels",
    "figures",
    "sentences",
    "article_sources",
]


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create every table, index and full-text index that does not exist yet."""
    conn.executescript(TABLES)
    for table, columns in INDEXES.items():
        for column in columns:
            conn.execute(
                f"CREATE INDEX IF NOT EXISTS idx_{table}_{column} "
                f'ON {table}("{column}")'
            )
    for table, columns in FTS.items():
        _ensure_fts(conn, table, columns)
    conn.execute(
        "INSERT OR IGNORE INTO newsvisits_meta (key, value) VALUES ('schema_version', ?)",
        (str(SCHEMA_VERSION),),
    )


def _ensure_fts(conn: sqlite3.Connection, table: str, columns: list[str]) -> None:
    db = sqlite_utils.Database(conn)
    if db[table].detect_fts() is None:
        db[table].enable_fts(columns, create_triggers=True, replace=True)
