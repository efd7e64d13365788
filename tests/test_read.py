"""Reading inputs: every format becomes RawArticles; bad input becomes one clear error."""

import json
import os

from datasette_newsvisits.ingest.read import InputError, RawArticle, read_inputs


def read_all(*paths):
    return list(read_inputs(list(paths)))


def test_a_text_file_is_one_article_named_by_its_directory_and_file_name(tmp_path):
    path = tmp_path / "minsk.txt"
    path.write_text("Lukashenko flew to Beijing on Tuesday.", encoding="utf-8")
    [article] = read_all(path)
    assert isinstance(article, RawArticle)
    assert article.source == f"{tmp_path.name}/minsk.txt"  # prefixed with its directory
    assert article.text == "Lukashenko flew to Beijing on Tuesday."
    assert article.format == "txt"


def test_a_directory_is_walked_recursively_and_named_by_its_name_and_relative_path(
    tmp_path,
):
    (tmp_path / "dw" / "2023").mkdir(parents=True)
    (tmp_path / "dw" / "2023" / "a.txt").write_text("One story.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Another story.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"ignored: not a supported type")
    sources = [a.source for a in read_all(tmp_path)]
    assert sources == [f"{tmp_path.name}/b.txt", f"{tmp_path.name}/dw/2023/a.txt"]


def test_html_main_text_is_extracted_without_the_page_chrome(tmp_path):
    body = " ".join(
        f"Paragraph {i}: Belarus and China signed agreements on trade and investment."
        for i in range(6)
    )
    html = f"""<html><head><title>Lukashenko in Beijing</title>
    <meta property="og:site_name" content="Example News"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Lukashenko in Beijing</h1><p>{body}</p></article>
    <footer>Copyright Example News. All rights reserved.</footer></body></html>"""
    path = tmp_path / "story.html"
    path.write_text(html, encoding="utf-8")
    [article] = read_all(path)
    assert article.format == "html"
    assert "Paragraph 5: Belarus and China signed" in article.text
    assert "All rights reserved" not in article.text
    assert article.title == "Lukashenko in Beijing"


def test_jsonl_rows_recognize_media_cloud_column_names(tmp_path):
    rows = [
        {
            "stories_id": 101,
            "text": "Xi met Lukashenko.",
            "title": "Talks",
            "publish_date": "2023-03-01 09:00:00",
            "media_name": "Example Times",
            "url": "https://example.com/a",
        },
        {"text": "Second story."},
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    first, second = read_all(path)
    assert first.source == f"{tmp_path.name}/export.jsonl#id=101"
    assert (first.title, first.published, first.outlet) == (
        "Talks",
        "2023-03-01 09:00:00",
        "Example Times",
    )
    assert second.source == f"{tmp_path.name}/export.jsonl#line=2"


def test_csv_rows_become_articles(tmp_path):
    path = tmp_path / "pull.csv"
    path.write_text(
        'id,title,text,outlet\nx1,"Visit","Lukashenko, in Beijing, met Xi.",DW\n',
        encoding="utf-8",
    )
    [article] = read_all(path)
    assert article.source == f"{tmp_path.name}/pull.csv#id=x1"
    assert article.text == "Lukashenko, in Beijing, met Xi."
    assert article.outlet == "DW"


def test_bad_rows_are_reported_with_file_and_row_and_the_rest_still_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"text": "good one"}\n{"text": broken\n{"title": "no text here"}\n[1, 2]\n'
        '{"text": "good two"}\n',
        encoding="utf-8",
    )
    items = read_all(path)
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert [a.text for a in items if isinstance(a, RawArticle)] == [
        "good one",
        "good two",
    ]
    assert errors[0].startswith(f"{path}:2: malformed JSON line")
    assert errors[1] == f"{path}:3: row has no text"
    assert errors[2] == f"{path}:4: JSON line is not an object"


def test_a_csv_row_with_the_wrong_number_of_fields_is_reported(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text('text,title\n"fine",ok\n"too",many,fields\n', encoding="utf-8")
    items = read_all(path)
    assert isinstance(items[0], RawArticle)
    assert str(items[1]) == f"{path}:3: malformed CSV row (3 fields, header has 2)"


def test_each_kind_of_unreadable_file_gets_one_line_naming_it(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    problems = {e.location: e.problem for e in read_all(tmp_path)}
    assert problems[str(tmp_path / "empty.txt")] == "empty: no article text"
    assert problems[str(tmp_path / "binary.txt")] == "binary file (contains NUL bytes)"
    assert all("\n" not in p for p in problems.values())


def test_unchanged_input_has_the_same_content_hash_and_a_change_alters_it(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Version one.", encoding="utf-8")
    [first] = read_all(path)
    [again] = read_all(path)
    path.write_text("Version two.", encoding="utf-8")
    [changed] = read_all(path)
    assert first.content_hash == again.content_hash != changed.content_hash


def test_a_manifest_beside_the_files_supplies_what_the_text_does_not(tmp_path):
    (tmp_path / "a.txt").write_text("Lukashenko arrived.", encoding="utf-8")
    (tmp_path / "manifest.json").write_text(
        json.dumps({"articles": [{"file": "a.txt", "outlet": "Deutsche Welle"}]}),
        encoding="utf-8",
    )
    [article] = read_all(tmp_path)
    assert article.outlet == "Deutsche Welle"
    assert article.origin("outlet") == "manifest.json"


def test_a_jsonl_line_in_another_encoding_is_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_bytes(
        '{"text": "Łukaszenka in Pekin"}\n'.encode()
        + '{"text": "Łukaszenka"}\n'.encode("iso-8859-2")
        + b'{"text": "third"}\n'
    )
    items = read_all(path)
    assert [a.text for a in items if isinstance(a, RawArticle)] == [
        "Łukaszenka in Pekin",
        "third",
    ]
    assert str(items[1]).startswith(f"{path}:2: not UTF-8 text")


def test_a_large_export_is_read_row_by_row(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(5000):
            handle.write(json.dumps({"id": i, "text": f"Story number {i}."}) + "\n")
    iterator = read_inputs([path])
    first = next(iterator)
    assert first.source == f"{tmp_path.name}/big.jsonl#id=0"
    assert sum(1 for _ in iterator) == 4999


def sources_and_errors(*paths):
    items = read_all(*paths)
    return (
        [i.source for i in items if isinstance(i, RawArticle)],
        [str(i) for i in items if isinstance(i, InputError)],
    )


def test_a_directory_given_through_dot_dot_or_below_a_hidden_one_is_read(
    tmp_path, monkeypatch
):
    corpus = tmp_path / ".cache" / "corpus"
    (corpus / ".git").mkdir(parents=True)
    (corpus / "a.txt").write_text("One story.", encoding="utf-8")
    (corpus / ".git" / "b.txt").write_text("Not an input.", encoding="utf-8")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    assert sources_and_errors("../.cache/corpus") == (["corpus/a.txt"], [])
    assert sources_and_errors(tmp_path / ".cache") == ([".cache/corpus/a.txt"], [])


def test_an_empty_directory_is_one_line(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.docx").write_bytes(b"not an input")
    sources, errors = sources_and_errors(tmp_path / "empty")
    assert sources == []
    assert errors == [
        (
            f"{tmp_path / 'empty'}: no input files in it "
            "(.csv, .htm, .html, .jsonl, .ndjson, .txt)"
        )
    ]


def test_files_of_the_same_name_in_two_folders_get_two_sources(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder / "2023").mkdir(parents=True)
        (tmp_path / folder / "story.txt").write_text(
            f"Story {folder}.", encoding="utf-8"
        )
        (tmp_path / folder / "2023" / "x.txt").write_text("Story.", encoding="utf-8")
    sources, errors = sources_and_errors(
        tmp_path / "a" / "story.txt", tmp_path / "b" / "story.txt"
    )
    assert (sources, errors) == (["a/story.txt", "b/story.txt"], [])
    sources, _ = sources_and_errors(tmp_path / "a", tmp_path / "b")
    assert sorted(sources) == [
        "a/2023/x.txt",
        "a/story.txt",
        "b/2023/x.txt",
        "b/story.txt",
    ]


def test_directories_of_the_same_name_take_a_parent_to_tell_them_apart(tmp_path):
    for parent in ("x", "y"):
        (tmp_path / parent / "data").mkdir(parents=True)
        (tmp_path / parent / "data" / "a.txt").write_text("Story.", encoding="utf-8")
    sources, _ = sources_and_errors(tmp_path / "x" / "data", tmp_path / "y" / "data")
    assert sources == ["x/data/a.txt", "y/data/a.txt"]


def test_a_path_given_twice_or_inside_a_directory_given_is_read_once(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Story.", encoding="utf-8")
    sources, _ = sources_and_errors(
        tmp_path / "in", tmp_path / "in", tmp_path / "in" / "a.txt"
    )
    assert sources == ["in/a.txt"]


def test_a_row_id_equal_to_another_rows_line_number_names_a_different_row(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text(
        '{"text": "First story, no id."}\n{"id": "1", "text": "Second story."}\n'
        '{"id": "1", "text": "Third story, a repeated id."}\n',
        encoding="utf-8",
    )
    sources, _ = sources_and_errors(path)
    name = tmp_path.name
    assert sources == [
        f"{name}/export.jsonl#line=1",
        f"{name}/export.jsonl#id=1",
        f"{name}/export.jsonl#line=3",
    ]


def test_json_lines_that_broke_the_whole_file_cost_their_line_only(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text(
        '{"text": "Before the bad lines."}\n'
        '{"text": "A truncated emoji \\ud83d here."}\n'
        + "[" * 100_000
        + "\n"
        + '{"text": "x", "id": '
        + "9" * 5000
        + "}\n"
        + '{"text": "After the bad lines."}\n',
        encoding="utf-8",
    )
    items = read_all(path)
    assert [a.text for a in items if isinstance(a, RawArticle)] == [
        "Before the bad lines.",
        "After the bad lines.",
    ]
    assert [str(e) for e in items if isinstance(e, InputError)] == [
        f"{path}:2: contains an unpaired surrogate escape (not valid Unicode)",
        f"{path}:3: malformed JSON line (nested too deeply)",
        f"{path}:4: malformed JSON line (a number with more digits than Python reads)",
    ]


def test_one_bad_byte_in_a_csv_row_costs_that_row_only(tmp_path):
    path = tmp_path / "export.csv"
    rows = [f'{i},"Łukaszenka story number {i}."' for i in range(1, 2001)]
    data = ("id,text\n" + "\n".join(rows) + "\n").encode("utf-8")
    bad = data.index(b"number 1000.") + len("number ")
    path.write_bytes(data[:bad] + b"\xff" + data[bad + 1 :])
    column = bad - data.rindex(b"\n", 0, bad) - 1
    items = read_all(path)
    errors = [str(e) for e in items if isinstance(e, InputError)]
    assert errors == [
        f"{path}:1001: not UTF-8 text (invalid byte at position {column})"
    ]
    assert sum(isinstance(a, RawArticle) for a in items) == 1999


def test_a_text_that_is_not_a_string_is_reported_not_stored_empty(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text(
        '{"text": 42}\n{"text": {"body": "x"}}\n{"text": ["a", "b"]}\n{"text": true}\n',
        encoding="utf-8",
    )
    assert [str(e) for e in read_all(path)] == [
        f"{path}:1: text is a number, not a string",
        f"{path}:2: text is an object, not a string",
        f"{path}:3: text is a list, not a string",
        f"{path}:4: text is true or false, not a string",
    ]


def test_empty_exports_and_invisible_text_are_one_line_each(tmp_path):
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "header.csv").write_text("id,title,text\n", encoding="utf-8")
    (tmp_path / "nocolumn.csv").write_text("id,title\n1,Visit\n", encoding="utf-8")
    (tmp_path / "invisible.txt").write_text(
        "\u200b\u200d\ufeff\u2060 \n", encoding="utf-8"
    )
    problems = {e.location: e.problem for e in read_all(tmp_path)}
    assert problems == {
        str(tmp_path / "empty.jsonl"): "empty: no rows",
        str(tmp_path / "empty.csv"): "empty: no rows",
        str(tmp_path / "header.csv"): "only a header, no rows",
        str(tmp_path / "nocolumn.csv"): "no text column (columns: id, title)",
        str(tmp_path / "invisible.txt"): (
            "empty: no article text (only invisible characters)"
        ),
    }


def test_dangling_links_and_pipes_are_reported_and_never_opened(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("A story.", encoding="utf-8")
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "in" / "pipe.txt")  # opening it would wait for a writer
    os.mkfifo(tmp_path / "given.txt")
    sources, errors = sources_and_errors(tmp_path / "in", tmp_path / "given.txt")
    assert sources == ["in/good.txt"]
    assert errors == [
        f"{tmp_path}/given.txt: not a regular file (a pipe, socket or device)",
        f"{tmp_path}/in/gone.txt: broken symbolic link",
        f"{tmp_path}/in/pipe.txt: not a regular file (a pipe, socket or device)",
    ]


def test_a_malformed_manifest_is_reported_and_the_files_still_read(tmp_path):
    (tmp_path / "a.txt").write_text("Lukashenko arrived.", encoding="utf-8")
    (tmp_path / "manifest.json").write_text('{"articles": [{"file": "a.txt",', "utf-8")
    [error, article] = read_all(tmp_path)
    assert str(error).startswith(
        f"{tmp_path}/manifest.json: not used: not readable JSON"
    )
    assert article.text == "Lukashenko arrived." and article.outlet is None
    (tmp_path / "manifest.json").write_text(
        json.dumps({"articles": [{"file": "a.txt", "outlet": ["DW"]}, "b.txt"]}),
        encoding="utf-8",
    )
    errors = [str(e) for e in read_all(tmp_path) if isinstance(e, InputError)]
    assert errors == [
        f'{tmp_path}/manifest.json: articles[0] not used: "outlet" is not a string',
        f"{tmp_path}/manifest.json: articles[1] not used: not an object",
    ]


RUSSIAN = (
    "Александр Лукашенко прибыл в Пекин с государственным визитом. "
    "Председатель Си Цзиньпин назвал его старым другом Китая. "
    "Стороны подписали шестнадцать соглашений о торговле, промышленности "
    "и инвестициях, сообщило государственное агентство."
)
BELARUSIAN = (
    "Аляксандр Лукашэнка прыляцеў у Пекін з дзяржаўным візітам і сустрэўся з Сі."
)


def html_page(body: str, head: str = "") -> str:
    paragraphs = "".join(f"<p>{body} ({i})</p>" for i in range(5))
    return (
        f"<html><head>{head}<title>Визит</title></head>"
        f"<body><article><h1>Визит в Пекин</h1>{paragraphs}</article></body></html>"
    )


def test_an_html_page_is_read_in_the_charset_it_declares(tmp_path):
    meta = tmp_path / "meta.html"
    meta.write_bytes(
        html_page(RUSSIAN, '<meta charset="windows-1251">').encode("cp1251")
    )
    http_equiv = tmp_path / "equiv.html"
    http_equiv.write_bytes(
        html_page(
            BELARUSIAN,
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
        ).encode("cp1251")
    )
    [first] = read_all(meta)
    [second] = read_all(http_equiv)
    assert RUSSIAN in first.text and first.encoding == "cp1251 (declared)"
    assert BELARUSIAN in second.text and second.encoding == "cp1251 (declared)"


def test_a_capture_with_http_headers_is_read_in_their_charset_without_them(tmp_path):
    path = tmp_path / "capture.txt"
    path.write_bytes(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=KOI8-R\r\n\r\n"
        + RUSSIAN.encode("koi8-r")
    )
    [article] = read_all(path)
    assert (article.text, article.encoding) == (RUSSIAN, "koi8-r (declared)")


def test_byte_order_marks_name_the_encoding(tmp_path):
    marks = {
        "utf-8-sig": "utf-8 (BOM)",
        "utf-16": "utf-16-le (BOM)",
        "utf-16-be": None,
        "utf-32": "utf-32-le (BOM)",
    }
    for codec, label in marks.items():
        data = RUSSIAN.encode(codec)
        if codec == "utf-16-be":
            data, label = b"\xfe\xff" + data, "utf-16-be (BOM)"
        path = tmp_path / f"{codec}.txt"
        path.write_bytes(data)
        [article] = read_all(path)
        assert (article.text, article.encoding) == (RUSSIAN, label), codec


def test_an_undeclared_encoding_is_detected(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes((RUSSIAN + "\n" + RUSSIAN.upper()).encode("cp1251"))
    [article] = read_all(path)
    assert article.text == RUSSIAN + "\n" + RUSSIAN.upper()
    assert article.encoding.endswith("(detected)")


def test_a_page_declaring_one_charset_but_saved_as_utf8_is_read_as_utf8(tmp_path):
    path = tmp_path / "resaved.html"
    path.write_bytes(
        html_page(RUSSIAN, '<meta charset="windows-1251">').encode("utf-8")
    )
    [article] = read_all(path)
    assert RUSSIAN in article.text and article.encoding == "utf-8"


def test_a_csv_export_in_windows_1251_is_read_row_by_row(tmp_path):
    path = tmp_path / "excel.csv"
    rows = "".join(f'{i},"{RUSSIAN}"\n' for i in range(3))
    path.write_bytes(("id,text\n" + rows).encode("cp1251"))
    articles = read_all(path)
    assert [a.text for a in articles] == [RUSSIAN] * 3
    assert {a.encoding for a in articles} == {"cp1251 (detected)"}
