"""SQL functions bound their own work: each argument has a length cap, past it NULL.

The caps are what keeps one call within milliseconds on the worst input (measured by
``benchmarks/sql_functions.py``), so a query cannot outrun Datasette's time limit
inside a function, where the limit cannot interrupt it.
"""

import itertools
import sqlite3

import pytest
from datasette.app import Datasette
from datasette.plugins import pm

import datasette_newsvisits
from datasette_newsvisits.plugin import sqlfunctions as f

if not pm.is_registered(datasette_newsvisits):  # when not installed with pip -e
    pm.register(datasette_newsvisits, name="datasette_newsvisits")


def words(length: int) -> str:
    """Exactly ``length`` characters of words."""
    return ("talks lasted four hours " * length)[: length - 1] + "x"


@pytest.fixture
def conn():
    connection = sqlite3.connect(":memory:")
    f.register(connection)
    yield connection
    connection.close()


CAPPED = [
    ("quote_key(?)", lambda n: (words(n),), f.MAX_QUOTE),
    ("text_similarity(?, ?)", lambda n: (words(n), words(n)), f.MAX_SIMILARITY),
    ("text_similarity('talks lasted', ?)", lambda n: (words(n),), f.MAX_SIMILARITY),
    ("kwic(?, 'hours')", lambda n: (words(n),), f.MAX_KWIC_TEXT),
    ("kwic('talks lasted four hours', ?)", lambda n: ("t" * n,), f.MAX_KWIC_TERM),
    ("visit_near(?, 7)", lambda n: ("2023-03-01" + " " * (n - 10),), f.MAX_DATE),
]


@pytest.mark.parametrize("call,args,cap", CAPPED, ids=[c[0] for c in CAPPED])
def test_an_argument_at_its_cap_is_used_and_one_character_more_gives_null(
    conn, call, args, cap
):
    at_cap = conn.execute(f"SELECT {call} IS NOT NULL", args(cap)).fetchone()[0]
    over = conn.execute(f"SELECT {call}", args(cap + 1)).fetchone()[0]
    assert over is None
    if call.startswith(("kwic('talks", "visit_near")):
        return  # a 30-letter term is not in the text; no visits in this database
    assert at_cap == 1


def test_canonical_entity_reads_names_up_to_its_cap(conn):
    padded = "Lukashenko" + " " * (f.MAX_NAME - 10)
    assert conn.execute("SELECT canonical_entity(?)", (padded,)).fetchone()[0] == (
        "Alexander Lukashenko"
    )
    assert conn.execute("SELECT canonical_entity(?)", (padded + " ",)).fetchone() == (
        None,
    )


@pytest.mark.asyncio
async def test_megabyte_arguments_cannot_hold_a_query_past_the_time_limit(tmp_path):
    # Five strings just under the old one-million-character cap kept the functions
    # busy for seconds inside one call, where Datasette's time limit cannot interrupt.
    db = tmp_path / "empty.db"
    sqlite3.connect(db).close()
    ds = Datasette([str(db)], settings={"sql_time_limit_ms": 1000})
    big = [
        f"replace(hex(zeroblob({333_000 - i})), '00', 'ab ') || 'x'" for i in range(5)
    ]
    sql = "select " + ", ".join(
        [f"text_similarity({a}, {b})" for a, b in itertools.pairwise(big)]
        + [f"kwic({a}, 'ab ab ab ab ab ab ab ab ab abx')" for a in big]
        + [f"quote_key({a})" for a in big]
    )
    response = await ds.client.get(
        "/empty.json", params={"sql": sql, "_shape": "array"}, follow_redirects=True
    )
    assert response.status_code == 200, response.text
    assert set(response.json()[0].values()) == {None}
