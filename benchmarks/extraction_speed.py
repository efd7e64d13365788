"""Words per second of extraction on the fixture and seed texts, or on a folder of
real pages, repeated.

Usage: python benchmarks/extraction_speed.py [--seconds 10] [--articles DIR]

``--articles DIR`` reads every ``*.txt`` in DIR instead (the real development set:
``--articles ../shared/realdev/articles``); issue 11 asks for at least 60,000 words/s
per core there.

Texts are cleaned once up front (cleaning is measured elsewhere); the loop then runs
``extract_all`` over them until the time is up, in one process, and prints words/s
overall and per part: making the document (quotations and sentences, read once and
shared) and each step over a document made beforehand. Each figure is given by the
clock and by the process's CPU time: on a machine other work shares, the second is the
one to compare.
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


def texts(folder: Path | None = None) -> list[str]:
    """Cleaned fixture articles and seeds, or the cleaned ``*.txt`` of ``folder``."""
    if folder is not None:
        return [
            clean_text(p.read_text(encoding="utf-8")).text
            for p in sorted(folder.glob("*.txt"))
        ]
    paths = sorted((FIXTURES / "articles").glob("*.txt"))
    corpus = resources.files("datasette_newsvisits").joinpath("data/corpus")
    raw = [p.read_text(encoding="utf-8") for p in paths]
    raw += [
        f.read_text(encoding="utf-8")
        for f in corpus.iterdir()
        if f.name.endswith(".txt")
    ]
    return [clean_text(r).text for r in raw]


def rate(step, articles, words, seconds) -> tuple[float, float]:
    """Words per second of ``step`` over ``articles``, repeated for ``seconds``:
    by the clock, and by the process's CPU time (steadier on a shared machine)."""
    done = 0
    started, cpu = time.perf_counter(), time.process_time()
    while time.perf_counter() - started < seconds:
        for article in articles:
            step(article)
        done += words
    return (
        done / (time.perf_counter() - started),
        done / (time.process_time() - cpu),
    )


def line(name: str, speeds: tuple[float, float]) -> str:
    """One printed row: the name, words/s by the clock and by CPU time."""
    return f"{name:<12} {speeds[0]:>10,.0f} words/s  ({speeds[1]:,.0f} by CPU time)"


def main() -> None:
    """Print the words/s of extract_all, of making the document and of each step."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--articles", type=Path, help="a folder of *.txt pages")
    args = parser.parse_args()
    gazetteer = load_gazetteer()
    articles = texts(args.articles)
    words = sum(len(a.split()) for a in articles)
    extract_all(articles[0], gazetteer)  # build the automaton outside the timing
    print(f"{len(articles)} articles, {words} words, {args.seconds:g} s per step")
    overall = rate(lambda a: extract_all(a, gazetteer), articles, words, args.seconds)
    print(line("extract_all", overall))
    # each step runs over a document that has what it reads, made beforehand
    bare = {a: Document(a, gazetteer) for a in articles}
    read = {a: read_article(a, gazetteer) for a in articles}
    prepared = {
        a: with_entities(a, doc.entities, list(doc.mentions)) for a, doc in read.items()
    }
    steps = {"  document": lambda a: Document(a, gazetteer)}
    for step in STEPS:
        docs = bare if step.name == "entities" else prepared
        steps[f"  {step.name}"] = lambda a, run=step.run, docs=docs: run(docs[a])
    for name, step in steps.items():
        print(line(name, rate(step, articles, words, args.seconds / 4)))


if __name__ == "__main__":
    main()
