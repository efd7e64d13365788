"""Reading inputs: every format becomes RawArticles; bad input becomes one clear error."""

import json

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
