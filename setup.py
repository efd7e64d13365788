from pathlib import Path

from setuptools import find_packages, setup

VERSION = "0.1.0"

setup(
    name="datasette-newsvisits",
    description=(
        "Compare how news outlets covered the Belarus-China visits: "
        "a sqlite-utils loader and a Datasette plugin"
    ),
    long_description=Path(__file__).with_name("README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    version=VERSION,
    license="Apache License, Version 2.0",
    packages=find_packages(exclude=["tests", "tests.*", "benchmarks"]),
    package_data={
        "datasette_newsvisits": [
            "data/*.json",
            "data/corpus/*.txt",
            "data/corpus/*.json",
            "templates/*.html",
            "static/*",
            "static/vendor/*",
        ]
    },
    entry_points={
        "datasette": ["newsvisits = datasette_newsvisits"],
        "console_scripts": ["newsvisits-load = datasette_newsvisits.load.cli:main"],
    },
    python_requires=">=3.11",
    install_requires=[
        "datasette>=0.65.1,<1.1",
        # 4.0: float columns are REAL (the schema's type) and nested writes use
        # savepoints, so one article's failure rolls back only that article.
        "sqlite-utils>=4.0",
        "datasette-vega>=0.6.2",
        "click>=8.0",
        "trafilatura>=1.6",
        # jusText (used by trafilatura) imports lxml.html.clean, a separate package
        # since lxml 5.2: without it every HTML input fails.
        "lxml_html_clean>=0.1",
        "pyahocorasick>=2.0",
        "numpy>=1.24",
        "scipy>=1.10",
        # Reads the encoding of inputs that have no byte-order mark, declare no charset
        # and are not UTF-8 (windows-1251, koi8-r captures); no download at run time.
        "charset-normalizer>=3.0",
    ],
    extras_require={
        # Loads on a Dask cluster: newsvisits-load --scheduler ADDRESS (or local).
        "dask": ["dask[distributed]>=2024.1"],
        "test": [
            "pytest>=7",
            "pytest-asyncio>=0.21",
            "playwright>=1.40",
            "build",
            "ruff",
            # Property-based tests of the readers and the loader on random inputs.
            "hypothesis>=6.80",
        ],
        # The statistical entity finder (extract/statistical.py); the English
        # pipeline is installed separately (python -m spacy download en_core_web_sm).
        "spacy": ["spacy>=3.7,<3.9"],
    },
)
