"""The table registry: metadata.json and the README's schema sections are generated
from it, and a declaration can also say a column is computed or a table is a view."""

import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from datasette_newsvisits.schema import AGGREGATES, BY_NAME, TABLES
from datasette_newsvisits.schema.declare import ARTICLE_CHILD, Column, Table, View
from datasette_newsvisits.schema.generate import (
    main,
    metadata,
    metadata_text,
    readme_with_sections,
)

REPO = Path(__file__).parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_the_committed_metadata_json_is_the_generated_one():
    committed = (REPO / "metadata.json").read_text(encoding="utf-8")
    assert committed == metadata_text(), (
        "metadata.json differs from the table registry: "
        "run python -m datasette_newsvisits.schema"
    )


def test_the_readme_schema_sections_are_the_generated_ones():
    assert README == readme_with_sections(README), (
        "README.md's schema sections differ from the table registry: "
        "run python -m datasette_newsvisits.schema"
    )


def test_the_readme_documents_every_column_of_every_base_table_with_its_type():
    for table in TABLES:
        assert f"### `{table.name}` — {table.title}" in README
        for name, column in table.columns.items():
            sql_type = {str: "TEXT", int: "INTEGER", float: "REAL"}[column.type]
            assert f"| `{name}` | {sql_type} | {column.doc} |" in README, name


def test_metadata_documents_every_column_and_hides_the_aggregates():
    tables = metadata()["databases"]["newsvisits"]["tables"]
    assert list(tables) == [t.name for t in [*TABLES, *AGGREGATES]]
    for name, entry in tables.items():
        assert entry["columns"] == {
            c: col.doc for c, col in BY_NAME[name].columns.items()
        }
        assert entry.get("hidden", False) == (BY_NAME[name] in AGGREGATES), name
    assert tables["articles"]["sort_desc"] == "published"


def test_check_fails_on_a_hand_edited_file_and_the_command_rewrites_it(tmp_path):
    metadata_path, readme = tmp_path / "metadata.json", tmp_path / "README.md"
    edited = json.loads(metadata_text())
    edited["databases"]["newsvisits"]["tables"]["articles"]["columns"]["id"] = "Mine."
    metadata_path.write_text(json.dumps(edited), encoding="utf-8")
    readme.write_text(
        README.replace("| `word_count` | INTEGER |", "| `word_count` | TEXT |"),
        encoding="utf-8",
    )
    args = ["--metadata", str(metadata_path), "--readme", str(readme)]
    check = CliRunner().invoke(main, [*args, "--check"])
    assert check.exit_code == 1
    assert "metadata.json: differs" in check.output
    assert "README.md: differs" in check.output
    assert CliRunner().invoke(main, args).exit_code == 0
    assert metadata_path.read_text(encoding="utf-8") == metadata_text()
    assert readme.read_text(encoding="utf-8") == README
    assert CliRunner().invoke(main, [*args, "--check"]).exit_code == 0


def test_outside_the_repository_the_command_says_what_is_missing(tmp_path):
    result = CliRunner().invoke(main, ["--readme", str(tmp_path / "README.md")])
    assert result.exit_code == 1
    assert "README.md: no such file" in result.output


def test_a_readme_without_the_markers_is_an_error():
    with pytest.raises(ValueError, match="schema:tables"):
        readme_with_sections("# A README\n")


def test_a_declaration_naming_a_column_it_does_not_have_is_an_error():
    with pytest.raises(ValueError, match="no column outlet"):
        Table(
            name="t",
            title="T",
            description="",
            role=ARTICLE_CHILD,
            columns={"id": (str, "Id.")},
            indexes=("outlet",),
        )


def test_a_generated_column_is_computed_and_never_written():
    spans = Table(
        name="spans",
        title="Spans",
        description="Test table.",
        role=ARTICLE_CHILD,
        columns={
            "start": (int, "Start."),
            "end": (int, "End."),
            "length": Column(int, "Length.", generated='"end" - start'),
        },
        indexes=("length",),
    )
    db = sqlite_utils.Database(memory=True)
    spans.create(db)
    spans.create(db)  # idempotent: the generated column is not added twice
    db["spans"].insert_all([{"start": 3, "end": 10}])
    assert db.execute("SELECT length FROM spans").fetchall() == [(7,)]
    with pytest.raises(sqlite3.OperationalError):
        db["spans"].insert_all([{"start": 1, "end": 2, "length": 5}])


def test_a_view_is_declared_and_documented_like_a_table():
    long_articles = View(
        name="long_articles",
        title="Long articles",
        description="Articles over 500 words.",
        columns={"id": (str, "The article."), "word_count": (int, "Its words.")},
        select="SELECT id, word_count FROM articles WHERE word_count > 500",
    )
    db = sqlite_utils.Database(memory=True)
    BY_NAME["outlets"].create(db)
    BY_NAME["visits"].create(db)
    BY_NAME["articles"].create(db)
    long_articles.create(db)
    long_articles.create(db)
    db["articles"].insert_all(
        [{"id": "a", "source": "a", "word_count": 900}, {"id": "b", "source": "b"}]
    )
    assert [r["id"] for r in db["long_articles"].rows] == ["a"]
    assert db["long_articles"].columns_dict == {"id": str, "word_count": int}
