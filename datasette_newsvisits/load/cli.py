"""The loader's command line: paths in, a database out, a summary line at the end.

Click wiring only: the work is ``loader.load()``. Each bad input is printed as one
``error:`` line as it is met; what stops the load (``LoadError``, SIGINT, SIGTERM) is
printed as one line saying what was kept. Exit status: 0, or 1 when anything was
skipped or the load stopped on an error, 130 on SIGINT, 143 on SIGTERM.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys

import click

from ..ingest.raw import one_line
from ..ingest.walk import count_files
from .errors import Interrupted, LoadError
from .loader import LOCK_WAIT, load


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("db_path", metavar="DB", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--visits",
    "visit_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra visits catalogue (JSON, same format as the shipped one).",
)
@click.option(
    "--gazetteer",
    "gazetteer_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra gazetteer entries (JSON, same format as the shipped one).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=lambda: os.cpu_count() or 1,
    show_default="number of CPUs",
    help="Processes for cleaning and extraction.",
)
@click.option(
    "--strict", is_flag=True, help="Stop at the first input that cannot be loaded."
)
@click.option(
    "--swap",
    is_flag=True,
    help="Load into a copy of DB beside it, then rename the copy over DB: a server "
    "that has DB open keeps answering from the old file until restarted.",
)
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=LOCK_WAIT,
    show_default=True,
    help="Seconds to wait for a database another process has locked.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def main(
    db_path, paths, visit_files, gazetteer_files, workers, strict, swap, wait, quiet
):
    """Load news articles into DB (the bundled sample corpus when no PATH is given).

    A PATH is a file or a directory (walked recursively) of .txt, .html, .jsonl or .csv
    files. Re-running on the same inputs changes nothing; a changed file replaces that
    article's rows. Bad inputs are reported on stderr, one line each, and skipped; the
    exit status is 1 if anything was skipped.
    """
    show_bar = not quiet and sys.stderr.isatty()
    total = count_files(paths) if paths and show_bar else None

    def on_error(message: str) -> None:
        click.echo(one_line(f"error: {message}"), err=True)

    bar = (
        click.progressbar(length=total, label="Loading", file=sys.stderr)
        if show_bar
        else contextlib.nullcontext()
    )
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with bar:
            report = load(
                db_path,
                paths,
                visit_files=visit_files,
                gazetteer_files=gazetteer_files,
                workers=workers,
                strict=strict,
                swap=swap,
                wait=wait,
                on_error=on_error,
                progress=bar.update if show_bar else None,
            )
    except LoadError as error:
        kept = _kept(error.report, db_path, swap)
        click.echo(one_line(f"error: {error}; {kept}"), err=True)
        sys.exit(1)
    except KeyboardInterrupt as stop:
        name = getattr(stop, "signal_name", "SIGINT")
        report = getattr(stop, "report", None)
        click.echo(f"stopped by {name}: {_kept(report, db_path, swap)}", err=True)
        sys.exit(128 + getattr(signal, name, signal.SIGINT))
    finally:
        signal.signal(signal.SIGTERM, previous)
    click.echo(report.summary(db_path), err=True)
    if report.skipped:
        sys.exit(1)


def _interrupt(signum, frame):
    raise Interrupted(signal.Signals(signum).name)


def _kept(report, db_path, swap: bool) -> str:
    """What the stopped load leaves behind, for its one line."""
    if swap:
        return f"{db_path} is as it was (the copy being loaded was removed)"
    if report is None or not report.loaded:
        return "no article was written"
    return (
        f"the {report.loaded} articles written before it are kept; "
        "the same command again finishes the load"
    )
