"""What stops a whole load (as opposed to one bad input), each said in one line."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path


class LoadError(Exception):
    """A problem that stops the load: the message is the one line the user sees.

    ``report`` is the ``LoadReport`` of what was done before it (None if nothing was).
    """

    def __init__(self, message: str, report=None):
        super().__init__(message)
        self.report = report


class Interrupted(KeyboardInterrupt):
    """The load was stopped by a signal (SIGINT, SIGTERM); ``report`` as for LoadError."""

    def __init__(self, signal_name: str = "SIGINT", report=None):
        super().__init__(signal_name)
        self.signal_name = signal_name
        self.report = report


def database_problem(db: str | Path, error: sqlite3.Error, wait: float) -> str:
    """One line saying what a database error means for the user's file."""
    name = getattr(error, "sqlite_errorname", "") or ""
    message = str(error)
    if name.startswith("SQLITE_BUSY") or "database is locked" in message:
        return (
            f"{db}: locked by another process; waited {wait:g} s for it "
            "(--wait SECONDS waits longer)"
        )
    if name == "SQLITE_FULL" or "disk is full" in message:
        return f"{db}: disk full ({message}; {_free_space(db)})"
    if name == "SQLITE_NOTADB":
        return f"{db}: not an SQLite database"
    if name.startswith("SQLITE_READONLY"):
        return f"{db}: cannot write to it ({message})"
    if name.startswith("SQLITE_CANTOPEN"):
        return f"{db}: cannot open it ({message})"
    if name.startswith("SQLITE_IOERR"):
        return f"{db}: disk I/O error ({message})"
    return f"{db}: database error ({message})"


def _free_space(db: str | Path) -> str:
    try:
        free = shutil.disk_usage(Path(db).resolve().parent).free
    except OSError:
        return "free space unknown"
    return f"{free / 1e6:,.1f} MB free on its disk"
