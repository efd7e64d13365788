"""Words per second of extraction on the fixture and seed texts, repeated.

Usage: python benchmarks/extraction_speed.py [--seconds 10]

Texts are cleaned once up front (cleaning is measured elsewhere); the loop then runs
``extract_all`` over them until the time is up, in one process, and prints words/s
overall and per part: making the document (quotations and sentences, read once and
shared) and each step over a document made beforehand.
"""

from __future__ import annotations

import argparse
import time
from importlib import resources
from pathlib import Path

from datasette_newsvisits.extract import STEPS, extract_all, read_article
from datasette_newsvisits.extract.doc import Document, with_entities
from datasette_newsvisits.extract.gazetteer import load_gazetteer
from datasette_newsvisits.ingest.clean import clean_text

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "extraction"


def texts() -> list[str]:
    """Cleaned fixture articles and seeds."""
    paths = sorted((FIXTURES / "articles").glob("*.txt"))
    corpus = resources.files("datasette_newsvisits").joinpath("data/corpus")
    raw = [p.read_text(encoding="utf-8") for p in paths]
    raw += [
        f.read_text(encoding="utf-8")
        for f in corpus.iterdir()
        if f.name.endswith(".txt")
    ]
    return [clean_text(r).text for r in raw]


def rate(step, articles, words, seconds) -> float:
    """Words per second of ``step`` over ``articles``, repeated for ``seconds``."""
    done = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        for article in articles:
            step(article)
        done += words
    return done / (time.perf_counter() - started)


def main() -> None:
    """Print the words/s of extract_all, of making the document and of each step."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    gazetteer = load_gazetteer()
    articles = texts()
    words = sum(len(a.split()) for a in articles)
    extract_all(articles[0], gazetteer)  # build the automaton outside the timing
    # each step runs over a document that has what it reads, made beforehand
    bare = {a: Document(a, gazetteer) for a in articles}
    read = {a: read_article(a, gazetteer) for a in articles}
    prepared = {
        a: with_entities(a, doc.entities, list(doc.mentions)) for a, doc in read.items()
    }
    steps = {
        "extract_all": lambda a: extract_all(a, gazetteer),
        "  document": lambda a: Document(a, gazetteer),
    }
    for step in STEPS:
        docs = bare if step.name == "entities" else prepared
        steps[f"  {step.name}"] = lambda a, run=step.run, docs=docs: run(docs[a])
    print(f"{len(articles)} articles, {words} words, {args.seconds:g} s per step")
    for name, step in steps.items():
        seconds = args.seconds if name == "extract_all" else args.seconds / 4
        print(f"{name:<12} {rate(step, articles, words, seconds):>10,.0f} words/s")


if __name__ == "__main__":
    main()
