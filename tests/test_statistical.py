"""The statistical option: spaCy's recognizer in place of the discovery rules.

Runs for real when spaCy and an English pipeline are installed (the pipeline's
package in ``NEWSVISITS_SPACY_MODEL``, default en_core_web_sm); otherwise the test
that needs it skips with one line. The default never imports spaCy.
"""

import os
import subprocess
import sys

import pytest

from datasette_newsvisits.extract import STEPS, read_article, steps
from datasette_newsvisits.extract.gazetteer import load_gazetteer
from datasette_newsvisits.extract.statistical import ModelMissing, pipeline


def test_the_rules_are_the_default_and_spacy_is_never_imported(monkeypatch):
    monkeypatch.delenv("NEWSVISITS_NER", raising=False)
    assert steps() == STEPS
    code = (
        "import sys\n"
        "from datasette_newsvisits.extract import read_article\n"
        "from datasette_newsvisits.extract.gazetteer import load_gazetteer\n"
        "read_article('Xi Jinping met Alexander Lukashenko.', load_gazetteer())\n"
        "print('spacy' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "NEWSVISITS_NER"}
    ran = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert ran.stdout.strip() == "False", ran.stderr


def test_a_pipeline_that_is_not_installed_is_a_clear_error():
    with pytest.raises(ModelMissing, match="not installed"):
        pipeline("no_such_pipeline_installed_here")


def test_spacy_finds_names_the_gazetteer_does_not_know(monkeypatch):
    try:
        pipeline()
    except ModelMissing as missing:
        pytest.skip(str(missing))
    monkeypatch.setenv("NEWSVISITS_NER", "spacy")
    assert steps()[0].run.__name__ == "extract_entities_statistically"
    text = (
        "Alexander Lukashenko met the mayor of Harbin, Olga Petrenko, and toured "
        "the Zhongguancun Science Park with Xi Jinping."
    )
    doc = read_article(text, load_gazetteer())
    names = {e.name: e.type for e in doc.entities}
    assert names["Alexander Lukashenko"] == "person"  # the gazetteer's entity
    assert names.get("Olga Petrenko") == "person"
    assert all(e.id for e in doc.entities)
