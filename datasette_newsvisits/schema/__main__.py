"""``python -m datasette_newsvisits.schema``: regenerate metadata.json and the README's
schema sections from the table registry (``--check`` to only compare)."""

from .generate import main

main()
