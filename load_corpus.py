"""Load news articles into a datasette-newsvisits database.

    python load_corpus.py newsvisits.db            # the bundled sample corpus
    python load_corpus.py newsvisits.db articles/  # your own files

See ``python load_corpus.py --help``; the work is done in ``datasette_newsvisits.load.cli``.
"""

from datasette_newsvisits.load.cli import main

if __name__ == "__main__":
    main()
