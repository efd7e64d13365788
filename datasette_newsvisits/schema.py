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
    cleaning TEXT,
    encoding TEXT
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
INDEXES: dict[str, list[str | tuple[str, ...]]] = {
    "articles": ["outlet_id", "published", "visit_id", "month"],
    "aliases": ["entity_id"],
    # (entity_id, published): an entity's mentions by date without touching articles.
    "mentions": ["article_id", ("entity_id", "published")],
    "article_entities": ["entity_id"],
    "quotes": ["article_id", "speaker_id", "quote_key", "outlet_id"],
    "labels": ["article_id", "entity_id", "label", "outlet_id"],
    "figures": ["article_id", "kind", "outlet_id"],
    "sentences": ["article_id", "reuse_id"],
    "entities": ["type"],
}

# Columns added after a table was first published: ``ensure_schema`` adds them to
# databases made before (CREATE TABLE IF NOT EXISTS leaves an existing table as it is).
ADDED_COLUMNS: dict[str, dict[str, str]] = {
    "article_sources": {"encoding": "TEXT"},
}

# Partial indexes, by name: (table, column, condition).
PARTIAL_INDEXES = {
    # Articles loaded before sources were prefixed (no encoding recorded), which the
    # loader renames when it meets their input again: found without a table scan.
    "idx_article_sources_legacy": ("article_sources", "article_id", "encoding IS NULL"),
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
    _add_columns(conn)
    for table, columns in INDEXES.items():
        for column in columns:
            names = column if isinstance(column, tuple) else (column,)
            conn.execute(
                f"CREATE INDEX IF NOT EXISTS idx_{table}_{'_'.join(names)} "
                f"ON {table}({', '.join(f'[{n}]' for n in names)})"
            )
    for name, (table, column, condition) in PARTIAL_INDEXES.items():
        conn.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table}([{column}]) WHERE {condition}"
        )
    for table, columns in FTS.items():
        _ensure_fts(conn, table, columns)
    conn.execute(
        "INSERT OR IGNORE INTO newsvisits_meta (key, value) VALUES ('schema_version', ?)",
        (str(SCHEMA_VERSION),),
    )


def _add_columns(conn: sqlite3.Connection) -> None:
    for table, columns in ADDED_COLUMNS.items():
        present = {row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")}
        for column, declaration in columns.items():
            if column not in present:
                conn.execute(
                    f"ALTER TABLE [{table}] ADD COLUMN [{column}] {declaration}"
                )


def _ensure_fts(conn: sqlite3.Connection, table: str, columns: list[str]) -> None:
    db = sqlite_utils.Database(conn)
    if db[table].detect_fts() is None:
        db[table].enable_fts(columns, create_triggers=True, replace=True)
    _narrow_update_trigger(conn, table, columns)


def _narrow_update_trigger(
    conn: sqlite3.Connection, table: str, columns: list[str]
) -> None:
    """Re-index a row on updates of its indexed columns only (not of wire_share…)."""
    [(sql,)] = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
        (f"{table}_au",),
    )
    of_columns = ", ".join(f"[{c}]" for c in columns)
    if f" AFTER UPDATE OF {of_columns} ON " in sql:
        return  # already narrowed (databases made before this was done are migrated)
    narrowed = sql.replace(" AFTER UPDATE ON ", f" AFTER UPDATE OF {of_columns} ON ", 1)
    if narrowed == sql:
        raise RuntimeError(f"unexpected full-text trigger: {sql}")
    conn.execute(f"DROP TRIGGER [{table}_au]")
    conn.execute(narrowed)


# Titles and descriptions of every table and column: the README's schema section and
# metadata.json's table and column descriptions are both written from this.
DOCS: dict[str, dict] = {
    "articles": {
        "title": "Articles",
        "description": "One row per article: the cleaned body and what is known about it.",
        "columns": {
            "id": "Stable id derived from the source name.",
            "source": "Input name, unique: the file's path relative to the directory it was found in, prefixed with that directory's name (corpus/2023/a.txt); file#id=… or file#line=… for a JSONL/CSV row.",
            "outlet_id": "The outlet that published it (NULL when unknown).",
            "title": "Headline, from the input's metadata or the page's headline line.",
            "published": "Publication date, yyyy-mm-dd (NULL when the input shows none).",
            "visit_id": "The visit the article reports on (NULL when about none).",
            "url": "The article's url, where the input shows one.",
            "agencies": "JSON array of wire agencies credited or cited (AFP, Reuters, dpa…).",
            "text": "Cleaned body: the page's clutter removed (see article_sources).",
            "word_count": "Words in the cleaned body.",
            "month": "yyyy-mm of publication, for faceting.",
            "wire_share": "Share (0-1) of the body's characters in sentences found in other articles.",
            "evidence": "JSON: for each described value, what it was read from.",
            "content_hash": "Hash of the input: an unchanged input is not reloaded.",
        },
    },
    "article_sources": {
        "title": "Article sources",
        "description": "The raw captured text of each article and the cleaning steps that removed what.",
        "columns": {
            "article_id": "The article.",
            "format": "Input format: txt, html, jsonl or csv.",
            "raw_text": "The text as read, clutter included.",
            "cleaning": "JSON array of {step, text}: each removed piece and the rule that removed it.",
            "encoding": "Character encoding the input was read in: utf-8, or a codec with (BOM), (declared) or (detected); NULL for articles loaded before it was recorded.",
        },
    },
    "outlets": {
        "title": "Outlets",
        "description": "News outlets, recognized from urls, domains, names or page signatures.",
        "columns": {
            "id": "Short id (a known outlet's id, or the domain of an unknown one).",
            "name": "Outlet name.",
            "domain": "Main web domain.",
            "country": "ISO country code of the outlet's seat.",
            "kind": "agency, newspaper, public broadcaster, state agency…",
        },
    },
    "visits": {
        "title": "Visits",
        "description": "Belarus-China visits and meetings at head-of-state level (a catalogue users extend).",
        "columns": {
            "id": "Short id, e.g. 2023-03-state-visit.",
            "title": "Title of the visit.",
            "kind": "state visit, working visit, summit meeting, forum.",
            "place": "City.",
            "start_date": "First day, yyyy-mm-dd.",
            "end_date": "Last day, yyyy-mm-dd.",
            "description": "What happened.",
            "source": "Where the dates come from.",
        },
    },
    "entities": {
        "title": "Entities",
        "description": "People, organizations and places named in the articles, with spelling variants merged.",
        "columns": {
            "id": "Stable slug of the canonical name.",
            "name": "Canonical English name.",
            "type": "person, organization, place or other.",
            "wikidata": "Wikidata Q-id (NULL for entities found only in the text).",
            "role": "Role or description from the gazetteer.",
            "origin": "gazetteer, or discovered (found in the text by a rule).",
        },
    },
    "aliases": {
        "title": "Aliases",
        "description": "Every spelling that resolves to an entity: gazetteer variants and surfaces seen in articles.",
        "columns": {
            "alias": "A name or variant as written (Łukaszenka, Jinping…).",
            "entity_id": "The entity it names.",
        },
    },
    "mentions": {
        "title": "Mentions",
        "description": "Each occurrence of an entity in an article's text.",
        "columns": {
            "article_id": "The article.",
            "entity_id": "The entity mentioned.",
            "surface": "The words as written.",
            "start": "Offset of the first character in articles.text.",
            "end": "Offset after the last character.",
            "outlet_id": "The article's outlet (copied here for fast counts).",
            "published": "The article's publication date (copied here for fast counts).",
        },
    },
    "article_entities": {
        "title": "Article entities",
        "description": "Which entities each article mentions, and how often: the basis of the entity facet.",
        "columns": {
            "article_id": "The article.",
            "entity_id": "The entity.",
            "mentions": "Number of mentions in the article.",
        },
    },
    "quotes": {
        "title": "Quotes",
        "description": "Quoted words with the speaker attributed, and quoted terms (kind = phrase).",
        "columns": {
            "id": "Quote id.",
            "article_id": "The article.",
            "speaker_id": "The entity who said it (NULL when the text does not say).",
            "speaker": "The attribution as written (spokesperson Hua Chunying, he, the Belarusian leader).",
            "text": "The quoted words, without the quotation marks.",
            "start": "Offset of the quoted words in articles.text.",
            "end": "Offset after the quoted words.",
            "kind": "speech (someone's words) or phrase (a quoted term such as all-weather).",
            "attribution": "The pattern that attributed it (X said, said X, according to X, pronoun…).",
            "quote_key": "Normalized key: the same quote from two outlets has the same key.",
            "outlet_id": "The article's outlet (copied here for fast counts).",
        },
    },
    "labels": {
        "title": "Labels",
        "description": "Descriptors outlets attach to people (strongman, ruler, president, ally of putin).",
        "columns": {
            "article_id": "The article.",
            "entity_id": "The person labelled.",
            "label": "Normalized label, lower case: strongman, ruler, president, ally of putin.",
            "surface": "The words as written.",
            "start": "Offset in articles.text.",
            "qualifier": "Qualifier: close, key, staunch…",
            "nationality": "Nationality word: belarusian, chinese, russian…",
            "outlet_id": "The article's outlet (copied here for fast counts).",
        },
    },
    "figures": {
        "title": "Figures",
        "description": "Numbers the articles report: money, percentages, counts and dates, normalized.",
        "columns": {
            "article_id": "The article.",
            "kind": "money, percent, count or date.",
            "value": "The number (money in units of the currency; a date as yyyymmdd).",
            "unit": "Currency code, percent, or what is counted.",
            "surface": "The words as written.",
            "start": "Offset in articles.text.",
            "outlet_id": "The article's outlet (copied here for fast counts).",
        },
    },
    "sentences": {
        "title": "Sentences",
        "description": "Every article split into sentences, each linked to its reuse group if other articles carry it too.",
        "columns": {
            "id": "Sentence id.",
            "article_id": "The article.",
            "position": "0-based position in the article.",
            "text": "The sentence.",
            "start": "Offset in articles.text.",
            "end": "Offset after the sentence.",
            "reuse_id": "The reuse group (NULL when no other article has it).",
        },
    },
    "reuse": {
        "title": "Reused sentences",
        "description": "Groups of near-identical sentences found in two or more articles: wire copy.",
        "columns": {
            "id": "Group id (the smallest sentence id in it).",
            "sentences": "Sentences in the group.",
            "articles": "Distinct articles that carry it.",
            "outlets": "Distinct outlets that carry it.",
            "text": "A representative sentence.",
        },
    },
    "newsvisits_meta": {
        "title": "Loader state",
        "description": "Schema version and the loader's bookkeeping.",
        "columns": {"key": "Name.", "value": "Value."},
    },
}


def schema_markdown() -> str:
    """The schema documentation as Markdown tables (the README's schema section)."""
    out = []
    for table, doc in DOCS.items():
        out.append(f"### `{table}` — {doc['title']}\n\n{doc['description']}\n")
        out.append("| column | description |\n|---|---|")
        for column, text in doc["columns"].items():
            out.append(f"| `{column}` | {text} |")
        out.append("")
    return "\n".join(out)
