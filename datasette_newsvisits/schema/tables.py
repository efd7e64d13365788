"""The public tables, each declared once: columns with their types and docs, keys,
indexes, full-text search, and role.

Table and column names are a contract: users write SQL against them. Add tables and
columns freely (an existing database gains new columns when the loader opens it);
rename nothing without a migration. The README's schema section and ``metadata.json``
are generated from these declarations (``python -m datasette_newsvisits.schema``).
"""

from __future__ import annotations

from .captures import RAW_TEXT_SQL
from .declare import ARTICLE_CHILD, ARTICLES, DERIVED, LOADER, REFERENCE, Table, View

ARTICLE = (str, "The article.")
OUTLET_COPY = (str, "The article's outlet (copied here for fast counts).")
OFFSET = (int, "Offset in articles.text.")
# Columns that article_captures stores and the article_sources view shows again.
INPUT_FORMAT = (str, "Input format: txt, html, jsonl or csv.")
CLEANING = (
    str,
    "JSON array of {step, text}: each removed piece and the rule that removed it.",
)
ENCODING = (
    str,
    (
        "Character encoding the input was read in: utf-8, or a codec with "
        "(BOM), (declared) or (detected); NULL for articles loaded before it "
        "was recorded."
    ),
)

TABLES = [
    Table(
        name="articles",
        title="Articles",
        description="One row per article: the cleaned body and what is known about it.",
        role=ARTICLES,
        columns={
            "id": (str, "Stable id derived from the source name."),
            "source": (
                str,
                (
                    "Input name, unique: the file's path relative to the directory it was "
                    "found in, prefixed with that directory's name (corpus/2023/a.txt); "
                    "file#id=… or file#line=… for a JSONL/CSV row."
                ),
            ),
            "outlet_id": (str, "The outlet that published it (NULL when unknown)."),
            "title": (
                str,
                "Headline, from the input's metadata or the page's headline line.",
            ),
            "published": (
                str,
                "Publication date, yyyy-mm-dd (NULL when the input shows none).",
            ),
            "visit_id": (
                str,
                "The visit the article reports on (NULL when about none).",
            ),
            "url": (str, "The article's url, where the input shows one."),
            "agencies": (
                str,
                "JSON array of wire agencies credited or cited (AFP, Reuters, dpa…).",
            ),
            "text": (
                str,
                "Cleaned body: the page's clutter removed (see article_sources).",
            ),
            "word_count": (int, "Words in the cleaned body."),
            "month": (str, "yyyy-mm of publication, for faceting."),
            "wire_share": (
                float,
                "Share (0-1) of the body's characters in sentences found in other articles.",
            ),
            "evidence": (str, "JSON: for each described value, what it was read from."),
            "content_hash": (
                str,
                "Hash of the input: an unchanged input is not reloaded.",
            ),
        },
        pk="id",
        not_null=("source",),
        unique=("source",),
        foreign_keys={"outlet_id": "outlets", "visit_id": "visits"},
        # (source, content_hash): a re-run finds what changed without reading a row.
        indexes=(
            "outlet_id",
            "published",
            "visit_id",
            "month",
            ("source", "content_hash"),
        ),
        fts=("title", "text"),
        options={
            "sort_desc": "published",
            "facets": ["visit_id", "outlet_id", {"entity": "person"}],
            "size": 50,
        },
    ),
    Table(
        name="article_captures",
        title="Article captures (stored)",
        description=(
            "How article_sources is stored: the raw capture as a delta against "
            "articles.text (see the article_sources view)."
        ),
        role=ARTICLE_CHILD,
        columns={
            "article_id": ARTICLE,
            "format": INPUT_FORMAT,
            "raw_delta": (
                str,
                (
                    "The text as read, as a JSON array of pieces: a string stands as "
                    "it is, [start, length] is that span of articles.text."
                ),
            ),
            "cleaning": CLEANING,
            "encoding": ENCODING,
            "fields": (
                str,
                (
                    "JSON of what the input gave besides its text (title, url, "
                    "published, outlet; true: the value articles holds), so the article "
                    "can be processed again when the pipeline changes; NULL for articles "
                    "loaded before it was recorded."
                ),
            ),
        },
        pk="article_id",
        foreign_keys={"article_id": "articles"},
        partial_indexes={
            # Articles loaded before sources were prefixed (no encoding recorded),
            # which the loader renames when it meets their input again.
            "idx_article_captures_legacy": ("article_id", "encoding IS NULL"),
        },
    ),
    View(
        name="article_sources",
        title="Article sources",
        description=(
            "The raw captured text of each article and the cleaning steps that removed "
            "what. A view: raw_text is put back together from article_captures and "
            "articles.text (the capture is stored once, as what cleaning removed)."
        ),
        columns={
            "article_id": ARTICLE,
            "format": INPUT_FORMAT,
            "raw_text": (str, "The text as read, clutter included."),
            "cleaning": CLEANING,
            "encoding": ENCODING,
        },
        select=f"""SELECT c.article_id, c.format, {RAW_TEXT_SQL} AS raw_text,
    c.cleaning, c.encoding
FROM article_captures c""",
        # Rows written into the view are stored whole (one piece).
        triggers={
            "insert": """INSERT INTO article_captures
    (article_id, format, raw_delta, cleaning, encoding)
    VALUES (NEW.article_id, NEW.format, json_array(NEW.raw_text), NEW.cleaning,
    NEW.encoding)""",
            "delete": "DELETE FROM article_captures WHERE article_id = OLD.article_id",
        },
    ),
    Table(
        name="outlets",
        title="Outlets",
        description="News outlets, recognized from urls, domains, names or page signatures.",
        role=REFERENCE,
        columns={
            "id": (
                str,
                "Short id (a known outlet's id, or the domain of an unknown one).",
            ),
            "name": (str, "Outlet name."),
            "domain": (str, "Main web domain."),
            "country": (str, "ISO country code of the outlet's seat."),
            "kind": (str, "agency, newspaper, public broadcaster, state agency…"),
        },
        pk="id",
    ),
    Table(
        name="visits",
        title="Visits",
        description=(
            "Belarus-China visits and meetings 2005-2025 at head-of-state and "
            "government level (a catalogue users extend with --visits)."
        ),
        role=REFERENCE,
        columns={
            "id": (str, "Short id, e.g. 2023-03-state-visit."),
            "title": (str, "Title of the visit."),
            "kind": (str, "state visit, working visit, summit meeting, forum."),
            "place": (str, "City."),
            "start_date": (str, "First day, yyyy-mm-dd."),
            "end_date": (str, "Last day, yyyy-mm-dd."),
            "description": (str, "What happened."),
            "source": (
                str,
                (
                    "Where the dates come from (official sites, agencies, encyclopedia "
                    "articles)."
                ),
            ),
            "level": (
                str,
                (
                    "head of state (presidents, party leaders) or government (premiers, "
                    "vice-presidents, ministers, heads of parliament)."
                ),
            ),
            "participants": (
                str,
                "JSON array of the people who met, as the catalogue names them.",
            ),
            "dates_uncertain": (
                int,
                "1 when the catalogue is not sure of the exact days (see description).",
            ),
        },
        pk="id",
        indexes=("level",),
    ),
    Table(
        name="entities",
        title="Entities",
        description=(
            "People, organizations and places named in the articles, "
            "with spelling variants merged."
        ),
        role=REFERENCE,
        columns={
            "id": (str, "Stable slug of the canonical name."),
            "name": (str, "Canonical English name."),
            "type": (str, "person, organization, place or other."),
            "wikidata": (
                str,
                "Wikidata Q-id (NULL for entities found only in the text).",
            ),
            "role": (str, "Role or description from the gazetteer."),
            "origin": (str, "gazetteer, or discovered (found in the text by a rule)."),
        },
        pk="id",
        indexes=("type",),
    ),
    Table(
        name="aliases",
        title="Aliases",
        description=(
            "Every spelling that resolves to an entity: gazetteer variants and "
            "surfaces seen in articles."
        ),
        role=REFERENCE,
        columns={
            "alias": (str, "A name or variant as written (Łukaszenka, Jinping…)."),
            "entity_id": (str, "The entity it names."),
        },
        pk=("alias", "entity_id"),
        not_null=("alias", "entity_id"),
        foreign_keys={"entity_id": "entities"},
        indexes=("entity_id",),
    ),
    Table(
        name="mentions",
        title="Mentions",
        description="Each occurrence of an entity in an article's text.",
        role=ARTICLE_CHILD,
        columns={
            "article_id": ARTICLE,
            "entity_id": (str, "The entity mentioned."),
            "surface": (str, "The words as written."),
            "start": (int, "Offset of the first character in articles.text."),
            "end": (int, "Offset after the last character."),
            "outlet_id": OUTLET_COPY,
            "published": (
                str,
                "The article's publication date (copied here for fast counts).",
            ),
        },
        not_null=("article_id", "entity_id"),
        foreign_keys={"article_id": "articles", "entity_id": "entities"},
        # An entity's mentions by date, and by outlet (a facet), without reading the
        # table or articles.
        indexes=("article_id", ("entity_id", "published"), ("entity_id", "outlet_id")),
    ),
    Table(
        name="article_entities",
        title="Article entities",
        description=(
            "Which entities each article mentions, and how often: "
            "the basis of the entity facet."
        ),
        role=ARTICLE_CHILD,
        columns={
            "article_id": ARTICLE,
            "entity_id": (str, "The entity."),
            "mentions": (int, "Number of mentions in the article."),
        },
        pk=("article_id", "entity_id"),
        not_null=("article_id", "entity_id"),
        foreign_keys={"article_id": "articles", "entity_id": "entities"},
        indexes=("entity_id",),
    ),
    Table(
        name="quotes",
        title="Quotes",
        description=(
            "Quoted words with the speaker attributed, and quoted terms (kind = phrase)."
        ),
        role=ARTICLE_CHILD,
        columns={
            "id": (int, "Quote id."),
            "article_id": ARTICLE,
            "speaker_id": (
                str,
                "The entity who said it (NULL when the text does not say).",
            ),
            "speaker": (
                str,
                (
                    "The attribution as written (spokesperson Hua Chunying, he, "
                    "the Belarusian leader)."
                ),
            ),
            "text": (str, "The quoted words, without the quotation marks."),
            "start": (int, "Offset of the quoted words in articles.text."),
            "end": (int, "Offset after the quoted words."),
            "kind": (
                str,
                "speech (someone's words) or phrase (a quoted term such as all-weather).",
            ),
            "attribution": (
                str,
                (
                    "The pattern that attributed it (X said, said X, according to X, "
                    "pronoun…)."
                ),
            ),
            "quote_key": (
                str,
                "Normalized key: the same quote from two outlets has the same key.",
            ),
            "outlet_id": OUTLET_COPY,
        },
        pk="id",
        not_null=("article_id",),
        foreign_keys={"article_id": "articles", "speaker_id": "entities"},
        indexes=("article_id", "speaker_id", "quote_key", "outlet_id"),
        fts=("text",),
    ),
    Table(
        name="labels",
        title="Labels",
        description=(
            "Descriptors outlets attach to people (strongman, ruler, president, "
            "ally of putin)."
        ),
        role=ARTICLE_CHILD,
        columns={
            "article_id": ARTICLE,
            "entity_id": (str, "The person labelled."),
            "label": (
                str,
                "Normalized label, lower case: strongman, ruler, president, ally of putin.",
            ),
            "surface": (str, "The words as written."),
            "start": OFFSET,
            "qualifier": (str, "Qualifier: close, key, staunch…"),
            "nationality": (str, "Nationality word: belarusian, chinese, russian…"),
            "outlet_id": OUTLET_COPY,
        },
        not_null=("article_id", "entity_id"),
        foreign_keys={"article_id": "articles", "entity_id": "entities"},
        indexes=("article_id", "entity_id", "label", "outlet_id"),
    ),
    Table(
        name="figures",
        title="Figures",
        description=(
            "Numbers the articles report: money, percentages, counts and dates, normalized."
        ),
        role=ARTICLE_CHILD,
        columns={
            "article_id": ARTICLE,
            "kind": (str, "money, percent, count or date."),
            "value": (
                float,
                "The number (money in units of the currency; a date as yyyymmdd).",
            ),
            "unit": (str, "Currency code, percent, or what is counted."),
            "surface": (str, "The words as written."),
            "start": OFFSET,
            "outlet_id": OUTLET_COPY,
        },
        not_null=("article_id",),
        foreign_keys={"article_id": "articles"},
        indexes=("article_id", "kind", "outlet_id"),
    ),
    Table(
        name="sentence_spans",
        title="Sentence spans (stored)",
        description=(
            "How sentences is stored: each sentence's span of articles.text and its "
            "reuse group (see the sentences view)."
        ),
        role=ARTICLE_CHILD,
        columns={
            "id": (int, "Sentence id."),
            "article_id": ARTICLE,
            "position": (int, "0-based position in the article."),
            "start": OFFSET,
            "end": (int, "Offset after the sentence."),
            "reuse_id": (int, "The reuse group (NULL when no other article has it)."),
        },
        pk="id",
        not_null=("article_id",),
        foreign_keys={"article_id": "articles", "reuse_id": "reuse"},
        indexes=("article_id", "reuse_id"),
    ),
    View(
        name="sentences",
        title="Sentences",
        description=(
            "Every article split into sentences, each linked to its reuse group "
            "if other articles carry it too. A view: the text is the span of "
            "articles.text that sentence_spans records."
        ),
        columns={
            "id": (int, "Sentence id."),
            "article_id": ARTICLE,
            "position": (int, "0-based position in the article."),
            "text": (str, "The sentence."),
            "start": OFFSET,
            "end": (int, "Offset after the sentence."),
            "reuse_id": (int, "The reuse group (NULL when no other article has it)."),
        },
        # The text is a scalar subquery, not a join: SQLite reads the article only
        # for queries that ask for the text (a count or a facet on reuse_id does not).
        select="""SELECT s.id, s.article_id, s.position,
    (SELECT substr(a.text, s.start + 1, s."end" - s.start) FROM articles a
    WHERE a.id = s.article_id) AS text, s.start, s."end", s.reuse_id
FROM sentence_spans s""",
        # Written rows keep their span; the text is always the article's.
        triggers={
            "insert": """INSERT INTO sentence_spans
    (id, article_id, position, start, "end", reuse_id)
    VALUES (NEW.id, NEW.article_id, NEW.position, NEW.start, NEW."end", NEW.reuse_id)""",
            "update": """UPDATE sentence_spans SET article_id = NEW.article_id,
    position = NEW.position, start = NEW.start, "end" = NEW."end",
    reuse_id = NEW.reuse_id WHERE id = OLD.id""",
            "delete": "DELETE FROM sentence_spans WHERE id = OLD.id",
        },
    ),
    Table(
        name="visit_candidates",
        title="Visit candidates",
        description=(
            "Meetings an article clearly reports that the visits catalogue lacks: "
            "add them with --visits."
        ),
        role=ARTICLE_CHILD,
        columns={
            "article_id": (str, "The article that reports it (its visit_id is NULL)."),
            "date": (str, "The day the article reports, yyyy-mm-dd."),
            "place": (
                str,
                "A catalogued place the headline or lead names (NULL when none).",
            ),
            "countries": (
                str,
                (
                    "JSON array of the country pair the catalogue follows that the "
                    "article names."
                ),
            ),
            "evidence": (str, "The headline and lead that show the meeting."),
        },
        not_null=("article_id",),
        foreign_keys={"article_id": "articles"},
        indexes=("article_id", "date"),
    ),
    Table(
        name="reuse",
        title="Reused sentences",
        description=(
            "Groups of near-identical sentences found in two or more articles: wire copy."
        ),
        role=DERIVED,
        columns={
            "id": (int, "Group id (the smallest sentence id in it)."),
            "sentences": (int, "Sentences in the group."),
            "articles": (int, "Distinct articles that carry it."),
            "outlets": (int, "Distinct outlets that carry it."),
            "text": (str, "A representative sentence."),
        },
        pk="id",
    ),
    Table(
        name="newsvisits_meta",
        title="Loader state",
        description="Schema version and the loader's bookkeeping.",
        role=LOADER,
        columns={"key": (str, "Name."), "value": (str, "Value.")},
        pk="key",
    ),
]
