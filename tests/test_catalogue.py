"""The bundled catalogue of Belarus-China visits: well formed, spelled in the scripts
the coverage uses, read by assignment, and filterable by level in SQL."""

import json
import re
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from datasette.app import Datasette
from plugin_sample import sql_rows

from datasette_newsvisits.ingest.catalogues import LEVELS, load_catalogues
from datasette_newsvisits.ingest.visits import Reading, assign_visit

DATA = Path(__file__).parent.parent / "datasette_newsvisits" / "data" / "visits.json"
CATALOGUE = json.loads(DATA.read_text(encoding="utf-8"))
ENTRIES = CATALOGUE["visits"]
CYRILLIC = re.compile(r"[а-яёіў]", re.IGNORECASE)


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["id"] for e in ENTRIES])
def test_each_entry_is_dated_levelled_and_sourced(entry):
    start, end = (
        date.fromisoformat(entry["start_date"]),
        date.fromisoformat(entry["end_date"]),
    )
    assert start <= end
    assert entry["id"][:7] in (entry["start_date"][:7], entry["end_date"][:7])
    assert entry["level"] in LEVELS
    assert entry["countries"] == ["Belarus", "China"]
    assert len(entry["participants"]) >= 2
    assert entry["sources"] and all(s.strip() for s in entry["sources"])
    if entry.get("dates_uncertain"):
        assert "uncertain" in entry["description"]


def test_ids_are_unique():
    ids = [e["id"] for e in ENTRIES]
    assert len(ids) == len(set(ids))


def test_both_levels_and_both_directions_are_covered():
    def count(level, places):
        return sum(e["level"] == level and e["place"] in places for e in ENTRIES)

    chinese_cities = {"Beijing", "Qingdao", "Tianjin"}
    for level in LEVELS:
        assert count(level, chinese_cities) >= 3  # Belarusians in China
        assert count(level, {"Minsk"}) >= 1  # Chinese in Belarus


def test_every_participant_and_place_has_a_cyrillic_spelling():
    missing = set()
    for visit in load_catalogues().visits:
        named = zip(visit.participants, visit.participant_names)
        for name, spellings in [*named, (visit.place, visit.place_names)]:
            if not any(CYRILLIC.search(s) for s in spellings):
                missing.add(name)
    assert missing == set()


REPORTS = {
    "premier in Beijing": (
        (
            "Belarusian Prime Minister Mikhail Myasnikovich sat down with Premier Li Keqiang "
            "in Beijing on Monday, opening an official visit that goes on to Harbin."
        ),
        "2014-01-20",
        "2014-01-myasnikovich-beijing",
        "names Mikhail Myasnikovich",
    ),
    "premiers in Sochi, in Russian": (
        (
            "Премьер-министр Беларуси Андрей Кобяков встретился в Сочи с премьером "
            "Госсовета КНР 1 декабря, на полях заседания глав правительств ШОС."
        ),
        "2017-12-02",
        "2017-12-sco-heads-of-government-sochi",
        "names Andrei Kobyakov",
    ),
    "a vice-president's visit, not the summit it prepares": (
        (
            "Chinese Vice-President Wang Qishan held talks with Prime Minister Andrei "
            "Kobyakov in Minsk on Monday.\nThe visit prepares the meeting Alexander "
            "Lukashenko and Xi Jinping are to hold at the SCO summit in Qingdao in June."
        ),
        "2018-05-28",
        "2018-05-wang-qishan-minsk",
        "names Wang Qishan",
    ),
    "a defence minister on the day the official reports give": (
        "Lukashenko received China's defence minister Wei Fenghe in Minsk on Friday.",
        "2018-04-06",
        "2018-04-wei-fenghe-minsk",
        "date in text: Friday",
    ),
    "presidents at the 2019 SCO summit": (
        (
            "Xi Jinping met Alexander Lukashenko in Bishkek on Friday on the sidelines of "
            "the Shanghai Cooperation Organization summit."
        ),
        "2019-06-15",
        "2019-06-sco-bishkek",
        "place: Bishkek (lead)",
    ),
}


@pytest.mark.parametrize(
    "text, published, expected, why", REPORTS.values(), ids=REPORTS
)
def test_a_report_of_a_catalogued_meeting_gets_that_visit(
    text, published, expected, why
):
    visit, evidence = assign_visit(
        Reading(text, None, published, None), load_catalogues().visits
    )
    assert visit.id == expected
    assert any(line.startswith(why) for line in evidence["why"])


def test_levels_partition_the_visits_table(bundled_db):
    conn = sqlite3.connect(bundled_db)
    by_level = dict(conn.execute("select level, count(*) from visits group by level"))
    assert set(by_level) == set(LEVELS)
    assert sum(by_level.values()) == len(ENTRIES)
    government = {
        r[0] for r in conn.execute("select id from visits where level = 'government'")
    }
    assert "2024-08-li-qiang-minsk" in government
    assert "2023-03-state-visit" not in government


@pytest.mark.asyncio
async def test_articles_can_be_filtered_by_the_level_of_their_visit(bundled_db):
    ds = Datasette(immutables=[str(bundled_db)])
    sql = (
        "select visits.level, count(*) as n from articles "
        "join visits on visits.id = articles.visit_id group by visits.level"
    )
    # the five seeds report Lukashenko's two trips of 2023, both at head-of-state level
    assert await sql_rows(ds, "newsvisits", sql) == [{"level": "head of state", "n": 5}]
    table = await ds.client.get(
        "/newsvisits/visits.json", params={"level": "government", "_shape": "array"}
    )
    rows = table.json()
    assert rows and {row["level"] for row in rows} == {"government"}


README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
DATA_FILES = README.split("## Data files you can extend", 1)[1].split("\n## ", 1)[0]


def test_the_readme_query_compares_coverage_by_level(bundled_db):
    [sql] = re.findall(r"```sql\n(.*?)```", DATA_FILES, flags=re.DOTALL)
    conn = sqlite3.connect(bundled_db)
    rows = conn.execute(sql).fetchall()
    government = [e for e in ENTRIES if e["level"] == "government"]
    assert [title for title, _, _ in rows] == [
        e["title"] for e in sorted(government, key=lambda e: e["start_date"])
    ]
    assert {articles for _, _, articles in rows} == {
        0
    }  # the seeds are all head of state


def test_the_readme_example_adds_a_meeting(tmp_path):
    example = re.search(r"```json\n(\s*\{\"aliases\".*?)```", DATA_FILES, re.DOTALL)
    path = tmp_path / "my_visits.json"
    path.write_text(example.group(1), encoding="utf-8")
    [added] = json.loads(example.group(1))["visits"]
    visits = load_catalogues((str(path),)).visits
    text = "Лукашенко принял в Минске Сюй Цайхоу, заместителя председателя ЦВС Китая."
    visit, _ = assign_visit(Reading(text, None, "2012-07-11", None), visits)
    assert visit.id == added["id"]
