"""Bad input end to end: one line each naming the file (and line), skipped, the rest
loaded, exit status 1; never a traceback for a user's mistake, never an empty article."""

import csv
import json
import os
import sqlite3

from load_helpers import STORY, check_database, cli, no_traceback, rows, story


def errors(lines):
    return [line for line in lines if line.startswith("error:")]


def test_a_one_line_export_story_is_stored_with_its_text(tmp_path):
    export = tmp_path / "export.jsonl"
    line = (
        "Lukashenko arrived in Beijing on Tuesday for a three-day state visit. He and "
        "Xi Jinping oversaw the signing of 16 agreements on trade (Reuters)"
    )
    export.write_text(json.dumps({"id": "1", "text": line}) + "\n", encoding="utf-8")
    status, lines = cli(tmp_path / "x.db", export)
    assert status == 0, lines
    assert rows(tmp_path / "x.db", "SELECT text FROM articles") == [(line,)]


def test_an_article_that_cleaning_empties_is_reported_not_stored(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "headline.txt").write_text(
        "Lukashenko lands in Beijing\n", encoding="utf-8"
    )
    (tmp_path / "in" / "story.txt").write_text(story(1), encoding="utf-8")
    status, lines = cli(tmp_path / "x.db", tmp_path / "in")
    assert status == 1
    assert errors(lines) == [
        (
            f"error: {tmp_path}/in/headline.txt: no article text left after removing"
            " the page's clutter (1 headline)"
        )
    ]
    assert check_database(tmp_path / "x.db") == 1


def test_paths_through_dot_dot_and_below_hidden_directories_load(tmp_path, monkeypatch):
    corpus = tmp_path / ".cache" / "exports"
    corpus.mkdir(parents=True)
    (corpus / "a.txt").write_text(story(1), encoding="utf-8")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    status, lines = cli("x.db", "../.cache/exports")
    assert status == 0, lines
    assert rows("x.db", "SELECT source FROM articles") == [("exports/a.txt",)]


def test_an_empty_directory_is_reported_and_fails_the_load(tmp_path):
    (tmp_path / "empty").mkdir()
    status, lines = cli(tmp_path / "x.db", tmp_path / "empty")
    assert status == 1
    assert errors(lines) == [
        (
            f"error: {tmp_path}/empty: no input files in it "
            "(.csv, .htm, .html, .jsonl, .ndjson, .txt)"
        )
    ]


def test_same_names_in_two_folders_and_rows_are_all_stored_and_counted_once(tmp_path):
    for n, folder in enumerate(("a", "b")):
        (tmp_path / folder / "2023").mkdir(parents=True)
        (tmp_path / folder / "story.txt").write_text(story(n), encoding="utf-8")
        (tmp_path / folder / "2023" / "x.txt").write_text(
            story(n + 5), encoding="utf-8"
        )
    export = tmp_path / "rows.jsonl"
    export.write_text(
        json.dumps({"text": story(10)})
        + "\n"
        + json.dumps({"id": 1, "text": story(11)}),
        encoding="utf-8",
    )
    db = tmp_path / "x.db"
    status, lines = cli(
        db, tmp_path / "a", tmp_path / "b", tmp_path / "a", export, export
    )
    assert status == 0, lines
    assert "6 new articles, 0 replaced, 0 unchanged, 0 inputs skipped" in lines[-1]
    assert check_database(db) == 6
    status, lines = cli(db, tmp_path / "a" / "story.txt", tmp_path / "b" / "story.txt")
    assert "0 new articles, 0 replaced, 2 unchanged, 0 inputs skipped" in lines[-1]


def test_bad_json_lines_cost_one_line_and_the_load_goes_on_to_its_end(tmp_path):
    (tmp_path / "in").mkdir()
    export = tmp_path / "in" / "a.jsonl"
    export.write_text(
        "\n".join(
            [
                json.dumps({"text": story(1)}),
                '{"text": "A truncated emoji \\ud83d"}',
                "[" * 100_000,
                '{"text": "x", "id": ' + "9" * 5000 + "}",
                json.dumps({"text": story(2)}),
            ]
        ),
        encoding="utf-8",
    )
    (tmp_path / "in" / "b.txt").write_text(story(3), encoding="utf-8")
    db = tmp_path / "x.db"
    status, lines = cli(db, tmp_path / "in")
    assert status == 1 and no_traceback(lines)
    assert [line.split(": ", 2)[1] for line in errors(lines)] == [
        f"{export}:2",
        f"{export}:3",
        f"{export}:4",
    ]
    assert check_database(db) == 3
    assert rows(db, "SELECT value FROM newsvisits_meta WHERE key = 'reuse_stale'") == [
        ("0",)
    ]  # the end-of-load step ran


def test_a_bad_byte_in_a_utf8_csv_row_skips_that_row_only(tmp_path):
    export = tmp_path / "a.csv"
    records = [(i, story(i) + "Łukaszenka w Pekinie.") for i in range(4)]
    with export.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([("id", "text"), *records])
    data = export.read_bytes()
    broken = data.index(b"part 2") + 1
    export.write_bytes(data[:broken] + b"\xe9" + data[broken + 1 :])
    db = tmp_path / "x.db"
    status, output = cli(db, export)
    assert status == 1
    [error] = errors(output)
    assert error.startswith(f"error: {export}:") and "not UTF-8 text" in error
    assert check_database(db) == 3


def test_pages_in_russian_and_belarusian_encodings_load(tmp_path):
    (tmp_path / "in").mkdir()
    text = "Лукашенко прибыл в Пекин. Си Цзиньпин встретил его в аэропорту."
    body = "".join(f"<p>({i}) {text}</p>" for i in range(5))
    (tmp_path / "in" / "page.html").write_bytes(
        f'<html><head><meta charset="windows-1251"></head><body><article>{body}'
        "</article></body></html>".encode("cp1251")
    )
    (tmp_path / "in" / "wide.txt").write_bytes(STORY.encode("utf-16"))
    db = tmp_path / "x.db"
    status, lines = cli(db, tmp_path / "in")
    assert status == 0, lines
    assert sorted(
        rows(
            db,
            "SELECT a.source, s.encoding, a.text LIKE '%Пекин%' FROM articles a "
            "JOIN article_sources s ON s.article_id = a.id",
        )
    ) == [
        ("in/page.html", "cp1251 (declared)", 1),
        ("in/wide.txt", "utf-16-le (BOM)", 0),
    ]


def test_database_files_that_cannot_be_used_are_one_line_each(tmp_path):
    (tmp_path / "story.txt").write_text(story(1), encoding="utf-8")
    (tmp_path / "notes.db").write_bytes(b"These are my notes, not a database. " * 100)
    theirs = tmp_path / "theirs.db"
    conn = sqlite3.connect(theirs)
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, headline TEXT)")
    conn.commit()
    conn.close()
    cases = {
        tmp_path / "missing" / "x.db": f"directory {tmp_path}/missing does not exist",
        tmp_path / "notes.db": "not an SQLite database",
        theirs: (
            "already has tables this loader did not make (articles); "
            "load into a new file"
        ),
    }
    for db, problem in cases.items():
        status, lines = cli(db, tmp_path / "story.txt")
        assert status == 1 and no_traceback(lines), lines
        assert lines == [f"error: {db}: {problem}; no article was written"]
    assert rows(theirs, "SELECT name FROM sqlite_master") == [("articles",)]


def test_catalogue_files_of_the_wrong_shape_are_one_line(tmp_path):
    (tmp_path / "story.txt").write_text(story(1), encoding="utf-8")
    visit = {
        "id": "v1",
        "title": "A visit",
        "kind": "state visit",
        "place": "Beijing",
        "start_date": "2023-03-01",
        "end_date": "2023-03-02",
    }
    cases = [
        ("--visits", [visit], 'expected {"visits": [...]}'),
        ("--visits", {"visits": [{**visit, "end_date": None}]}, "visits[0]: "),
        ("--visits", {"visits": [{**visit, "start_date": "1 March"}]}, "visits[0]: "),
        ("--gazetteer", {"entities": [{"name": "Senko", "aliases": "Senko"}]}, "ali"),
        ("--gazetteer", {"entities": [{"aliases": ["Senko"]}]}, "entities[0]: "),
        ("--gazetteer", {"entities": "Senko"}, 'expected {"entities": [...]}'),
    ]
    for n, (option, data, problem) in enumerate(cases):
        path = tmp_path / f"extra{n}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        status, lines = cli(tmp_path / "x.db", tmp_path / "story.txt", option, path)
        assert status == 1 and no_traceback(lines), lines
        [line] = lines
        assert line.startswith(f"error: {path}: ") and problem in line, line
    assert not (tmp_path / "x.db").exists()


def test_non_string_texts_invisible_files_and_empty_exports_are_one_line_each(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "rows.jsonl").write_text(
        '{"text": 1}\n{"text": {}}\n{"text": [1]}\n{"text": false}\n', encoding="utf-8"
    )
    (tmp_path / "in" / "invisible.txt").write_text("\u200b\u2060\n", encoding="utf-8")
    (tmp_path / "in" / "empty.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "in" / "empty.csv").write_text("", encoding="utf-8")
    (tmp_path / "in" / "header.csv").write_text("id,text\n", encoding="utf-8")
    (tmp_path / "in" / "story.txt").write_text(story(1), encoding="utf-8")
    db = tmp_path / "x.db"
    status, lines = cli(db, tmp_path / "in")
    assert status == 1
    assert len(errors(lines)) == 8
    assert "1 new article, 0 replaced, 0 unchanged, 8 inputs skipped" in lines[-1]
    assert check_database(db) == 1


def test_dangling_links_and_a_pipe_named_txt_are_reported_without_hanging(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(story(1), encoding="utf-8")
    (tmp_path / "in" / "moved.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    db = tmp_path / "x.db"
    status, lines = cli(db, tmp_path / "in", tmp_path / "in" / "pipe.txt")
    assert status == 1
    assert errors(lines) == [
        f"error: {tmp_path}/in/pipe.txt: not a regular file (a pipe, socket or device)",
        f"error: {tmp_path}/in/moved.txt: broken symbolic link",
        f"error: {tmp_path}/in/pipe.txt: not a regular file (a pipe, socket or device)",
    ]
    assert check_database(db) == 1
