"""The cleaning steps: the kinds of clutter ``clean`` removes, by name.

Cleaning records each removed piece with the step that removed it; description reads
that record (a date from a dateline, an agency from a credit, an outlet from a promo
line). Both import the names from here, so the contract between them is code. The
names are also stored in ``article_sources.cleaning``: a public value, not renamed.
"""

CAPTURE_HEADER = "capture header"  # " date 2023-03-01" that a capture puts first
DATELINE = "dateline"  # a line that is only a date or a time stamp
TIMESTAMP = "timestamp"  # "42 minutes ago"
NAVIGATION = "navigation"  # menu words, section names
URL = "url"  # a line that is only a url
COUNTER = "counter"  # "1,234 views"
SIGNOFF = "signoff"  # the article's closing credit: "(Reuters)", "tg/ar (AFP, dpa)"
BYLINE = "byline"  # "By Jane Smith"
CREDIT = "credit"  # photo and source credits
CAPTION = "caption"  # a picture's caption
BOILERPLATE = "boilerplate"  # cookie, newsletter, legal and subscription notices
PROMO = "promo"  # the outlet advertising itself: "Follow X on Telegram"
TRANSLATION = "translation credit"  # "Translated by Google Translate", "Перевод: …"
TEASER = "teaser"  # a link to another story
WIDGET = "widget"  # share buttons, font-size controls
MARKUP = "markup"  # template tokens left in the text: "[[nid:710391]]"
HEADING = "heading"  # a short line without a sentence's end
HEADLINE = "headline"  # the page's headline (becomes the title)
REPEATED = "repeated"  # a line the page shows twice
TAIL = "tail"  # whatever follows the article's end
STRAY_NAME = "stray name"  # a name pasted into a sentence

# Steps whose pieces may carry the page's own date (before the article's end); a
# credit may be the page's source line ("Source: Xinhua | 2024-08-22 21:05:33").
DATE_STEPS = frozenset(
    {CAPTURE_HEADER, DATELINE, NAVIGATION, TIMESTAMP, BYLINE, HEADING, CREDIT}
)
# Steps whose pieces may credit a wire agency.
CREDIT_STEPS = frozenset({CREDIT, CAPTION, SIGNOFF, BYLINE, TAIL})
# Steps whose pieces may name the outlet itself (a picture's credit names whoever
# took the picture, not the publisher).
OUTLET_STEPS = frozenset(
    {SIGNOFF, BOILERPLATE, PROMO, BYLINE, TAIL, NAVIGATION, MARKUP}
)
