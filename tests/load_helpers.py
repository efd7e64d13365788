"""Helpers for the loader's end-to-end tests: run the command, check the database."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from datasette_newsvisits.load.cli import main

REPO = Path(__file__).parent.parent
STORY = (
    "Alexander Lukashenko arrived in Beijing on Tuesday for a state visit.\n"
    '"We are reliable partners," Lukashenko told Xi Jinping at the talks.\n'
    "Trade between the two countries rose by a third last year, officials said.\n"
)


def story(n: int) -> str:
    """A short article, different for each ``n``."""
    return f"Belarus and China, part {n}\n" + STORY + f"It was meeting number {n}.\n"


def cli(*args) -> tuple[int, list[str]]:
    """Run the loader's command in-process: (exit status, output lines)."""
    result = CliRunner().invoke(main, [str(a) for a in args] + ["--workers", "1"])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output.splitlines()


def command(*args) -> list[str]:
    """The loader's command line as a user runs it."""
    return [sys.executable, str(REPO / "load_corpus.py"), *map(str, args)]


def run(*args, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    """Run the loader as a separate process."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        command(*args),
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        **kwargs,
    )


def rows(db, sql, params=()):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def check_database(db) -> int:
    """Assert the database is whole (integrity, foreign keys, full-text index in step,
    no empty article); return its number of articles."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert conn.execute(
            "SELECT count(*) FROM article_sources WHERE article_id IN "
            "(SELECT id FROM articles)"
        ).fetchone() == (articles,)
        assert conn.execute("SELECT count(*) FROM articles_fts").fetchone() == (
            articles,
        )
        # Raises when the full-text index disagrees with the articles table.
        conn.execute(
            "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')"
        )
        assert conn.execute(
            "SELECT count(*) FROM articles WHERE trim(text) = '' OR text IS NULL"
        ).fetchone() == (0,)
        return articles
    finally:
        conn.close()


def no_traceback(lines: list[str]) -> bool:
    """Whether the output shows no Python traceback."""
    return not any(line.startswith("Traceback") for line in lines)
