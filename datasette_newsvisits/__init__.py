"""Datasette plugin hooks for datasette-newsvisits (filled in by the plugin modules)."""
