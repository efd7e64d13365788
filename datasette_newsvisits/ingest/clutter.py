"""What a line of page clutter looks like: one line in, the cleaning step it belongs to out.

The rules are about the shape of web pages, not about particular articles or outlets:
credits, navigation and widget words, date stamps, bylines, sign-offs, legal and
subscription notices, promo lines, teasers of other stories. ``classify_line`` judges
one line alone; ``clean`` adds what needs the lines around it (captions, the tail).
"""

from __future__ import annotations

import re

from ..text.dates import WEEKDAY_PATTERN, find_dates
from . import steps
from .spellings import UNSPACED

# Photo credits: a line that names where a picture came from.
CREDIT_LINE = re.compile(
    r"""(?ix)
    ^(?:©|\(c\)\s|copyright\b|photo\s*(?:credit)?\s*:|photograph\s*:|image\s*:|screenshot\s*:|
        images?\s+source\s*:|picture\s*:|credit\s*:|foto\s*:|фото\s*:|video\s*:|illustration\s*:|
        source\s*:\s*(?:getty|afp|reuters|ap\b|epa|dpa|xinhua|tass|sputnik|wikimedia|shutterstock))
    | (?:\[(?:file|photo|image|pictured)\s*:[^\]]*\]\s*$)
    | (?:\[[^\]]*\b(?:via\ reuters|reuters|afp|getty\ images|epa|ap\ photo|xinhua|tass|sputnik|pool)\b[^\]]*\]\s*$)
    | (?:(?:image|photo|foto|picture|screenshot)\s*:\s*[^.]{2,80}$)
    | (?:\bpicture[\s-]alliance\b)
    | (?:/\s*(?:dpa|afp|reuters|getty\ images|epa|ap|xinhua|tass|sputnik|kyodo|imago)\s*$)
    | (?:\bgetty\ images\s*$)
    | (?:^foto\s+[A-ZА-ЯŠČĆŽĐ])
    """
)
# Words without which a line cannot be a credit (a cheap test before the regex).
CREDIT_HINTS = (
    "©",
    "(c)",
    "copyright",
    "photo",
    "image",
    "picture",
    "credit",
    "foto",
    "фото",
    "source",
    "screenshot",
    "video",
    "illustration",
    "[",
    "/",
    "getty",
)
# A credit glued to the end of a caption ("...ally of PutinImage: BelTA/TASS").
GLUED_CREDIT = re.compile(
    r"[a-z.)](?:Image|Photo|Picture|Foto|Credit)s?:\s"
    r"|[.)] (?:Image|Photo|Picture|Foto|Screenshot|Video)s?: [^.]{2,60}$"
)
CAPTION_MARKER = re.compile(
    r"\((?:l|r|c|L|R|C|left|right|centre|center|front|back|top|bottom)\)|\bpictured\b"
)
# The site's own copyright line, not a picture's credit: the rights reserved, or a
# year after the copyright sign ("Copyright © 2024 CGTN. All rights reserved.").
SITE_COPYRIGHT = re.compile(
    r"(?i)all rights reserved|все права защищены|ўсе правы абароненыя|усі права захищені"
    r"|^(?:copyright\s*)?(?:©|\(c\))?\s*(?:19|20)\d\d\b"
)

NAV_WORDS = {
    "skip to content",
    "skip to main content",
    "related content",
    "related",
    "related articles",
    "related stories",
    "related news",
    "related topics",
    "read more",
    "read also",
    "also read",
    "see also",
    "more",
    "more from",
    "more stories",
    "more on this story",
    "advertisement",
    "advert",
    "sponsored",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "tweet",
    "email",
    "print",
    "comments",
    "comment",
    "subscribe",
    "sign up",
    "log in",
    "login",
    "menu",
    "search",
    "home",
    "news",
    "world",
    "politics",
    "business",
    "economy",
    "europe",
    "asia",
    "opinion",
    "video",
    "videos",
    "photo",
    "photos",
    "gallery",
    "listen",
    "watch",
    "trending",
    "most read",
    "most popular",
    "top stories",
    "recommended",
    "you may also like",
    "you might also like",
    "follow us",
    "back to top",
    "next article",
    "previous article",
    "accept cookies",
    "topics",
    "tags",
    "close",
    "support us",
    "breaking news emails",
    "latest news",
    "main news",
    "all news",
    "news feed",
    "go to the main site",
    "go to main page",
    "back to the main page",
    "print version",
    "text size",
    "font size",
    "listen to this article",
}
NAV_MARKERS = re.compile(  # read on the casefolded line
    r"\b(?:skip to (?:main )?content|cookie|newsletter|all rights reserved"
    r"|click here|sign up (?:for|to)|subscribe (?:to|now|for)|follow us on|download (?:our|the) app"
    r"|we (?:independently )?selected these|we may (?:earn|receive) (?:a )?commission"
    r"|affiliate (?:link|commission)|\bctrl\s*\+\s*enter\b|share (?:on|via) (?:facebook|twitter|whatsapp|telegram|x)"
    # legal notices
    r"|(?:may|must) not be (?:published|reproduced|broadcast|rewritten|redistributed)"
    r"|reproduction (?:of|in whole)[^.]{0,60}(?:prohibited|permitted|allowed)"
    r"|(?:hyper)?link to [^.]{0,60}(?:is )?(?:required|mandatory|obligatory)"
    r"|when (?:using|quoting|reprinting) (?:materials|our materials|this material)"
    r"|terms of (?:use|service)|privacy policy|все права защищены|ўсе правы абароненыя"
    r"|усі права захищені|wszelkie prawa zastrzeżone|alle rechte vorbehalten|tous droits réservés"
    # subscription, membership and newsletter banners
    r"|breaking news alerts|delivered (?:to your inbox|weekday mornings|every (?:morning|day))"
    r"|already a (?:subscriber|member)|become (?:a|our) (?:patron|member|subscriber|supporter)"
    r"|support (?:our|independent) journalism|unlimited (?:digital )?access|paywall"
    r"|log ?in to (?:continue|read)|subscribers? only|for subscribers|to continue reading"
    r"|(?:join|follow|subscribe to) (?:us|our \w+ channel) on (?:telegram|whatsapp|x|twitter|youtube|facebook))"
)
# Lines an outlet writes about itself: "X is the place where you will find…",
# "Follow X on Telegram", "Read X on Google News". Both patterns read the casefolded
# line; the phrases that may stand anywhere are looked for only in a line holding one
# of PROMO_PHRASE_WORDS (each phrase contains one), which spares most lines a scan.
PROMO_OPENING = re.compile(
    r"(?:follow|subscribe to|join|read|find|like|add) [^.]{1,50} on "
    r"(?:telegram|twitter|x|facebook|instagram|youtube|whatsapp|google news|viber|vk)\b"
    r"|(?:подписывайтесь|подпишитесь|читайте|следите за|падпісвайцеся|падпішыцеся"
    r"|чытайце|сачыце за|підписуйтесь|читайте) [^.]{0,50}"
    r"(?:telegram|телеграм|вконтакте|youtube|viber|instagram|facebook|twitter|дзен|max)"
    # "All important news is on the X channel in the MAX messenger"
    r"|(?:all|the most|the latest) (?:the )?(?:[\w-]+ )?news (?:is |are )?(?:on|in|at) "
    r"[^.]{0,60}\b(?:channel|messenger|telegram|whatsapp|viber)\b"
    r"|все (?:[\w-]+ )?новости\s*[—–-]?\s*(?:на|в) [^.]{0,60}"
    r"(?:канал|мессенджер|telegram|телеграм)"
    r"|(?:keep up|stay tuned|don't miss|never miss)\b[^.]{0,60}"
    r"\b(?:our|the) [^.]{0,30}(?:channel|telegram|whatsapp|viber)\b"
    # "Join our WhatsApp channel"
    r"|join (?:our|us)\b[^.]{0,60}\b(?:channel|telegram|whatsapp|viber|youtube)\b"
)
PROMO_PHRASE = re.compile(
    r"\bis the place where you will find\b|\bdownload (?:the|our) [^.]{1,40} app\b"
    r"|\bstay (?:informed|up to date) with\b|\bget the latest [^.]{1,40} news\b"
    r"|\b(?:in|on) the max messenger\b|\bв мессенджере max\b|\bу месенджары max\b"
    # "Our channel in Telegram: t.me/…", "News from the Union State in our Telegram channel"
    r"|\bour (?:[\w-]+ ){0,2}(?:channel|page|account)s? (?:in|on) "
    r"(?:telegram|whatsapp|viber|max|youtube|vk|dzen)\b"
    r"|\bнаш\w* (?:telegram|телеграм)[- ]?канал|\bнаш\w* канал (?:в|у) "
    r"|\bour (?:telegram|whatsapp|viber|youtube|tiktok|instagram|vk"
    r"|max|dzen) (?:channel|account|page|chat)\b"
    r"|(?:^|\s)t\.me/\w"
)
PROMO_PHRASE_WORDS = (
    "place where",
    "download",
    "stay ",
    "get the latest",
    "max messenger",
    "мессенджере max",
    "месенджары max",
    "our ",
    "наш",
    "t.me/",
)


def is_promo(lowered: str) -> bool:
    """Whether a casefolded line is the outlet advertising itself."""
    if PROMO_OPENING.match(lowered):
        return True
    return any(w in lowered for w in PROMO_PHRASE_WORDS) and bool(
        PROMO_PHRASE.search(lowered)
    )


# A reprint's translation credit: "Translated by Google Translate", "Machine
# translation", "Переведено сервисом «Яндекс Переводчик»", "Перевод: Анна Смирнова".
TRANSLATION_CREDIT = re.compile(
    r"""(?ix)
      ^(?:this\ (?:article|text|story|material|news|page|publication)\ (?:was|has\ been|is)\ )?
       (?:(?:automatically|machine)[\s-])?translated\ (?:by|with|using|via|from|into)\b
    | ^this\ (?:article|text|story|material|news|page|publication)\ (?:was|has\ been|is)
       \ (?:(?:automatically|machine[\s-])translated|translated\ (?:automatically|by\ machine))\b
    | ^(?:machine|automatic|automated)[\s-]translat(?:ion|ed)\b
    | ^(?:translation|translated\ by|translator|перевод|переклад|пераклад|tłumaczenie
        |übersetzung|traduction)\s*[:—–-]
    | ^(?:переведено|перекладено|перакладзена|przetłumaczono|übersetzt\ (?:von|mit))\b
    | \b(?:google[\s-]translate|yandex[\s.-]?translat\w*|deepl(?:\s+translator)?
        |bing\s+translator|microsoft\s+translator|яндекс[\s.-]?переводчик\w*
        |google[\s-]переводчик\w*)(?:\W|$)
    | машинн\w+\s+перев\w+|автоматическ\w+\s+перев\w+
    """
)
TRANSLATION_MAX_WORDS = 20
# A link to another story, introduced as one: "Read more: …", "[See more: …]".
TEASER_LINE = re.compile(
    r"(?i)^[\[(]?\s*(?:read (?:more|also)|also read|see (?:more|also)|related|watch|listen"
    r"|more on (?:this|that)|recommended|читайте также|см\. также|czytaj (?:też|także)"
    r"|lesen sie auch|à lire aussi|lire aussi)\b[^\n]{0,160}[\])]?\s*$"
)
MARKUP = re.compile(
    r"^(?:\[\[[^\]]*\]\]|\{\{[^}]*\}\}|<[^>]{1,80}>|\[[a-z_]+:[^\]]*\])$"
)
# Words of share and font-size widgets: a line made only of these is a widget.
WIDGET_WORDS = frozenset(
    [
        "share",
        "tweet",
        "email",
        "e-mail",
        "print",
        "facebook",
        "twitter",
        "x",
        "telegram",
        "whatsapp",
        "vk",
        "viber",
        "linkedin",
        "reddit",
        "pinterest",
        "copy",
        "link",
        "a",
        "a+",
        "a-",
        "aa",
        "font",
        "size",
        "text",
        "comments",
        "comment",
        "save",
        "bookmark",
        "messenger",
        "odnoklassniki",
        "ok",
        "flipboard",
        "mail",
    ]
)
RELATIVE_TIME = re.compile(
    r"(?i)^(?:[A-Z][A-Za-z]+)?\s*(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month)s?\s+ago$"
)
# What may stand beside a date on a date line: labels, times, weekdays, time zones.
DATE_LINE_REST = re.compile(
    rf"""(?ix)
      (?:last\ )?(?:published|updated|posted|modified|date|created|time|on|at)\b:?
    | опубликовано:?|обновлено:?|дата:?|апублікавана:?|абноўлена:?|опубліковано:?|оновлено:?
    | opublikowano:?|aktualizacja:?|veröffentlicht:?|aktualisiert:?|stand:?|publié\ le|mis\ à\ jour
    | 发布时间[:：]?|更新时间[:：]?|来源[:：]?
    | \d{{1,2}}[:.h]\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?m\.?)?
    | {WEEKDAY_PATTERN}\.?
    | \b(?-i:[A-Z]{{2,5}})(?:[+-]\d{{1,2}}(?::?\d\d)?)?\b
    | (?:г\.|года|р\.|року|r\.|uhr)
    | \b(?:в|у|о|à|um|o)\b
    | [\s,|·•/()\-–—:]+
    | \bmin(?:ute)?s?\b|\bread\b|\d+\ (?:min|minute)s?\ read
    """
)
DATE_FIELD = re.compile(
    r"(?i)^\s*(?:date|published|updated|posted)\s*:?\s*\d{4}-\d{2}-\d{2}"
)
VIEW_COUNTER = re.compile(
    r"(?i)^.{0,40}?\d[\d,.\s]*\s*(?:views?|reads?|comments?|shares?|likes?)\s*$"
)
URL_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
BYLINE = re.compile(
    r"^(?:By|BY|Written by|Reporting by|Text:|Author:|Автор:)\s+[A-ZА-Я][\w.'’/-]+(?:\s+[A-ZА-Я][\w.'’/-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-ZА-Я][\w.'’-]+(?:\s+[A-ZА-Я][\w.'’-]+){0,3})*"
    r"(?:\s*[,|]\s*[^,|]{1,40}){0,3}$"
)
# Agency sign-offs and page signatures that end an article ("tg/ar (AFP, Reuters)").
_AGENCY_NAME = r"[A-Z][\w.&'-]*(?:\s[A-Z][\w.&'-]*){0,3}"
SIGN_OFF = re.compile(
    rf"""(?x)^(?:
        [a-z]{{1,4}}(?:/[a-z]{{1,4}})+\s*\([^)]{{2,60}}\)
      | \((?:Reporting|Writing|Editing|Additional\ reporting)\ by\ [^)]*\)
      | \((?:[Ww]ith\ )?(?:[Ii]nputs?|[Cc]ontributions?|[Rr]eporting)\ from\ [^)]*\)
      | \((?:{_AGENCY_NAME}|agencies)(?:\s*(?:/|,|and|&)\s*(?:{_AGENCY_NAME}|agencies))*\)\.?
      | (?:Source|Sources)\s*:\s*(?:News\ Agencies|Al\ Jazeera[\w\s,]*|agencies|{_AGENCY_NAME}(?:\s*(?:,|and|/)\s*{_AGENCY_NAME})*)
      | [-–—]?\s*(?:AFP|Reuters|AP|dpa|Xinhua|BelTA|TASS)\s*$
    )\s*$"""
)
# A credit closing a paragraph's last sentence: "… on Tuesday. (Xinhua/AP)".
TRAILING_CREDIT = re.compile(
    rf"(?<=[.!?\"”’])\s*(\((?:{_AGENCY_NAME}|[Aa]gencies)(?:\s*(?:/|,|and|&)\s*(?:{_AGENCY_NAME}|[Aa]gencies))*\))\s*$"
)
# A link to another story closing a paragraph: "… impatient. (Read more Macron stories.)"
TRAILING_TEASER = re.compile(
    r"(?<=[.!?\"”])\s*([\[(](?:Read|See|READ|SEE) (?:more|also|MORE|ALSO)\b[^\])]{0,160}[\])])\s*$"
)
SEPARATOR = re.compile(r"^[\W_]{3,}$")
# A menu path: "Home > News > World", "Главная / Новости / Политика" (one slash
# alone may join two names: "Xi / Putin").
BREADCRUMB = re.compile(r"^[^>›»/|]{1,30}(?:\s[>›»/]\s[^>›»/|]{1,40}){1,5}$")
BREADCRUMB_STEP = re.compile(r"\s[>›»/]\s")
END_MARKERS = {
    "related content",
    "related",
    "related articles",
    "related stories",
    "related news",
    "more on this story",
    "more from",
    "more stories",
    "read more",
    "also read",
    "you may also like",
    "you might also like",
    "recommended",
    "most read",
    "trending",
    "top stories",
    "latest news",
}
TERMINAL = re.compile(r"""[.!?。！？]["'”’)\]»」]*\s*$|[.!?…]\s*$|:\s*$|["”»]\s*$""")
CAMEL_ONLY = re.compile(r"^(?:[A-Z][a-z]+){2,4}$")

HEADING_MAX_WORDS = 14
TEASER_MAX_WORDS = 24  # a longer prose line without a sentence's end is article text
CAPTION_MAX_WORDS = 45


def word_count(line: str) -> int:
    """The words of a line; in a script written without spaces (Chinese), two
    characters count as a word."""
    words = len(line.split())
    if line.isascii():
        return words
    return words + len(UNSPACED.findall(line)) // 2


def classify_line(line: str) -> str | None:
    """The clutter step a line belongs to, or None for article text."""
    words = word_count(line)
    lowered = line.casefold()
    if lowered.strip(" .:|-•·") in NAV_WORDS or (words == 1 and CAMEL_ONLY.match(line)):
        return steps.NAVIGATION
    if words <= 14:
        if URL_ONLY.match(line):
            return steps.URL
        if words <= 6 and VIEW_COUNTER.match(line):
            return steps.COUNTER
        if RELATIVE_TIME.match(line):
            return steps.TIMESTAMP
        if is_date_line(line) or DATE_FIELD.match(line):
            return steps.DATELINE
        if SIGN_OFF.match(line):
            return steps.SIGNOFF
        if BYLINE.match(line):
            return steps.BYLINE
        if MARKUP.match(line) or SEPARATOR.match(line):
            return steps.MARKUP
        if BREADCRUMB.match(line) and _is_menu_path(line):
            return steps.NAVIGATION
        if all(
            w.strip("|·•,") in WIDGET_WORDS for w in lowered.split() if w.strip("|·•,")
        ):
            return steps.WIDGET
    if words <= CAPTION_MAX_WORDS:
        if any(hint in lowered for hint in CREDIT_HINTS) and CREDIT_LINE.search(line):
            return steps.CREDIT
        if GLUED_CREDIT.search(line):
            return steps.CAPTION
        if TEASER_LINE.match(line):
            return steps.TEASER
    if words <= TRANSLATION_MAX_WORDS and TRANSLATION_CREDIT.search(line):
        return steps.TRANSLATION
    if words <= 60 and is_promo(lowered):
        return steps.PROMO
    if words <= 40 and NAV_MARKERS.search(lowered):
        return steps.BOILERPLATE
    if TERMINAL.search(line):
        return None
    if words <= 3:
        if words <= 2 and not _is_capitalized_phrase(line):
            return steps.NAVIGATION
        return steps.HEADING
    if words <= HEADING_MAX_WORDS:
        return steps.HEADING
    if words > TEASER_MAX_WORDS and _reads_like_prose(line):
        return None  # a paragraph that lost its final period
    return steps.TEASER


def _is_menu_path(line: str) -> bool:
    path = BREADCRUMB_STEP.findall(line)
    return len(path) >= 2 or path[0].strip() != "/"


def _reads_like_prose(line: str) -> bool:
    """Most words in lower case: a sentence, not a menu or a list of headlines."""
    words = line.split()
    return sum(1 for w in words if w[:1].islower()) >= 0.5 * len(words)


def is_date_line(line: str) -> bool:
    """Whether a line is only a date stamp: a date, with at most a label, weekday, time."""
    if len(line) > 90 or not any(c.isdigit() for c in line):
        return False
    mentions = [m for m in find_dates(line) if m.year and m.month]
    if not mentions:
        return False
    rest = line
    for m in reversed(mentions):
        rest = rest[: m.start] + " " + rest[m.end :]
    return not DATE_LINE_REST.sub("", rest).strip()


def _is_capitalized_phrase(line: str) -> bool:
    words = line.split()
    return len(words) == 2 and all(w[:1].isupper() for w in words)
