"""The README's promises: its two commands, and its SQL examples run as written."""

import re
import sqlite3
from pathlib import Path

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
CI = (Path(__file__).parent.parent / ".ci" / "run").read_text(encoding="utf-8")


def sql_examples(heading: str) -> list[str]:
    section = README.split(heading, 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, flags=re.DOTALL)


def run(db, sql):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in conn.execute(sql)]
    finally:
        conn.close()


def test_the_readme_starts_with_two_commands_and_ci_runs_the_test_one():
    commands = [
        line.strip()
        for line in README.split("\n## ", 1)[0].splitlines()
        if line.startswith("    ")
    ]
    assert len(commands) == 2
    serve, test = commands
    assert "load_corpus.py newsvisits.db" in serve and "datasette serve -i" in serve
    assert test.endswith("pytest")
    assert test in CI


def test_question_one_labels_of_lukashenko_by_outlet(bundled_db):
    [sql, _, _] = sql_examples("## Three questions")
    rows = run(bundled_db, sql)
    by_outlet = {}
    for row in rows:
        by_outlet.setdefault(row["outlet"], set()).add(row["label"])
    assert "strongman" in by_outlet["Deutsche Welle"]
    assert "president" in by_outlet["Al Jazeera"]
    assert any(
        "ruler" in labels
        for outlet, labels in by_outlet.items()
        if outlet.startswith("unknown outlet: corpus/000")
    )


def test_question_two_the_same_quote_in_two_outlets(bundled_db):
    [_, sql, _] = sql_examples("## Three questions")
    rows = run(bundled_db, sql)
    shared = [r for r in rows if "At the invitation of Chinese President" in r["quote"]]
    assert shared, rows
    assert shared[0]["speaker"] == "Hua Chunying"
    assert shared[0]["articles"] == 2
    assert set(shared[0]["outlets"].split(",")) == {"dw", "aljazeera"}


def test_question_three_figures_by_outlet(bundled_db):
    [_, _, sql] = sql_examples("## Three questions")
    rows = run(bundled_db, sql)
    money = {(r["value"], r["unit"]) for r in rows if r["kind"] == "money"}
    assert (5e9, "USD") in money
    assert (3.56e9, "USD") in money
    assert any(r["kind"] == "percent" and r["value"] == 33 for r in rows)


def test_each_sql_function_example_in_the_readme_gives_the_result_it_shows(bundled_db):
    from datasette_newsvisits.plugin.sqlfunctions import register

    section = README.split("### SQL functions", 1)[1].split("\n### ", 1)[0]
    examples = re.findall(
        r"^(select .*?);\s+-- (.+?)(?: \(.*\))?$", section, flags=re.MULTILINE
    )
    functions = {"canonical_entity", "quote_key", "text_similarity", "visit_for_date"}
    assert functions <= {
        name for sql, _ in examples for name in functions if name in sql
    }
    conn = sqlite3.connect(bundled_db)
    register(conn)
    try:
        for sql, shown in examples:
            [value] = conn.execute(sql).fetchone()
            expected = shown.strip("'") if shown.startswith("'") else float(shown)
            assert value == expected, (sql, value, shown)
    finally:
        conn.close()
