"""Read input files (.txt, .html, .jsonl, .csv) into RawArticle records.

Reading never raises on bad input: it yields an ``InputError`` naming the file (and
line) and the problem, and goes on with the rest. Which files are read, and the source
name each gets, is ``walk``'s job; how bytes become text, ``decode``'s; rows of exports,
``rows``'s.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from .decode import NotText, decode
from .raw import MAX_TEXT_CHARS, InputError, RawArticle, os_problem, unreadable, vet
from .rows import read_rows
from .walk import (
    HTML_SUFFIXES,
    ROW_SUFFIXES,
    SUPPORTED_SUFFIXES,
    InputFile,
    count_files,
    walk_inputs,
)

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "SUPPORTED_SUFFIXES",
    "InputError",
    "RawArticle",
    "count_files",
    "read_file",
    "read_inputs",
]

MAX_FILE_BYTES = 50 * 1024 * 1024
MANIFEST_FIELDS = ("title", "url", "published", "outlet")


def read_inputs(paths: Iterable[str | Path]) -> Iterator[RawArticle | InputError]:
    """Read every input path into RawArticles, yielding an InputError for each bad one.

    A ``manifest.json`` beside the files of a directory supplies what is known about
    each file (outlet, title, published, url), as the bundled corpus does.
    """
    manifests = _Manifests()
    for item in walk_inputs(paths):
        if isinstance(item, InputError):
            yield item
            continue
        yield from manifests.problems(item.path.parent)
        known = manifests.entry(item.path)
        for article in read_file(item):
            if isinstance(article, RawArticle) and known:
                for name in MANIFEST_FIELDS:
                    if known.get(name) and not getattr(article, name):
                        setattr(article, name, known[name])
                        article.extra.setdefault("from_manifest", []).append(name)
            yield article


def read_file(file: InputFile) -> Iterator[RawArticle | InputError]:
    """Read one file (any supported format)."""
    if file.suffix in ROW_SUFFIXES:
        yield from read_rows(file)
        return
    try:
        if file.path.stat().st_size > MAX_FILE_BYTES:
            yield InputError(
                file.location, f"file is larger than {MAX_FILE_BYTES} bytes"
            )
            return
        data = file.path.read_bytes()
        text, encoding = decode(data, html=file.suffix in HTML_SUFFIXES)
    except (NotText, OSError) as error:
        yield unreadable(file.location, error)
        return
    names = {"source": file.source, "location": file.location, "encoding": encoding}
    names["legacy_source"] = file.legacy
    if file.suffix in HTML_SUFFIXES:
        yield _from_html(text, names)
    else:
        yield vet(RawArticle(text=text, format="txt", **names))


def _from_html(html: str, names: dict) -> RawArticle | InputError:
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False
        )
    except ImportError:
        raise  # a broken installation, not a bad page: fail loudly, once
    except Exception as error:  # noqa: BLE001 - trafilatura raises many kinds
        return InputError(names["location"], f"could not parse HTML ({error})")
    if document is None:
        return InputError(names["location"], "no article text found in the HTML")
    data = document if isinstance(document, dict) else document.as_dict()
    return vet(
        RawArticle(
            text=data.get("text") or "",
            format="html",
            title=data.get("title") or None,
            url=data.get("url") or None,
            published=data.get("date") or None,
            outlet=data.get("sitename") or None,
            **names,
        )
    )


class _Manifests:
    """The ``manifest.json`` of each directory, read once; its problems reported once."""

    def __init__(self):
        self.entries: dict[Path, dict[str, dict]] = {}
        self.errors: dict[Path, list[InputError]] = {}

    def problems(self, directory: Path) -> list[InputError]:
        """The errors of the directory's manifest, the first time it is asked for."""
        if directory in self.entries:
            return []
        self.entries[directory], self.errors[directory] = load_manifest(directory)
        return self.errors[directory]

    def entry(self, file: Path) -> dict | None:
        """What the manifest says about ``file`` (None when it says nothing)."""
        return self.entries.get(file.parent, {}).get(file.name)


def load_manifest(directory: Path) -> tuple[dict[str, dict], list[InputError]]:
    """The usable entries of a directory's ``manifest.json``, and its problems.

    A manifest that cannot be read is reported and not used; an entry of the wrong
    shape is reported and left out.
    """
    path = Path(directory) / "manifest.json"
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
        problem = os_problem(error) if isinstance(error, OSError) else str(error)
        return {}, [InputError(str(path), f"not used: not readable JSON ({problem})")]
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, list):
        return {}, [InputError(str(path), 'not used: expected {"articles": [...]}')]
    entries, errors = {}, []
    for number, entry in enumerate(articles):
        problem = _manifest_problem(entry)
        if problem:
            errors.append(
                InputError(str(path), f"articles[{number}] not used: {problem}")
            )
        else:
            entries[entry["file"]] = entry
    return entries, errors


def _manifest_problem(entry) -> str | None:
    if not isinstance(entry, dict):
        return "not an object"
    if not isinstance(entry.get("file"), str) or not entry["file"]:
        return '"file" (the file name) is missing'
    for name in MANIFEST_FIELDS:
        if entry.get(name) is not None and not isinstance(entry[name], str):
            return f'"{name}" is not a string'
    return None
