"""Quotations and their speakers: ``extract_quotes(doc)``.

Most tests build their entities and mentions by hand (``_article``), so that each one
shows a single rule of ``extract.quotes`` at work; the last ones run the real
gazetteer and entity extractor over the annotated fixtures. The fixture articles
(``tests/fixtures/extraction/articles/q*.txt``) are invented test material: the
words inside their quotation marks were written for these tests, not quoted from
anyone.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from datasette_newsvisits.extract import read_article
from datasette_newsvisits.extract.doc import with_entities
from datasette_newsvisits.extract.gazetteer import load_gazetteer
from datasette_newsvisits.extract.quotes import extract_quotes
from datasette_newsvisits.extract.quotes.attribution import RULES
from datasette_newsvisits.extract.records import Entity, Mention
from datasette_newsvisits.ingest.clean import clean_text
from datasette_newsvisits.text.words import words

FIXTURES = Path(__file__).parent / "fixtures" / "extraction"
CORPUS = Path(__file__).parent.parent / "datasette_newsvisits" / "data" / "corpus"

# id: (name, type, role, surfaces to look for in the text)
KNOWN = {
    "lukashenko": (
        "Alexander Lukashenko",
        "person",
        "President of Belarus",
        ["Alexander Lukashenko", "Lukashenko"],
    ),
    "xi": ("Xi Jinping", "person", "President of China", ["Xi Jinping", "Xi"]),
    "putin": (
        "Vladimir Putin",
        "person",
        "President of Russia",
        ["Vladimir Putin", "Putin"],
    ),
    "qin": ("Qin Gang", "person", "Foreign Minister of China", ["Qin Gang", "Qin"]),
    "aleinik": (
        "Sergei Aleinik",
        "person",
        "Foreign Minister of Belarus",
        ["Sergei Aleinik", "Aleinik"],
    ),
    "hua": (
        "Hua Chunying",
        "person",
        "Spokesperson of the Chinese foreign ministry",
        ["Hua Chunying"],
    ),
    "tsikhanouskaya": (
        "Sviatlana Tsikhanouskaya",
        "person",
        "Belarusian opposition leader in exile",
        ["Sviatlana Tsikhanouskaya", "Tsikhanouskaya"],
    ),
    "mfa-china": (
        "Ministry of Foreign Affairs of China",
        "organization",
        "China's foreign ministry",
        ["Chinese foreign ministry"],
    ),
    "eu": ("European Union", "organization", None, ["European Union", "EU"]),
    "xinhua": ("Xinhua", "organization", "China's state news agency", ["Xinhua"]),
    "belta": ("BelTA", "organization", "state news agency of Belarus", ["BelTA"]),
    "beijing": ("Beijing", "place", "Capital of China", ["Beijing"]),
    "minsk": ("Minsk", "place", "Capital of Belarus", ["Minsk"]),
}


def _article(text: str) -> tuple[str, list[Mention], list[Entity]]:
    """``text`` with mentions of the ``KNOWN`` entities found by exact surface."""
    entities = {}
    mentions = []
    taken: list[tuple[int, int]] = []
    surfaces = sorted(
        ((s, eid) for eid, (_, _, _, ss) in KNOWN.items() for s in ss),
        key=lambda x: -len(x[0]),
    )
    for surface, eid in surfaces:
        for m in re.finditer(rf"\b{re.escape(surface)}\b", text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            name, kind, role, _ = KNOWN[eid]
            entities[eid] = Entity(eid, name, kind, None, role)
            mentions.append(Mention(eid, surface, m.start(), m.end()))
    return text, mentions, list(entities.values())


def quotes(text: str):
    """The quotations of ``text``, with hand-built mentions of the known entities."""
    text, mentions, entities = _article(text)
    return extract_quotes(with_entities(text, entities, mentions))


def one(text: str):
    """The single quotation of ``text``."""
    found = quotes(text)
    assert len(found) == 1, found
    return found[0]


# -- finding quotations --------------------------------------------------------------


def test_curly_and_straight_double_marks_give_the_words_between_them():
    text = 'Xi said "we are partners." Lukashenko said “we are friends.”'
    found = quotes(text)
    assert [q.text for q in found] == ["we are partners.", "we are friends."]
    for q in found:
        assert text[q.start : q.end] == q.text


def test_low_high_marks_and_guillemets_pair_up_too():
    text = "Lukashenko spoke of „an old friend“ and Xi of «a new era»."
    assert [q.text for q in quotes(text)] == ["an old friend", "a new era"]


def test_single_marks_are_quotes_but_apostrophes_are_not():
    text = (
        "Lukashenko’s aides called the trip a ‘working visit’ while Putin's "
        "officials spoke of 'historic' ties and the allies’ plans."
    )
    assert [q.text for q in quotes(text)] == ["working visit", "historic"]


def test_an_apostrophe_inside_a_single_quoted_passage_does_not_close_it():
    text = "The minister said China ‘should use Russia’s ear to stop the war’."
    assert one(text).text == "should use Russia’s ear to stop the war"


def test_a_stray_apostrophe_does_not_open_a_quotation():
    text = "In the '90s Lukashenko's rule began, and the 'reform' agenda stalled."
    assert [q.text for q in quotes(text)] == ["reform"]


def test_a_quotation_may_span_sentences():
    q = one('Lukashenko said: "We agree. We will act. Nobody can stop us."')
    assert q.text == "We agree. We will act. Nobody can stop us."
    assert q.speaker_id == "lukashenko"


def test_a_quotation_split_by_its_attribution_gives_both_parts_the_speaker():
    text = '"We are watching closely," Xi said, "and we are ready to help."'
    first, second = quotes(text)
    assert (first.text, second.text) == (
        "We are watching closely,",
        "and we are ready to help.",
    )
    assert first.speaker_id == second.speaker_id == "xi"
    assert second.kind == "speech"


def test_a_quotation_over_two_paragraphs_is_one_quote_with_one_speaker():
    text = (
        '"We met in March. We agreed on many things.\n\n'
        '"Now we are going to check what was done," Lukashenko said.'
    )
    (quote,) = quotes(text)
    assert quote.text.startswith("We met in March.")
    assert quote.text.endswith("check what was done,")
    assert quote.text == text[quote.start : quote.end]
    assert quote.speaker_id == "lukashenko"


def test_an_opening_mark_that_never_closes_is_not_a_quotation():
    assert quotes('Xi said "we will see.\n\nNothing more was said.') == []
    assert quotes('The screen measured 12" across and nobody said anything.') == []
    assert quotes("") == []


# -- attribution patterns --------------------------------------------------------------


@pytest.mark.parametrize(
    "text, pattern",
    [
        ('"We are partners," Xi said.', "X said"),
        ('"We are partners," said Xi.', "said X"),
        ('"We are partners," Xi added.', "X said"),
        ('"We are partners," Xi stressed on Wednesday.', "X said"),
        ('"We are partners," Xi wrote in an article.', "X said"),
        ('"We are partners," Xi declared.', "X said"),
        ('"We are partners," according to Xi.', "according to X"),
        ("Xi said: “We are partners.”", "X said:"),
        ("Xi said in Beijing on Monday: “We are partners.”", "X said:"),
        ("Xi repeated: “We are partners.”", "X said:"),
        ('"We are partners" — Xi said.', "X said"),
    ],
)
def test_reporting_verbs_before_or_after_the_quotation_name_the_speaker(text, pattern):
    q = one(text)
    assert (q.speaker_id, q.speaker, q.attribution) == ("xi", "Xi", pattern)


def test_in_the_words_of_works_like_according_to():
    text = (
        "Spokesperson Hua Chunying spoke on Thursday. In the words of the "
        'spokesperson, "dialogue is the only way out of the crisis."'
    )
    q = one(text)
    assert (q.speaker_id, q.attribution) == ("hua", "descriptor")


def test_a_question_answered_after_a_colon_keeps_the_last_speaker():
    text = (
        '"We welcome the contacts," Putin said. When asked whether Moscow knew the '
        'agenda, he replied: "Of course."'
    )
    assert [q.speaker_id for q in quotes(text)] == ["putin", "putin"]


def test_a_paragraph_ending_in_a_colon_introduces_the_next_one():
    text = (
        "Sviatlana Tsikhanouskaya spoke in Vilnius. At a conference she put it "
        'this way:\n\n"Every trip to Beijing is a trip away from the people."'
    )
    q = one(text)
    assert (q.speaker_id, q.attribution) == ("tsikhanouskaya", "X said:")


def test_as_x_put_it_names_the_speaker():
    q = one('As Sviatlana Tsikhanouskaya put it, "Minsk is a small door."')
    assert q.speaker_id == "tsikhanouskaya"


def test_a_parenthesis_and_a_reflexive_do_not_hide_the_subject():
    text = (
        "Lukashenko himself admits that projects stalled (he once called the pace "
        '"a disgrace") but insists on the course. Putin\'s envoy listened. '
        '"There is no alternative," he told officials.'
    )
    assert [q.speaker_id for q in quotes(text)] == ["lukashenko", "lukashenko"]


def test_x_told_y_attributes_to_x_not_to_the_listener():
    q = one('"China is willing to help," Qin Gang told Sergei Aleinik.')
    assert (q.speaker_id, q.attribution) == ("qin", "X told Y")


def test_a_title_before_the_name_is_kept_as_written():
    q = one('"The visit is on," spokesperson Hua Chunying said.')
    assert (q.speaker_id, q.speaker) == ("hua", "spokesperson Hua Chunying")


def test_a_quote_inside_a_sentence_takes_the_subject_of_its_verb_of_saying():
    text = "Xi told Lukashenko that China opposes interference by “external forces”."
    q = one(text)
    assert (q.speaker_id, q.kind) == ("xi", "phrase")


def test_an_attribution_closing_the_sentence_covers_a_quote_inside_it():
    text = "China will oppose “illegal” sanctions on Minsk, Qin told Aleinik."
    assert one(text).speaker_id == "qin"


def test_he_is_the_latest_person_who_spoke_not_the_nearest_name():
    text = (
        "Qin Gang told his counterpart Sergei Aleinik that ties were strong. "
        'He also said China would oppose "external forces".'
    )
    assert one(text).speaker_id == "qin"


def test_he_prefers_the_subject_of_the_sentence_before():
    text = (
        '"Our ties are strong," Putin said. Lukashenko, for his part, likes to tell '
        'audiences that he has friends everywhere. "China is our friend," he said.'
    )
    assert [q.speaker_id for q in quotes(text)] == ["putin", "lukashenko"]


def test_a_sentence_starting_with_a_capital_beyond_ascii_is_a_sentence_of_its_own():
    # Attribution reads the stored splitter's sentences. Its own splitter only knew
    # ASCII capitals, so "guest. Łukaszenka" did not end a sentence and "he" went to
    # the first person of the merged one.
    text = (
        "Xi Jinping welcomed his guest at the airport. Łukaszenka thanked him.\n"
        '"We are brothers," he said.'
    )
    at = text.index("Łukaszenka")
    _, mentions, entities = _article(text)
    mentions.append(Mention("lukashenko", "Łukaszenka", at, at + len("Łukaszenka")))
    entities.append(Entity("lukashenko", "Alexander Lukashenko", "person"))
    [quote] = extract_quotes(with_entities(text, entities, mentions))
    assert (quote.speaker, quote.speaker_id) == ("he", "lukashenko")


def test_he_after_an_unnamed_speaker_is_not_resolved():
    text = (
        "Xi Jinping spoke first. A Western diplomat said the visit was a show. "
        '"It is theatre," he said.'
    )
    assert one(text).speaker_id is None


def test_she_resolves_the_same_way_as_he():
    text = (
        "Sviatlana Tsikhanouskaya said the trip showed how isolated Minsk was. "
        '"Nobody else will receive him," she told reporters.'
    )
    q = one(text)
    assert (q.speaker_id, q.speaker, q.attribution) == (
        "tsikhanouskaya",
        "she",
        "pronoun",
    )


def test_they_resolves_to_an_organization_never_to_people():
    org = (
        "In a statement, the EU said it expected restraint. "
        '"We call on all partners not to help Minsk," they said.'
    )
    assert one(org).speaker_id == "eu"
    people = 'Xi and Lukashenko met in Beijing, where they hailed an "all-weather" partnership.'
    assert one(people).speaker_id is None


def test_a_descriptor_is_the_person_whose_nationality_and_role_it_names():
    text = (
        "Belarusian President Alexander Lukashenko met Chinese President Xi Jinping. "
        '"Nobody can solve anything without China," the Belarusian leader said.'
    )
    q = one(text)
    assert (q.speaker_id, q.speaker, q.attribution) == (
        "lukashenko",
        "the Belarusian leader",
        "descriptor",
    )


def test_a_descriptor_inside_a_prepositional_phrase_is_not_the_speaker():
    text = (
        "Belarusian President Alexander Lukashenko went to Beijing. Representatives of "
        'the Belarusian leader emphasized the "four hours of productive talks".'
    )
    assert one(text).speaker_id is None


def test_an_unnamed_person_is_never_resolved():
    text = 'Lukashenko arrived. "We hope it works," a Belarusian diplomat said.'
    q = one(text)
    assert (q.speaker_id, q.speaker) == (None, "a Belarusian diplomat")


def test_an_organization_can_speak():
    text = '"The visit will take place in March," the Chinese foreign ministry said.'
    assert one(text).speaker_id == "mfa-china"


def test_a_person_telling_a_news_agency_is_the_speaker():
    text = (
        "He is interested in defence, Lukashenko told the Xinhua news agency. "
        "“We are learning from China’s new technologies.”"
    )
    q = one(text)
    assert (q.speaker_id, q.attribution) == ("lukashenko", "continuation")


def test_an_agency_adding_after_a_paraphrase_is_the_medium_not_the_speaker():
    text = (
        "Lukashenko said he looked forward to the visit. He also praised the paper "
        'as "a new and original step with a far-reaching impact", Xinhua added.'
    )
    q = one(text)
    assert (q.speaker_id, q.attribution) == ("lukashenko", "medium")


def test_an_agency_alone_after_a_quotation_is_the_speaker():
    q = one('"The agenda includes trade and investment," BelTA added.')
    assert q.speaker_id == "belta"


def test_quoted_as_saying_names_the_person_quoted():
    q = one('"We support each other," Xinhua quoted Xi as saying.')
    assert (q.speaker_id, q.attribution) == ("xi", "medium")
    q = one("Xi was quoted as saying: “China is ready to work with Belarus.”")
    assert q.speaker_id == "xi"


def test_a_continuation_only_follows_the_quote_of_the_sentence_before():
    text = '"A new era has begun," said Xi. Lukashenko frowned at this. "Not yet."'
    assert [q.speaker_id for q in quotes(text)] == ["xi", None]


def test_a_relative_clause_speaks_for_the_name_it_follows():
    text = 'Xi, who said last year that ties were "excellent", met Lukashenko.'
    assert one(text).speaker_id == "xi"


def test_a_verb_of_saying_in_another_clause_does_not_attribute():
    text = 'Xi said he would go, while Minsk\'s "all-weather" hopes remained.'
    assert one(text).speaker_id is None


def test_a_quoted_term_opening_a_sentence_is_a_phrase_without_speaker():
    q = one('"All-weather" is how Beijing describes the partnership.')
    assert (q.kind, q.speaker_id) == ("phrase", None)


def test_a_quotation_with_no_attribution_has_no_speaker():
    text = 'Trade rose last year. "Relations are at their best," one banner read.'
    assert one(text).speaker_id is None
    assert one('Nobody knows what "all-weather" means.').speaker_id is None


def test_an_unknown_name_is_kept_as_written_without_an_entity_id():
    q = one('"Minsk needs markets," said Katja Meier, an analyst in Berlin.')
    assert (q.speaker_id, q.speaker, q.attribution) == (None, "Katja Meier", "said X")


def test_a_pronoun_after_an_unknown_speaker_is_not_guessed():
    text = (
        "Xi Jinping said the talks went well. Jussi Rantanen, a student, said he "
        'was thinking about robots. "It is the same problem," he said.'
    )
    assert one(text).speaker_id is None


# -- the order of the rules -------------------------------------------------------------


def test_the_rules_are_tried_in_the_order_of_the_list():
    assert [rule.__name__ for rule in RULES] == [
        "split_quotation",
        "inner_aside",
        "introduced",
        "colon_introduction",
        "standing_alone",
        "reported_clause",
        "document_account",
        "verb_before",
        "attribution_after",
        "closing_attribution",
        "possessive_phrase",
        "epithet_before_name",
        "he_or_she_opening",
        "sentence_subject",
        "latest_speaker",
    ]


def test_an_introduction_wins_over_an_attribution_after_the_quote():
    q = one('Xi said: "We are friends," Lukashenko added.')
    assert (q.speaker_id, q.attribution) == ("xi", "X said:")


def test_a_verb_before_wins_over_a_closing_attribution():
    q = one('Putin said Minsk and Moscow were "brothers", Lukashenko told Xinhua.')
    assert (q.speaker_id, q.kind) == ("putin", "phrase")


# -- kind: speech or phrase --------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind",
    [
        (
            'China and Belarus call themselves "comprehensive strategic partners".',
            "phrase",
        ),
        ('Beijing hailed its "all-weather" partnership with Minsk.', "phrase"),
        ('He said the plan was "a pearl of the Silk Road".', "phrase"),
        ('He said Minsk "fully supports" the plan.', "speech"),
        ('He said that "there is respect for our integrity".', "speech"),
        ('He said the visit was "a show for a man who badly needs one".', "speech"),
        ('"Yes," he said.', "speech"),
        ('Xi said: "Agreed."', "speech"),
    ],
)
def test_short_terms_inside_a_sentence_are_phrases_and_clauses_are_speech(text, kind):
    assert one(text).kind == kind


def test_a_short_fragment_keeps_the_speaker_of_its_sentence():
    text = (
        "Belarusian President Alexander Lukashenko arrived. The Belarusian leader "
        'said he looked forward to meeting his "old friend" Xi.'
    )
    q = one(text)
    assert (q.kind, q.speaker_id) == ("phrase", "lukashenko")


# -- on the annotated fixtures, with the real gazetteer and entity extractor -------------


def _fixture_texts():
    for path in sorted((FIXTURES / "annotations").glob("*.quotes.json")):
        stem = path.name.split(".")[0]
        source = FIXTURES / "articles" / f"{stem}.txt"
        if not source.exists():
            source = CORPUS / f"{stem}.txt"
        gold = json.loads(path.read_text(encoding="utf-8"))["quotes"]
        yield stem, clean_text(source.read_text(encoding="utf-8")).text, gold


@pytest.fixture(scope="module")
def extracted():
    gazetteer = load_gazetteer()
    out = []
    for stem, text, gold in _fixture_texts():
        doc = read_article(text, gazetteer)
        names = {e.id: e.name for e in doc.entities}
        out.append((stem, text, gold, doc.quotes, names))
    return out


def test_every_quote_offset_points_at_its_text(extracted):
    for _, text, _, found, _ in extracted:
        for q in found:
            assert text[q.start : q.end] == q.text
            assert q.kind in ("speech", "phrase")


def test_fixture_quality_meets_the_floors(extracted):
    """Detection F1 >= 0.95 and attribution >= 0.9 over all annotated fixtures."""
    tp = fp = fn = right = total = 0
    for _, _, gold, found, names in extracted:
        left = [words(q.text) for q in found]
        used = set()
        for item in gold:
            k = next(
                (
                    i
                    for i, w in enumerate(left)
                    if i not in used and w == words(item["text"])
                ),
                None,
            )
            if k is None:
                fn += 1
                continue
            used.add(k)
            tp += 1
            total += 1
            right += names.get(found[k].speaker_id) == item["speaker"]
        fp += len(found) - len(used)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.95, (tp, fp, fn)
    assert right / total >= 0.9, (right, total)
