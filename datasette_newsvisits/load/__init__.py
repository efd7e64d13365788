"""The loader: inputs in, a database out (``loader.load``), wired to a command (``cli``)."""
