"""Which files a load reads, and the name each gets in ``articles.source``.

A PATH is a file or a directory, walked recursively; in a directory, hidden files and
directories (a name starting with ``.``) and files of other types are passed over. A
file's source name is its path relative to the directory it was found in (the directory
given, or the one holding a file given directly), prefixed with that directory's name:
``corpus/2023/a.txt``, ``exports/mc.jsonl``. When directories of one load share a name,
each prefix takes as many of its parent directories as it needs to differ
(``x/data/a.txt``, ``y/data/a.txt``), so two inputs never share a source name. A file
or directory given twice, or inside a directory also given, is read once.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .raw import InputError, os_problem

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
ROW_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | ROW_SUFFIXES
SIDECAR_NAMES = {"manifest.json"}
KINDS = ", ".join(sorted(SUPPORTED_SUFFIXES))


@dataclass(frozen=True)
class InputFile:
    """One file to read: where it is, its source name, and how messages name it."""

    path: Path
    source: str
    location: str
    legacy: str

    @property
    def suffix(self) -> str:
        """The file's suffix, lower case."""
        return self.path.suffix.lower()


@dataclass(frozen=True)
class _Root:
    given: Path  # as the user typed it: messages name files by it
    directory: Path  # absolute (symlinks kept): the prefix is read from its name
    real: str  # with symlinks resolved: the same input given twice is read once
    is_dir: bool


def walk_inputs(paths: Iterable[str | Path]) -> Iterator[InputFile | InputError]:
    """Every input file under ``paths`` (an ``InputError`` for each unusable path)."""
    roots: list[_Root] = []
    for path in paths:
        found = _root(Path(path))
        if isinstance(found, InputError):
            yield found
        else:
            roots.append(found)
    roots = _read_once(roots)
    names = root_names([root.directory for root in roots])
    for root in roots:
        prefix = names[root.directory]
        if root.is_dir:
            yield from _walk(root, prefix)
        else:
            name = root.given.name
            yield InputFile(root.given, _join(prefix, name), str(root.given), name)


def root_names(directories: list[Path]) -> dict[Path, str]:
    """Each directory's prefix: the fewest trailing parts of its path that tell it apart.

    No prefix equals another or begins another followed by ``/``, so prefix plus a
    relative path is unique across the directories.
    """
    parts = {d: d.parts[1:] for d in directories}  # without the leading "/"
    depth = dict.fromkeys(directories, 1)
    while True:
        names = {d: "/".join(parts[d][-depth[d] :]) for d in directories}
        taken: dict[str, set[Path]] = {}
        for d, name in names.items():
            taken.setdefault(name, set()).add(d)
        clashing = set()
        for d, name in names.items():
            if len(taken[name]) > 1:
                clashing.add(d)
            pieces = name.split("/")
            for k in range(1, len(pieces)):
                shorter = taken.get("/".join(pieces[:k]), set())
                if shorter:
                    clashing |= shorter | {d}
        growing = [d for d in clashing if depth[d] < len(parts[d])]
        if not growing:
            return names
        for d in growing:
            depth[d] += 1


def count_files(paths: Iterable[str | Path]) -> int | None:
    """Number of files to read, for a progress bar (None when rows files make it unknown)."""
    total = 0
    for item in walk_inputs(paths):
        if isinstance(item, InputFile):
            if item.suffix in ROW_SUFFIXES:
                return None
            total += 1
    return total


def _root(path: Path) -> _Root | InputError:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.lexists(path):
            return InputError(str(path), "broken symbolic link")
        return InputError(str(path), "no such file or directory")
    except OSError as error:
        return InputError(str(path), f"cannot read it ({os_problem(error)})")
    absolute = Path(os.path.abspath(path))
    real = os.path.realpath(path)
    if stat.S_ISDIR(info.st_mode):
        return _Root(path, absolute, real, True)
    if not stat.S_ISREG(info.st_mode):
        return InputError(str(path), "not a regular file (a pipe, socket or device)")
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return InputError(
            str(path), f"unsupported file type {path.suffix or '(none)'!r} ({KINDS})"
        )
    return _Root(path, absolute.parent, real, False)


def _read_once(roots: list[_Root]) -> list[_Root]:
    """Drop roots another root already covers (given twice, or inside a directory given)."""
    directories = [r.real for r in roots if r.is_dir]
    kept, seen = [], set()
    for root in roots:
        if root.real in seen or any(
            _walked_from(outer, root.real)
            for outer in directories
            if outer != root.real
        ):
            continue
        seen.add(root.real)
        kept.append(root)
    return kept


def _walked_from(directory: str, path: str) -> bool:
    """Whether walking ``directory`` reaches ``path`` (inside it, through no hidden part)."""
    try:
        relative = PurePosixPath(path).relative_to(directory)
    except ValueError:
        return False
    return not any(part.startswith(".") for part in relative.parts)


def _walk(root: _Root, prefix: str) -> Iterator[InputFile | InputError]:
    found = 0
    visited = {root.real}
    stack = [(str(root.given), "")]
    while stack:
        directory, relative = stack.pop()
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as error:
            found += 1
            where = os.path.join(str(root.given), relative) if relative else directory
            yield InputError(where, f"cannot read directory ({os_problem(error)})")
            continue
        subdirectories = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            name = f"{relative}/{entry.name}" if relative else entry.name
            item = _entry(entry, name, root, prefix, visited, subdirectories)
            if item is not None:
                found += 1
                yield item
        stack.extend(reversed(subdirectories))
    if not found:
        yield InputError(str(root.given), f"no input files in it ({KINDS})")


def _entry(entry, name, root, prefix, visited, subdirectories):
    """The InputFile or InputError for one directory entry, or None to pass it over."""
    location = os.path.join(str(root.given), name)
    try:
        if entry.is_dir():
            real = os.path.realpath(entry.path)
            if real not in visited:  # a symbolic link loop, or a directory linked twice
                visited.add(real)
                subdirectories.append((entry.path, name))
            return None
        suffix = os.path.splitext(entry.name)[1].lower()
        if suffix not in SUPPORTED_SUFFIXES or entry.name in SIDECAR_NAMES:
            return None
        if entry.is_file():
            return InputFile(Path(entry.path), _join(prefix, name), location, name)
        if entry.is_symlink() and not os.path.exists(entry.path):
            return InputError(location, "broken symbolic link")
    except OSError as error:
        return InputError(location, f"cannot read it ({os_problem(error)})")
    return InputError(location, "not a regular file (a pipe, socket or device)")


def _join(prefix: str, name: str) -> str:
    return f"{prefix}/{name}" if prefix else name
