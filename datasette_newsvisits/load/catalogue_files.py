"""The user's ``--visits`` and ``--gazetteer`` files, checked before a load uses them.

A file of the wrong shape stops the load before anything is written, with one line
naming the file, the entry and what is wrong (``visits[2]: "end_date" is missing``),
instead of a traceback, or a string of aliases read as one alias per letter.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from pathlib import Path

from .errors import LoadError

VISIT_TEXT_FIELDS = ("id", "title", "kind", "place", "start_date", "end_date")
ENTITY_TYPES = {"person", "organization", "place", "other"}


def check_catalogue_files(
    visit_files: Iterable[str | Path], gazetteer_files: Iterable[str | Path]
) -> None:
    """Raise ``LoadError`` for the first problem in any of the user's files."""
    for path in visit_files:
        _check(path, _visits_problem)
    for path in gazetteer_files:
        _check(path, _gazetteer_problem)


def _check(path, problem_of) -> None:
    try:
        data = json.loads(Path(path).read_bytes().decode("utf-8-sig"))
    except OSError as error:
        raise LoadError(f"{path}: cannot read it ({error.strerror})") from None
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise LoadError(f"{path}: not readable JSON ({error})") from None
    problem = problem_of(data)
    if problem:
        raise LoadError(f"{path}: {problem}")


def _visits_problem(data) -> str | None:
    visits = data.get("visits") if isinstance(data, dict) else None
    if not isinstance(visits, list):
        return 'expected {"visits": [...]} (the format of the shipped visits.json)'
    for number, visit in enumerate(visits):
        problem = _visit_problem(visit)
        if problem:
            return f"visits[{number}]: {problem}"
    return None


def _visit_problem(visit) -> str | None:
    if not isinstance(visit, dict):
        return "not an object"
    for name in VISIT_TEXT_FIELDS:
        if not isinstance(visit.get(name), str) or not visit[name].strip():
            return f'"{name}" is missing or not a string'
    try:
        start = datetime.date.fromisoformat(visit["start_date"])
        end = datetime.date.fromisoformat(visit["end_date"])
    except ValueError:
        return "dates must be yyyy-mm-dd"
    if end < start:
        return '"end_date" is before "start_date"'
    for name in ("description", "source"):
        if visit.get(name) is not None and not isinstance(visit[name], str):
            return f'"{name}" is not a string'
    return _strings_problem(visit, "terms")


def _gazetteer_problem(data) -> str | None:
    if isinstance(data, dict):
        entities = data.get("entities", [])
        problem = _strings_problem(data, "ignore")
        if problem:
            return problem
    else:
        entities = data
    if not isinstance(entities, list):
        return 'expected {"entities": [...]} (the format of the shipped gazetteer.json)'
    for number, entity in enumerate(entities):
        problem = _entity_problem(entity)
        if problem:
            return f"entities[{number}]: {problem}"
    return None


def _entity_problem(entity) -> str | None:
    if not isinstance(entity, dict):
        return "not an object"
    if not isinstance(entity.get("name"), str) or not entity["name"].strip():
        return '"name" is missing or not a string'
    if "type" in entity and entity["type"] not in ENTITY_TYPES:
        return f'"type" must be one of {", ".join(sorted(ENTITY_TYPES))}'
    for name in ("id", "wikidata", "role"):
        if entity.get(name) is not None and not isinstance(entity[name], str):
            return f'"{name}" is not a string'
    return _strings_problem(entity, "aliases")


def _strings_problem(record: dict, name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, list) or not all(
        isinstance(item, str) and item.strip() for item in value
    ):
        return f'"{name}" must be a list of strings'
    return None
