"""Extraction quality and speed on the real development set, rules against spaCy.

Usage: python benchmarks/realdev_extraction.py [REALDEV] [--ner rules spacy]

REALDEV is the set's folder (default ``../shared/realdev`` beside the repository,
or ``NEWSVISITS_REALDEV``). For each entity finder (``NEWSVISITS_NER``: the rules,
or spaCy's recognizer - ``extract.statistical``, which needs spaCy and an English
pipeline installed; ``NEWSVISITS_SPACY_MODEL`` names it) the pages are loaded by
the real loader into a temporary database and scored by the set's ``score.py`` on
both thirds, and ``extract_all`` is timed over the cleaned pages (words per second
of CPU time, one core). Prints one table: the figures the README reports.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DIMENSIONS = ("entities", "quotes", "attribution", "labels", "figures")


def default_realdev() -> Path:
    """Where the real development set is: ``NEWSVISITS_REALDEV`` or beside the repo."""
    return Path(
        os.environ.get("NEWSVISITS_REALDEV", REPO.parent / "shared" / "realdev")
    )


def scores(realdev: Path, db: Path, gold: str) -> dict[str, float]:
    """score.py's headline figure per dimension for one gold file."""
    out = subprocess.run(
        [
            sys.executable,
            str(realdev / "score.py"),
            str(db),
            str(realdev / "gold" / gold),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(out.stdout)["dimensions"]
    return {
        d: found[d].get("accuracy", found[d].get("f1", 0.0)) for d in DIMENSIONS
    } | {"clutter": found["clutter_entities"]["extracted"]}


def speed(realdev: Path, seconds: float) -> float:
    """Words per second of CPU time of ``extract_all`` over the cleaned pages."""
    from datasette_newsvisits.extract import extract_all
    from datasette_newsvisits.extract.gazetteer import load_gazetteer
    from datasette_newsvisits.ingest.clean import clean_text

    gazetteer = load_gazetteer()
    pages = [
        clean_text(p.read_text(encoding="utf-8")).text
        for p in sorted((realdev / "articles").glob("*.txt"))
    ]
    words = sum(len(p.split()) for p in pages)
    extract_all(pages[0], gazetteer)  # automaton and models loaded outside the timing
    done, started, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - started < seconds:
        for page in pages:
            extract_all(page, gazetteer)
        done += words
    return done / (time.process_time() - cpu)


def measure(realdev: Path, ner: str, seconds: float) -> dict:
    """Both thirds' scores and the speed with one entity finder."""
    from datasette_newsvisits.load.loader import load

    os.environ["NEWSVISITS_NER"] = ner
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "realdev.db"
        load(db, [realdev / "articles"], visit_files=[realdev / "visits.json"])
        return {
            "dev": scores(realdev, db, "dev.json"),
            "held-out": scores(realdev, db, "heldout.json"),
            "words/s": speed(realdev, seconds),
        }


def main() -> None:
    """Print the table of scores and speed per entity finder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("realdev", nargs="?", type=Path, default=default_realdev())
    parser.add_argument("--ner", nargs="+", default=["rules", "spacy"])
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    realdev = args.realdev.resolve()
    print(
        "| finder | third | " + " | ".join(DIMENSIONS) + " | clutter | words/s (CPU) |"
    )
    print("|---" * (len(DIMENSIONS) + 4) + "|")
    for ner in args.ner:
        result = measure(realdev, ner, args.seconds)
        for third in ("dev", "held-out"):
            row = result[third]
            cells = " | ".join(f"{row[d]:.3f}" for d in DIMENSIONS)
            rate = f"{result['words/s']:,.0f}" if third == "dev" else ""
            print(f"| {ner} | {third} | {cells} | {row['clutter']} | {rate} |")


if __name__ == "__main__":
    main()
