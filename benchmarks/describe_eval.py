"""How well articles are described (outlet, published, title, visit, agencies, cleaning)
on an annotated set of real pages, with the misses of each article.

Run ``python benchmarks/describe_eval.py ARTICLES_DIR GOLD_JSON [--visits FILE]
[--misses]``. The set is in the format of ``../shared/realdev``: a directory of
captured pages and a gold file whose keys are file names, each with ``outlet``
(acceptable names or domains, ``[]`` = not knowable), ``outlet_also_ok``,
``outlet_null_ok``, ``published`` (+ ``published_also_ok``), ``title``,
``visit_start`` (+ ``visit_start_alt``; null = about no visit), ``agencies``
(+ ``agencies_optional``), ``must_keep`` and ``must_drop`` (strings the cleaned text
must and must not contain). The pages are loaded with the real loader (``load()``)
into a temporary database, with the catalogue given by ``--visits``; the figures are
read back from that database, as a user would see them.

For example, the figures in the README:

    python benchmarks/describe_eval.py ../shared/realdev/articles \\
        ../shared/realdev/gold/heldout.json --visits ../shared/realdev/visits.json
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
import tempfile
import unicodedata
from pathlib import Path

from datasette_newsvisits.load.loader import load
from datasette_newsvisits.text.fold import fold

FIELDS = ("outlet", "published", "title", "visit", "agencies", "cleaning")
_DASHES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'",
                         "’": "'", "–": "-", "—": "-"})  # fmt: skip


def evaluate(articles: Path, gold_path: Path, visit_files=()) -> dict:
    """Load ``articles`` and compare each gold article's description with its gold.

    Returns ``{"figures": {field: …}, "misses": {file: [what went wrong, …]}}``.
    """
    gold = {
        k: v
        for k, v in json.loads(gold_path.read_text(encoding="utf-8")).items()
        if k.endswith(".txt") and isinstance(v, dict)
    }
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "eval.db"
        load(
            db,
            [articles.resolve()],
            visit_files=[Path(f).resolve() for f in visit_files],
        )
        rows = _rows(db)
    tally = {f: [0, 0] for f in ("outlet", "published", "title", "visit")}
    agencies = [0, 0, 0]  # tp, fp, fn
    keep, drop = [0, 0], [0, 0]
    misses: dict[str, list[str]] = {}
    for name, g in gold.items():
        row = rows.get(name)
        if row is None:  # a page the loader skipped is wrong on every field
            misses[name] = ["not loaded"]
            for counts in tally.values():
                counts[1] += 1
            agencies[2] += len(g.get("agencies", []))
            keep[1] += len(g.get("must_keep", []))
            drop[1] += len(g.get("must_drop", []))
            continue
        wrong = misses.setdefault(name, [])
        for field, ok, shown in [
            ("outlet", _outlet_ok(row, g), row["outlet"]),
            ("published", _published_ok(row["published"], g), row["published"]),
            ("title", _text(row["title"]) == _text(g.get("title")), row["title"]),
            ("visit", _visit_ok(row["visit_start"], g), row["visit_start"]),
        ]:
            tally[field][0] += ok
            tally[field][1] += 1
            if not ok:
                wrong.append(f"{field}: got {shown!r}")
        got = {_agency(a) for a in json.loads(row["agencies"] or "[]")}
        want = {_agency(a) for a in g.get("agencies", [])}
        optional = {_agency(a) for a in g.get("agencies_optional", [])}
        agencies[0] += len(got & want)
        agencies[1] += len(got - want - optional)
        agencies[2] += len(want - got)
        if want - got or got - want - optional:
            wrong.append(
                f"agencies: missed {sorted(want - got)}, extra {sorted(got - want - optional)}"
            )
        text = _text(row["text"])
        for s in g.get("must_keep", []):
            kept = _text(s) in text
            keep[0] += kept
            keep[1] += 1
            if not kept:
                wrong.append(f"cleaning: lost {s[:60]!r}")
        for s in g.get("must_drop", []):
            dropped = _text(s) not in text
            drop[0] += dropped
            drop[1] += 1
            if not dropped:
                wrong.append(f"cleaning: kept {s[:60]!r}")
    figures = {f: _share(*tally[f]) for f in tally}
    tp, fp, fn = agencies
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    figures["agencies"] = {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(2 * precision * recall / (precision + recall), 3) if tp else 0.0,
    }
    figures["cleaning"] = {"removed": _share(*drop), "kept": _share(*keep)}
    return {"figures": figures, "misses": {k: v for k, v in misses.items() if v}}


def _rows(db: Path) -> dict[str, dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = conn.execute(
        """select a.source, a.published, a.title, a.agencies, a.text,
                  o.id as outlet, o.name as outlet_name, o.domain as outlet_domain,
                  v.start_date as visit_start
           from articles a left join outlets o on o.id = a.outlet_id
           left join visits v on v.id = a.visit_id"""
    ).fetchall()
    conn.close()
    return {Path(r["source"]).name: dict(r) for r in rows}


def _share(right: int, total: int) -> dict:
    return {
        "right": right,
        "of": total,
        "share": round(right / total, 3) if total else 1.0,
    }


def _key(name) -> str:
    return re.sub(r"[^0-9a-z]+", "", fold(str(name or "")))


def _outlet_ok(row: dict, g: dict) -> bool:
    named = [row["outlet"], row["outlet_name"], row["outlet_domain"]]
    named = [n for n in named if n]
    if not named:
        return not g.get("outlet") or bool(g.get("outlet_null_ok"))
    accepted = list(g.get("outlet", [])) + list(g.get("outlet_also_ok", []))
    for a in accepted:
        for n in named:
            domain = str(n).lower().removeprefix("www.")
            if _key(a) == _key(n) or (
                "." in a and (domain == a or domain.endswith("." + a))
            ):
                return True
    return False


def _published_ok(published, g: dict) -> bool:
    value = (published or "")[:10] or None
    return value == g.get("published") or (
        value is not None and value in g.get("published_also_ok", [])
    )


def _visit_ok(start, g: dict) -> bool:
    if g.get("visit_start") is None:
        return start is None
    return start is not None and (
        start == g["visit_start"] or start in g.get("visit_start_alt", [])
    )


def _agency(name: str) -> str:
    """An agency's name, compared loosely ("Agence France-Presse" is "afp")."""
    key = " ".join(re.findall(r"[0-9a-z]+", fold(name.replace("-", " "))))
    long_names = {"agence france presse": "afp", "associated press": "ap",
                  "the associated press": "ap", "xinhua news agency": "xinhua",
                  "itar tass": "tass", "deutsche presse agentur": "dpa",
                  "kyodo news": "kyodo", "china central television": "cctv"}  # fmt: skip
    return long_names.get(key, key)


def _text(value) -> str | None:
    """Unicode-normalized, quotes and dashes unified, spaces collapsed."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", str(value)).translate(_DASHES)
    return re.sub(r"\s+", " ", text).strip() or None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--visits", action="append", default=[])
    parser.add_argument(
        "--misses", action="store_true", help="list each article's misses"
    )
    args = parser.parse_args(argv)
    result = evaluate(args.articles, args.gold, args.visits)
    f = result["figures"]
    for field in ("outlet", "published", "title", "visit"):
        print(
            f"{field:<10} {f[field]['share']:.3f}  ({f[field]['right']}/{f[field]['of']})"
        )
    a = f["agencies"]
    print(
        f"{'agencies':<10} F1 {a['f1']:.3f}  (P {a['precision']:.3f} R {a['recall']:.3f})"
    )
    c = f["cleaning"]
    print(
        f"{'cleaning':<10} removed {c['removed']['share']:.3f} ({c['removed']['right']}/{c['removed']['of']}),"
        f" kept {c['kept']['share']:.3f} ({c['kept']['right']}/{c['kept']['of']})"
    )
    if args.misses:
        for name, wrong in sorted(result["misses"].items()):
            print(f"--- {name}")
            for line in wrong:
                print(f"    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
