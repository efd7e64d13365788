"""Files and directories the loader may not read or write: one line each, no traceback.

Permissions bind only a user who is not root, so under root the loader runs in a
forked child that has dropped to ``nobody``.
"""

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from load_helpers import check_database, cli, story

NOBODY = 65534  # the user 'nobody'


@pytest.fixture
def shared():
    """A directory every user may write in (pytest's own are root's only)."""
    directory = Path(tempfile.mkdtemp(prefix="newsvisits-permissions-"))
    directory.chmod(0o777)
    yield directory
    for path in directory.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(directory)


def unprivileged(*args) -> tuple[int, list[str]]:
    """Run the loader's command as a user that permissions apply to: (status, lines)."""
    if os.geteuid() != 0:
        return cli(*args)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child drops root, runs the command, reports, and exits
        try:
            os.close(read)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            payload = json.dumps(cli(*args))
        except BaseException as error:  # reported to the parent
            payload = json.dumps([-1, [repr(error)]])
        os.write(write, payload.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        payload = pipe.read()
    os.waitpid(pid, 0)
    return tuple(json.loads(payload))


@pytest.fixture
def corpus(shared):
    directory = shared / "in"
    directory.mkdir()
    (directory / "story.txt").write_text(story(1), encoding="utf-8")
    directory.chmod(0o755)
    return directory


def test_a_read_only_database_file_is_one_line_and_swap_replaces_it(shared, corpus):
    db = shared / "x.db"
    assert cli(db, corpus / "story.txt")[0] == 0
    db.chmod(0o444)
    status, lines = unprivileged(db, corpus)
    assert status == 1
    assert lines == [
        (
            f"error: {db}: read-only file (--swap builds a new file instead); "
            "no article was written"
        )
    ]
    status, lines = unprivileged(db, corpus, "--swap")
    assert status == 0, lines
    assert check_database(db) == 1


def test_a_database_in_a_read_only_directory_is_one_line(shared, corpus):
    locked = shared / "locked"
    locked.mkdir(mode=0o555)
    locked.chmod(0o555)
    status, lines = unprivileged(locked / "x.db", corpus)
    assert status == 1
    assert lines == [
        (
            f"error: {locked}/x.db: directory {locked} is read-only (SQLite writes "
            "its journal there); no article was written"
        )
    ]


def test_unreadable_files_and_directories_are_one_line_each_and_the_rest_loads(
    shared, corpus
):
    corpus.chmod(0o777)
    (corpus / "private").mkdir()
    (corpus / "private" / "a.txt").write_text(story(2), encoding="utf-8")
    (corpus / "private").chmod(0o700)
    (corpus / "secret.txt").write_text(story(3), encoding="utf-8")
    (corpus / "secret.txt").chmod(0o600)
    db = shared / "x.db"
    status, lines = unprivileged(db, corpus)
    assert status == 1
    assert lines[:2] == [
        f"error: {corpus}/secret.txt: cannot read it (permission denied)",
        f"error: {corpus}/private: cannot read directory (permission denied)",
    ]
    assert check_database(db) == 1
