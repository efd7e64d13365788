"""Extraction quality on the annotated fixtures: precision, recall and F1, with the misses.

Run ``python benchmarks/evaluate.py [FIXTURES_DIR]``. FIXTURES_DIR holds
``articles/<stem>.txt`` and ``annotations/<stem>.json`` (entities, labels, figures)
and ``annotations/<stem>.quotes.json`` (quotes); an annotation whose article is not
in ``articles/`` is read from the bundled corpus (the seeds). Every article is
cleaned with ``ingest.clean.clean_text`` and extracted with ``extract_all``, as the
loader does.

What is compared, per article, micro-averaged over all articles:

- entities: the set of distinct entities, by canonical name (case, accents and
  possessives ignored). Annotated: every person, organization and place the
  cleaned text names, countries used as modifiers included ("US embassy"); not
  nationality adjectives, events or awards.
- labels: the set of (person, label, qualifier). Annotated: titles and
  characterizations attached to a person (strongman, president, ally of putin,
  spokesperson, foreign minister), including stand-ins such as "the Belarusian
  leader"; not professions of commentators (analyst, researcher, journalist) and
  not "counterpart".
- figures: the set of (kind, value, unit), unit compared for money and percent only
  (counts' units are descriptive). Conventions in ``extract.figures``.
- quotes: a detected quote matches an annotated one (one to one) when their word
  sequences overlap by at least ``QUOTE_OVERLAP`` of the longer one. Attribution is
  the share of matched speech quotes whose speaker is the annotated one (by
  canonical name; no speaker for none counts as right).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from importlib import resources
from pathlib import Path

from datasette_newsvisits.extract import extract_all
from datasette_newsvisits.extract.gazetteer import Gazetteer, load_gazetteer
from datasette_newsvisits.ingest.clean import clean_text
from datasette_newsvisits.text.keys import name_key
from datasette_newsvisits.text.words import words

QUOTE_OVERLAP = 0.8
TASKS = ("entities", "labels", "figures", "quotes")


def default_fixtures_dir() -> Path:
    """The repository's ``tests/fixtures/extraction``."""
    return Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "extraction"


def evaluate(
    fixtures_dir: str | Path | None = None, gazetteer: Gazetteer | None = None
) -> dict:
    """Scores for every task, and per-article misses.

    Returns ``{"entities": {"precision", "recall", "f1", "tp", "fp", "fn"}, ... ,
    "attribution": {"accuracy", "right", "total"}, "articles": {stem: {task:
    {"false_positives": [...], "false_negatives": [...]}}}}``. A task with no
    annotations anywhere has ``None`` scores.
    """
    root = Path(fixtures_dir) if fixtures_dir else default_fixtures_dir()
    gazetteer = gazetteer or load_gazetteer()
    totals = {task: Counter() for task in TASKS}
    attribution = Counter()
    articles: dict[str, dict] = {}
    for stem, text in _articles(root):
        gold = _read_json(root / "annotations" / f"{stem}.json")
        gold_quotes = _read_json(root / "annotations" / f"{stem}.quotes.json")
        if gold is None and gold_quotes is None:
            continue
        extraction = extract_all(clean_text(text).text, gazetteer)
        names = {e.id: e.name for e in extraction.entities}
        misses = {}
        if gold is not None:
            predicted = {
                "entities": {_key(e.name) for e in extraction.entities},
                "labels": {
                    (_key(names.get(x.entity_id, x.entity_id)), x.label, x.qualifier)
                    for x in extraction.labels
                },
                "figures": {
                    _figure(f.kind, f.value, f.unit) for f in extraction.figures
                },
            }
            expected = {
                "entities": {_key(e["name"]) for e in gold.get("entities", [])},
                "labels": {
                    (_key(x["entity"]), x["label"], x.get("qualifier"))
                    for x in gold.get("labels", [])
                },
                "figures": {
                    _figure(f["kind"], f["value"], f.get("unit"))
                    for f in gold.get("figures", [])
                },
            }
            for task in ("entities", "labels", "figures"):
                misses[task] = _compare(predicted[task], expected[task], totals[task])
        if gold_quotes is not None:
            misses["quotes"] = _compare_quotes(
                extraction,
                names,
                gold_quotes.get("quotes", []),
                totals["quotes"],
                attribution,
            )
        articles[stem] = misses
    scores: dict = {task: _scores(totals[task]) for task in TASKS}
    scores["attribution"] = {
        "accuracy": attribution["right"] / attribution["total"]
        if attribution["total"]
        else None,
        "right": attribution["right"],
        "total": attribution["total"],
    }
    scores["articles"] = articles
    return scores


def _articles(root: Path):
    """(stem, raw text) of every annotated article: fixtures first, then the seeds."""
    seen = set()
    for path in sorted((root / "articles").glob("*.txt")):
        seen.add(path.stem)
        yield path.stem, path.read_text(encoding="utf-8")
    corpus = resources.files("datasette_newsvisits").joinpath("data/corpus")
    for path in sorted((root / "annotations").glob("*.json")):
        stem = path.name.split(".")[0]
        if stem in seen:
            continue
        seen.add(stem)
        source = corpus.joinpath(f"{stem}.txt")
        if source.is_file():
            yield stem, source.read_text(encoding="utf-8")


def _read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _key(name: str | None) -> str | None:
    return name_key(name) if name else None


def _figure(kind: str, value, unit):
    number = None if value is None else float(f"{float(value):.10g}")
    return (kind, number, unit if kind in ("money", "percent") else None)


def _compare(predicted: set, expected: set, total: Counter) -> dict:
    total["tp"] += len(predicted & expected)
    total["fp"] += len(predicted - expected)
    total["fn"] += len(expected - predicted)
    return {
        "false_positives": sorted(predicted - expected, key=str),
        "false_negatives": sorted(expected - predicted, key=str),
    }


def _overlap(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    return common / max(len(a), len(b))


def _compare_quotes(
    extraction, names, gold, total: Counter, attribution: Counter
) -> dict:
    found = [(q, words(q.text)) for q in extraction.quotes]
    unmatched = list(range(len(found)))
    missed, wrong = [], []
    for item in gold:
        expected = words(item["text"])
        best = max(
            unmatched, key=lambda i: _overlap(expected, found[i][1]), default=None
        )
        if best is None or _overlap(expected, found[best][1]) < QUOTE_OVERLAP:
            missed.append(item["text"])
            continue
        unmatched.remove(best)
        total["tp"] += 1
        if item.get("kind", "speech") == "speech":
            quote = found[best][0]
            speaker = names.get(quote.speaker_id) if quote.speaker_id else None
            attribution["total"] += 1
            if _key(speaker) == _key(item.get("speaker")):
                attribution["right"] += 1
            else:
                wrong.append(
                    f"{item['text']!r}: {speaker!r}, not {item.get('speaker')!r}"
                )
    total["fn"] += len(missed)
    total["fp"] += len(unmatched)
    return {
        "false_positives": [found[i][0].text for i in unmatched],
        "false_negatives": missed,
        "wrong_speaker": wrong,
    }


def _scores(total: Counter) -> dict:
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    if tp + fp + fn == 0:
        return {
            "precision": None,
            "recall": None,
            "f1": None,
            "tp": 0,
            "fp": 0,
            "fn": 0,
        }
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def report(scores: dict) -> str:
    """The scores as a table, then each article's misses."""
    lines = [
        f"{'task':<12}{'precision':>10}{'recall':>10}{'f1':>8}{'tp':>6}{'fp':>5}{'fn':>5}"
    ]
    for task in TASKS:
        s = scores[task]
        if s["f1"] is None:
            lines.append(f"{task:<12}{'(no annotations)':>30}")
            continue
        lines.append(
            f"{task:<12}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>8.3f}"
            f"{s['tp']:>6}{s['fp']:>5}{s['fn']:>5}"
        )
    a = scores["attribution"]
    if a["accuracy"] is not None:
        lines.append(
            f"{'attribution':<12}{a['accuracy']:>10.3f}  ({a['right']}/{a['total']} speech quotes)"
        )
    for stem, misses in scores["articles"].items():
        shown = [(task, m) for task, m in misses.items() if any(m.values())]
        if not shown:
            continue
        lines.append(f"\n{stem}")
        for task, m in shown:
            for kind, items in (
                ("+", m["false_positives"]),
                ("-", m["false_negatives"]),
                ("!", m.get("wrong_speaker", [])),
            ):
                for item in items:
                    lines.append(f"  {task:<9}{kind} {item}")
    lines.append("\n(+ found, not annotated; - annotated, not found; ! wrong speaker)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the scores and misses for the fixtures directory given (or the default)."""
    argv = sys.argv[1:] if argv is None else argv
    print(report(evaluate(argv[0] if argv else None)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
