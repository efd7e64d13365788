"""A synthetic corpus of news articles about the Belarus-China visits, for benchmarks.

    python benchmarks/generate.py N DIR [--format jsonl|txt] [--seed S]

Each article (~500 words) mixes: wire sentences from a shared pool, reprinted with the
edits outlets make (words swapped, clauses trimmed, typos, quote styles, datelines);
sentences of the outlet's own; quotes with attributions; labels ("strongman", "ruler");
figures; spelling variants of names; and page clutter (captions, credits, view counters,
teasers). Dates cluster around the three visits with a thin spread over 2013-2025.
Output streams in constant memory: JSONL shards of 10,000 rows (text, title, url,
published, outlet) or one .txt file per article. Every template here is written for
this project; the same N and seed give the same corpus.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

import click

SHARD = 10_000

OUTLETS = [
    ("Reuters", "reuters.com"),
    ("AFP", "afp.com"),
    ("Associated Press", "apnews.com"),
    ("DW", "dw.com"),
    ("Al Jazeera", "aljazeera.com"),
    ("CBS News", "cbsnews.com"),
    ("BBC", "bbc.com"),
    ("The Guardian", "theguardian.com"),
    ("Xinhua", "xinhuanet.com"),
    ("Global Times", "globaltimes.cn"),
    ("BelTA", "belta.by"),
    ("RFE/RL", "rferl.org"),
    ("Meduza", "meduza.io"),
    ("Kyiv Independent", "kyivindependent.com"),
    ("Notes from Poland", "notesfrompoland.com"),
    ("South China Morning Post", "scmp.com"),
    ("Nikkei Asia", "asia.nikkei.com"),
    ("Politico Europe", "politico.eu"),
    ("Euronews", "euronews.com"),
    ("TASS", "tass.com"),
    ("Zerkalo", "news.zerkalo.io"),
    ("Belsat", "belsat.eu"),
    ("The Diplomat", "thediplomat.com"),
    ("France 24", "france24.com"),
]

VISITS = [  # (centre, spread in days, weight)
    (date(2022, 9, 15), 6, 0.25),
    (date(2023, 3, 1), 8, 0.40),
    (date(2023, 12, 4), 6, 0.25),
]

LUKASHENKO = [
    "Alexander Lukashenko",
    "Alexander G. Lukashenko",
    "Aleksandr Lukashenko",
    "Alyaksandr Lukashenka",
    "Łukaszenka",
    "Lukashenka",
    "Lukashenko",
]
XI = ["Xi Jinping", "Xi", "President Xi", "Jinping", "Chinese leader Xi Jinping"]
PUTIN = ["Vladimir Putin", "Putin", "Russian President Vladimir Putin"]
LABELS = [
    "Belarusian strongman",
    "Belarusian ruler",
    "authoritarian leader",
    "longtime ruler",
    "Belarusian President",
    "close Putin ally",
    "the man often called Europe's last dictator,",
]
AGENCIES = ["Reuters", "AFP", "AP", "Xinhua", "BelTA", "dpa"]
CITIES = ["BEIJING", "MINSK", "MOSCOW", "SAMARKAND", "KYIV", "BRUSSELS", "SHANGHAI"]

# Sentence parts written for this generator; slots are filled at random.
WIRE_FRAMES = [
    (
        "{L} held talks with {X} in Beijing on {day}, seeking {goal} for {Company} and {Company2} "
        "as {pressure}, {Person} of {think} said."
    ),
    (
        "The two leaders signed {n} documents on {field} and {field2}, including a ${bn} billion "
        "plan for {Company} in {Town}, {source} reported."
    ),
    (
        "Trade between China and Belarus {moved} by {pct} percent to about ${bn} billion in {year}, "
        "with {goods} from {Town} and {province} leading, according to {source}."
    ),
    (
        "{X} told {L} that Beijing was ready to deepen cooperation in {field} and {field2}, "
        "naming {Company} and the {Town} plant of {Company2}, according to {source}."
    ),
    (
        "Belarus allowed Russian troops to use {Town} and {Town2} for the {event}, drawing "
        "{reaction} from {critics} and a protest by {Person}."
    ),
    (
        "{L} is a close ally of {P} and has backed {event2}, with {Town} depending on Moscow "
        "for {need} and {need2}, {Person} wrote in {year}."
    ),
    (
        "Western governments fear {Company} could ship Chinese {goods} from {province} through "
        "{Town} to {dest}, {Person} told officials in {capital}."
    ),
    (
        "The visit follows {prior}, which {critics} dismissed as {dismissal} after {Person} of "
        "{Company} spoke in {Town} on {day}."
    ),
    (
        "Opposition leader Sviatlana Tsikhanouskaya urged {critics} to {demand} before {L} met "
        "{Person} and {Person2} in {city} on {day}."
    ),
    (
        "{L}, who has ruled Belarus since 1994, relies on {partner} for {need}, and on {Company} "
        "of {province} for {need2}, said {Person}."
    ),
    (
        "Xi and {L} announced an all-weather partnership in {place} in {month}, pledging {pledge} "
        "for {Town} and a {field} hub run by {Company}."
    ),
    (
        "At the invitation of {X}, {L} will pay a {kind} visit to China from {span} and tour "
        "{Company} in {province}, spokesperson {spokes} said on {day}."
    ),
]
OWN_FRAMES = [
    "{Person} at the {think} in {capital} said the {topic} would {effect} for {who} in {Town}.",
    (
        "In {Town}, {who} watched coverage of the {topic} with {feeling}, {Person} of "
        "{Company} told {reporter}."
    ),
    (
        "Satellite images reviewed by {desk} show new {facility} near {Town}, built by {Company} "
        "since {year}."
    ),
    (
        "The {topic} has been a theme on {channel}, where {Person} hosted {n} segments from "
        "{Town} and {Town2}."
    ),
    "{Person}, mayor of {Town}, said {who} expected the {topic} to {effect} before {year}.",
    (
        "Our correspondent in {capital} met {Person}, a {job} from {Town}, who called the "
        "{topic} {judgement}."
    ),
    (
        "Economists at {bank} estimate the {topic} could add {pct} percent to {metric} of "
        "{Town} in {year}, {Person} wrote."
    ),
    (
        "A poll by {pollster} found {pct} percent of {who} in {Town} viewed the {topic} as "
        "{judgement}."
    ),
    (
        "Shops in {Town} now sell {goods} from {province} made by {Company}, whose prices rose "
        "{pct} percent."
    ),
    (
        "The {ministry} in {capital} declined to comment on the {topic} or on {Company} when "
        "asked by {Person} of {desk}."
    ),
    (
        "{Person} drove {n} hours from {Town} to {Town2} to see the {facility} that {Company} "
        "promised in {year}."
    ),
    "For {Person}, a {job} in {Town}, the {topic} means {effect2} and little else.",
]
TAILS = [  # details that make an outlet's own sentence its own
    "according to {Person2} of {Company2}",
    "{Person2} in {Town2} recalled",
    "as {Company2} opened an office in {Town2}",
    "a point {Person2} from {Town2} disputed",
    "weeks after {Company2} left {Town2}",
    "{Person2} wrote in a {Town2} weekly",
]
QUOTE_FRAMES = [
    '"{quote}," {L} said during the talks.',
    '{X} said: "{quote}."',
    '"{quote}," {L} told {agency}, according to a transcript.',
    "“{quote},” {spokes} told reporters on {day}.",
]
QUOTES = [
    "Our friendship has stood the test of time and will only grow stronger",
    "Not a single problem in the world today can be solved without China",
    "We will never allow anyone to interfere in our internal affairs",
    "Belarus is ready to learn everything China can teach us",
    "The sanctions will not break a people that has chosen its own road",
    "We came here not to ask for money but to build things together",
    "China is a reliable friend in any weather",
]
SLOTS = {
    "day": [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    "goal": [
        "new loans",
        "fresh investment",
        "industrial deals",
        "technology transfers",
        "political support",
        "access to Chinese markets",
    ],
    "pressure": [
        "Western sanctions bite",
        "the war drags on",
        "isolation deepens",
        "the economy stalls",
        "Moscow tightens its grip",
    ],
    "field": [
        "agriculture",
        "machine building",
        "electronics",
        "logistics",
        "education",
        "customs",
        "tourism",
        "defence industry",
        "satellites",
        "medicine",
        "potash",
        "railways",
        "banking",
        "energy",
        "microelectronics",
        "forestry",
    ],
    "moved": ["rose", "grew", "jumped", "increased", "climbed"],
    "source": [
        "Chinese customs data",
        "the Belarusian statistics committee",
        "state media",
        "the foreign ministry",
        "the embassy",
        "BelTA",
        "Xinhua",
    ],
    "event": [
        "invasion of Ukraine",
        "attack on Kyiv",
        "February offensive",
        "assault on northern Ukraine",
    ],
    "event2": ["the war in Ukraine", "Moscow's invasion", "the Kremlin's offensive"],
    "reaction": ["sanctions", "condemnation", "new export bans", "travel bans"],
    "critics": [
        "Western capitals",
        "Kyiv",
        "the European Union",
        "Washington",
        "NATO",
        "rights groups",
        "exiled opposition figures",
        "Lithuania and Poland",
    ],
    "need": ["cheap energy", "loans", "markets", "security guarantees", "fuel"],
    "need2": ["credit", "diplomatic cover", "spare parts", "grain", "fertiliser sales"],
    "goods": ["components", "drones", "machine tools", "chips", "trucks", "optics"],
    "dest": ["Russian arms factories", "the Russian army", "Moscow's defence sector"],
    "capital": [
        "Washington",
        "Brussels",
        "Vilnius",
        "Warsaw",
        "Kyiv",
        "London",
        "Berlin",
    ],
    "prior": [
        "Beijing's 12-point position paper",
        "the SCO summit",
        "a phone call with Putin",
        "new EU sanctions",
        "a visit by Iran's president",
    ],
    "dismissal": ["too friendly to Moscow", "empty", "propaganda", "a distraction"],
    "demand": [
        "keep their distance",
        "raise the fate of political prisoners",
        "avoid legitimising the regime",
        "press for free elections",
    ],
    "city": ["Beijing", "the Chinese capital", "Samarkand", "Shanghai"],
    "partner": ["Moscow", "Russia", "the Kremlin"],
    "place": ["Samarkand", "the Uzbek city of Samarkand", "Uzbekistan"],
    "month": ["September", "September 2022", "last September"],
    "pledge": ["closer ties", "mutual support", "joint projects", "more flights"],
    "kind": ["state", "working", "official"],
    "span": [
        "February 28 to March 2",
        "December 3 to December 5",
        "September 14 to 16",
    ],
    "spokes": ["Hua Chunying", "Wang Wenbin", "Mao Ning", "Natalya Eismont"],
    "agency": ["Xinhua", "CCTV", "BelTA", "state television"],
    "think": [
        "Carnegie Centre",
        "European Council on Foreign Relations",
        "Minsk Dialogue",
        "Centre for Eastern Studies",
        "Chatham House",
        "Jamestown Foundation",
    ],
    "topic": [
        "visit",
        "trip",
        "summit",
        "partnership",
        "trade deal",
        "loan package",
        "industrial park",
        "rail corridor",
        "security pact",
    ],
    "effect": [
        "bring few jobs",
        "raise prices",
        "deepen dependence",
        "bring new factories",
        "change little",
        "anger neighbours",
        "lift exports",
    ],
    "who": [
        "farmers",
        "factory workers",
        "students",
        "pensioners",
        "traders",
        "exiles",
        "diplomats",
        "investors",
        "truckers",
        "teachers",
    ],
    "feeling": ["indifference", "suspicion", "hope", "irony", "fatigue", "pride"],
    "reporter": [
        "our reporter",
        "a local journalist",
        "this newspaper",
        "a correspondent",
    ],
    "desk": ["this newspaper", "our investigations desk", "the agency", "researchers"],
    "facility": ["warehouses", "hangars", "rail sidings", "fuel depots", "barracks"],
    "town": [
        "Hrodna",
        "Brest",
        "Mahilyow",
        "Homel",
        "Vitsebsk",
        "Barysaw",
        "Pinsk",
        "Lida",
        "Mazyr",
        "Salihorsk",
        "Zhodzina",
        "Navapolatsk",
    ],
    "channel": ["state television", "CCTV", "Belarus 1", "ONT", "Telegram channels"],
    "bank": [
        "the World Bank",
        "Renaissance Capital",
        "the IMF",
        "a Minsk bank",
        "Oxford Economics",
    ],
    "metric": ["exports", "growth", "industrial output", "investment", "the budget"],
    "pollster": [
        "Chatham House",
        "an independent pollster",
        "Belarusian Analytical Workroom",
    ],
    "judgement": ["a lifeline", "a trap", "a show", "a turning point", "a sell-out"],
    "province": ["Shandong", "Jiangsu", "Guangdong", "Xinjiang", "Sichuan", "Hubei"],
    "ministry": ["foreign ministry", "economy ministry", "defence ministry", "embassy"],
}
SLOTS["job"] = [
    "teacher",
    "welder",
    "farmer",
    "nurse",
    "driver",
    "student",
    "engineer",
    "trader",
]
SLOTS["effect2"] = [
    "longer queues",
    "new contracts",
    "cheaper phones",
    "higher rents",
    "a second job",
    "more paperwork",
    "night shifts",
]
FIRST = [
    "Anna",
    "Pavel",
    "Li",
    "Sarah",
    "Tomas",
    "Olga",
    "Ming",
    "Artyom",
    "Iryna",
    "Wei",
    "Maksim",
    "Hanna",
    "Jan",
    "Yulia",
    "Chen",
    "Dzmitry",
    "Katsiaryna",
    "Ales",
    "Zhang",
]
SYLLABLES = [
    "va",
    "lo",
    "rin",
    "gas",
    "tro",
    "mel",
    "ko",
    "dar",
    "shi",
    "ven",
    "bul",
    "zor",
    "ta",
    "nik",
    "pol",
    "an",
    "sky",
    "ev",
    "ich",
    "ova",
    "hu",
    "lan",
    "mir",
    "bor",
]


def pseudo_name(rng: random.Random) -> str:
    """An invented proper name (2-3 syllables): people, towns and firms nobody can look up."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


SYNONYMS = {
    "talks": "discussions",
    "leaders": "presidents",
    "signed": "inked",
    "ready": "willing",
    "deepen": "strengthen",
    "fear": "worry",
    "allowed": "let",
    "relies": "depends",
    "announced": "declared",
    "urged": "called on",
    "said": "stated",
    "reported": "said",
    "cooperation": "ties",
    "channel": "conduit",
    "about": "roughly",
}
CLUTTER = [
    "Photo: {agency}/picture alliance",
    "© {agency}",
    "{n} views",
    "Related content",
    "Skip to content",
    "Share this article",
    "Read more: {teaser}",
    "Image source: Wikimedia | CC 3.0",
    "{L} (left) and {X} at the Great Hall of the People. Photo: {agency}",
]
TEASERS = [
    "Ten recipes for a quick weeknight dinner",
    "Markets slide as oil prices jump",
    "Football: late goal settles derby",
    "Storm warnings issued for the coast",
]


def fill(frame: str, rng: random.Random, **fixed) -> str:
    """Fill a template's slots at random (``fixed`` values win)."""
    values = {
        "L": rng.choice(LUKASHENKO),
        "X": rng.choice(XI),
        "P": rng.choice(PUTIN),
        "n": rng.randint(2, 40),
        "pct": rng.randint(3, 60),
        "bn": f"{rng.randint(1, 9)}.{rng.randint(0, 99):02d}",
        "year": rng.randint(2013, 2025),
        "quote": rng.choice(QUOTES),
        "agency": rng.choice(AGENCIES),
        "teaser": rng.choice(TEASERS),
        "field2": rng.choice(SLOTS["field"]),
        "Person": f"{rng.choice(FIRST)} {pseudo_name(rng)}",
        "Person2": f"{rng.choice(FIRST)} {pseudo_name(rng)}",
        "Company": f"{pseudo_name(rng)} {rng.choice(['Group', 'Holding', 'Motors', 'Tech'])}",
        "Company2": f"{pseudo_name(rng)} {rng.choice(['Bank', 'Logistics', 'Energy'])}",
        "Town": pseudo_name(rng),
        "Town2": pseudo_name(rng),
        **{key: rng.choice(options) for key, options in SLOTS.items()},
        **fixed,
    }
    return frame.format(**values)


def wire_pool(rng: random.Random, size: int) -> list[str]:
    """Distinct wire sentences: the copy that outlets reprint."""
    pool: set[str] = set()
    while len(pool) < size:
        wire = fill(rng.choice(WIRE_FRAMES), rng)
        pool.add(wire[:-1] + ", " + fill(rng.choice(TAILS), rng) + ".")
    return sorted(pool)


def edit(sentence: str, rng: random.Random) -> str:
    """One outlet's reprint of a wire sentence: small edits, as copy desks make them."""
    words = sentence.split(" ")
    kind = rng.random()
    if kind < 0.25:
        words = [SYNONYMS.get(w, w) if rng.random() < 0.5 else w for w in words]
    elif kind < 0.4 and len(words) > 14:
        words = words[: len(words) - rng.randint(2, 4)]
        words[-1] = words[-1].rstrip(",.;") + "."
    elif kind < 0.55:
        i = rng.randrange(len(words))
        if len(words[i]) > 4:
            j = rng.randrange(1, len(words[i]) - 1)
            words[i] = words[i][:j] + words[i][j + 1 :]
    elif kind < 0.7:
        text = " ".join(words).replace('"', "“", 1).replace('"', "”", 1)
        return text
    elif kind < 0.85:
        city = rng.choice(CITIES)
        return (
            f"{city}, {rng.choice(['Feb', 'March', 'Dec', 'Sept'])} {rng.randint(1, 28)} "
            f"({rng.choice(AGENCIES)}) - " + " ".join(words)
        )
    return " ".join(words)


def article(number: int, rng: random.Random, pool: list[str]) -> dict:
    """One synthetic article as a JSONL row."""
    outlet, domain = (
        OUTLETS[number % len(OUTLETS)] if rng.random() < 0.9 else rng.choice(OUTLETS)
    )
    published = pick_date(rng)
    visit = min(range(len(VISITS)), key=lambda k: abs((VISITS[k][0] - published).days))
    # wire sentences cluster by visit: each visit draws from its own slice of the pool
    width = len(pool) // len(VISITS)
    slice_ = pool[visit * width : (visit + 1) * width]
    label = rng.choice(LABELS)
    name = rng.choice(LUKASHENKO)
    paragraphs = [
        (
            f"{label} {name} {rng.choice(['visits', 'meets', 'courts'])} "
            f"{rng.choice(XI)} in {rng.choice(SLOTS['city'])} as ties deepen"
        )
    ]
    paragraphs.append(fill(rng.choice(CLUTTER), rng))
    body: list[str] = []
    for _ in range(rng.randint(6, 9)):
        body.append(edit(rng.choice(slice_), rng))
    for _ in range(rng.randint(8, 11)):
        own = fill(rng.choice(OWN_FRAMES), rng)
        body.append(own[:-1] + ", " + fill(rng.choice(TAILS), rng) + ".")
    for _ in range(rng.randint(1, 3)):
        body.append(fill(rng.choice(QUOTE_FRAMES), rng))
    body.append(f"The {label.rstrip(',')} {name} has ruled Belarus since 1994.")
    rng.shuffle(body)
    for start in range(0, len(body), 3):
        paragraphs.append(" ".join(body[start : start + 3]))
        if rng.random() < 0.08:
            paragraphs.append(fill(rng.choice(CLUTTER), rng))
    paragraphs.append(f"({rng.choice(AGENCIES)})")
    title = paragraphs[0]
    slug = "-".join(title.lower().split()[:6]).replace(",", "").replace(".", "")
    return {
        "text": "\n\n".join(paragraphs),
        "title": title,
        "url": f"https://www.{domain}/news/{published.isoformat()}/{slug}-{number}",
        "published": published.isoformat(),
        "outlet": outlet,
    }


def pick_date(rng: random.Random) -> date:
    """A publication date: mostly around the visits, some anywhere in 2013-2025."""
    roll = rng.random()
    for centre, spread, weight in VISITS:
        if roll < weight:
            return centre + timedelta(days=round(rng.gauss(0, spread)))
        roll -= weight
    return date(2013, 1, 1) + timedelta(days=rng.randrange(13 * 365))


def generate(
    n: int,
    directory: str | Path,
    fmt: str = "jsonl",
    seed: int = 1,
    shard_size: int = SHARD,
) -> int:
    """Write ``n`` articles into ``directory``; returns the number of words written."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    pool = wire_pool(rng, max(300, min(30_000, n // 4)))
    words = 0
    if fmt == "txt":
        for number in range(n):
            row = article(number, rng, pool)
            words += len(row["text"].split())
            (directory / f"article_{number:07d}.txt").write_text(
                f"{row['title']}\n\n{row['published']}\n\n{row['text']}\n",
                encoding="utf-8",
            )
        return words
    for first in range(0, n, shard_size):
        name = f"shard_{first // shard_size:04d}.jsonl"
        with open(directory / name, "w", encoding="utf-8") as shard:
            for number in range(first, min(n, first + shard_size)):
                row = article(number, rng, pool)
                words += len(row["text"].split())
                shard.write(json.dumps(row, ensure_ascii=False) + "\n")
    return words


@click.command()
@click.argument("n", type=int)
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "txt"]), default="jsonl")
@click.option("--seed", type=int, default=1, show_default=True)
def main(n, directory, fmt, seed):
    """Write N synthetic articles into DIRECTORY."""
    words = generate(n, directory, fmt, seed)
    click.echo(f"articles={n} words={words} dir={directory}", err=False)


if __name__ == "__main__":
    sys.exit(main())
