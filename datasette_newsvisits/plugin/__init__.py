"""The Datasette side: SQL functions, facets, pages and charts over a loaded database."""
