"""extract_all: one cleaned article in, consistent records out."""

from datasette_newsvisits.extract import extract_all
from datasette_newsvisits.extract.gazetteer import load_gazetteer

TEXT = (
    "BEIJING, March 1, 2023 - Belarusian President Alexander Lukashenko, a close ally "
    'of Russian President Vladimir Putin, told Xi Jinping: "We are friends." '
    "Trade rose 33 percent to $5 billion, spokesperson Mao Ning said. Mao added more."
)


def test_every_record_points_into_the_text_and_at_a_known_entity():
    extraction = extract_all(TEXT, load_gazetteer())
    ids = {e.id for e in extraction.entities}
    assert {"alexander-lukashenko", "vladimir-putin", "xi-jinping", "mao-ning"} <= ids
    for m in extraction.mentions:
        assert TEXT[m.start : m.end] == m.surface and m.entity_id in ids
    for label in extraction.labels:
        assert label.entity_id in ids
        assert TEXT[label.start : label.start + len(label.surface)] == label.surface
    for figure in extraction.figures:
        assert TEXT[figure.start : figure.start + len(figure.surface)] == figure.surface
    for quote in extraction.quotes:
        assert TEXT[quote.start : quote.end] == quote.text
        assert quote.speaker_id is None or quote.speaker_id in ids


def test_extraction_is_pure_and_repeatable():
    gazetteer = load_gazetteer()
    assert extract_all(TEXT, gazetteer) == extract_all(TEXT, gazetteer)
    assert extract_all("", gazetteer).entities == []
