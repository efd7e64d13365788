"""The per-article document: read once, shared by every step, each step declaring
what it reads and adds."""

import pytest

from datasette_newsvisits.extract import STEPS, extract_all, read_article
from datasette_newsvisits.extract.doc import (
    ADDED_BY_STEPS,
    READ_ON_CREATION,
    Document,
    MissingPart,
    with_entities,
)
from datasette_newsvisits.extract.gazetteer import load_gazetteer
from datasette_newsvisits.extract.labels import STEP as LABELS
from datasette_newsvisits.extract.mentions import Mentions
from datasette_newsvisits.extract.records import Entity, Mention
from datasette_newsvisits.ingest.read import RawArticle
from datasette_newsvisits.load.pipeline import load_context, process_article
from datasette_newsvisits.text.sentences import split_sentences

TEXT = (
    "Belarusian leader Alexander Lukashenko met Xi Jinping in Beijing on Wednesday.\n"
    '"We are old friends. Nothing will change that," Lukashenko told Xi. '
    "The two leaders signed 16 documents."
)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_a_document_reads_paragraphs_quotations_and_sentences_once():
    doc = Document(TEXT)
    assert [TEXT[a:b][:10] for a, b in doc.paragraphs] == ["Belarusian", '"We are ol']
    [quotation] = doc.quotations
    assert TEXT[quotation.start : quotation.end].startswith("We are old friends.")
    assert doc.sentences == split_sentences(TEXT)
    assert len(doc.sentences) == 3  # the quotation's two sentences are one


def test_every_step_reads_only_what_is_there_before_it():
    available = set(READ_ON_CREATION) | {"gazetteer"}
    for step in STEPS:
        assert set(step.reads) <= available, step.name
        assert set(step.adds) <= set(ADDED_BY_STEPS), step.name
        available |= set(step.adds)
    assert available >= set(ADDED_BY_STEPS)


def test_a_step_run_too_early_names_what_is_missing():
    with pytest.raises(MissingPart, match="labels.*entities, mentions"):
        LABELS.apply(Document(TEXT))
    with pytest.raises(MissingPart, match="no quotes yet"):
        Document(TEXT).quotes  # noqa: B018


def test_a_part_is_added_once_and_only_a_known_part():
    doc = Document(TEXT)
    doc.add("figures", [])
    with pytest.raises(ValueError, match="already has figures"):
        doc.add("figures", [])
    with pytest.raises(ValueError, match="no part 'sentiment'"):
        doc.add("sentiment", [])


def test_reading_an_article_runs_every_step(gazetteer):
    doc = read_article(TEXT, gazetteer)
    assert {e.name for e in doc.entities} >= {"Alexander Lukashenko", "Xi Jinping"}
    assert [q.speaker_id for q in doc.quotes] == ["alexander-lukashenko"]
    assert ("alexander-lukashenko", "leader") in {
        (x.entity_id, x.label) for x in doc.labels
    }
    assert [f.value for f in doc.figures if f.kind == "count"] == [16]
    assert doc.extraction() == extract_all(TEXT, gazetteer)


def test_stored_sentences_and_quote_attribution_segment_alike(gazetteer):
    raw = RawArticle(source="doc.txt", text=TEXT, format="txt")
    rows = process_article(raw, load_context())
    sentences = [(s["start"], s["end"]) for s in rows["sentence_spans"]]
    assert sentences == read_article(TEXT, gazetteer).sentences
    for quote in rows["quotes"]:  # no quotation straddles two stored sentences
        assert any(a <= quote["start"] and quote["end"] <= b for a, b in sentences)


def test_names_inside_quotations_are_left_out_of_the_speaker_mentions():
    text = '"Xi is a friend," Lukashenko said.'
    people = [
        Entity("xi", "Xi Jinping", "person"),
        Entity("luk", "Lukashenko", "person"),
    ]
    mentions = [Mention("xi", "Xi", 1, 3), Mention("luk", "Lukashenko", 18, 28)]
    doc = with_entities(text, people, mentions)
    assert [m.entity_id for m in doc.mentions] == ["xi", "luk"]
    assert [m.entity_id for m in doc.mentions_outside_quotations()] == ["luk"]


def test_the_mention_index_finds_mentions_by_position():
    mentions = Mentions(
        [
            Mention("b", "Bb", 10, 12),
            Mention("a", "Aa", 0, 2),
            Mention("c", "Cc", 20, 22),
        ],
        [Entity("a", "Aa", "person"), Entity("b", "Bb", "place")],
    )
    assert [m.entity_id for m in mentions] == ["a", "b", "c"]
    assert mentions.ending_at(12).entity_id == "b" and mentions.ending_at(11) is None
    assert [m.entity_id for m in mentions.between(1, 21)] == ["b", "c"]
    assert [m.entity_id for m in mentions.after(10)] == ["b", "c"]
    assert [mentions.type_of(m) for m in mentions] == ["person", "place", None]
    assert mentions.covers(11) and not mentions.covers(12)
    mentions.add(Mention("d", "Dd", 5, 7))
    assert mentions.overlaps(6, 9) and [m.entity_id for m in mentions][1] == "d"
