"""What shapes an article's rows, as one hash: the code that reads and describes it,
and the catalogues and gazetteer in use.

The loader records the fingerprint in ``newsvisits_meta`` (key ``pipeline``). When it
differs at the next load — the package was upgraded, a meeting was added with
``--visits``, a name with ``--gazetteer``, or the shipped catalogues changed — the
stored articles are processed again (``reprocess``), so that no article keeps rows an
older pipeline made.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib import metadata, resources
from pathlib import Path

META_KEY = "pipeline"
# The parts of the package whose code decides an article's rows.
CODE = ("ingest", "extract", "text", "load/pipeline.py", "schema/captures.py")
DATA = ("data/visits.json", "data/outlets.json", "data/gazetteer.json")


def fingerprint(
    visit_files: Iterable[Path] = (), gazetteer_files: Iterable[Path] = ()
) -> str:
    """The hash of the package version, its processing code and every catalogue file
    (the shipped ones and the user's, in order)."""
    digest = hashlib.sha256(_version().encode())
    package = Path(str(resources.files("datasette_newsvisits")))
    for part in CODE:
        path = package / part
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            _add(digest, file.relative_to(package).as_posix(), file)
    for part in DATA:
        _add(digest, part, package / part)
    for kind, files in (("visits", visit_files), ("gazetteer", gazetteer_files)):
        for file in files:
            _add(digest, kind, Path(file))
    return digest.hexdigest()[:32]


def _add(digest, name: str, path: Path) -> None:
    digest.update(f"\0{name}\0".encode())
    digest.update(path.read_bytes())


def _version() -> str:
    try:
        return metadata.version("datasette-newsvisits")
    except metadata.PackageNotFoundError:
        return "unknown"
