"""``metadata.json`` and the README's schema sections, written from the table registry.

    python -m datasette_newsvisits.schema [--check]

run from the repository root rewrites ``metadata.json`` and the parts of ``README.md``
between the ``<!-- schema:… -->`` markers; with ``--check`` it writes nothing and exits
1 if either differs from what the registry generates.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from ..plugin.canned import canned_queries
from .aggregates import AGGREGATES
from .declare import AGGREGATE, SQL_TYPES, Table
from .tables import TABLES

DATABASE = "newsvisits"
SITE = {
    "title": "News coverage of Belarus–China visits",
    "description_html": (
        "How news outlets covered Alexander Lukashenko's visits to China (the 2023 "
        "state visit, the December 2023 working visit, the 2022 SCO meeting in "
        "Samarkand and more): who was named and how, who was quoted, which figures were "
        "reported and which sentences came from the wire. "
        '<a href="/-/newsvisits">Start with the visits compared</a>.'
    ),
    "license": "Apache-2.0 (software); article texts © their publishers",
    "license_url": "https://www.apache.org/licenses/LICENSE-2.0",
    "source": (
        "News articles from the outlets listed in the outlets table (Deutsche Welle, "
        "Al Jazeera and others), as captured from the web"
    ),
    "about": (
        "Article texts remain the copyright of their publishers and are included for "
        "research and quotation only; the software is Apache-2.0."
    ),
}
DATABASE_DOC = {
    "title": DATABASE,
    "description": (
        "Articles, outlets, visits, entities, quotes, labels, figures and shared "
        "sentences, with aggregate tables rebuilt at every load."
    ),
}
REBUILT = " Rebuilt at the end of every load."


def metadata() -> dict:
    """The whole ``metadata.json``: site, table and column docs, canned queries.

    The plugin gives any other newsvisits database the same tables and queries (and,
    on Datasette 1.0, which ignores queries in metadata, these too).
    """
    database = {**DATABASE_DOC, "tables": database_tables()}
    database["queries"] = canned_queries()
    return {**SITE, "databases": {DATABASE: database}}


def database_tables() -> dict:
    """Every table's entry (docs, options, hidden aggregates) for one database."""
    return {t.name: table_metadata(t) for t in [*TABLES, *AGGREGATES]}


def table_metadata(table: Table) -> dict:
    """One table's entry in ``metadata.json``."""
    description = table.description + (REBUILT if table.role == AGGREGATE else "")
    entry = {
        "title": table.title,
        "description": description,
        "columns": {name: column.doc for name, column in table.columns.items()},
        **table.options,
    }
    if table.hidden:
        entry["hidden"] = True
    return entry


def metadata_text() -> str:
    """``metadata()`` as the file is written: indented JSON, UTF-8, final newline."""
    return json.dumps(metadata(), indent=2, ensure_ascii=False) + "\n"


def tables_markdown() -> str:
    """The README's schema section: every base table with its columns."""
    return "\n".join(_table_markdown(table) for table in TABLES)


def _table_markdown(table: Table) -> str:
    lines = [f"### `{table.name}` — {table.title}", "", table.description, ""]
    lines += ["| column | type | description |", "|---|---|---|"]
    for name, column in table.columns.items():
        kind = SQL_TYPES[column.type]
        if column.generated:
            kind += f", computed: `{column.generated}`"
        lines.append(f"| `{name}` | {kind} | {column.doc} |")
    keys = _keys(table)
    return "\n".join(lines + (["", keys] if keys else [])) + "\n"


def _keys(table: Table) -> str:
    parts = []
    if table.pk:
        pk = (table.pk,) if isinstance(table.pk, str) else table.pk
        parts.append("primary key " + ", ".join(f"`{c}`" for c in pk))
    parts += [f"`{c}` unique" for c in table.unique]
    parts += [f"`{c}` → `{other}`" for c, other in table.foreign_keys.items()]
    if table.fts:
        fields = ", ".join(f"`{c}`" for c in table.fts)
        parts.append(f"full-text search on {fields} (`{table.name}_fts`)")
    text = "; ".join(parts)
    return f"{text[:1].upper()}{text[1:]}." if parts else ""


def aggregates_markdown() -> str:
    """The README's list of aggregate tables (their column docs are in metadata)."""
    lines = ["| table | what a row holds | columns |", "|---|---|---|"]
    for table in AGGREGATES:
        columns = ", ".join(f"`{c}`" for c in table.columns)
        lines.append(f"| `{table.name}` | {table.description} | {columns} |")
    return "\n".join(lines) + "\n"


SECTIONS = {"tables": tables_markdown, "aggregates": aggregates_markdown}


def readme_with_sections(readme: str) -> str:
    """``readme`` with each ``<!-- schema:NAME -->`` section replaced by its
    generated text (a missing marker is an error)."""
    for name, generate in SECTIONS.items():
        pattern = re.compile(
            rf"(<!-- schema:{name} -->\n).*?(<!-- /schema:{name} -->)", re.DOTALL
        )
        if not pattern.search(readme):
            raise ValueError(f"README has no <!-- schema:{name} --> section")
        text = generate()
        readme = pattern.sub(lambda m, text=text: m[1] + text + m[2], readme, count=1)
    return readme


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--metadata", "metadata_path", default="metadata.json", show_default=True)
@click.option("--readme", "readme_path", default="README.md", show_default=True)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if out of date.")
def main(metadata_path, readme_path, check):
    """Write metadata.json and the README's schema sections from the table registry."""
    if not Path(readme_path).is_file():
        raise click.ClickException(
            f"{readme_path}: no such file (run from the repository root, or --readme)"
        )
    wanted = {
        Path(metadata_path): metadata_text(),
        Path(readme_path): readme_with_sections(
            Path(readme_path).read_text(encoding="utf-8")
        ),
    }
    stale = [p for p, text in wanted.items() if _read(p) != text]
    if check:
        for path in stale:
            click.echo(f"{path}: differs from the table registry", err=True)
        sys.exit(1 if stale else 0)
    for path in stale:
        path.write_text(wanted[path], encoding="utf-8")
        click.echo(f"{path}: written", err=True)


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None
