"""Rows of JSONL and CSV exports, streamed: one article per row, one error per bad row.

The file's encoding is read from a byte-order mark, else taken to be UTF-8 when most of
the first megabyte's non-ASCII lines are UTF-8, else detected (charset-normalizer) from
that sample. Lines are then decoded one at a time, so a bad byte, a malformed line or
an over-long number costs that row only. A row is named ``<file>#id=<id>`` when it has
an id that no earlier row of the file had, else ``<file>#line=<n>``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator

from .decode import NotText, bom_encoding, detect_codec
from .raw import MAX_TEXT_CHARS, InputError, RawArticle, unreadable, vet
from .walk import InputFile

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
TEXT_KEYS = set(FIELD_ALIASES["text"])
SAMPLE_BYTES = 1 << 20
MAX_LINE_BYTES = 16 * 1024 * 1024
MAX_ID_CHARS = 200
SURROGATE = re.compile("[\ud800-\udfff]")


def read_rows(file: InputFile) -> Iterator[RawArticle | InputError]:
    """Each row of a JSONL or CSV file as a RawArticle, or an InputError naming it."""
    try:
        codec, skip, label = _encoding(file.path)
    except (NotText, OSError) as error:
        yield unreadable(file.location, error)
        return
    csv.field_size_limit(MAX_TEXT_CHARS * 2)
    lines = _lines(file, codec, skip)
    is_csv = file.suffix == ".csv"
    records = _csv_records(lines) if is_csv else _jsonl_records(lines)
    seen_ids: set[str] = set()
    rows = 0
    try:
        for line, number, row in records:
            rows += 1
            if isinstance(row, str):
                yield InputError(f"{file.location}:{line}", row)
                continue
            yield _article(row, file, line, number, seen_ids, label)
    except OSError as error:
        yield unreadable(file.location, error)
        return
    except _FileProblem as problem:
        yield InputError(file.location, str(problem))
        return
    if not rows:
        yield InputError(file.location, "empty: no rows")


class _FileProblem(Exception):
    """A problem with the file as a whole (no header, no text column…)."""


def _encoding(path) -> tuple[str, int, str]:
    """(codec, bytes of byte-order mark to skip, label for article_sources)."""
    with open(path, "rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    found = bom_encoding(sample)
    if found:
        return found[0], found[1], f"{found[0]} (BOM)"
    if b"\x00" in sample[:8192]:
        raise NotText("binary file (contains NUL bytes)")
    if _mostly_utf8(sample, complete=len(sample) < SAMPLE_BYTES):
        return "utf-8", 0, "utf-8"
    codec = detect_codec(sample)
    if codec is None or codec.startswith(("utf-8", "utf-16", "utf-32")):
        raise NotText("not UTF-8 text, and no other encoding could be detected")
    return codec, 0, f"{codec} (detected)"


def _mostly_utf8(sample: bytes, complete: bool) -> bool:
    """Whether most lines with non-ASCII bytes are UTF-8 (then the others are errors)."""
    lines = sample.split(b"\n")
    if not complete:
        lines = lines[:-1]  # cut by the sample's end
    valid = invalid = 0
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            valid += 1
        except UnicodeDecodeError:
            invalid += 1
    return valid >= invalid


def _lines(file: InputFile, codec: str, skip: int) -> Iterator[tuple[int, str, str]]:
    """(line number, text, problem or '') for each line of the file."""
    if codec.startswith(("utf-16", "utf-32")):
        yield from _wide_lines(file, codec, skip)
        return
    with open(file.path, "rb") as handle:
        handle.seek(skip)
        number = 0
        while data := handle.readline(MAX_LINE_BYTES + 1):
            number += 1
            if len(data) > MAX_LINE_BYTES and not data.endswith(b"\n"):
                while (rest := handle.readline(MAX_LINE_BYTES)) and not rest.endswith(
                    b"\n"
                ):
                    pass
                yield number, "\n", f"line longer than {MAX_LINE_BYTES} bytes"
                continue
            try:
                yield number, data.decode(codec), ""
            except UnicodeDecodeError as error:
                problem = (
                    f"not {_name(codec)} text (invalid byte at position {error.start})"
                )
                yield number, data.decode(codec, errors="surrogateescape"), problem


def _wide_lines(
    file: InputFile, codec: str, skip: int
) -> Iterator[tuple[int, str, str]]:
    with open(file.path, "rb") as raw:
        raw.seek(skip)
        text = io.TextIOWrapper(raw, encoding=codec, newline="")
        number = 0
        try:
            for line in text:
                number += 1
                yield number, line, ""
        except UnicodeDecodeError:
            raise _FileProblem(
                f"not valid {_name(codec)} text after line {number}: "
                "the rest of the file is not read"
            ) from None


def _jsonl_records(lines) -> Iterator[tuple[int, int, dict | str]]:
    for number, text, problem in lines:
        if problem:
            yield number, number, problem
            continue
        if not text.strip():
            continue
        yield number, number, _json_object(text)


def _json_object(text: str) -> dict | str:
    try:
        row = json.loads(text)
    except json.JSONDecodeError as error:
        return f"malformed JSON line ({error.msg} at column {error.colno})"
    except RecursionError:
        return "malformed JSON line (nested too deeply)"
    except ValueError:
        return "malformed JSON line (a number with more digits than Python reads)"
    if not isinstance(row, dict):
        return "JSON line is not an object"
    return row


def _csv_records(lines) -> Iterator[tuple[int, int, dict | str]]:
    """(first line, record number, row or problem) of each CSV record after the header."""
    problems: dict[int, str] = {}  # line number -> why it could not be decoded

    def texts():
        for number, text, problem in lines:
            if problem:
                problems[number] = problem
            yield text

    reader = csv.reader(texts())
    header = _csv_header(reader)
    if not TEXT_KEYS & {h.lower() for h in header}:
        raise _FileProblem(f"no text column (columns: {', '.join(header)[:200]})")
    record, rows, last_line = 1, 0, reader.line_num
    while True:
        start = last_line + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            record, last_line, rows = record + 1, reader.line_num, rows + 1
            yield start, record, f"malformed CSV row ({error})"
            continue
        record, last_line = record + 1, reader.line_num
        spanned = [n for n in range(start, last_line + 1) if n in problems]
        if not spanned and not any(v.strip() for v in values):
            continue
        rows += 1
        if spanned:
            yield start, record, problems[spanned[0]]
            continue
        if len(values) != len(header):
            yield (
                start,
                record,
                f"malformed CSV row ({len(values)} fields, header has {len(header)})",
            )
            continue
        yield start, record, dict(zip(header, values))
    if not rows:
        raise _FileProblem("only a header, no rows")


def _csv_header(reader) -> list[str]:
    try:
        header = next(reader)
    except StopIteration:
        raise _FileProblem("empty: no rows") from None
    except csv.Error as error:
        raise _FileProblem(f"malformed CSV header ({error})") from None
    return [h.strip().lstrip("\ufeff") for h in header]


def _article(
    row: dict, file: InputFile, line: int, number: int, seen_ids: set, label: str
) -> RawArticle | InputError:
    location = f"{file.location}:{line}"
    fields = {str(k).lower(): v for k, v in row.items()}
    row_id = _value(fields, "id")
    if row_id is not None and row_id not in seen_ids and len(row_id) <= MAX_ID_CHARS:
        seen_ids.add(row_id)
        key, legacy_key = f"id={row_id}", row_id
    else:
        key, legacy_key = f"line={line}", str(number)
    text = next(
        (fields[k] for k in FIELD_ALIASES["text"] if fields.get(k) not in (None, "")),
        None,
    )
    if text is None:
        return InputError(location, "row has no text")
    if not isinstance(text, str):
        return InputError(location, f"text is {_kind(text)}, not a string")
    values = {
        name: _value(fields, name) for name in ("title", "url", "published", "outlet")
    }
    for value in (text, row_id, *values.values()):
        if value is not None and SURROGATE.search(value):
            return InputError(
                location, "contains an unpaired surrogate escape (not valid Unicode)"
            )
    return vet(
        RawArticle(
            source=f"{file.source}#{key}",
            text=text,
            format=file.suffix.lstrip("."),
            location=location,
            encoding=label,
            legacy_source=f"{file.legacy}#{legacy_key}",
            **values,
        )
    )


def _value(fields: dict, name: str) -> str | None:
    """The first of a field's names with a string or number in the row, as a string."""
    for key in FIELD_ALIASES[name]:
        value = fields.get(key)
        if isinstance(value, str) and value:
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
    return None


def _kind(value) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _name(codec: str) -> str:
    return codec.upper() if codec.startswith("utf") else codec
