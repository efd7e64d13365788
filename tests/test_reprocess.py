"""When what shapes an article's rows changes — a meeting added with --visits, a name
with --gazetteer, a new version of the package — the stored articles are processed
again on the next load, from their inputs or from what the database keeps of them."""

import json
import sqlite3

from load_helpers import cli, rows

from datasette_newsvisits.load import fingerprint as fingerprints
from datasette_newsvisits.load.loader import load

ORBAN = {
    "id": "2025-11-orban-minsk",
    "title": "Orban in Minsk",
    "kind": "official visit",
    "place": "Minsk",
    "start_date": "2025-11-10",
    "end_date": "2025-11-11",
    "participants": ["Viktor Orban", "Alexander Lukashenko"],
}
STORY = {
    "title": "Orban in Minsk",
    "published": "2025-11-10",
    "outlet": "Belsat",
    "url": "https://belsat.eu/en/news/orban-minsk",
    "text": (
        "Hungary's prime minister Viktor Orbán held talks with Lukashenko in Minsk on "
        "Monday.\nThe two leaders discussed trade and energy."
    ),
}
OTHER = {"text": "Lukashenko met Xi Jinping in Beijing.\nThey signed deals."}


def export(path, *stories):
    path.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    return path


def visits_file(tmp_path):
    path = tmp_path / "my_visits.json"
    path.write_text(json.dumps({"visits": [ORBAN]}), encoding="utf-8")
    return path


def visit_of(db):
    return rows(db, "SELECT visit_id FROM articles WHERE title = 'Orban in Minsk'")


def test_a_visit_added_with_visits_reaches_an_already_loaded_article(tmp_path):
    db, stories = tmp_path / "x.db", export(tmp_path / "orban.jsonl", STORY)
    assert cli(db, stories)[0] == 0
    assert visit_of(db) == [(None,)]
    status, lines = cli(db, stories, "--visits", visits_file(tmp_path))
    assert status == 0
    assert lines[0].startswith(
        "0 new articles, 0 replaced, 1 unchanged, "
        "1 re-processed (the pipeline or catalogues changed), 0 inputs skipped"
    )
    assert visit_of(db) == [(ORBAN["id"],)]
    # and the next run with the same files has nothing to do
    status, lines = cli(db, stories, "--visits", visits_file(tmp_path))
    assert lines[0].startswith("0 new articles, 0 replaced, 1 unchanged, 0 inputs")


def test_articles_whose_inputs_are_not_given_are_processed_from_the_database(tmp_path):
    db = tmp_path / "x.db"
    load(db, [export(tmp_path / "orban.jsonl", STORY)], workers=1)
    before = rows(
        db, "SELECT id, source, title, url, published, outlet_id FROM articles"
    )
    report = load(
        db,
        [export(tmp_path / "other.jsonl", OTHER)],
        visit_files=[visits_file(tmp_path)],
        workers=1,
    )
    assert (report.new, report.reprocessed, report.not_reprocessed) == (1, 1, 0)
    assert visit_of(db) == [(ORBAN["id"],)]
    after = rows(
        db,
        "SELECT id, source, title, url, published, outlet_id FROM articles "
        "WHERE title = 'Orban in Minsk'",
    )
    assert after == before  # the same article, read back whole


def test_an_upgrade_processes_every_stored_article_again(tmp_path, monkeypatch):
    db, stories = tmp_path / "x.db", export(tmp_path / "two.jsonl", STORY, OTHER)
    load(db, [stories], workers=2)
    mentions = rows(db, "SELECT * FROM mentions ORDER BY article_id, start")
    monkeypatch.setattr(fingerprints, "_version", lambda: "99.0")
    report = load(db, [stories], workers=2)
    assert (report.reprocessed, report.unchanged, report.new) == (2, 2, 0)
    assert rows(db, "SELECT * FROM mentions ORDER BY article_id, start") == mentions


def test_articles_stored_before_their_fields_were_kept_are_processed_from_inputs(
    tmp_path,
):
    db, stories = tmp_path / "x.db", export(tmp_path / "orban.jsonl", STORY)
    load(db, [stories], workers=1)
    assert rows(db, "SELECT count(*) FROM article_captures WHERE fields IS NULL") == [
        (0,)
    ]
    conn = sqlite3.connect(db)
    conn.execute(
        "UPDATE article_captures SET fields = NULL"
    )  # as an older loader left it
    conn.commit()
    conn.close()
    report = load(db, [stories], visit_files=[visits_file(tmp_path)], workers=1)
    assert report.not_reprocessed == 1 and report.reprocessed == 0
    assert report.replaced == 1  # from its input, read again
    assert visit_of(db) == [(ORBAN["id"],)]
