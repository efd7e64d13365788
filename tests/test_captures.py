"""Text stored once: the raw capture as a delta against the cleaned text, sentences as
spans of it — and read back, through the public views, exactly as it was."""

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st
from load_helpers import rows

from datasette_newsvisits.ingest.read import read_inputs
from datasette_newsvisits.load.loader import bundled_corpus, load
from datasette_newsvisits.schema import ensure_schema
from datasette_newsvisits.schema.captures import decode, encode
from datasette_newsvisits.text.sentences import split_sentences

CAPTURE = (
    "Skip to content\nMenu\n\nLukashenko lands in Beijing for a state visit\n"
    "Photo: Reuters\nAlexander Lukashenko arrived in Beijing on Tuesday.\n"
    "Xi Jinping welcomed him at the Great Hall of the People.\n\n"
    "Read more: Minsk and Moscow\n© 2023 All rights reserved"
)
CLEANED = (
    "Alexander Lukashenko arrived in Beijing on Tuesday.\n"
    "Xi Jinping welcomed him at the Great Hall of the People."
)


def test_a_capture_is_stored_as_what_cleaning_removed_and_spans_of_the_text():
    delta = encode(CAPTURE, CLEANED)
    assert decode(delta, CLEANED) == CAPTURE
    assert "Alexander Lukashenko" not in delta  # the body is a span, not a copy
    assert len(delta) < len(CAPTURE) - len(CLEANED) + 30


lines = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(lines, max_size=12), st.lists(st.booleans(), max_size=12), lines)
def test_any_capture_reads_back_as_it_was_in_python_and_in_sql(kept, flags, noise):
    """Whatever the text and however little of it the capture holds."""
    text = "\n".join(line for line, keep in zip(kept, flags) if keep)
    raw = noise.join(kept) + noise
    delta = encode(raw, text)
    assert decode(delta, text) == raw
    conn = sqlite3.connect(":memory:")
    ensure_schema(conn)
    conn.execute(
        "INSERT INTO articles (id, source, text) VALUES ('a', 'a', ?)", (text,)
    )
    conn.execute(
        "INSERT INTO article_captures (article_id, raw_delta) VALUES ('a', ?)", (delta,)
    )
    assert conn.execute("SELECT raw_text FROM article_sources").fetchone() == (raw,)


def test_every_raw_text_and_sentence_of_a_load_reads_back_exactly(tmp_path):
    db = tmp_path / "x.db"
    load(db, [bundled_corpus()])
    raws = {raw.source: raw.text for raw in read_inputs([bundled_corpus()])}
    stored = rows(
        db,
        "SELECT a.source, s.raw_text, a.text FROM article_sources s "
        "JOIN articles a ON a.id = s.article_id",
    )
    assert {source: raw for source, raw, _ in stored} == raws
    for source, _, text in stored:
        sentences = rows(
            db,
            "SELECT text FROM sentences WHERE article_id = "
            "(SELECT id FROM articles WHERE source = ?) ORDER BY position",
            (source,),
        )
        assert [s for (s,) in sentences] == [
            text[a:b] for a, b in split_sentences(text)
        ]


def test_sql_written_for_the_tables_goes_on_writing_through_the_views(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db")
    ensure_schema(conn)
    conn.execute(
        "INSERT INTO articles (id, source, text) VALUES ('a', 'a', 'One. Two.')"
    )
    conn.execute(
        "INSERT INTO article_sources (article_id, format, raw_text) "
        "VALUES ('a', 'txt', 'Menu\nOne. Two.')"
    )
    conn.execute(
        'INSERT INTO sentences (article_id, position, text, start, "end") '
        "VALUES ('a', 0, 'ignored: the span is read', 5, 9)"
    )
    conn.execute("UPDATE sentences SET position = 1")
    assert conn.execute("SELECT raw_text FROM article_sources").fetchall() == [
        ("Menu\nOne. Two.",)
    ]
    assert conn.execute("SELECT position, text FROM sentences").fetchall() == [
        (1, "Two.")
    ]
    conn.execute("DELETE FROM sentences")
    assert conn.execute("SELECT count(*) FROM sentence_spans").fetchone() == (0,)


def test_a_database_with_the_old_tables_is_moved_to_the_views(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        CREATE TABLE articles (id TEXT PRIMARY KEY, source TEXT UNIQUE, text TEXT);
        CREATE TABLE article_sources (article_id TEXT PRIMARY KEY, format TEXT,
            raw_text TEXT, cleaning TEXT);
        CREATE TABLE sentences (id INTEGER PRIMARY KEY, article_id TEXT NOT NULL,
            position INTEGER, text TEXT, start INTEGER, "end" INTEGER,
            reuse_id INTEGER);
        INSERT INTO articles VALUES ('a', 'x/a.txt', 'First one. Second one here.');
        INSERT INTO article_sources VALUES ('a', 'txt',
            'Home | News' || char(10) || 'First one. Second one here.', '[]');
        INSERT INTO sentences VALUES (7, 'a', 0, 'First one.', 0, 10, NULL);
        INSERT INTO sentences VALUES (9, 'a', 1, 'Second one here.', 11, 27, NULL);
        """
    )
    before = {
        "sources": conn.execute("SELECT * FROM article_sources").fetchall(),
        "sentences": conn.execute("SELECT * FROM sentences").fetchall(),
    }
    ensure_schema(conn)
    kinds = dict(conn.execute("SELECT name, type FROM sqlite_master"))
    assert kinds["sentences"] == kinds["article_sources"] == "view"
    assert (
        conn.execute(
            "SELECT article_id, format, raw_text, cleaning FROM article_sources"
        ).fetchall()
        == before["sources"]
    )
    assert conn.execute("SELECT * FROM sentences").fetchall() == before["sentences"]
    # encoding NULL: an old row, which the loader renames when it meets its input
    assert conn.execute("SELECT encoding FROM article_captures").fetchall() == [(None,)]
