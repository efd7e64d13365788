"""Read input files (.txt, .html, .jsonl, .csv) into RawArticle records.

Reading never raises on bad input: it yields an ``InputError`` naming the file (and
row) and the problem, and goes on with the rest.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
ROW_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | ROW_SUFFIXES
SIDECAR_NAMES = {"manifest.json"}

# Column names of common exports, mapped to ours (first match wins).
FIELD_ALIASES = {
    "text": ["text", "body", "content", "article_text", "full_text", "story_text"],
    "title": ["title", "headline"],
    "url": ["url", "link", "canonical_url", "sourceurl", "source_url"],
    "published": [
        "published",
        "publish_date",
        "published_at",
        "date",
        "pub_date",
        "seendate",
    ],
    "outlet": ["outlet", "media_name", "source_name", "publisher", "site_name"],
    "id": ["id", "stories_id", "article_id", "guid"],
}

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TEXT_CHARS = 2_000_000


@dataclass
class RawArticle:
    """One article as read from its input, before cleaning."""

    source: str
    text: str
    format: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    extra: dict = field(default_factory=dict)

    def origin(self, name: str) -> str:
        """Where a field's value came from, for the evidence: the manifest or the file."""
        if name in self.extra.get("from_manifest", ()):
            return "manifest.json"
        return f"{self.format} field"

    @property
    def content_hash(self) -> str:
        """A hash of everything read for this article: unchanged input, same hash."""
        payload = json.dumps(
            [self.text, self.title, self.url, self.published, self.outlet],
            ensure_ascii=False,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class InputError:
    """An input that could not be read: reported and skipped."""

    source: str
    problem: str

    def __str__(self) -> str:
        return f"{self.source}: {self.problem}"


def iter_input_files(paths: list[Path]) -> Iterator[tuple[Path, str]]:
    """Yield (file, source name) for each input file; directories are walked recursively.

    A file given directly is named by its file name; a file found in a directory by its
    path relative to that directory.
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and child.suffix.lower() in SUPPORTED_SUFFIXES
                    and child.name not in SIDECAR_NAMES
                    and not any(part.startswith(".") for part in child.parts)
                ):
                    yield child, child.relative_to(path).as_posix()
        else:
            yield path, path.name


def count_articles_hint(paths: list[Path]) -> int | None:
    """Number of files to read, for a progress bar (None when rows files make it unknown)."""
    total = 0
    for file, _ in iter_input_files(paths):
        if file.suffix.lower() in ROW_SUFFIXES:
            return None
        total += 1
    return total


def read_inputs(paths: list[Path]) -> Iterator[RawArticle | InputError]:
    """Read every input path into RawArticles, yielding an InputError for each bad one.

    A ``manifest.json`` beside the files of a directory supplies what is known about
    each file (outlet, title, published, url), as the bundled corpus does.
    """
    manifests: dict[Path, dict] = {}
    for file, source in iter_input_files(paths):
        known = _manifest_entry(file, manifests)
        for item in read_file(file, source):
            if isinstance(item, RawArticle) and known:
                for name in ("title", "url", "published", "outlet"):
                    if known.get(name) and not getattr(item, name):
                        setattr(item, name, known[name])
                        item.extra.setdefault("from_manifest", []).append(name)
            yield item


def load_manifest(directory: Path) -> dict[str, dict]:
    """The per-file metadata of a directory's ``manifest.json`` (empty when absent)."""
    path = Path(directory) / "manifest.json"
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {entry["file"]: entry for entry in data.get("articles", [])}


def _manifest_entry(file: Path, cache: dict[Path, dict]) -> dict | None:
    directory = file.parent
    if directory not in cache:
        try:
            cache[directory] = load_manifest(directory)
        except (OSError, ValueError, KeyError, TypeError):
            cache[directory] = {}
    return cache[directory].get(file.name)


def read_file(file: Path, source: str) -> Iterator[RawArticle | InputError]:
    """Read one file (any supported format)."""
    suffix = file.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield InputError(source, f"unsupported file type {suffix or '(none)'!r}")
        return
    try:
        if not file.exists():
            yield InputError(source, "no such file")
            return
        if file.stat().st_size > MAX_FILE_BYTES and suffix not in ROW_SUFFIXES:
            yield InputError(source, f"file is larger than {MAX_FILE_BYTES} bytes")
            return
        if suffix in ROW_SUFFIXES:
            yield from _read_rows(file, source, suffix)
            return
        text = _decode(file.read_bytes())
    except (OSError, UnicodeDecodeError, ValueError) as error:
        yield InputError(source, _describe_error(error))
        return
    if suffix in HTML_SUFFIXES:
        yield _from_html(text, source)
    else:
        yield _checked(RawArticle(source=source, text=text, format="txt"))


def _describe_error(error: Exception) -> str:
    if isinstance(error, UnicodeDecodeError):
        return f"not UTF-8 text (invalid byte at position {error.start})"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return str(error) or error.__class__.__name__


def _decode(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8")


def _checked(article: RawArticle) -> RawArticle | InputError:
    if not article.text or not article.text.strip():
        return InputError(article.source, "empty: no article text")
    if len(article.text) > MAX_TEXT_CHARS:
        return InputError(
            article.source, f"text longer than {MAX_TEXT_CHARS} characters"
        )
    return article


def _from_html(html: str, source: str) -> RawArticle | InputError:
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False
        )
    except ImportError:
        raise  # a broken installation, not a bad page: fail loudly, once
    except Exception as error:  # noqa: BLE001 - trafilatura raises many kinds
        return InputError(source, f"could not parse HTML ({error})")
    if document is None:
        return InputError(source, "no article text found in the HTML")
    data = document if isinstance(document, dict) else document.as_dict()
    return _checked(
        RawArticle(
            source=source,
            text=data.get("text") or "",
            format="html",
            title=data.get("title") or None,
            url=data.get("url") or None,
            published=data.get("date") or None,
            outlet=data.get("sitename") or None,
        )
    )


def _read_rows(
    file: Path, source: str, suffix: str
) -> Iterator[RawArticle | InputError]:
    """Rows of a JSONL or CSV file, streamed: memory does not grow with the file."""
    rows = _csv_rows(file) if suffix == ".csv" else _jsonl_rows(file)
    seen_ids: set[str] = set()
    for number, row in rows:
        if isinstance(row, str):
            yield InputError(f"{source}#{number}", row)
            continue
        yield _from_row(row, source, number, seen_ids)


def _jsonl_rows(file: Path) -> Iterator[tuple[int, dict | str]]:
    with file.open("rb") as handle:
        for number, data in enumerate(handle, start=1):
            if number == 1:
                if b"\x00" in data[:8192]:
                    raise ValueError("binary file (contains NUL bytes)")
                data = data.removeprefix(b"\xef\xbb\xbf")
            try:
                line = data.decode("utf-8")
            except UnicodeDecodeError as error:
                yield number, f"not UTF-8 text (invalid byte at position {error.start})"
                continue
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                yield (
                    number,
                    f"malformed JSON line ({error.msg} at column {error.colno})",
                )
                continue
            if not isinstance(row, dict):
                yield number, "JSON line is not an object"
                continue
            yield number, row


def _csv_rows(file: Path) -> Iterator[tuple[int, dict | str]]:
    csv.field_size_limit(MAX_TEXT_CHARS * 2)
    with file.open("rb") as probe:
        if b"\x00" in probe.read(8192):
            raise ValueError("binary file (contains NUL bytes)")
    with file.open(encoding="utf-8-sig", newline="") as handle:
        yield from _csv_records(csv.reader(handle))


def _csv_records(reader) -> Iterator[tuple[int, dict | str]]:
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as error:
        yield 1, f"malformed CSV header ({error})"
        return
    header = [h.strip().lstrip("\ufeff") for h in header]
    number = 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            number += 1
            yield number, f"malformed CSV row ({error})"
            continue
        number += 1
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            yield (
                number,
                f"malformed CSV row ({len(values)} fields, header has {len(header)})",
            )
            continue
        yield number, dict(zip(header, values))


def _field(row: dict, name: str) -> str | None:
    lowered = {str(k).lower(): v for k, v in row.items()}
    for key in FIELD_ALIASES[name]:
        value = lowered.get(key)
        if value not in (None, ""):
            return str(value)
    return None


def _from_row(
    row: dict, source: str, number: int, seen_ids: set[str]
) -> RawArticle | InputError:
    row_id = _field(row, "id")
    if row_id is None or row_id in seen_ids:
        row_source = f"{source}#{number}"
    else:
        row_source = f"{source}#{row_id}"
        seen_ids.add(row_id)
    text = _field(row, "text")
    if text is None:
        return InputError(row_source, "row has no text")
    return _checked(
        RawArticle(
            source=row_source,
            text=text,
            format=source.rsplit(".", 1)[-1].lower(),
            title=_field(row, "title"),
            url=_field(row, "url"),
            published=_field(row, "published"),
            outlet=_field(row, "outlet"),
        )
    )
