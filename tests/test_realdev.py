"""The held-out third of the real development set meets the description floors.

Reads ``<repo>/../shared/realdev`` (third-party pages, never copied into the project;
``NEWSVISITS_REALDEV`` points elsewhere, e.g. from a git worktree); skips when absent.
"""

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent
REALDEV = Path(os.environ.get("NEWSVISITS_REALDEV", REPO.parent / "shared" / "realdev"))
if not (REALDEV / "gold" / "heldout.json").exists():
    pytest.skip("../shared/realdev is absent", allow_module_level=True)
sys.path.insert(0, str(REPO / "benchmarks"))
from describe_eval import evaluate


def test_held_out_pages_are_described_above_the_floors():
    result = evaluate(
        REALDEV / "articles",
        REALDEV / "gold" / "heldout.json",
        [REALDEV / "visits.json"],
    )
    f = result["figures"]
    assert f["published"]["share"] >= 0.9, result["misses"]
    assert f["visit"]["share"] >= 0.9, result["misses"]
    assert f["outlet"]["share"] >= 0.85, result["misses"]
    assert f["agencies"]["f1"] >= 0.9, result["misses"]
    assert f["cleaning"]["removed"]["share"] >= 0.95, result["misses"]
    assert f["cleaning"]["kept"]["share"] >= 0.99, result["misses"]
