"""The slowest call of each SQL function, on the worst inputs at its length cap.

    python benchmarks/sql_functions.py [--runs 5]

Each function is called through SQLite (``select f(?)``) on inputs built to be slow:
ASCII words, one-letter words, accented and Cyrillic letters, characters that NFKD
expands eighteen-fold (U+FDFA), combining marks, and for ``kwic`` a term that matches
almost everywhere before failing at its last character. Every input is as long as the
function's cap allows (``plugin/sqlfunctions.py``). Prints the best-of-runs time of the
slowest input for each function; the last line is ``worst_ms=…``.
"""

from __future__ import annotations

import random
import sqlite3
import time

import click

from datasette_newsvisits.plugin import sqlfunctions as f

rng = random.Random(12)


def shapes(length: int) -> dict[str, str]:
    """Slow-to-process strings of ``length`` characters."""
    words = " ".join(
        rng.choice(["lukashenko", "xi", "beijing", "trade", "minsk", "said"])
        for _ in range(length // 5)
    )
    letters = "ąęłżźćńóśĄĘŁaбвгдеёжзиЙ "
    return {
        "ascii words": words[:length],
        "one-letter words": ("a " * length)[:length],
        "accented and cyrillic": "".join(rng.choice(letters) for _ in range(length)),
        "nfkd x18 (U+FDFA)": ("\ufdfa " * length)[:length],
        "combining marks": ("a\u0301\u0308 " * length)[:length],
    }


def calls() -> dict[str, list[tuple[str, tuple]]]:
    """For each function, (input name, arguments) at its caps."""
    similar = shapes(f.MAX_SIMILARITY)
    kwic_text = shapes(f.MAX_KWIC_TEXT)
    near_miss = ("a " * f.MAX_KWIC_TERM)[: f.MAX_KWIC_TERM - 1] + "b"
    terms = {"near miss": near_miss, "long s": "s", "one letter": "a"}
    return {
        "text_similarity": [(n, (s, s[::-1])) for n, s in similar.items()],
        "quote_key": [(n, (s,)) for n, s in shapes(f.MAX_QUOTE).items()],
        "canonical_entity": [(n, (s,)) for n, s in shapes(f.MAX_NAME).items()],
        "kwic": [
            (f"{n} / {t}", (s, term, f.MAX_WIDTH))
            for n, s in kwic_text.items()
            for t, term in terms.items()
        ],
        "visit_near": [("date", ("2023-02-25" + " " * (f.MAX_DATE - 10), 3660))],
    }


@click.command()
@click.option("--runs", default=5, show_default=True)
def main(runs: int) -> None:
    """Print the slowest call of each SQL function at its caps."""
    conn = sqlite3.connect(":memory:")
    f.register(conn)
    worst_all = 0.0
    for name, cases in calls().items():
        worst, worst_case = 0.0, ""
        for case, args in cases:
            sql = f"select {name}({', '.join('?' for _ in args)})"
            conn.execute(sql, args).fetchone()  # warm the caches
            best = min(_timed(conn, sql, args) for _ in range(runs))
            if best > worst:
                worst, worst_case = best, case
        worst_all = max(worst_all, worst)
        print(f"{name:18} {worst:7.2f} ms  ({worst_case})")
    print(f"worst_ms={worst_all:.2f}")


def _timed(conn, sql, args) -> float:
    started = time.perf_counter()
    conn.execute(sql, args).fetchone()
    return (time.perf_counter() - started) * 1000


if __name__ == "__main__":
    main()
