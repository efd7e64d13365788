"""Attribution on constructions real news prose uses, each shown by a sentence written
for this test, read with the shipped gazetteer and every extraction step."""

import pytest

from datasette_newsvisits.extract import read_article
from datasette_newsvisits.extract.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def speakers(text, gazetteer):
    """(speaker entity name or None, speaker as written, rule) per quotation."""
    doc = read_article(text, gazetteer)
    names = {e.id: e.name for e in doc.entities}
    return [(names.get(q.speaker_id), q.speaker, q.attribution) for q in doc.quotes]


def speaker(text, gazetteer):
    found = speakers(text, gazetteer)
    assert len(found) == 1, found
    return found[0]


def test_a_pronoun_object_of_quoted_as_saying(gazetteer):
    text = (
        "Alexander Lukashenko arrived in Beijing on Tuesday. BelTA quoted him as "
        'saying that "our friendship has no limits."'
    )
    assert speaker(text, gazetteer)[::2] == ("Alexander Lukashenko", "medium")


def test_a_dash_aside_between_the_name_and_the_verb(gazetteer):
    text = (
        '"We will build it together," Alexander Lukashenko — long described as '
        "Europe's last dictator — said in Beijing."
    )
    assert speaker(text, gazetteer)[0] == "Alexander Lukashenko"
    text = (
        "Alexander Lukashenko — in power since 1994 — told reporters: "
        '"China is our partner."'
    )
    assert speaker(text, gazetteer)[0] == "Alexander Lukashenko"


def test_according_to_a_document_credits_whom_it_reports(gazetteer):
    text = (
        "According to an official readout, Xi Jinping hopes the two sides will "
        '"open a new chapter of cooperation."'
    )
    assert speaker(text, gazetteer)[0] == "Xi Jinping"
    text = (
        "According to the Kremlin's readout, Xi Jinping told Vladimir Putin that "
        'ties were "at their best ever."'
    )
    assert speaker(text, gazetteer)[0] == "Xi Jinping"


def test_according_to_an_organization_credits_the_organization(gazetteer):
    text = 'According to Xinhua, the two sides signed "a dozen important documents."'
    assert speaker(text, gazetteer)[0] == "Xinhua"


def test_the_subject_speaks_not_the_nearest_name(gazetteer):
    text = (
        "Speaking after his talks with Xi Jinping and Vladimir Putin, Alexander "
        'Lukashenko said the meeting was "very productive for all of us."'
    )
    assert speaker(text, gazetteer)[0] == "Alexander Lukashenko"
    text = (
        "Xi Jinping told Alexander Lukashenko that China would "
        '"always stand with its Belarusian friends."'
    )
    assert speaker(text, gazetteer)[0] == "Xi Jinping"


def test_a_participle_takes_the_subject_of_its_clause(gazetteer):
    text = (
        "Xi Jinping was cautious, repeating that every country has "
        '"legitimate concerns that must be heard."'
    )
    assert speaker(text, gazetteer)[0] == "Xi Jinping"
    text = (
        'Vladimir Putin said goodbye to Xi Jinping at the door. "Thank you," Putin '
        "said, before his guest waved, saying: "
        '"We will meet again soon, my friend."'
    )
    assert speakers(text, gazetteer)[-1][0] == "Xi Jinping"


def test_a_news_agency_reporting_a_clause_credits_its_subject(gazetteer):
    text = (
        "Xinhua reported that Xi Jinping will propose to Alexander Lukashenko a plan "
        'for "a community with a shared future."'
    )
    assert speaker(text, gazetteer)[::2] == ("Xi Jinping", "medium")


def test_a_quoted_term_after_a_possessive_belongs_to_the_possessor(gazetteer):
    text = 'Vladimir Putin flew to Beijing to see his "old friend" Xi Jinping.'
    assert speaker(text, gazetteer)[::2] == ("Vladimir Putin", "possessive")


def test_a_time_between_the_speaker_and_the_verb_is_skipped(gazetteer):
    text = (
        'Chinese leader Xi Jinping on Tuesday praised the "iron-clad friendship" '
        "with Minsk."
    )
    assert speaker(text, gazetteer)[0] == "Xi Jinping"


def test_a_description_of_the_speaker_resolves_to_the_person(gazetteer):
    text = (
        "Kassym-Jomart Tokayev received Xi Jinping in Astana. "
        '"Our partnership is eternal," said the Head of State of Kazakhstan.'
    )
    assert speaker(text, gazetteer)[::2] == ("Kassym-Jomart Tokayev", "descriptor")


def test_an_unresolved_description_keeps_its_words_and_no_entity(gazetteer):
    text = '"The talks went well," the deputy head of the delegation said.'
    name, written, _ = speaker(text, gazetteer)
    assert name is None
    assert written == "the deputy head of the delegation"


def test_a_noun_after_a_preposition_is_not_a_verb_of_saying(gazetteer):
    # "in remarks" is a noun: the speaker is the subject of "said".
    text = (
        "Vladimir Putin met Kim Jong Un. The Russian leader said in remarks carried "
        'by state media that the treaty was "a breakthrough for both nations."'
    )
    assert speaker(text, gazetteer)[0] == "Vladimir Putin"


def test_a_title_word_then_a_name_heading_a_phrase(gazetteer):
    text = (
        '"It sounded like thunder," firefighter Tom Alder of the county force '
        "told reporters."
    )
    assert speaker(text, gazetteer)[0] == "Tom Alder"


def test_a_family_name_two_people_share_speaks_for_the_one_named_before(gazetteer):
    text = (
        "Kenyan pacemaker Gideon Kiprono won the race on Sunday. "
        '"It is my biggest day," Kiprono said. His sister, runner Valentine '
        "Kiprono, came third."
    )
    assert speaker(text, gazetteer)[0] == "Gideon Kiprono"


def test_a_transcript_block_is_a_quote_of_the_named_speaker(gazetteer):
    text = (
        "The two leaders spoke to the press.\n"
        "Alexander Lukashenko, President of Belarus:\n"
        "We have come here to agree on real projects, not on words.\n"
        "Xi Jinping: China values this friendship above all.\n"
    )
    doc = read_article(text, gazetteer)
    found = [(q.speaker_id, q.text, q.attribution) for q in doc.quotes]
    assert found == [
        (
            "alexander-lukashenko",
            "We have come here to agree on real projects, not on words.",
            "transcript",
        ),
        ("xi-jinping", "China values this friendship above all.", "transcript"),
    ]
    assert all(doc.text[q.start : q.end] == q.text for q in doc.quotes)


def test_an_introduction_or_a_label_without_a_person_is_no_transcript(gazetteer):
    text = (
        "Alexander Lukashenko said: the visit was a success for everyone.\n"
        "Read more: Belarus and China sign new trade deals in Minsk.\n"
    )
    assert read_article(text, gazetteer).quotes == []


def test_a_colon_after_a_sentence_without_a_verb_of_saying(gazetteer):
    text = (
        "Sergei Aleinik spoke to reporters in Beijing. He also drew attention to "
        'the times: "The world is entering an era of many poles."'
    )
    assert speaker(text, gazetteer)[0] == "Sergei Aleinik"


def test_quoted_paragraphs_after_a_speaker_label(gazetteer):
    text = (
        "The talks began in Minsk.\n"
        "Alexander Lukashenko, President of Belarus:\n"
        '"Welcome to Minsk. We have waited for this visit."\n'
        '"You can always count on us."\n'
    )
    assert [s[0] for s in speakers(text, gazetteer)] == [
        "Alexander Lukashenko",
        "Alexander Lukashenko",
    ]


def test_but_added_shares_the_subject_of_the_sentence(gazetteer):
    text = (
        "Xi Jinping gave a toast in which he alluded to conflicts, but added that "
        'peace was "unstoppable".'
    )
    assert speaker(text, gazetteer)[0] == "Xi Jinping"


def test_a_possessive_belongs_to_the_person_named_nearest_before(gazetteer):
    text = (
        'The two share a bond, with Xi Jinping cheering his "best friend" and '
        'Vladimir Putin cherishing his "partner".'
    )
    assert [s[0] for s in speakers(text, gazetteer)] == [
        "Xi Jinping",
        "Vladimir Putin",
    ]


def test_an_epithet_before_a_name_is_the_subjects_word(gazetteer):
    text = 'Alexander Lukashenko flew to Beijing to see "old friend" Xi Jinping.'
    assert speaker(text, gazetteer)[::2] == ("Alexander Lukashenko", "epithet")


def test_an_office_or_press_service_speaks_for_its_owner(gazetteer):
    text = 'Alexander Lukashenko\'s press service called the talks "very warm".'
    assert speaker(text, gazetteer)[0] == "Alexander Lukashenko"


def test_the_paper_is_the_newspaper_named_before(gazetteer):
    text = (
        "The Global Times ran an editorial on the visit. "
        '"The West will be furious," the paper added.'
    )
    assert speaker(text, gazetteer)[0] == "Global Times"


def test_with_no_verb_of_saying_the_sentence_subject_speaks(gazetteer):
    text = (
        "Alexander Lukashenko on Thursday thanked China for its support at "
        '"difficult times".'
    )
    assert speaker(text, gazetteer)[::2] == ("Alexander Lukashenko", "subject")


def test_a_country_opening_the_sentence_speaks_for_its_government(gazetteer):
    text = 'Russia was unmoved, answering that it sees "no prospects for a settlement".'
    assert speaker(text, gazetteer)[0] == "Russia"


def test_a_dash_aside_may_hold_quotation_marks(gazetteer):
    text = (
        '"You know what times these are," Alexander Lukashenko - often dubbed '
        '"Europe\'s last dictator" - said.'
    )
    assert speakers(text, gazetteer)[0][0] == "Alexander Lukashenko"


def test_an_exclamation_then_the_speaker_is_one_attribution(gazetteer):
    text = (
        "Xi Jinping spoke first, Xinhua said.\n"
        '"What a show!" Donald Trump said after the performance.'
    )
    assert speakers(text, gazetteer)[-1][0] == "Donald Trump"


def test_a_dateline_is_not_the_subject(gazetteer):
    text = (
        "WASHINGTON - President Joe Biden greeted Xi Jinping with a "
        '"ni hao" on Thursday.'
    )
    assert speaker(text, gazetteer)[0] == "Joe Biden"


def test_the_occupation_named_before_is_the_speaker(gazetteer):
    text = (
        '"He flew at once," political technologist Boris Tamm told a channel. '
        '"This is not the point," the political technologist said.'
    )
    assert [s[0] for s in speakers(text, gazetteer)] == ["Boris Tamm", "Boris Tamm"]


def test_a_pronoun_after_an_opening_adverb_is_the_subject(gazetteer):
    text = (
        "Sviatlana Tsikhanouskaya met officials. However, she did not want to talk "
        'about Russia "because our struggle is about the future".'
    )
    assert speaker(text, gazetteer)[0] == "Sviatlana Tsikhanouskaya"


def test_an_unnamed_spokeswoman_is_not_someone_named_later(gazetteer):
    text = (
        "Belarus frees a critic\n"
        "The critic walked free last month.\n"
        "Alexander Lukashenko pardoned him. His spokeswoman said it was "
        '"strictly on humanitarian grounds".\n'
        "Later, Hua Chunying spoke in Beijing."
    )
    assert speaker(text, gazetteer)[:2] == (None, "His spokeswoman")


def test_a_quoted_paragraph_after_according_to_continues_that_voice(gazetteer):
    text = (
        "Alexander Lukashenko met Xi Jinping in Minsk.\n"
        "According to the Belarusian head of state, history unites the two nations.\n"
        '"The whole world knows what our peoples suffered."'
    )
    assert speaker(text, gazetteer)[0] == "Alexander Lukashenko"


def test_posting_on_social_media_is_saying(gazetteer):
    text = 'Viktor Orban posted on X: "Peace mission, next stop Beijing."'
    assert speaker(text, gazetteer)[0] == "Viktor Orban"


def test_quoted_by_a_medium_as_saying_credits_the_subject(gazetteer):
    text = (
        "Xi Jinping was quoted by CCTV as saying that "
        '"China is ready to work with Belarus."'
    )
    assert speaker(text, gazetteer)[::2] == ("Xi Jinping", "medium")


def test_a_speaker_of_an_institution_is_the_person_not_the_institution(gazetteer):
    text = (
        '"He wants to show he has more than one partner," said Eastern Europe '
        "expert Ulla Brandt of the University of Lakeside."
    )
    assert speaker(text, gazetteer)[0] == "Ulla Brandt"


def test_who_after_an_object_is_that_person_and_the_speaker_no_clause(gazetteer):
    text = (
        "Alexander Lukashenko held a meeting with Xi Jinping, who stressed that the "
        "two countries are \u201cironclad friends\u201d and their ties \u201cunbreakable,\u201d "
        "according to a statement released by the embassy."
    )
    found = speakers(text, gazetteer)
    assert [(name, written) for name, written, _ in found] == [
        ("Xi Jinping", "Xi Jinping"),
        ("Xi Jinping", "Xi Jinping"),
    ]


def test_scare_quotes_inside_reported_speech_are_phrases(gazetteer):
    text = (
        "The Belarusian leader met Xi Jinping, who said the \u201cfriendship\u201d "
        "between the two countries is \u201cunbreakable.\u201d"
    )
    doc = read_article(
        "Alexander Lukashenko arrived in Beijing on Monday.\n" + text, gazetteer
    )
    assert [(q.text, q.kind, q.speaker_id, q.speaker) for q in doc.quotes] == [
        ("friendship", "phrase", "xi-jinping", "Xi Jinping"),
        ("unbreakable.", "phrase", "xi-jinping", "Xi Jinping"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a subject phrase that is a clause, with nobody resolvable at its end
        (
            "The delegation held a long meeting with the hosts, who stressed the "
            '"strategic" nature of the ties.'
        ),
        # a verb of saying inside the words before the verb
        'Officials said the envoy later told reporters "all was agreed."',
    ],
)
def test_a_speaker_as_written_is_a_noun_phrase_never_a_clause(text, gazetteer):
    for _, written, _ in speakers(text, gazetteer):
        assert written is None or not any(
            verb in written.split() for verb in ("held", "said", "told")
        ), written


def test_translated_copy_puts_a_dash_between_the_quote_and_its_attribution(gazetteer):
    text = (
        "The head of the Belarusian state Alexander Lukashenko met Xi Jinping.\n"
        "\u00abWe agreed on everything\u00bb, \u2013 emphasized the head of state.\n"
        "He also noted that the Chinese leader will come next year. \u00abHe keeps "
        "his word\u00bb, \u2013 said the President."
    )
    assert [name for name, _, _ in speakers(text, gazetteer)] == [
        "Alexander Lukashenko",
        "Alexander Lukashenko",
    ]


def test_an_apposition_with_commas_between_the_name_and_the_verb(gazetteer):
    text = (
        '"Their accusations are groundless," Zhao Ruiheng, a research fellow at the '
        "Institute of Russian, Eastern European and Central Asian Studies, told the "
        "Global Times on Monday."
    )
    assert speaker(text, gazetteer)[0] == "Zhao Ruiheng"


def test_a_conviction_after_the_quotation_is_an_attribution(gazetteer):
    text = (
        "Alexander Lukashenko met Xi Jinping.\n"
        "\u00abWe have never let each other down,\u00bb the Belarusian leader is "
        "convinced. \u00abThe Chinese are our friends,\u00bb Xi Jinping believes."
    )
    assert [(n, rule) for n, _, rule in speakers(text, gazetteer)] == [
        ("Alexander Lukashenko", "descriptor"),
        ("Xi Jinping", "X said"),
    ]


def test_an_attribution_between_dashes_inside_the_quoted_words(gazetteer):
    text = (
        "Xi Jinping met Alexander Lukashenko.\n"
        "\u00abWe are ready, \u2013 Lukashenko said, \u2013 to open new pages in our "
        "relations.\u00bb"
    )
    assert speaker(text, gazetteer)[:2] == ("Alexander Lukashenko", "Lukashenko")


def test_in_his_words_is_whom_his_means(gazetteer):
    text = (
        "Alexander Lukashenko arrived in Beijing on Monday. In his words, "
        "\u00abthe pace of cooperation must be doubled\u00bb."
    )
    assert speaker(text, gazetteer)[0] == "Alexander Lukashenko"


def test_a_presidential_press_service_speaks_for_the_president(gazetteer):
    text = (
        "Belarusian leader Alexander Lukashenko arrived in China on Monday, the "
        'Belarusian presidential press service reported. "The trip is not '
        'accidental," the press service said.'
    )
    assert speaker(text, gazetteer)[:2] == ("Alexander Lukashenko", "the press service")


def test_which_after_an_organization_is_that_organization(gazetteer):
    text = (
        "Reporters contacted the Chinese embassy in Minsk, which said the visit was "
        '"routine."'
    )
    assert speaker(text, gazetteer)[0] == "Chinese Embassy in Belarus"
