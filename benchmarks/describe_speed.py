"""Words per second of cleaning and description together, in one process (one core).

Usage: python benchmarks/describe_speed.py [DIR ...] [--seconds 10] [--dateparser]

Pages are read raw (clutter included) from the fixture articles and the bundled seeds,
and from each DIR given (e.g. ../shared/realdev/articles); the loop runs
``clean_text`` then ``describe`` over them, as ``process_article`` does, until the time
is up, and prints words/s for cleaning alone, description alone and the two together.

``--dateparser`` also times the maintained parser ``dateparser`` (a dependency of
trafilatura, installed with the project) reading the same page-header lines the
project's own grammar reads, and prints how many dates each gets right on the pages of
DIR that a gold file beside them dates (realdev format): the comparison behind the
README's choice of parser.
"""

from __future__ import annotations

import argparse
import json
import time
from importlib import resources
from pathlib import Path

from datasette_newsvisits.ingest import steps
from datasette_newsvisits.ingest.clean import clean_text
from datasette_newsvisits.ingest.describe import describe, load_catalogues
from datasette_newsvisits.ingest.read import RawArticle
from datasette_newsvisits.text.dates import parse_date

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "extraction"


def pages(dirs: list[Path]) -> dict[str, str]:
    """Raw page texts by file name: fixtures, seeds, and every .txt in ``dirs``."""
    corpus = Path(str(resources.files("datasette_newsvisits").joinpath("data/corpus")))
    paths = sorted((FIXTURES / "articles").glob("*.txt")) + sorted(corpus.glob("*.txt"))
    for d in dirs:
        paths += sorted(Path(d).glob("*.txt"))
    return {p.name: p.read_text(encoding="utf-8") for p in paths}


def rate(step, items, words: int, seconds: float) -> float:
    done = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        for item in items:
            step(item)
        done += words
    return done / (time.perf_counter() - started)


def header_lines(raw: str) -> list[str]:
    """The lines cleaning sets aside as the page's date stamps, in order."""
    cleaned = clean_text(raw)
    return [r["text"] for r in cleaned.removed if r["step"] in steps.DATE_STEPS]


def compare_dateparser(texts: dict[str, str], dirs: list[Path], seconds: float) -> None:
    import dateparser  # imported here: only this comparison needs it

    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DAY_OF_MONTH": "first",
    }

    def ours(lines):
        return next((d for d in map(parse_date, lines) if d), None)

    def theirs(lines):
        for line in lines:
            found = dateparser.parse(line, settings=settings)
            if found:
                return found.date()
        return None

    gold: dict[str, str | None] = {}
    for d in dirs:
        for g in Path(d).parent.glob("gold/*.json"):
            for name, value in json.loads(g.read_text(encoding="utf-8")).items():
                if name.endswith(".txt") and isinstance(value, dict):
                    gold[name] = value.get("published")
    lines = {name: header_lines(raw) for name, raw in texts.items()}
    count = sum(len(v) for v in lines.values())
    for label, parse in (("own grammar", ours), ("dateparser", theirs)):
        started = time.perf_counter()
        runs = 0
        while time.perf_counter() - started < seconds:
            for v in lines.values():
                parse(v)
            runs += 1
        per_second = runs * count / (time.perf_counter() - started)
        right = sum(
            (str(parse(lines[n])) if parse(lines[n]) else None) == gold[n]
            for n in gold
            if n in lines
        )
        print(
            f"{label:<12} {per_second:>10,.0f} lines/s   published right {right}/{len(gold)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--dateparser", action="store_true")
    args = parser.parse_args()
    catalogues = load_catalogues()
    texts = pages(args.dirs)
    raws = [RawArticle(source=n, text=t, format="txt") for n, t in texts.items()]
    words = sum(len(t.split()) for t in texts.values())
    cleaned = [(raw, clean_text(raw.text)) for raw in raws]
    describe(*cleaned[0], catalogues)  # build the catalogue regexes outside the timing
    share = args.seconds / 3
    clean_rate = rate(lambda r: clean_text(r.text), raws, words, share)
    describe_rate = rate(
        lambda rc: describe(rc[0], rc[1], catalogues), cleaned, words, share
    )
    both = rate(
        lambda r: describe(r, clean_text(r.text), catalogues), raws, words, share
    )
    print(f"{len(raws)} pages, {words:,} words")
    print(f"clean            {clean_rate:>10,.0f} words/s")
    print(f"describe         {describe_rate:>10,.0f} words/s")
    print(f"clean + describe {both:>10,.0f} words/s (one core)")
    if args.dateparser:
        compare_dateparser(texts, args.dirs, share)


if __name__ == "__main__":
    main()
