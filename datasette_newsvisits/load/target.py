"""The database file a load writes: checked, held by one loader, written in place or swapped.

In place (the default) the loader writes into DB batch by batch; what is committed
stays, whatever happens next. With ``swap`` it copies DB (if there is one) to a hidden
file beside it, loads into the copy and renames the copy over DB at the end, in one
atomic step: a server that has DB open (``datasette serve -i``) keeps reading the old
file, which never changes under it, until restarted. A swap load that fails or is
interrupted removes its copy and leaves DB as it was.

One loader at a time per database: a load holds an exclusive ``flock`` on DB for its
whole run (SQLite's own locks are POSIX record locks, which ``flock`` does not touch,
and the lock's descriptor is closed only after SQLite's connection is), and a second
load of the same DB is refused with one line.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..schema import TABLES
from .errors import LoadError, database_problem

SWAP_SUFFIX = ".swap"


@contextlib.contextmanager
def claimed(db: Path, swap: bool = False, wait: float = 30) -> Iterator[Path]:
    """Hold ``db`` for this load; yield the file to load into (``db``, or its copy)."""
    _check_place(db, swap)
    created = not db.exists()
    lock = _lock(db)
    try:
        check_database(db, wait)
        if not swap:
            yield db
            return
        _remove_stale_copies(db)
        build = db.with_name(f".{db.name}.{os.getpid()}{SWAP_SUFFIX}")
        try:
            _copy(db, build, wait)
            yield build
            os.replace(build, db)
            _sync_directory(db.parent)
        except BaseException:
            _remove(build)
            if created and db.stat().st_size == 0:
                db.unlink()  # made only to be locked
            raise
    finally:
        os.close(lock)


def check_database(db: Path, wait: float = 30) -> None:
    """Refuse a file that is not SQLite, or whose tables this loader did not make."""
    try:
        conn = sqlite3.connect(str(db), timeout=wait)
        try:
            tables = {
                row[0]
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise LoadError(database_problem(db, error, wait)) from None
    foreign = sorted({table.name for table in TABLES} & tables)
    if foreign and "newsvisits_meta" not in tables:
        raise LoadError(
            f"{db}: already has tables this loader did not make ({', '.join(foreign)}); "
            "load into a new file"
        )


def _check_place(db: Path, swap: bool) -> None:
    directory = db.parent
    if db.is_dir():
        raise LoadError(f"{db}: is a directory, not a database file")
    if not directory.is_dir():
        raise LoadError(f"{db}: directory {directory} does not exist")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise LoadError(
            f"{db}: directory {directory} is read-only (SQLite writes its journal there)"
        )
    if not swap and db.exists() and not os.access(db, os.W_OK):
        raise LoadError(f"{db}: read-only file (--swap builds a new file instead)")


def _lock(db: Path) -> int:
    """An exclusive flock on ``db`` (created empty if missing), or LoadError."""
    for _ in range(10):
        try:
            fd = os.open(db, os.O_RDONLY | os.O_CREAT, 0o644)
        except OSError as error:
            raise LoadError(f"{db}: cannot open it ({error.strerror})") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise LoadError(
                f"{db}: another load is writing to it; run this one when it has finished"
            ) from None
        try:
            same = os.fstat(fd).st_ino == os.stat(db).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return fd
        os.close(fd)  # swapped for a new file while we waited: lock that one
    raise LoadError(f"{db}: keeps being replaced by another load")


def _copy(db: Path, build: Path, wait: float) -> None:
    if db.stat().st_size == 0:
        return
    source = sqlite3.connect(str(db), timeout=wait)
    target = sqlite3.connect(str(build))
    try:
        # In steps, with a Python callback between them: Ctrl-C is handled there, not
        # only once a multi-gigabyte copy has finished.
        source.backup(target, pages=4096, progress=_copying)
    except sqlite3.Error as error:
        raise LoadError(database_problem(db, error, wait)) from None
    finally:
        target.close()
        source.close()


def _copying(status: int, remaining: int, total: int) -> None:
    """The backup's progress callback: nothing to do but let signals in."""


def _remove_stale_copies(db: Path) -> None:
    """Copies left by swap loads that were killed (we hold the lock: none is live)."""
    for stale in db.parent.glob(f".{db.name}.*{SWAP_SUFFIX}"):
        _remove(stale)


def _remove(build: Path) -> None:
    for path in (build, build.with_name(build.name + "-journal")):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _sync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
