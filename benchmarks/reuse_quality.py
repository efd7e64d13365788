"""Pair precision and recall of reuse detection on the annotated fixture pairs.

    python benchmarks/reuse_quality.py [PAIRS_JSON ...]

By default both fixture files: ``pairs.json`` (the thresholds were chosen on it) and
``heldout.json`` (written afterwards, never used for tuning: the honest estimate).

Two figures: through the real grouping (every fixture sentence grouped together by
``group_sentences``; a pair is predicted reuse when both land in one group), and by the
pairwise decision ``is_reuse``. Misses and false alarms are listed with their kind.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from datasette_newsvisits.reuse import group_sentences, is_reuse
from datasette_newsvisits.text.similarity import similarity

FIXTURES = ROOT / "tests" / "fixtures" / "reuse"
DEFAULT = [str(FIXTURES / "pairs.json"), str(FIXTURES / "heldout.json")]


def scores(truth: list[bool], predicted: list[bool]) -> tuple[float, float]:
    """Pair precision and recall."""
    tp = sum(t and p for t, p in zip(truth, predicted))
    fp = sum(p and not t for t, p in zip(truth, predicted))
    fn = sum(t and not p for t, p in zip(truth, predicted))
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


@click.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True))
def main(files):
    """Print precision/recall of grouping and of the pairwise decision, per file."""
    for path in files or DEFAULT:
        click.echo(Path(path).name)
        report(json.loads(Path(path).read_text(encoding="utf-8"))["pairs"])


def report(pairs: list[dict]) -> None:
    """Print the figures and the mistakes for one list of annotated pairs."""
    truth = [p["reuse"] for p in pairs]
    labels = group_sentences([t for p in pairs for t in (p["a"], p["b"])])
    grouped = [
        labels[2 * k] is not None and labels[2 * k] == labels[2 * k + 1]
        for k in range(len(pairs))
    ]
    pairwise = [is_reuse(p["a"], p["b"]) for p in pairs]
    for name, predicted in (("grouping", grouped), ("pairwise", pairwise)):
        precision, recall = scores(truth, predicted)
        click.echo(
            f"{name}: pairs={len(pairs)} precision={precision:.3f} recall={recall:.3f}"
        )
        for pair, guess in zip(pairs, predicted):
            if guess != pair["reuse"]:
                kind = "missed" if pair["reuse"] else "false alarm"
                score = similarity(pair["a"], pair["b"])
                click.echo(f"  {kind} ({pair['kind']}, {score:.2f}): {pair['a'][:70]}")


if __name__ == "__main__":
    main()
