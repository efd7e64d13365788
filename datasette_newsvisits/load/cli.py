"""The loader's command line: paths in, a database out, a summary line at the end."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import click

from ..ingest.read import count_articles_hint
from .loader import load


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
    type=int,
    default=lambda: os.cpu_count() or 1,
    show_default="number of CPUs",
    help="Processes for cleaning and extraction.",
)
@click.option(
    "--strict", is_flag=True, help="Stop at the first input that cannot be loaded."
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def main(db_path, paths, visit_files, gazetteer_files, workers, strict, quiet):
    """Load news articles into DB (the bundled sample corpus when no PATH is given).

    A PATH is a file or a directory (walked recursively) of .txt, .html, .jsonl or .csv
    files. Re-running on the same inputs changes nothing; a changed file replaces that
    article's rows. Bad inputs are reported on stderr and skipped; the exit status is
    1 if anything was skipped.
    """
    show_bar = not quiet and sys.stderr.isatty()
    total = (
        count_articles_hint([Path(p) for p in paths]) if paths and show_bar else None
    )

    def on_error(message: str) -> None:
        click.echo(f"error: {message}", err=True)

    bar = (
        click.progressbar(length=total, label="Loading", file=sys.stderr)
        if show_bar
        else contextlib.nullcontext()
    )
    try:
        with bar:
            report = load(
                db_path,
                paths,
                visit_files=visit_files,
                gazetteer_files=gazetteer_files,
                workers=workers,
                strict=strict,
                on_error=on_error,
                progress=bar.update if show_bar else None,
            )
    except (ValueError, OSError, KeyError) as error:
        raise click.ClickException(str(error)) from error
    click.echo(report.summary(db_path), err=True)
    if report.skipped:
        sys.exit(1)
