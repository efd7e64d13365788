"""What differs between Datasette 0.65 and the 1.0 alphas, in one place.

0.65 checks permissions with ``ensure_permissions``, takes canned queries from the
``canned_queries`` hook and metadata from the ``get_metadata`` hook. The 1.0 alphas check
with ``ensure_permission`` and resources, keep stored queries and metadata in their
internal database (plugins add them at startup) and read table options (hidden, facets,
sort, size) from the configuration.
"""

from __future__ import annotations

from datasette.version import __version__

DATASETTE_1 = int(__version__.split(".")[0]) >= 1
# Table metadata keys that the 1.0 alphas read from the configuration.
TABLE_OPTIONS = ("hidden", "facets", "facet_size", "sort", "sort_desc", "size")


async def ensure_can_view(datasette, actor, database: str) -> None:
    """Raise Forbidden unless ``actor`` may view the instance and ``database``."""
    if DATASETTE_1:
        from datasette.resources import DatabaseResource

        await datasette.ensure_permission(action="view-instance", actor=actor)
        await datasette.ensure_permission(
            action="view-database", resource=DatabaseResource(database), actor=actor
        )
    else:
        await datasette.ensure_permissions(
            actor, [("view-database", database), "view-instance"]
        )


async def add_stored_queries(datasette, database: str, queries: dict) -> None:
    """1.0: store the plugin's queries for ``database``, trusted (they run where
    arbitrary SQL is off, as canned queries do on 0.65). A query of the same name that
    the user configured is left as it is."""
    for name, query in queries.items():
        existing = await datasette.get_query(database, name)
        if existing is not None and existing.source != "plugin":
            continue
        await datasette.add_query(
            database,
            name,
            query["sql"],
            title=query.get("title"),
            description=query.get("description"),
            description_html=query.get("description_html"),
            fragment=query.get("fragment"),
            parameters=query.get("params"),
            is_trusted=True,
            source="plugin",
        )


async def add_metadata(datasette, database: str, metadata: dict) -> None:
    """1.0: titles and descriptions of ``database``'s tables and columns, where the
    user's metadata has none; table options (hidden, facets…) into the configuration
    where the user's configuration has none."""
    config = datasette.config if datasette.config is not None else {}
    tables_config = (
        config.setdefault("databases", {})
        .setdefault(database, {})
        .setdefault("tables", {})
    )
    for table, table_metadata in metadata.get("tables", {}).items():
        existing = await datasette.get_resource_metadata(database, table)
        options = tables_config.setdefault(table, {})
        for key, value in table_metadata.items():
            if key in TABLE_OPTIONS:
                options.setdefault(key, value)
            elif key != "columns" and key not in existing:
                await datasette.set_resource_metadata(database, table, key, value)
        for column, description in table_metadata.get("columns", {}).items():
            known = await datasette.get_column_metadata(database, table, column)
            if "description" not in known:
                await datasette.set_column_metadata(
                    database, table, column, "description", description
                )
    datasette.config = config
