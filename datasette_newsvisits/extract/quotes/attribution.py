"""Attribution: for each quotation, the rules in ``RULES`` are tried in order.

A rule reads the quotation in its sentence (``Reading``: at most ``SENTENCE_REACH``
characters either side) and returns ``(Attribution, kind)`` when it decides, None to
pass to the next rule. The order:

1. ``split_quotation``: ``"…," he said, "…"`` - the second part takes the first
   part's speaker (not after a participle: ``…, before Y waved, saying: "…"``);
2. ``inner_aside``: ``«…, – Lukashenko said, – …»``, an attribution between dashes
   inside the quoted words (Russian copy and its translations);
3. ``introduced``: after ``X said:`` / ``X said,`` / ``X said that``;
4. ``colon_introduction``: after ``X said in an interview on Monday:``, ``He drew
   attention to …:`` (the sentence's subject), a transcript label ``X, President of
   Belarus:`` before quoted paragraphs;
5. ``standing_alone``: a quotation that is its own sentence or opens one; right after
   the closing mark (a comma or dash between allowed; ``"…!" Trump said`` too):
   ``X quoted Y as saying`` (speaker Y, ``medium``), ``said X``, ``according to X``,
   ``X said`` / ``X told Y`` (speaker X, not Y), an apposition or a dash aside
   allowed; with nothing after it, the quotation continues the previous one in its
   paragraph or the paragraph before, or takes the speaker of a verb of saying (or
   an "according to X") in the sentence or paragraph just before it
   (``continuation``);
6. ``reported_clause``: a medium reporting a clause: ``Lusa says that Lula will
   …"…"`` -> Lula (``medium``);
7. ``document_account``: ``According to an official readout, Xi hopes …"…"`` -> Xi;
8. ``verb_before``: the last verb of saying before it in its sentence, outside other
   quotations; a participle (``Xi was cautious, repeating that "…"``) takes its
   clause's subject, ``but added`` the sentence's; passive verbs attribute nothing;
9. ``attribution_after``, 10. ``closing_attribution``: ``"…", X said`` right after
   it or closing the sentence (``…, Qin told Aleinik.``);
11. ``possessive_phrase``: ``to meet his "dear friend" Xi`` -> whom "his" means;
12. ``epithet_before_name``: ``to meet "old friend" Xi`` -> the clause's subject;
13. ``he_or_she_opening``: a long quotation in a sentence that starts with He/She;
14. ``sentence_subject``: no verb of saying - whom the clause is about (a country
    opening it speaks for its government);
15. ``latest_speaker``: the last speaker in the paragraph or the sentence before.

When no rule decides, the speaker is None. Speaker phrases are read by the
resolver (``extract.references``): pronouns (``quoted him as saying``),
descriptions (``said the Head of State of Kazakhstan``), an office or press service
(its owner), a time or a dash aside before the verb.

Media: a news agency that carries someone's words is not the speaker. ``X told
Xinhua`` gives X; ``Xinhua quoted X as saying`` and ``X was quoted by CCTV as
saying`` give X; when a quotation inside a paraphrase has its own subject and verb
(``He also praised … as "…", Xinhua added``) the subject is the speaker and the
pattern is ``medium``. A quotation standing alone with only an agency after it
(``"…," BelTA added``) is the agency's own words.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from ...text.quotemarks import Quotation
from ..references.speech import PARTICIPLE
from .clauses import (
    after_quote,
    before_quote,
    colon_intro,
    medium_text,
    paragraph_intro,
    sentence_final,
)
from .found import Attribution
from .kind import kind_of
from .patterns import (
    DOCUMENT,
    HE_OR_SHE_OPENS,
    INNER_ASIDE,
    INTRO,
    MEDIUM,
    NEW_CLAUSE,
    POSSESSIVE_BEFORE,
    PRE_ACCORDING,
    REPORTED_THAT,
    VERB,
    could_be_speaker,
)
from .speakers import Speakers

SENTENCE_REACH = 600  # characters read either side of a quotation at most

Found = tuple[Attribution, str]  # the speaker, and the kind: speech or phrase


class Reading:
    """One quotation read in its sentence, with the quotations attributed before it."""

    def __init__(
        self, sp: Speakers, quotation: Quotation, done: list[tuple[Quotation, Found]]
    ):
        self.sp = sp
        self.q = quotation
        self.done = done
        text = sp.text
        s = quotation
        self.close = s.stop
        sent_start = sp.sentence(s.open, s.para_start, s.para_end)[0]
        if s.close is None:
            sent_end = s.para_end
        else:
            sent_end = sp.sentence(self.close, s.para_start, s.para_end)[1]
        # run-on "sentences" (lists, tables, broken captures) are read near the quote
        self.sent_start = max(sent_start, s.open - SENTENCE_REACH)
        self.sent_end = min(sent_end, self.close + 1 + SENTENCE_REACH)
        self.prev = done[-1] if done else None
        self.prev_in_sentence = (
            self.prev is not None
            and self.prev[0].stop >= self.sent_start
            and self.prev[0].para_start == s.para_start
        )
        # what lies between the previous quotation of the sentence (or its start) and this
        self.local_from = (
            self.prev[0].stop + 1 if self.prev_in_sentence else self.sent_start
        )
        self.local_pre = text[self.local_from : s.open]
        self.post = text[self.close + 1 : self.sent_end] if s.close is not None else ""
        self.bare = self.local_pre.strip(" \t,.;:—–-")

    @cached_property
    def after(self) -> Attribution | None:
        """An attribution right after the closing mark; after '"…!"' or '"…?"' the
        sentence splitter has ended the sentence, but '"…!" Trump said' is one."""
        if self.post.strip():
            return after_quote(self.sp, self.close + 1, self.post)
        q = self.q
        if q.close is None or self.sp.text[q.end - 1 : q.end] not in ("!", "?"):
            return None
        end = self.sp.sentence(self.close + 2, q.para_start, q.para_end)[1]
        post = self.sp.text[self.close + 1 : end]
        found = after_quote(self.sp, self.close + 1, post) if post else None
        return found if found is not None and found.speaker_id else None

    @cached_property
    def closing(self) -> Attribution | None:
        """An attribution closing the sentence."""
        return sentence_final(self.sp, self.close + 1, self.post) if self.post else None

    @cached_property
    def inline_kind(self) -> str:
        """Speech or phrase, for a quotation inside a sentence (``kind``)."""
        return kind_of(self.sp.text[self.q.start : self.q.end])

    @cached_property
    def standalone(self) -> bool:
        """Whether the quotation stands alone rather than inside a sentence.

        A quotation opening a sentence that goes on ("“All-weather” is how …") is part
        of that sentence, unless it ends like a sentence or clause itself.
        """
        return not self.bare and (
            self.after is not None
            or self.sp.text[self.q.end - 1] in ".,!?;:…"
            or not self.post.strip(" \t\n.,;:!?)—–-")
        )


# -- the rules, in order -----------------------------------------------------------


def split_quotation(r: Reading) -> Found | None:
    """ "…," he said, "…": the second part takes the first part's speaker."""
    if (
        r.prev_in_sentence
        and r.prev[1][0].pattern not in (None, "continuation")
        and r.local_pre.rstrip().endswith((",", ":"))
        and VERB.search(r.local_pre)
        and not PARTICIPLE.search(r.local_pre)  # "…, before Y bid farewell, saying:"
    ):
        return r.prev[1][0], "speech"
    return None


def inner_aside(r: Reading) -> Found | None:
    """ "«We are ready, – Lukashenko said, – to open new pages»": an attribution set
    between dashes inside the quoted words (pattern ``X said``)."""
    q = r.q
    text = r.sp.text
    if "–" not in text[q.start : q.end] and "—" not in text[q.start : q.end]:
        return None
    aside = INNER_ASIDE.search(text, q.start, q.end)
    if aside is None:
        return None
    group = "np" if aside.group("np") else "np_after"
    if not could_be_speaker(aside.group(group)):
        return None
    start, end = aside.span(group)
    named = r.sp.doc.mentions.ending_at(end)  # inside the marks: not the resolver's
    if named is not None and named.start >= start:
        a = Attribution(named.surface, named.entity_id, None, "name")
    else:
        a = r.sp.resolve(start, end)
    return (a.named("X said"), "speech") if a.found else None


def introduced(r: Reading) -> Found | None:
    """X said: "…" / X said, "…" / X said that "…"."""
    intro = INTRO.search(r.local_pre) if r.bare else None
    if intro is None or r.sp.passive(r.local_from + intro.start()):
        return None
    a = r.sp.subject(r.local_from + intro.start(), r.sent_start)
    if intro.group("mark") == ":":
        a.pattern = "X said:"
    else:
        a.named("X said")
    return a, "speech"


def colon_introduction(r: Reading) -> Found | None:
    """ "Lukashenko said in an interview on Monday:", "Lukashenko repeated:"."""
    if not (r.bare and r.local_pre.rstrip().endswith(":")):
        return None
    a = colon_intro(r.sp, max(r.sent_start, r.local_from), r.q.open)
    if a is None:
        return None
    a.pattern = "X said:"
    return a, "speech"


def standing_alone(r: Reading) -> Found | None:
    """A quotation standing alone: the attribution after it, or a continuation."""
    if not r.standalone:
        return None
    if r.after is not None:
        return r.after, "speech"
    return continuation(r), "speech"


def document_account(r: Reading) -> Found | None:
    """ "According to an official readout, Xi hopes … "…"": a document reports
    whom its clause is about, not its own words (pattern ``according to X``)."""
    account = None
    for m in PRE_ACCORDING.finditer(r.sp.text, r.sent_start, r.q.open):
        if not r.sp.inside_quote(m.start()):
            account = m
    if account is None or not DOCUMENT.search(account.group("np")):
        return None
    if r.sp.last_event(r.q.open, account.end()) is not None:
        return None  # "…, Xi told Putin that "…"": the verb of saying decides
    a = r.sp.first_named(account.end(), r.q.open)
    if not a.found:
        return None
    return a.named("according to X"), r.inline_kind


def verb_before(r: Reading) -> Found | None:
    """The last verb of saying before the quotation in its sentence."""
    before = before_quote(r.sp, r.sent_start, r.q.open)
    if before is None:
        return None
    trailing = r.after or r.closing
    if (
        trailing is not None
        and trailing.speaker
        and MEDIUM.search(medium_text(r.sp, trailing))
    ):
        before.pattern = "medium"  # "He praised … as "…", Xinhua added"
    return before, r.inline_kind


def reported_clause(r: Reading) -> Found | None:
    """ "Lusa says that Lula will suggest … "…"", "The agencies reported that …, Xi is
    "…"": a news medium reporting what someone says; the quotation is theirs, the
    subject of the reported clause (pattern ``medium``)."""
    verb_at = r.sp.last_event(r.q.open, r.sent_start)
    if verb_at is None:
        return None
    that = REPORTED_THAT.match(r.sp.text, verb_at, r.q.open)
    if that is None:
        return None
    reporter = r.sp.subject(verb_at, r.sent_start)
    if not (reporter.found and MEDIUM.search(medium_text(r.sp, reporter))):
        return None
    person = r.sp.first_named(that.end(), r.q.open)
    if person.speaker_id is None or r.sp.entities[person.speaker_id].type != "person":
        return None
    person.pattern = "medium"
    return person, r.inline_kind


def attribution_after(r: Reading) -> Found | None:
    """An attribution right after the closing mark of a quotation inside a sentence."""
    return (r.after, r.inline_kind) if r.after is not None else None


def closing_attribution(r: Reading) -> Found | None:
    """An attribution closing the sentence: "…, Qin told Aleinik."."""
    return (r.closing, r.inline_kind) if r.closing is not None else None


def he_or_she_opening(r: Reading) -> Found | None:
    """ "He also sought Beijing's help to "…"": a sentence opened by He or She."""
    opener = HE_OR_SHE_OPENS.match(r.sp.text, r.sent_start, r.q.open)
    if opener is None or r.inline_kind != "speech":
        return None
    a = r.sp.pronoun(opener.group(1), opener.start(1), r.sent_start)
    a.pattern = "pronoun"
    return a, r.inline_kind


def possessive_phrase(r: Reading) -> Found | None:
    """'to meet his "dear friend" Xi': a quoted term after a possessive is the words
    of whom the possessive means (pattern ``possessive``)."""
    if r.inline_kind != "phrase":
        return None
    owner = POSSESSIVE_BEFORE.search(
        r.sp.text, max(r.sent_start, r.q.open - 12), r.q.open
    )
    if owner is None:
        return None
    if owner.group("pronoun"):
        a = _nearest_person(r, owner.start()) or r.sp.pronoun(
            "he", owner.start(), r.sent_start
        )
    else:
        m = r.sp.mentions.ending_at(owner.start())
        if m is None or r.sp.entities[m.entity_id].type != "person":
            return None
        a = Attribution(m.surface, m.entity_id, None, "name")
    if a.speaker_id is None:
        return None
    a.pattern = "possessive"
    return a, r.inline_kind


def _nearest_person(r: Reading, pos: int) -> Attribution | None:
    """The person named last before ``pos`` in the sentence, not as an owner ("and
    Putin cherishing his "…"")."""
    for m in reversed(r.sp.mentions.between(r.sent_start, pos)):
        if r.sp.entities[m.entity_id].type != "person":
            continue
        if r.sp.text[m.end : m.end + 2] in ("'s", "’s"):
            continue
        return Attribution(m.surface, m.entity_id, None, "name")
    return None


def epithet_before_name(r: Reading) -> Found | None:
    """'Putin lands in Beijing to meet "old friend" Xi': a quoted term right before
    the name of whom it describes is the words of the clause's subject, another
    person (pattern ``epithet``)."""
    if r.inline_kind != "phrase" or r.q.close is None:
        return None
    named = next(iter(r.sp.mentions.after(r.q.close + 1)), None)
    if (
        named is None
        or r.sp.text[r.q.close + 1 : named.start].strip()
        or r.sp.entities[named.entity_id].type != "person"
    ):
        return None
    subject = _first_person(r, r.q.open, exclude=named.entity_id)
    if subject is None:
        return None
    subject.pattern = "epithet"
    return subject, r.inline_kind


def _first_person(r: Reading, before: int, exclude: str) -> Attribution | None:
    """The first person named in the sentence before ``before``, other than
    ``exclude``, not after a preposition."""
    for m in r.sp.mentions.between(r.sent_start, before):
        if m.entity_id != exclude and r.sp.entities[m.entity_id].type == "person":
            a = r.sp.first_named(m.start, before)
            if a.speaker_id == m.entity_id:
                return a
    return None


def sentence_subject(r: Reading) -> Found | None:
    """'Lukashenko thanked China for its support at "difficult times"': with no verb
    of saying, a quotation is the words of whom its sentence is about - the first
    person or organization named, described or meant before it, not after a
    preposition (pattern ``subject``)."""
    start = r.sent_start
    for clause in NEW_CLAUSE.finditer(r.sp.text, r.sent_start, r.q.open):
        start = clause.end()  # "…, while Minsk's "…" hopes": another clause
    a = r.sp.first_named(start, r.q.open, places=True)
    if a.speaker_id is None:
        return None
    a.pattern = "subject"
    return a, r.inline_kind


def latest_speaker(r: Reading) -> Found | None:
    """Else the person who spoke last in the paragraph or the sentence before it
    (pattern ``continuation``): a quotation in news copy is someone's words."""
    prev_start = r.sp.sentence(max(r.sent_start - 2, 0), *r.sp.paragraph(r.sent_start))
    since = min(prev_start[0], r.q.para_start)
    for q, (a, _) in reversed(r.done):
        if q.stop < since:
            break
        if a.speaker_id is not None:
            return Attribution(a.speaker, a.speaker_id, "continuation", a.how), (
                r.inline_kind
            )
    return None


RULES: tuple[Callable[[Reading], Found | None], ...] = (
    split_quotation,
    inner_aside,
    introduced,
    colon_introduction,
    standing_alone,
    reported_clause,
    document_account,
    verb_before,
    attribution_after,
    closing_attribution,
    possessive_phrase,
    epithet_before_name,
    he_or_she_opening,
    sentence_subject,
    latest_speaker,
)


def attribute(sp: Speakers, quotation: Quotation, done) -> Found:
    """The first rule's verdict for ``quotation``; no speaker when none decides."""
    r = Reading(sp, quotation, done)
    for rule in RULES:
        found = rule(r)
        if found is not None:
            return found
    return Attribution(), r.inline_kind


def continuation(r: Reading) -> Attribution:
    """A quotation with no attribution of its own (``standing_alone``)."""
    sp, s, sent_start = r.sp, r.q, r.sent_start
    prev_sentence = sp.sentence(max(sent_start - 2, 0), s.para_start, sent_start)[0]
    if r.done:
        prev_span, (prev_a, _) = r.done[-1]
        if (
            prev_span.para_start == s.para_start
            and prev_span.stop >= prev_sentence
            and prev_a.found
        ):
            return Attribution(
                prev_a.speaker, prev_a.speaker_id, "continuation", prev_a.how
            )
    if sent_start <= 0:
        return Attribution()
    intro = paragraph_intro(sp, s)
    if intro is not None:
        return intro
    after_quote_paragraph = _after_quote_paragraph(r)
    if after_quote_paragraph is not None:
        return after_quote_paragraph
    para_start, _ = sp.paragraph(sent_start - 1)
    prev_start, _ = sp.sentence(max(sent_start - 2, 0), para_start, sent_start)
    if s.para_start == sent_start:
        prev_start = para_start  # a quotation opening a paragraph: the one before
    event = None
    for m in VERB.finditer(sp.text, prev_start, sent_start):
        if not sp.inside_quote(m.start()) and not sp.passive(m.start()):
            event = m
    according = None
    for m in PRE_ACCORDING.finditer(sp.text, prev_start, sent_start):
        if not sp.inside_quote(m.start()):
            according = m
    if according is not None and (event is None or according.start() > event.start()):
        # "According to the Belarusian head of state, …" / "…"
        np_end = according.start("np") + len(according.group("np").rstrip())
        a = sp.resolve(according.start("np"), np_end)
    elif event is not None:
        a = sp.subject(
            event.start(), sp.sentence(event.start(), para_start, sent_start)[0]
        )
    else:
        return Attribution()
    if a.speaker_id is None:
        return Attribution()
    a.pattern = "continuation"
    return a


def _after_quote_paragraph(r: Reading) -> Attribution | None:
    """A paragraph opening with a quotation right after a paragraph that ended with
    an attributed one: the same voice goes on ("X, President of Belarus:" / "…" /
    "…")."""
    if not r.done or r.sp.text[r.q.para_start : r.q.open].strip():
        return None
    prev, (prev_a, _) = r.done[-1]
    if not prev_a.found or prev.close is None:
        return None
    between = r.sp.text[prev.close + 1 : r.q.para_start]
    if between.count("\n") != 1 or between.strip(" \t\n.,;:!?)"):
        return None
    return Attribution(prev_a.speaker, prev_a.speaker_id, "continuation", prev_a.how)
