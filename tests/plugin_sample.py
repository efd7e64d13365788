"""A small newsvisits database written row by row, for the plugin's tests.

Four articles of our own: two outlets carrying the same quotation and the same wire
sentence with different labels for the same person, one article whose outlet is
unknown, and one from an outlet whose title, name and quotation carry HTML and
``</script>`` (escaping). Built with the public schema and ``refresh_aggregates``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from datasette.plugins import pm

import datasette_newsvisits
from datasette_newsvisits import schema
from datasette_newsvisits.aggregates import refresh_aggregates
from datasette_newsvisits.text.keys import quote_key

HOSTILE = "</script><script>alert('x')</script><!--"
LUKASHENKO = "alexander-lukashenko"


def register_plugin() -> None:
    """Register the plugin with Datasette when the package is not pip-installed."""
    if not pm.is_registered(datasette_newsvisits):
        pm.register(datasette_newsvisits, name="datasette_newsvisits")


ARTICLES = [
    # id, source, outlet, title, published, visit, wire_share
    (
        "dw1",
        "dw/belarus-strongman.txt",
        "dw",
        "Belarus strongman heads to Beijing",
        "2023-02-25",
        "2023-03-state-visit",
        0.4,
    ),
    (
        "aj1",
        "aj/lukashenko-china.txt",
        "aljazeera",
        "Lukashenko arrives in China",
        "2023-02-28",
        "2023-03-state-visit",
        0.5,
    ),
    (
        "un1",
        "captures/unknown-site.txt",
        None,
        "Minsk and Beijing sign deals",
        "2023-03-01",
        "2023-03-state-visit",
        0.0,
    ),
    (
        "ev1",
        "evil/page.txt",
        "evil",
        f"Title {HOSTILE}",
        "2023-12-04",
        "2023-12-working-visit",
        None,
    ),
]

TEXTS = {
    "dw1": "Belarus strongman Alexander Lukashenko will travel to Beijing. "
    "China's foreign ministry said Xi Jinping would host him. "
    "Trade rose by 33 percent last year.",
    "aj1": "The Belarusian leader Lukashenko arrived in Beijing on Tuesday. "
    "China's foreign ministry said Xi Jinping would host him. "
    "Trade rose by 33 percent, to $5 billion.",
    "un1": "Ruler Łukaszenka signed 16 agreements in Beijing.",
    "ev1": f"Lukashenko said {HOSTILE} in Beijing.",
}

QUOTES = [
    # article, speaker, text
    ("dw1", "hua-chunying", "The two heads of state will exchange views in depth"),
    ("aj1", "hua-chunying", "the two heads of state will exchange views in-depth,"),
    ("un1", LUKASHENKO, "We are reliable partners"),
    ("ev1", LUKASHENKO, HOSTILE),
]

LABELS = [
    ("dw1", "strongman"),
    ("aj1", "leader"),
    ("un1", "ruler"),
    ("ev1", f"label {HOSTILE}"),
]


def build_sample_db(path: str | Path) -> Path:
    """Write the sample database to ``path`` and return it."""
    path = Path(path)
    conn = sqlite3.connect(path)
    schema.ensure_schema(conn)
    conn.executemany(
        "INSERT INTO outlets (id, name, domain) VALUES (?, ?, ?)",
        [
            ("dw", "Deutsche Welle", "dw.com"),
            ("aljazeera", "Al Jazeera", "aljazeera.com"),
            ("evil", f"Evil <b>{HOSTILE}</b>", "evil.example"),
        ],
    )
    conn.executemany(
        "INSERT INTO visits (id, title, kind, place, start_date, end_date) "
        "VALUES (?, ?, ?, 'Beijing', ?, ?)",
        [
            (
                "2023-03-state-visit",
                "State visit, 2023",
                "state visit",
                "2023-02-28",
                "2023-03-02",
            ),
            (
                "2023-12-working-visit",
                f"Working visit {HOSTILE}",
                "working visit",
                "2023-12-04",
                "2023-12-04",
            ),
        ],
    )
    conn.executemany(
        "INSERT INTO entities (id, name, type, wikidata, role, origin) "
        "VALUES (?, ?, 'person', ?, ?, 'gazetteer')",
        [
            (LUKASHENKO, "Alexander Lukashenko", None, "President of Belarus"),
            ("xi-jinping", "Xi Jinping", "Q15031", "President of China"),
            ("hua-chunying", "Hua Chunying", None, "MFA spokesperson"),
        ],
    )
    conn.executemany(
        "INSERT INTO aliases VALUES (?, ?)",
        [("Łukaszenka", LUKASHENKO), ("Lukashenko", LUKASHENKO), ("Xi", "xi-jinping")],
    )
    for aid, source, outlet, title, published, visit, wire in ARTICLES:
        text = TEXTS[aid]
        conn.execute(
            "INSERT INTO articles (id, source, outlet_id, title, published, visit_id, "
            "text, word_count, month, wire_share) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                aid,
                source,
                outlet,
                title,
                published,
                visit,
                text,
                len(text.split()),
                published[:7],
                wire,
            ),
        )
        for name, entity in (
            ("Lukashenko", LUKASHENKO),
            ("Łukaszenka", LUKASHENKO),
            ("Xi Jinping", "xi-jinping"),
        ):
            start = text.find(name)
            if start >= 0:
                conn.execute(
                    "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (aid, entity, name, start, start + len(name), outlet, published),
                )
    conn.execute(
        "INSERT INTO article_entities SELECT article_id, entity_id, count(*) "
        "FROM mentions GROUP BY article_id, entity_id"
    )
    outlets = {a[0]: a[2] for a in ARTICLES}
    for aid, speaker, text in QUOTES:
        start = max(TEXTS[aid].find(text), 0)
        conn.execute(
            'INSERT INTO quotes (article_id, speaker_id, speaker, text, start, "end", '
            "kind, quote_key, outlet_id) VALUES (?, ?, NULL, ?, ?, ?, 'speech', ?, ?)",
            (
                aid,
                speaker,
                text,
                start,
                start + len(text),
                quote_key(text),
                outlets[aid],
            ),
        )
    for aid, label in LABELS:
        conn.execute(
            "INSERT INTO labels (article_id, entity_id, label, surface, start, "
            "outlet_id) VALUES (?, ?, ?, ?, 0, ?)",
            (aid, LUKASHENKO, label, label, outlets[aid]),
        )
    conn.executemany(
        "INSERT INTO figures (article_id, kind, value, unit, surface, start, outlet_id) "
        "VALUES (?, ?, ?, ?, ?, 0, ?)",
        [
            ("dw1", "percent", 33, "percent", "33 percent", "dw"),
            ("aj1", "percent", 33, "percent", "33 percent", "aljazeera"),
            ("aj1", "money", 5e9, "USD", "$5 billion", "aljazeera"),
            ("un1", "count", 16, "agreements", "16 agreements", None),
        ],
    )
    wire = "China's foreign ministry said Xi Jinping would host him."
    conn.execute("INSERT INTO reuse VALUES (1, 2, 2, 2, ?)", (wire,))
    for aid in ("dw1", "aj1"):
        start = TEXTS[aid].find(wire)
        conn.execute(
            'INSERT INTO sentences (article_id, position, text, start, "end", reuse_id) '
            "VALUES (?, 1, ?, ?, ?, 1)",
            (aid, wire, start, start + len(wire)),
        )
    conn.commit()
    refresh_aggregates(conn)
    conn.close()
    return path


async def table_json(ds, path: str, query: str = "") -> dict:
    """A table page's JSON with 0.65's keys on either Datasette: ``facet_results`` by
    facet name, ``filtered_table_rows_count`` and ``suggested_facets`` (1.0 returns
    the last two only when asked, and nests the facets under ``results``)."""
    from datasette_newsvisits.plugin.compat import DATASETTE_1

    extra = "&_extra=count,suggested_facets,facet_results" if DATASETTE_1 else ""
    response = await ds.client.get(f"{path}.json?{query}{extra}")
    assert response.status_code == 200, response.text
    data = response.json()
    if DATASETTE_1:
        data["facet_results"] = data["facet_results"]["results"]
        data["filtered_table_rows_count"] = data["count"]
    return data


async def sql_rows(ds, database: str, sql: str) -> list[dict]:
    """Rows of arbitrary SQL through Datasette (``/db.json?sql=`` on 0.65, which 1.0
    redirects to ``/db/-/query.json``)."""
    response = await ds.client.get(
        f"/{database}.json",
        params={"sql": sql, "_shape": "array"},
        follow_redirects=True,
    )
    assert response.status_code == 200, response.text
    return response.json()


WIRE_VARIANT = "China's foreign ministry said Xi Jinping will host him soon."


def add_disagreements(path: str | Path) -> Path:
    """Add to a sample database what outlets disagree on: the unknown outlet reprints
    the wire sentence with two words changed and attributes the ministry's quotation
    to Lukashenko; figures gain a date and a bare year, which no figure list shows."""
    path = Path(path)
    conn = sqlite3.connect(path)
    text = TEXTS["un1"] + " " + WIRE_VARIANT
    conn.execute("UPDATE articles SET text = ? WHERE id = 'un1'", (text,))
    start = text.find(WIRE_VARIANT)
    conn.execute(
        'INSERT INTO sentences (article_id, position, text, start, "end", reuse_id) '
        "VALUES ('un1', 1, ?, ?, ?, 1)",
        (WIRE_VARIANT, start, start + len(WIRE_VARIANT)),
    )
    conn.execute("UPDATE reuse SET sentences = 3, articles = 3 WHERE id = 1")
    quote = QUOTES[0][2]
    conn.execute(
        'INSERT INTO quotes (article_id, speaker_id, text, start, "end", kind, '
        "quote_key, outlet_id) VALUES ('un1', ?, ?, 0, 0, 'speech', ?, NULL)",
        (LUKASHENKO, quote, quote_key(quote)),
    )
    conn.executemany(
        "INSERT INTO figures (article_id, kind, value, unit, surface, start, outlet_id) "
        "VALUES (?, ?, ?, ?, ?, 0, ?)",
        [
            ("dw1", "date", 20230228, "date", "28 February", "dw"),
            ("aj1", "count", 2023, None, "2023", "aljazeera"),
        ],
    )
    conn.commit()
    refresh_aggregates(conn)
    conn.close()
    return path
