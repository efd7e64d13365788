"""Extraction on the held-out third of the real development set meets issue 11's floors.

The pages are loaded by the real loader into a temporary database and scored by the
set's own ``score.py`` (read from ``<repo>/../shared/realdev``, or from where
``NEWSVISITS_REALDEV`` points, e.g. from a git worktree; never copied into the
project); skips when the set is absent.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent
REALDEV = Path(os.environ.get("NEWSVISITS_REALDEV", REPO.parent / "shared" / "realdev"))
if not (REALDEV / "gold" / "heldout.json").exists():
    pytest.skip("../shared/realdev is absent", allow_module_level=True)


@pytest.fixture(scope="module")
def held_out(tmp_path_factory) -> dict:
    """score.py's dimensions for the held-out third, loaded with the shipped rules."""
    from datasette_newsvisits.load.loader import load

    realdev = REALDEV.resolve()
    db = tmp_path_factory.mktemp("realdev") / "realdev.db"
    load(db, [realdev / "articles"], visit_files=[realdev / "visits.json"])
    scored = subprocess.run(
        [
            sys.executable,
            str(realdev / "score.py"),
            str(db),
            str(realdev / "gold" / "heldout.json"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(scored.stdout)["dimensions"]


def test_speakers_are_right_for_nine_quotes_in_ten(held_out):
    assert held_out["attribution"]["accuracy"] >= 0.9, held_out["attribution"]


def test_labels_f1(held_out):
    assert held_out["labels"]["f1"] >= 0.9, held_out["labels"]


def test_entities_f1_with_no_name_from_page_clutter(held_out):
    assert held_out["entities"]["f1"] >= 0.95, held_out["entities"]
    assert held_out["clutter_entities"]["extracted"] == 0


def test_quotes_f1(held_out):
    assert held_out["quotes"]["f1"] >= 0.95, held_out["quotes"]


def test_figures_f1(held_out):
    assert held_out["figures"]["f1"] >= 0.9, held_out["figures"]
