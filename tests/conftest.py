"""Shared fixtures: a database built by the real loader from the bundled corpus."""

from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent
METADATA = REPO / "metadata.json"


@pytest.fixture(scope="session")
def bundled_db(tmp_path_factory) -> Path:
    """Path to ``newsvisits.db`` loaded from the bundled corpus, built once per session.

    Treat it as read-only: tests that write build their own database.
    """
    from datasette_newsvisits.load.loader import load

    path = tmp_path_factory.mktemp("bundled") / "newsvisits.db"
    report = load(path)
    assert report.loaded == 5 and not report.skipped, report
    return path
