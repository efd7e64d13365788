"""The clauses around a quotation: attributions after it, closing its sentence, or
before it, and colon introductions. Each function reads the text at given positions
and returns an ``Attribution`` (or None); ``attribution`` decides which applies.
"""

from __future__ import annotations

from ...text.quotemarks import Quotation
from .found import Attribution
from .patterns import (
    COMMA,
    LAST_WORD,
    NEW_CLAUSE,
    POST_ACCORDING,
    POST_QUOTED,
    POST_SAID_X,
    POST_X_SAID,
    PRE_ACCORDING,
    PRE_QUOTED,
    TAIL,
    VERB,
    could_be_speaker,
)
from .speakers import Speakers


def medium_text(sp: Speakers, a: Attribution) -> str:
    """The speaker phrase with its entity's name and role, to spot a news medium."""
    entity = sp.entities.get(a.speaker_id) if a.speaker_id else None
    extra = f" {entity.name} {entity.role or ''}" if entity else ""
    return (a.speaker or "") + extra


def after_quote(sp: Speakers, pos: int, post: str) -> Attribution | None:
    """An attribution right after a closing mark (``post`` starts at ``pos``)."""
    m = POST_QUOTED.match(post)
    if m and could_be_speaker(m.group("np0")):
        a = sp.resolve(pos + m.start("np"), pos + m.end("np"))
        a.pattern = "medium"
        return a
    m = POST_SAID_X.match(post)
    if m and could_be_speaker(m.group("np"), allow_pronoun=False):
        return sp.resolve(pos + m.start("np"), pos + m.end("np")).named("said X")
    m = POST_ACCORDING.match(post)
    if m:
        a = sp.resolve(pos + m.start("np"), pos + m.end("np"))
        return a.named("according to X")
    m = POST_X_SAID.match(post)
    if m and could_be_speaker(m.group("np")):
        a = sp.resolve(pos + m.start("np"), pos + m.end("np"))
        return a.named(_said_or_told(m))
    return None


def _said_or_told(m) -> str:
    """ "X told Y" when the verb is "told" with an object, else "X said"."""
    told = m.group("verb") in ("told", "tells") and m.group("obj")
    return "X told Y" if told else "X said"


def sentence_final(sp: Speakers, pos: int, post: str) -> Attribution | None:
    """An attribution closing the sentence: "…, the ministry said on Saturday."."""
    # only a comma near the end can open the sentence's closing attribution
    first = max(0, len(post) - 260)
    if sp.last_event(pos + len(post), pos + first) is None and "ccording" not in post:
        return None
    for comma in COMMA.finditer(post, first):
        if sp.inside_quote(pos + comma.start()):
            continue
        tail = post[comma.start() :]
        for pattern in (POST_SAID_X, POST_ACCORDING, POST_X_SAID):
            m = pattern.match(tail)
            if not (
                m
                and could_be_speaker(
                    m.group("np"), allow_pronoun=pattern is not POST_SAID_X
                )
            ):
                continue
            if not TAIL.match(tail, m.end()):
                continue
            start = pos + comma.start()
            a = sp.resolve(start + m.start("np"), start + m.end("np"))
            if pattern is POST_X_SAID:
                return a.named(_said_or_told(m))
            if pattern is POST_ACCORDING:
                return a.named("according to X")
            return a.named("said X")
    return None


def before_quote(sp: Speakers, sent_start: int, open_at: int) -> Attribution | None:
    """The last verb of saying (or "according to X", "quoted X as saying") before."""
    text = sp.text
    best = None  # (position, kind, match)
    verb_at = sp.last_event(open_at, sent_start)
    if verb_at is not None:
        best = (verb_at, "verb", VERB.match(text, verb_at))
    for m in PRE_QUOTED.finditer(text, sent_start, open_at):
        if not sp.inside_quote(m.start()) and (best is None or m.start() >= best[0]):
            best = (m.start(), "quoted", m)
    for m in PRE_ACCORDING.finditer(text, sent_start, open_at):
        if not sp.inside_quote(m.start()) and (best is None or m.start() > best[0]):
            best = (m.start(), "according", m)
    if best is None or NEW_CLAUSE.search(text, best[0], open_at):
        return None  # "X said …; while China's "…" …": another clause, another voice
    at, how, m = best
    if how == "verb":
        told = m.group() in ("told", "tells")
        return sp.subject(at, sent_start).named("X told Y" if told else "X said")
    np_end = m.start("np") + len(m.group("np").rstrip())
    if how == "quoted" and m.group("np").startswith("by "):
        # "Xi was quoted by CCTV as saying": the subject, not the medium
        a = sp.subject(m.start(), sent_start)
        a.pattern = "medium"
        return a
    a = sp.resolve(m.start("np"), np_end)
    if how == "quoted":
        a.pattern = "medium"
        return a
    return a.named("according to X")


def paragraph_intro(sp: Speakers, s: Quotation) -> Attribution | None:
    """A quotation opening a paragraph after one that ends "… put it this way:"."""
    if s.para_start < 2 or sp.text[s.para_start : s.open].strip():
        return None
    before = sp.text[: s.para_start].rstrip()
    if not before.endswith(":"):
        return None
    p_start, _ = sp.paragraph(len(before) - 1)
    sent_start, _ = sp.sentence(len(before) - 1, p_start, len(before))
    a = colon_intro(sp, sent_start, len(before))
    if a is not None:
        a.pattern = "X said:"
    return a


def colon_intro(sp: Speakers, sent_start: int, colon_end: int) -> Attribution | None:
    """The speaker of "X said in Vilnius:", "X repeated:", "He drew attention to …:"
    or a transcript label "X, President of Belarus:" ending at ``colon_end``."""
    verb_at = sp.last_event(colon_end, sent_start)
    if verb_at is not None:
        a = sp.subject(verb_at, sent_start)
        return a if a.found else None
    a = sp.first_named(sent_start, colon_end)  # the sentence's subject
    if a.speaker_id is not None:
        return a
    last = LAST_WORD.search(sp.text, sent_start, colon_end)
    if not (last and last.group(1).islower()):
        return None
    a = sp.subject(last.start(1), sent_start)
    return a if a.found else None
