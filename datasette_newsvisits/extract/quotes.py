"""Quotations in an article, each with its speaker when the text names one.

``extract_quotes(text, mentions, entities)`` is pure: cleaned text and the entity
extractor's output in, ``Quote`` records out. ``Quote.text`` is exactly
``text[start:end]``: the words between the marks, surrounding spaces trimmed.
``Quote.attribution`` names the rule that found the speaker: ``X said`` (any verb of
saying), ``said X``, ``according to X``, ``X told Y``, ``X said:`` (a colon
introduction), ``pronoun``, ``descriptor``, ``medium``, ``continuation``; None when
nothing attributes the quotation.

Quotations are found by ``text.quotemarks`` (where the marks pair up) and sentences
by ``text.sentences``, the splitter the stored ``sentences`` come from: a quotation
never splits a sentence. Parts of a paragraph continuation share the attribution
found at the end of the chain (or before its start).

Attribution, tried in this order for each quotation, within its sentence (read at
most ``SENTENCE_REACH`` characters either side of the quotation):

1. split: ``"…," he said, "…"`` - the second part takes the first part's speaker;
2. introduced: the quotation starts its sentence, or follows ``X said:`` /
   ``X said,`` / ``X said in an interview on Monday:`` / ``X repeated:`` (pattern
   ``X said:`` for a colon);
3. right after the closing mark (a comma or dash between allowed): ``X quoted Y as
   saying`` (speaker Y, ``medium``), ``said X``, ``according to X`` / ``in the words
   of X``, ``X said`` / ``X told Y`` (speaker X, not Y; any verb of saying: added,
   stated, noted, stressed, wrote, declared, warned, replied, ``was quoted as
   saying``, …), an apposition allowed (``X, a former minister, wrote``);
4. a quotation inside a sentence (not standing alone): the last reporting verb before
   it in the sentence, outside other quotations (``Zelenskyy … noted that "…"``,
   ``According to him, … "…"``, ``quoted him as saying that "…"``), else an
   attribution at the end of the sentence (``…, Qin told Aleinik.``); a verb after
   "and" shares the subject of the verb before it; passive verbs ("is reported to")
   attribute nothing;
5. a quotation with no attribution of its own continues the previous one in its
   paragraph, or takes the speaker of a reporting verb in the sentence just before
   it (``…, Lukashenko told Xinhua. "…"``; pattern ``continuation``);
6. a long quotation in a sentence that starts with "He"/"She" and has no verb of
   saying is that person's ("He also sought Beijing's help to "…"");
7. otherwise the speaker is None: no guess.

Media: a news agency that carries someone's words is not the speaker. ``X told
Xinhua`` gives X; ``Xinhua quoted X as saying`` gives X; when a quotation inside a
paraphrase has its own subject and verb (``He also praised … as "…", Xinhua added``)
the subject is the speaker and the attribution is ``medium``. A quotation standing
alone with only an agency after it (``"…," BelTA added``) is the agency's own words.

Resolving the speaker phrase (``Quote.speaker`` keeps it as written):

- a mention (any entity type: "Beijing said" is the Chinese government speaking)
  ending the phrase is the speaker, unless a preposition or "and" comes before it
  ("representatives of …", "media in Minsk", "Xi and Lukashenko": no single speaker);
- he/she/him/her (gender-neutral: any person): the nearest person named earlier in
  the same sentence (not after a preposition or "told"), else whom the sentence
  before is about (the subject of its first verb of saying, or its first named
  person; an unnamed speaker there - "a Western diplomat said" - leaves the pronoun
  unresolved), else the latest person who said something (a verb of saying with a resolved subject, or a quotation's
  speaker), else the nearest person mention, within ``WINDOW`` characters; names
  inside quotations never count; when the latest one to speak is a capitalized name
  no entity covers (an unknown person), the pronoun stays unresolved;
- they/them/it: the nearest person-or-organization mention in the same or previous
  sentence if it is an organization, else the latest organization that spoke;
  people ("Xi and Lukashenko … they") give None;
- "the" + role ("the Belarusian leader", "the head of state", "the Kremlin leader",
  "the diplomat", "the ministry"): the latest entity mentioned before it whose
  gazetteer role, title before a mention or apposition after it matches the role
  and the nationality (role synonyms in ``_PERSON_ROLES``: a "leader" may be a
  president or ruler, a "diplomat" an ambassador or a foreign-ministry
  spokesperson); "the SCO secretariat" is the organization named inside it;
  "a …" / "one …" (an unnamed person) is never resolved;
- a name heading an "of" phrase or an apposition ("expert Ulrike Hensel of the
  University of Bremen") is the speaker; any other phrase keeps speaker_id None.

Kind: a quotation is a ``phrase`` (a term, scare quotes, a fragment: "all-weather",
"external forces", his "old friend") when it sits inside a sentence rather than
standing alone or being introduced, has at most ``PHRASE_MAX_WORDS`` words, no inner
clause punctuation and no finite-verb cue (auxiliaries, modals, subject pronouns,
contractions, "who/that + verb", an -ly adverb before a verb: "fully supports", a
leading third-person verb: "opposes …"); everything else is ``speech``. A quotation
standing alone, introduced or split by an attribution is speech however short. A phrase still gets the speaker of its sentence's
verb of saying ("the Belarusian leader said he … his "old friend" Xi" → Lukashenko).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..text.patterns import alternation
from ..text.quotemarks import Quotation
from ..text.words import STOP_WORDS
from .doc import Document, Step
from .records import Mention, Quote

WINDOW = 1500  # how far back (characters) a pronoun or descriptor looks
PHRASE_MAX_WORDS = 8
SENTENCE_REACH = 600  # characters read either side of a quotation at most
_UNKNOWN = "?"  # latest_speaker: someone spoke whom no entity covers


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_VERB_WORDS = _words(
    "said says say told tells added adds stated states noted notes stressed stresses "
    "wrote writes declared declares warned warns urged urges insisted insists "
    "explained explains emphasized emphasizes emphasised emphasises commented "
    "comments described describes called calls praised praises hailed hails announced "
    "announces claimed claims argued argues recalled recalls remarked remarks boasted "
    "boasts replied replies asked asks reported reports underlined underlines "
    "highlighted highlights reiterated reiterates assured assures acknowledged "
    "admitted complained suggested vowed promised confirmed confirms insisted repeated "
    "repeats continued continues concluded concludes answered answers responded "
    "responds observed observes cautioned predicted quipped joked conceded maintained "
    "maintains countered retorted admits admit insist"
)


_VERBS = alternation(
    _VERB_WORDS
    | {"pointed out", "points out", "put it", "puts it"}
    | {f"{v} quoted as saying" for v in ("was", "were", "is", "has been")}
)
_VERB = re.compile(r"(?<![\w\-’'])" + _VERBS + r"\b")
_NOT_AFTER = _words(
    "is was are were be been being the his her their its these those a an such recent "
    "new latest earlier so when if once"
)
_TOKEN = r"(?:(?:[A-Z]\.){2,}|[\w’'\-]+)"
_NP = rf"{_TOKEN}(?:[ \t]+{_TOKEN}){{0,7}}?"
_NP_LONG = rf"{_TOKEN}(?:[ \t]+{_TOKEN}){{0,11}}?"
_ADVERBS = r"(?:(?:also|later|then|earlier|again|once again|further|has|have|had|had also)\s+)*"
_POST_QUOTED = re.compile(
    rf"\s*[,.!?]?\s*(?P<np0>{_NP})\s+quoted\s+(?P<np>{_NP})\s+as\s+saying\b"
)
_POST_SAID_X = re.compile(
    rf"\s*[,!?—–]?\s*(?P<verb>{_VERBS})\s+(?P<np>{_NP_LONG})"
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:on|in|at|during|after|before|to|when|while|as|speaking|adding|according|who|which)\b)"
)
_POST_ACCORDING = re.compile(
    rf"\s*[,.!?]?\s*(?:according\s+to|in\s+the\s+words\s+of)\s+(?P<np>{_NP})(?=\s*(?:[,.;:!?]|$))"
)
_POST_X_SAID = re.compile(
    rf"\s*[,!?—–]?\s*(?P<np>{_NP})(?P<app>\s*,[^,;“”\"]{{1,100}},)?\s+{_ADVERBS}(?P<verb>{_VERBS})\b"
    rf"(?P<obj>\s+{_NP})?"
)
_COMMA = re.compile(",")
_TAIL = re.compile(r"[^,;“”\"]{0,70}(?:,\s*according to [^,;“”\"]{1,90})?$")
_PRE_QUOTED = re.compile(rf"quoted\s+(?P<np>{_NP})\s+as\s+saying")
_PRE_ACCORDING = re.compile(
    r"\b(?:[Aa]ccording to|[Ii]n the words of) (?P<np>[^,;“”\"]{1,80}),"
)
_AND_NAME = re.compile(r"\s+(?:and|&)\s+[A-Z]")
_NEW_CLAUSE = re.compile(r";|,\s+(?:while|whereas)\b")
_LAST_PRONOUN = re.compile(r"(?<=\s)(he|she|they|He|She|They)$")
_WHO = re.compile(r",?\s*\bwho$")
_LAST_WORD = re.compile(r"([\w’'\-]+)\s*:\s*$")
_INTRO = re.compile(rf"{_VERBS}(?:\s+that)?\s*(?P<mark>[:,])?\s*$")
_CLAUSE_START = re.compile(
    r"(?:[,;:()“”\"‘„«»]|[’'](?=\s)|\b(?:that|while|whereas|but|when|because|where|which|who|if|as)\b)\s*",
    re.IGNORECASE,
)
_TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:also|later|then|earlier|again|once again|further|has|have|had|"
    r"reportedly|separately|repeatedly|previously|recently|in turn|once|too|"
    r"personally|himself|herself|itself|themselves))+\s*$"
)
_FIRST_WORDS_OK = _words(
    "the a an one another two three some several many most his her their its"
)
_PRONOUNS = {
    "he": "person",
    "she": "person",
    "him": "person",
    "her": "person",
    "they": "organization",
    "them": "organization",
    "it": "organization",
}
_NOT_NAMES = STOP_WORDS | _words(
    "when after before while during if as asked speaking commenting however meanwhile"
)
_PREPOSITIONS = _words(
    "of in from at for by with to on near about and or between among against"
)
_FINITE_CUES = _words(
    "is are was were am will would shall should can could may might must has have had "
    "do does did won't can't don't doesn't didn't isn't aren't wasn't weren't i we "
    "you he she they"
)
_CONTRACTION = re.compile(r"\w[’'](?:re|ve|ll|m|d)\b|n[’']t\b", re.IGNORECASE)
_ADVERB_VERB = re.compile(r"\b\w+ly\s+[a-z]+(?:es|[^su\W]s|ed)\b")  # "fully supports"
_RELATIVE_VERB = re.compile(
    r"\bwho\b|\b(?:that|which)\s+(?:\w+ly\s+|never\s+|always\s+)?\w+(?:s|ed)\b"
)
_CLAUSE_PUNCT = re.compile(r"[.!?;:,]")

# Descriptors: "the" + up to three modifiers + a role noun.
_PERSON_ROLES = {
    "leader": r"leader|president|ruler|strongman|dictator|autocrat|head of state|chairman|chief",
    "president": r"president|head of state|leader",
    "ruler": r"leader|president|ruler|strongman|dictator|autocrat",
    "strongman": r"leader|president|ruler|strongman|dictator|autocrat",
    "dictator": r"leader|president|ruler|strongman|dictator|autocrat",
    "autocrat": r"leader|president|ruler|strongman|dictator|autocrat",
    "head of state": r"president|head of state|leader|chairman",
    "chairman": r"chairman|president|leader",
    "chief": r"chief|head|leader|president|secretary",
    "premier": r"premier|prime minister",
    "prime minister": r"premier|prime minister",
    "minister": r"minister",
    "foreign minister": r"foreign minister",
    "spokesperson": r"spokes|press secretary",
    "spokesman": r"spokes|press secretary",
    "spokeswoman": r"spokes|press secretary",
    "diplomat": r"diplomat|ambassador|envoy|foreign minist|foreign affairs",
    "ambassador": r"ambassador|envoy",
    "envoy": r"envoy|ambassador|representative",
    "analyst": r"analyst|expert|researcher|scholar|fellow",
    "expert": r"analyst|expert|researcher|scholar|fellow",
    "adviser": r"advis[eo]r",
    "advisor": r"advis[eo]r",
    "official": r"official|minister|spokes|diplomat|secretary",
    "secretary": r"secretary",
    "chancellor": r"chancellor",
}
_ORG_ROLES = [
    "ministry",
    "foreign ministry",
    "government",
    "agency",
    "news agency",
    "service",
    "press service",
    "office",
    "department",
    "secretariat",
    "embassy",
    "broadcaster",
    "television",
    "council",
    "commission",
    "bloc",
    "alliance",
    "organization",
    "organisation",
    "administration",
    "kremlin",
    "party",
]
_ORG_PARTS = frozenset(
    ["secretariat", "office", "service", "press service", "embassy", "spokesperson"]
)
_ROLE_NOUNS = sorted(
    set(_PERSON_ROLES) | set(_ORG_ROLES) | {"press service"}, key=len, reverse=True
)
_DESCRIPTOR = re.compile(
    r"(?:^|(?<=\s))(?P<det>[Tt]he)\s+(?P<mods>(?:[\w’'\-.]+\s+){0,3}?)(?P<role>"
    + "|".join(re.escape(r) for r in _ROLE_NOUNS)
    + r")$",
    re.IGNORECASE,
)
_NATIONALITY = {
    "belarusian": "belarus",
    "belarussian": "belarus",
    "belarus": "belarus",
    "chinese": "chin",
    "china": "chin",
    "beijing": "chin",
    "russian": "russia|kremlin|moscow",
    "russia": "russia|kremlin|moscow",
    "kremlin": "russia|kremlin|moscow",
    "ukrainian": "ukrain|kyiv",
    "american": "americ|united states|u\\.s\\.|\\bus\\b|washington",
    "us": "americ|united states|u\\.s\\.|\\bus\\b|washington",
    "u.s.": "americ|united states|u\\.s\\.|\\bus\\b|washington",
    "german": "german|berlin",
    "polish": "polish|poland|warsaw",
    "french": "french|france|paris",
    "european": "europe|\\beu\\b",
    "eu": "europe|\\beu\\b",
    "uzbek": "uzbek",
    "opposition": "opposition",
}
_MEDIUM = re.compile(
    r"\b(?:agency|news|newspaper|broadcaster|television|tv|radio|channel|media|portal|daily)\b",
    re.IGNORECASE,
)


@dataclass
class _Attribution:
    speaker: str | None = None
    speaker_id: str | None = None
    pattern: str | None = None
    how: str | None = None  # name | pronoun | descriptor | unnamed (a capitalized
    # phrase no entity covers: an unknown person) | unknown


def extract_quotes(doc: Document) -> list[Quote]:
    """The document's quotations with speaker, kind and the attribution pattern used."""
    if not doc.quotations:
        return []
    return _Article(doc).quotes()


STEP = Step(
    "quotes",
    reads=("text", "quotations", "sentences", "entities", "mentions"),
    adds=("quotes",),
    run=extract_quotes,
)


class _Article:
    """One document's quotations being attributed, and what attribution remembers."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.spans = doc.quotations
        self.mentions = doc.mentions_outside_quotations()
        self.entities = self.mentions.entities
        self._events = None
        self._event_memo: dict[int, _Attribution] = {}
        self.spoken: list[tuple[int, _Attribution]] = []  # quotation speakers so far
        self.spoken_at: list[int] = []

    # -- positions ---------------------------------------------------------------

    def _inside_quote(self, pos: int) -> bool:
        return self.spans.covers(pos)

    def sentence(self, pos: int, para_start: int, para_end: int) -> tuple[int, int]:
        """The sentence around ``pos`` (quotations never split a sentence)."""
        return self.doc.sentence_at(pos, para_start, para_end)

    def paragraph(self, pos: int) -> tuple[int, int]:
        return self.doc.paragraph_at(pos)

    def span_end(self, s: Quotation) -> int:
        return s.stop

    # -- main loop ---------------------------------------------------------------

    def quotes(self) -> list[Quote]:
        results: list[tuple[Quotation, _Attribution, str]] = []
        for i, s in enumerate(self.spans):
            attribution, kind = self.attribute(i, results)
            results.append((s, attribution, kind))
            if attribution.speaker_id or attribution.speaker:
                self.spoken.append((s.start, attribution))
                self.spoken_at.append(s.start)
        self._share_chains(results)
        return [
            Quote(
                text=self.text[s.start : s.end],
                start=s.start,
                end=s.end,
                speaker_id=a.speaker_id,
                speaker=a.speaker,
                kind=kind,
                attribution=a.pattern,
            )
            for s, a, kind in results
        ]

    def _share_chains(self, results):
        chains: dict[int, list[int]] = {}
        for k, (s, _, _) in enumerate(results):
            if s.chain is not None:
                chains.setdefault(s.chain, []).append(k)
        for members in chains.values():
            if len(members) < 2:
                continue
            last = results[members[-1]][1]
            first = results[members[0]][1]
            shared = last if last.pattern not in (None, "continuation") else first
            for k in members:
                results[k] = (results[k][0], shared, "speech")

    def attribute(self, i: int, done) -> tuple[_Attribution, str]:
        s = self.spans[i]
        text = self.text
        close = self.span_end(s)
        sent_start, sent_end = self.sentence(s.open, s.para_start, s.para_end)
        if s.close is None:
            sent_end = s.para_end
        else:
            sent_end = self.sentence(close, s.para_start, s.para_end)[1]
        # run-on "sentences" (lists, tables, broken captures) are read near the quote
        sent_start = max(sent_start, s.open - SENTENCE_REACH)
        sent_end = min(sent_end, close + 1 + SENTENCE_REACH)
        prev = done[-1] if done else None
        prev_in_sentence = (
            prev is not None
            and self.span_end(prev[0]) >= sent_start
            and prev[0].para_start == s.para_start
        )
        local_from = self.span_end(prev[0]) + 1 if prev_in_sentence else sent_start
        local_pre = text[local_from : s.open]
        post = text[close + 1 : sent_end] if s.close is not None else ""
        bare = local_pre.strip(" \t,.;:—–-")

        # 1. split quotation
        if (
            prev_in_sentence
            and prev[1].pattern not in (None, "continuation")
            and local_pre.rstrip().endswith((",", ":"))
            and _VERB.search(local_pre)
        ):
            return prev[1], "speech"
        # 2. introduced or standing alone
        intro = _INTRO.search(local_pre) if bare else None
        if intro and not self._passive(local_from + intro.start()):
            verb_at = local_from + intro.start()
            a = self.subject(verb_at, sent_start)
            a.pattern = (
                "X said:" if intro.group("mark") == ":" else _pattern(a, "X said")
            )
            return a, "speech"
        if bare and local_pre.rstrip().endswith(":"):
            # "Lukashenko said in an interview on Monday:", "Lukashenko repeated:"
            a = self.colon_intro(max(sent_start, local_from), s.open)
            if a is not None:
                a.pattern = "X said:"
                return a, "speech"
        # 3. right after the closing mark
        after = self.after_quote(close + 1, post) if post else None
        # a quotation opening a sentence that goes on ("“All-weather” is how …") is
        # part of that sentence, unless it ends like a sentence or clause itself
        standalone = not bare and (
            after is not None
            or text[s.end - 1] in ".,!?;:…"
            or not post.strip(" \t\n.,;:!?)—–-")
        )
        if standalone:
            if after is not None:
                return after, "speech"
            return self.continuation(s, sent_start, done), "speech"
        # 4. inside a sentence
        kind = _kind(text[s.start : s.end])
        before = self.before_quote(sent_start, s.open)
        if before is not None:
            trailing = after or (self.sentence_final(close + 1, post) if post else None)
            if (
                trailing is not None
                and trailing.speaker
                and _MEDIUM.search(self._medium_text(trailing))
            ):
                before.pattern = "medium"
            return before, kind
        if after is not None:
            return after, kind
        final = self.sentence_final(close + 1, post) if post else None
        if final is not None:
            return final, kind
        # 6. "He also sought Beijing's help to "…""
        opener = re.match(r"\s*(He|She)\b", text[sent_start : s.open])
        if opener and kind == "speech":
            a = self.pronoun(opener.group(1), sent_start + opener.start(1), sent_start)
            a.pattern = "pronoun"
            return a, kind
        return _Attribution(), kind

    def _medium_text(self, a: _Attribution) -> str:
        entity = self.entities.get(a.speaker_id) if a.speaker_id else None
        extra = f" {entity.name} {entity.role or ''}" if entity else ""
        return (a.speaker or "") + extra

    # -- attribution patterns ----------------------------------------------------

    def after_quote(self, pos: int, post: str) -> _Attribution | None:
        """An attribution right after a closing mark."""
        m = _POST_QUOTED.match(post)
        if m and _np_ok(m.group("np0")):
            a = self.resolve(pos + m.start("np"), pos + m.end("np"))
            a.pattern = "medium"
            return a
        m = _POST_SAID_X.match(post)
        if m and _np_ok(m.group("np"), allow_pronoun=False):
            a = self.resolve(pos + m.start("np"), pos + m.end("np"))
            a.pattern = _pattern(a, "said X")
            return a
        m = _POST_ACCORDING.match(post)
        if m:
            a = self.resolve(pos + m.start("np"), pos + m.end("np"))
            a.pattern = _pattern(a, "according to X")
            return a
        m = _POST_X_SAID.match(post)
        if m and _np_ok(m.group("np")):
            a = self.resolve(pos + m.start("np"), pos + m.end("np"))
            told = m.group("verb") in ("told", "tells") and m.group("obj")
            a.pattern = _pattern(a, "X told Y" if told else "X said")
            return a
        return None

    def sentence_final(self, pos: int, post: str) -> _Attribution | None:
        """An attribution closing the sentence: "…, the ministry said on Saturday."."""
        # only a comma near the end can open the sentence's closing attribution
        first = max(0, len(post) - 260)
        events = self.events()
        k = bisect_left(events, pos + first)
        if (
            k == len(events) or events[k] >= pos + len(post)
        ) and "ccording" not in post:
            return None
        for comma in _COMMA.finditer(post, first):
            if self._inside_quote(pos + comma.start()):
                continue
            tail = post[comma.start() :]
            for pattern in (_POST_SAID_X, _POST_ACCORDING, _POST_X_SAID):
                m = pattern.match(tail)
                if m and _np_ok(
                    m.group("np"), allow_pronoun=pattern is not _POST_SAID_X
                ):
                    if not _TAIL.match(tail, m.end()):
                        continue
                    start = pos + comma.start()
                    a = self.resolve(start + m.start("np"), start + m.end("np"))
                    if pattern is _POST_X_SAID:
                        told = m.group("verb") in ("told", "tells") and m.group("obj")
                        a.pattern = _pattern(a, "X told Y" if told else "X said")
                    elif pattern is _POST_ACCORDING:
                        a.pattern = _pattern(a, "according to X")
                    else:
                        a.pattern = _pattern(a, "said X")
                    return a
        return None

    def before_quote(self, sent_start: int, open_at: int) -> _Attribution | None:
        """The last verb of saying (or "according to X", "quoted X as saying") before."""
        text = self.text
        best = None  # (position, kind, match)
        events = self.events()
        k = bisect_left(events, open_at) - 1
        if k >= 0 and events[k] >= sent_start:
            best = (events[k], "verb", _VERB.match(text, events[k]))
        for m in _PRE_QUOTED.finditer(text, sent_start, open_at):
            if not self._inside_quote(m.start()) and (
                best is None or m.start() >= best[0]
            ):
                best = (m.start(), "quoted", m)
        for m in _PRE_ACCORDING.finditer(text, sent_start, open_at):
            if not self._inside_quote(m.start()) and (
                best is None or m.start() > best[0]
            ):
                best = (m.start(), "according", m)
        if best is None or _NEW_CLAUSE.search(text, best[0], open_at):
            return (
                None  # "X said …; while China's "…" …": another clause, another voice
            )
        at, how, m = best
        if how == "verb":
            a = self.subject(at, sent_start)
            told = m.group() in ("told", "tells")
            a.pattern = _pattern(a, "X told Y" if told else "X said")
            return a
        a = self.resolve(m.start("np"), m.start("np") + len(m.group("np").rstrip()))
        a.pattern = "medium" if how == "quoted" else _pattern(a, "according to X")
        return a

    def continuation(self, s: Quotation, sent_start: int, done) -> _Attribution:
        """A quotation with no attribution of its own."""
        prev_sentence = self.sentence(max(sent_start - 2, 0), s.para_start, sent_start)[
            0
        ]
        if done:
            prev_span, prev_a, _ = done[-1]
            if (
                prev_span.para_start == s.para_start
                and self.span_end(prev_span) >= prev_sentence
                and (prev_a.speaker or prev_a.speaker_id)
            ):
                a = _Attribution(
                    prev_a.speaker, prev_a.speaker_id, "continuation", prev_a.how
                )
                return a
        if sent_start <= 0:
            return _Attribution()
        intro = self.paragraph_intro(s)
        if intro is not None:
            return intro
        para_start, _ = self.paragraph(sent_start - 1)
        prev_start, _ = self.sentence(max(sent_start - 2, 0), para_start, sent_start)
        event = None
        for m in _VERB.finditer(self.text, prev_start, sent_start):
            if not self._inside_quote(m.start()) and not self._passive(m.start()):
                event = m
        if event is None:
            return _Attribution()
        a = self.subject(event.start(), prev_start)
        if a.speaker_id is None:
            return _Attribution()
        a.pattern = "continuation"
        return a

    def paragraph_intro(self, s: Quotation) -> _Attribution | None:
        """A quotation opening a paragraph after one that ends "… put it this way:"."""
        if s.para_start < 2 or self.text[s.para_start : s.open].strip():
            return None
        before = self.text[: s.para_start].rstrip()
        if not before.endswith(":"):
            return None
        p_start, _ = self.paragraph(len(before) - 1)
        sent_start, _ = self.sentence(len(before) - 1, p_start, len(before))
        a = self.colon_intro(sent_start, len(before))
        if a is not None:
            a.pattern = "X said:"
        return a

    def colon_intro(self, sent_start: int, colon_end: int) -> _Attribution | None:
        """The speaker of "X said in Vilnius:" or "X repeated:" ending at ``colon_end``."""
        events = self.events()
        k = bisect_left(events, colon_end) - 1
        if k >= 0 and events[k] >= sent_start:
            a = self.subject(events[k], sent_start)
        else:
            last = _LAST_WORD.search(self.text, sent_start, colon_end)
            if not (last and last.group(1).islower()):
                return None
            a = self.subject(last.start(1), sent_start)
        return a if (a.speaker or a.speaker_id) else None

    # -- subjects and speaker phrases --------------------------------------------

    def _passive(self, verb_at: int) -> bool:
        before = self.text[max(0, verb_at - 20) : verb_at]
        if before.endswith("-"):
            return True
        words = before.split()
        return bool(words) and words[-1].lower() in _NOT_AFTER

    def subject(self, verb_at: int, sent_start: int, depth: int = 0) -> _Attribution:
        """The speaker phrase before a reporting verb, resolved."""
        text = self.text
        end = verb_at
        region = text[sent_start:end]
        trimmed = _TRAILING_ADVERBS.sub("", region).rstrip()
        who = _WHO.search(trimmed)  # "Xi, who said last year that …"
        if who:
            trimmed = trimmed[: who.start()].rstrip()
        if trimmed.endswith(","):  # "X, an apposition, said"
            inner = trimmed[:-1]
            comma = inner.rfind(",")
            if comma >= 0 and not self._inside_quote(sent_start + comma):
                trimmed = inner[:comma].rstrip()
        if re.search(r"(?:^|[\s,])(?:and|but)$", trimmed) and depth < 3:
            # "X said … and noted": the subject of an earlier verb in the sentence
            events = self.events()
            k = bisect_left(events, sent_start + len(trimmed)) - 1
            while k >= 0 and events[k] >= sent_start:
                a = self.subject(events[k], sent_start, depth + 1)
                if a.speaker_id is not None:
                    return a
                k -= 1
            return _Attribution()
        np_end = sent_start + len(trimmed)
        np_start = sent_start
        for m in _CLAUSE_START.finditer(text, sent_start, np_end):
            if not self._inside_quote(m.start()) or text[m.start()] in "”\"’'":
                np_start = m.end()
        if np_start >= np_end:
            return _Attribution()
        return self.resolve(np_start, np_end, depth)

    def resolve(self, start: int, end: int, depth: int = 0) -> _Attribution:
        """Resolve a speaker phrase ``text[start:end]`` to an entity where possible."""
        text = self.text
        while end > start and text[end - 1] in " \t,.":
            end -= 1
        while start < end and text[start] in " \t":
            start += 1
        phrase = text[start:end]
        if not phrase:
            return _Attribution()
        if phrase.lower() in _PRONOUNS:
            return self.pronoun(phrase, start, None, depth)
        tail = _LAST_PRONOUN.search(phrase)  # "At a conference in Vilnius she"
        if tail and tail.group(1).lower() in ("he", "she", "they"):
            return self.pronoun(tail.group(1), start + tail.start(1), None, depth)
        display = " ".join(phrase.split()[-10:])
        m = self.mentions.ending_at(end)
        if m is not None:
            prefix = text[start : m.start].split()
            if prefix and prefix[-1].lower() in _PREPOSITIONS:
                return _Attribution(display, None, None, "unknown")
            if (
                not (prefix and prefix[0].lower() in ("a", "an", "one"))
                or len(prefix) <= 1
            ):
                return _Attribution(display, m.entity_id, None, "name")
        d = _DESCRIPTOR.search(phrase)
        if d:
            before = phrase[: d.start()].split()
            if not before or before[-1].lower() not in _PREPOSITIONS:
                entity_id = self.descriptor(d, start + d.start(), start, end)
                return _Attribution(display, entity_id, None, "descriptor")
        # "expert Ulrike Hensel of the University of Bremen": a name, then what it heads
        lo = self.mentions.index_at(start)
        for m in self.mentions[lo : self.mentions.index_at(end)]:
            if self._type(m) in ("person", "organization") and text.startswith(
                (" of ", ", "), m.end
            ):
                prefix = text[start : m.start].split()
                if not prefix or prefix[-1].lower() not in _PREPOSITIONS | {"a", "an"}:
                    return _Attribution(display, m.entity_id, None, "name")
        last = phrase.split()[-1]
        how = (
            "unnamed"
            if last[:1].isupper() and last.lower() not in _NOT_NAMES
            else "unknown"
        )
        return _Attribution(display, None, None, how)

    def pronoun(self, word, pos, sent_start=None, depth=0) -> _Attribution:
        """Resolve he/she (any person) or they/it (an organization); see the docstring."""
        wanted = _PRONOUNS[word.lower()]
        para_start, para_end = self.paragraph(pos)
        if sent_start is None:
            sent_start = self.sentence(pos, para_start, para_end)[0]
        lo = self.mentions.index_at(max(0, pos - WINDOW))
        hi = self.mentions.index_at(pos)
        if wanted == "person":
            for m in reversed(self.mentions[lo:hi]):
                if m.start < sent_start:
                    break
                if self._type(m) == "person" and not self._object(m):
                    return _Attribution(word, m.entity_id, None, "pronoun")
            subject = self.previous_subject(sent_start, depth)
            if subject is _UNKNOWN:
                return _Attribution(word, None, None, "pronoun")
            if subject is not None:
                return _Attribution(word, subject, None, "pronoun")
            spoke = self.latest_speaker(pos, "person", depth)
            if spoke is _UNKNOWN:
                return _Attribution(word, None, None, "pronoun")
            if spoke is not None:
                return _Attribution(word, spoke, None, "pronoun")
            for m in reversed(self.mentions[lo:hi]):
                if self._type(m) == "person":
                    return _Attribution(word, m.entity_id, None, "pronoun")
            return _Attribution(word, None, None, "pronoun")
        prev_start = self.sentence(
            max(sent_start - 2, 0), *self.paragraph(max(sent_start - 2, 0))
        )[0]
        for m in reversed(self.mentions[lo:hi]):
            if m.start < min(prev_start, sent_start):
                break
            kind = self._type(m)
            if kind == "organization":
                return _Attribution(word, m.entity_id, None, "pronoun")
            if kind == "person":
                return _Attribution(word, None, None, "pronoun")
        spoke = self.latest_speaker(pos, "organization", depth)
        return _Attribution(
            word, spoke if spoke is not _UNKNOWN else None, None, "pronoun"
        )

    def previous_subject(self, sent_start: int, depth: int) -> str | None:
        """The person the sentence before ``sent_start`` is about.

        The subject of its first verb of saying when it has one ("the Belarusian
        leader said he would meet his old friend Xi"), else its first named person:
        only one (not "Xi and Lukashenko"), not inside a quotation, not after a
        preposition or "told", not a possessive ("Lukashenko's press service").
        """
        if sent_start < 2:
            return None
        p_start, p_end = self.paragraph(sent_start - 2)
        start, _ = self.sentence(sent_start - 2, p_start, p_end)
        events = self.events()
        k = bisect_left(events, start)
        if k < len(events) and events[k] < sent_start:
            a = self.event_speaker(events[k], depth)
            e = self.entities.get(a.speaker_id) if a.speaker_id else None
            if e is not None:
                return a.speaker_id if e.type == "person" else None
            # "A Western diplomat said …": someone spoke whom no entity covers
            return _UNKNOWN if a.speaker else None
        lo = self.mentions.index_at(start)
        for m in self.mentions[lo : self.mentions.index_at(sent_start)]:
            if self._type(m) != "person":
                continue
            after = self.text[m.end : m.end + 3]
            if self._object(m) or after[:1] in "’'" or after[:2] == "’s":
                continue
            if _AND_NAME.match(self.text, m.end):
                return None
            return m.entity_id
        return None

    def _type(self, m: Mention) -> str | None:
        return self.mentions.type_of(m)

    def _object(self, m: Mention) -> bool:
        before = self.text[max(0, m.start - 12) : m.start].split()
        return bool(before) and before[-1].lower() in _PREPOSITIONS | {
            "told",
            "met",
            "meet",
        }

    def events(self) -> list[int]:
        """Positions of reporting verbs outside quotations (people saying things)."""
        if self._events is None:
            self._events = [
                m.start()
                for m in _VERB.finditer(self.text)
                if not self._inside_quote(m.start()) and not self._passive(m.start())
            ]
        return self._events

    def latest_speaker(self, pos: int, wanted: str, depth: int) -> str | None:
        """The entity of the latest speaker of type ``wanted`` before ``pos``."""
        if depth > 3:
            return None
        events = self.events()
        k = bisect_left(events, pos) - 1
        spoken = self.spoken
        j = bisect_left(self.spoken_at, pos) - 1
        while True:
            ev = events[k] if k >= 0 and events[k] >= pos - WINDOW else None
            sp = spoken[j] if j >= 0 and spoken[j][0] >= pos - WINDOW else None
            if ev is None and sp is None:
                return None
            if sp is not None and (ev is None or sp[0] >= ev):
                a = sp[1]
                j -= 1
            else:
                a = self.event_speaker(ev, depth)
                k -= 1
            e = self.entities.get(a.speaker_id) if a.speaker_id else None
            if e is not None and e.type == wanted:
                return a.speaker_id
            if a.how == "unnamed" and wanted == "person":
                return (
                    _UNKNOWN  # the last to speak was someone the entities do not know
                )

    def event_speaker(self, verb_at: int, depth: int) -> _Attribution:
        if verb_at not in self._event_memo:
            p0, p1 = self.paragraph(verb_at)
            sent_start = self.sentence(verb_at, p0, p1)[0]
            self._event_memo[verb_at] = self.subject(verb_at, sent_start, depth + 1)
        return self._event_memo[verb_at]

    def descriptor(
        self, d: re.Match, pos: int, np_start: int, np_end: int
    ) -> str | None:
        """The entity a "the + role" phrase describes, or None."""
        role = d.group("role").lower()
        mods = d.group("mods").lower().replace("’", "'").split()
        nationality = None
        for word in mods:
            word = word.removesuffix("'s")
            if word in _NATIONALITY:
                nationality = _NATIONALITY[word]
        inside = [
            m
            for m in self.mentions[
                self.mentions.index_at(np_start) : self.mentions.index_at(np_end)
            ]
        ]
        if role in _ORG_PARTS or role in _ORG_ROLES:
            for m in inside:
                if self._type(m) == "organization":
                    return m.entity_id
        if role in _PERSON_ROLES:
            wanted, role_re = "person", re.compile(_PERSON_ROLES[role])
        else:
            wanted, role_re = "organization", re.compile(re.escape(role))
        lo = self.mentions.index_at(max(0, pos - WINDOW))
        hi = self.mentions.index_at(np_start)
        seen = set()
        for m in reversed(self.mentions[lo:hi]):
            if m.entity_id in seen or self._type(m) != wanted:
                continue
            seen.add(m.entity_id)
            context = self.context(m.entity_id, np_start)
            if nationality and not re.search(nationality, context):
                continue
            if not role_re.search(context):
                continue
            return m.entity_id
        return None

    def context(self, entity_id: str, before: int) -> str:
        """What the article and gazetteer say an entity is: role, titles, appositions."""
        e = self.entities[entity_id]
        parts = [e.role or "", e.name]
        text = self.text
        for m in self.mentions[: self.mentions.index_at(before)]:
            if m.entity_id != entity_id:
                continue
            k = self.mentions.index_at(m.start) - 1
            floor = self.mentions[k].end if k >= 0 else 0
            lead = text[max(floor, m.start - 60) : m.start]
            lead = re.split(r"[.;:!?\n]", lead)[-1]
            parts.append(lead)
            if text[m.end : m.end + 1] == ",":
                parts.append(text[m.end + 1 : m.end + 90].split(",")[0])
        return " ".join(parts).lower()


def _pattern(a: _Attribution, name: str) -> str:
    if a.how in ("pronoun", "descriptor"):
        return a.how
    return name


def _np_ok(np: str, allow_pronoun: bool = True) -> bool:
    """Could ``np`` be a speaker phrase (a name, a pronoun, a determiner phrase)?"""
    words = np.split()
    if not words:
        return False
    first = words[0]
    low = first.lower()
    if low in _PRONOUNS:
        return allow_pronoun and len(words) == 1 and low in ("he", "she", "they", "it")
    if first[0].isupper() or low in _FIRST_WORDS_OK:
        return True
    # "spokesperson Hua Chunying": a lower-case title before a name
    return low not in _NOT_NAMES and low not in _PREPOSITIONS and words[-1][0].isupper()


def _kind(words: str) -> str:
    """``phrase`` for a short term without a finite verb, else ``speech``."""
    body = words.rstrip(" ,.;:!?")
    tokens = body.split()
    if len(tokens) > PHRASE_MAX_WORDS or _CLAUSE_PUNCT.search(body):
        return "speech"
    lowered = [t.lower().strip("’'\"") for t in tokens]
    if any(t in _FINITE_CUES for t in lowered) or _CONTRACTION.search(body):
        return "speech"
    if _RELATIVE_VERB.search(body) or _ADVERB_VERB.search(body):
        return "speech"
    first = tokens[0] if tokens else ""
    if (
        first.islower()
        and len(tokens) > 2
        and re.fullmatch(r"[a-z]+(?:es|[^su]s)", first)
    ):
        return "speech"  # "opposes external interference …", "welcomes the …"
    return "phrase"
