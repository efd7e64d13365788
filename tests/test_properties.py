"""Property-based tests: random bytes, random JSON and CSV shapes and random file trees
fed to the readers and the loader.

Whatever the input: no exception escapes, each problem is one line naming a path, every
input file is either loaded or named in a problem, the database stays whole (integrity,
foreign keys, full-text index in step, no empty article) and the summary's counts are
the rows stored. CI runs a fixed, bounded set of examples (``derandomize``); set
``NEWSVISITS_HYPOTHESIS=thorough`` for a longer random search.
"""

import codecs
import csv
import io
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from load_helpers import check_database

from datasette_newsvisits.ingest.raw import InputError, RawArticle
from datasette_newsvisits.ingest.read import read_inputs
from datasette_newsvisits.ingest.walk import SIDECAR_NAMES, SUPPORTED_SUFFIXES
from datasette_newsvisits.load.loader import load

settings.register_profile(
    "ci",
    max_examples=60,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "thorough", max_examples=500, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("NEWSVISITS_HYPOTHESIS", "ci"))

SENTENCES = [
    "Alexander Lukashenko arrived in Beijing on Tuesday for a state visit.",
    '"We are reliable partners," Lukashenko told Xi Jinping.',
    "Trade between Belarus and China rose by 33 percent to five billion dollars.",
    "The two leaders signed 16 agreements, the Chinese foreign ministry said.",
    "Photo: Reuters",
    "Read more",
    "Lukashenko lands in Beijing",
    "Лукашенко прибыл в Пекин с визитом.",
    "Łukaszenka spotkał się z Xi w Pekinie.",
]
CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1251", "koi8-r", "latin-1"]

stories = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6).map("\n".join)
texts = st.one_of(stories, st.text(max_size=200))


@st.composite
def encoded(draw, text_strategy=texts) -> bytes:
    """A text in a random encoding, or random bytes."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=300))
    text = draw(text_strategy)
    codec = draw(st.sampled_from(CODECS))
    return text.encode(codec, errors="replace")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
row_keys = st.sampled_from(
    ["id", "text", "body", "title", "url", "published", "outlet", "x"]
)


@st.composite
def jsonl(draw) -> bytes:
    """JSON lines: objects of article-like fields, other JSON values, and garbage."""
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 5))
        if kind <= 2:
            row = draw(st.dictionaries(row_keys, json_values | texts, max_size=5))
            if kind == 0:
                row["text"] = draw(stories)
            lines.append(json.dumps(row, ensure_ascii=draw(st.booleans())))
        elif kind == 3:
            lines.append(json.dumps(draw(json_values)))
        elif kind == 4:
            lines.append(
                draw(st.sampled_from(['{"text": "\\ud83d"}', "[" * 5000, "{oops", ""]))
            )
        else:
            lines.append(draw(st.text(max_size=40)).replace("\n", " "))
    data = "\n".join(lines).encode("utf-8", errors="surrogatepass")
    if draw(st.booleans()):
        data = _corrupt(draw, data)
    return data


@st.composite
def csv_file(draw) -> bytes:
    """A CSV export: a header of known and unknown names, rows of any width."""
    header = draw(st.lists(row_keys, max_size=4, unique=True))
    rows = draw(st.lists(st.lists(texts | st.just(""), max_size=5), max_size=5))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if header or draw(st.booleans()):
        writer.writerow(header)
    writer.writerows(rows)
    data = buffer.getvalue().encode(
        draw(st.sampled_from(["utf-8", "cp1251", "utf-16"])), errors="replace"
    )
    if draw(st.booleans()):
        data = _corrupt(draw, data)
    return data


def _corrupt(draw, data: bytes) -> bytes:
    at = draw(st.integers(0, len(data)))
    return data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]


@st.composite
def html(draw) -> bytes:
    charset = draw(st.sampled_from(["utf-8", "windows-1251", "koi8-r", "bogus"]))
    body = "".join(
        f"<p>{s}</p>" for s in draw(st.lists(st.sampled_from(SENTENCES), max_size=5))
    )
    page = f'<html><head><meta charset="{charset}"></head><body><article>{body}</article></body></html>'
    codec = charset if charset != "bogus" else "utf-8"
    return page.encode(codecs.lookup(codec).name, errors="replace")


CONTENT = {
    ".txt": encoded(),
    ".html": html() | encoded(),
    ".jsonl": jsonl() | encoded(),
    ".csv": csv_file() | encoded(),
    ".md": encoded(),
}
names = st.sampled_from(["a", "b", "dup", ".hidden", "ü", "x y"])


@st.composite
def trees(draw) -> list[tuple[tuple[str, ...], str, bytes | None]]:
    """Files (directory parts, file name, content; None for a broken link)."""
    entries = []
    for _ in range(draw(st.integers(0, 6))):
        parts = tuple(draw(st.lists(names, max_size=2)))
        suffix = draw(st.sampled_from(sorted(CONTENT)))
        name = draw(names) + suffix
        content = None if draw(st.integers(0, 12)) == 0 else draw(CONTENT[suffix])
        entries.append((parts, name, content))
    return entries


def build(root: Path, tree) -> list[str]:
    """Write the tree; return the locations of the files the loader must account for."""
    expected = set()
    for parts, name, content in tree:
        directory = root.joinpath(*parts)
        if directory.exists() and not directory.is_dir():
            continue
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / name
        if path.exists() or path.is_symlink():
            continue
        if content is None:
            path.symlink_to(root / "nowhere")
        else:
            path.write_bytes(content)
        visible = not any(p.startswith(".") for p in (*parts, name))
        if visible and path.suffix in SUPPORTED_SUFFIXES and name not in SIDECAR_NAMES:
            expected.add(str(path))
    return sorted(expected)


def accounted_for(location: str, items) -> bool:
    return any(
        (i.location if isinstance(i, InputError) else i.where).startswith(location)
        for i in items
    )


@given(tree=trees())
def test_reading_any_tree_names_every_file_and_never_raises(tree):
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory) / "corpus"
        root.mkdir()
        expected = build(root, tree)
        items = list(read_inputs([root]))
        for item in items:
            if isinstance(item, InputError):
                assert "\n" not in str(item) and item.location.startswith(str(root))
            else:
                assert isinstance(item, RawArticle) and item.text.strip()
        for location in expected:
            assert accounted_for(location, items), location
        sources = [i.source for i in items if isinstance(i, RawArticle)]
        assert len(sources) == len(set(sources))
        if not expected:
            assert items and isinstance(items[-1], InputError)


@given(tree=trees())
def test_loading_any_tree_keeps_the_database_whole_and_counts_true(tree):
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory) / "corpus"
        root.mkdir()
        build(root, tree)
        db = Path(directory) / "x.db"
        messages = []
        report = load(db, [root], on_error=messages.append)
        assert messages == report.skipped
        assert all("\n" not in m and m.startswith(str(root)) for m in messages)
        stored = check_database(db)
        event(f"articles stored: {min(stored, 3)}, problems: {min(len(messages), 3)}")
        assert (report.new, report.replaced, report.unchanged) == (stored, 0, 0)
        again = load(db, [root])
        assert (again.new, again.replaced, again.unchanged) == (0, 0, stored)
        assert len(again.skipped) == len(report.skipped)
        assert check_database(db) == stored
