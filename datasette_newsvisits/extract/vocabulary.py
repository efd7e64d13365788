"""Word lists the entity and label rules share: data, kept in one place to extend.

All words are folded (lower case, no accents).
"""

from __future__ import annotations


def _split(words: str) -> list[str]:
    return words.split()


# Nationality adjectives (and country names used as adjectives) -> nationality label.
NATIONALITIES = {
    "belarusian": "belarusian",
    "belarussian": "belarusian",
    "belorussian": "belarusian",
    "belarus": "belarusian",
    "chinese": "chinese",
    "china": "chinese",
    "russian": "russian",
    "russia": "russian",
    "ukrainian": "ukrainian",
    "ukraine": "ukrainian",
    "american": "american",
    "us": "american",
    "u.s.": "american",
    "french": "french",
    "france": "french",
    "german": "german",
    "germany": "german",
    "polish": "polish",
    "poland": "polish",
    "lithuanian": "lithuanian",
    "lithuania": "lithuanian",
    "iranian": "iranian",
    "iran": "iranian",
    "uzbek": "uzbek",
    "uzbekistan": "uzbek",
    "kazakh": "kazakh",
    "indian": "indian",
    "pakistani": "pakistani",
    "british": "british",
    "turkish": "turkish",
    "hungarian": "hungarian",
    "serbian": "serbian",
    "japanese": "japanese",
    "south korean": "south korean",
    "korean": "korean",
    "italian": "italian",
    "european": "european",
}

# Country names as written after "of" ("President of Belarus") -> nationality.
COUNTRY_NATIONALITY = {
    "belarus": "belarusian",
    "the republic of belarus": "belarusian",
    "china": "chinese",
    "the people's republic of china": "chinese",
    "the people’s republic of china": "chinese",
    "the prc": "chinese",
    "russia": "russian",
    "ukraine": "ukrainian",
    "the united states": "american",
    "france": "french",
    "germany": "german",
    "poland": "polish",
    "lithuania": "lithuanian",
    "iran": "iranian",
    "uzbekistan": "uzbek",
    "kazakhstan": "kazakh",
    "india": "indian",
    "pakistan": "pakistani",
}

# Country entity ids whose leaders "the <nationality> leader" can mean.
NATIONALITY_COUNTRY = {
    "belarusian": "Belarus",
    "chinese": "China",
    "russian": "Russia",
    "ukrainian": "Ukraine",
    "american": "United States",
    "french": "France",
    "german": "Germany",
    "polish": "Poland",
    "iranian": "Iran",
    "uzbek": "Uzbekistan",
}

# Descriptors outlets attach to people, as written -> normalized label.
# Longer phrases are tried first. "counterpart" is left out on purpose: it says who
# meets whom, not how the outlet describes the person.
DESCRIPTORS = {
    "kremlin chief": "kremlin chief",
    "kremlin leader": "kremlin leader",
    "head of state": "head of state",
    "state councilor": "state councilor",
    "state councillor": "state councilor",
    "deputy foreign minister": "deputy foreign minister",
    "vice foreign minister": "deputy foreign minister",
    "deputy prime minister": "deputy prime minister",
    "opposition politician": "opposition politician",
    "chairman": "chairman",
    "party leader": "party leader",
    "party chief": "party chief",
    "opposition leader": "opposition leader",
    "prime minister": "prime minister",
    "foreign minister": "foreign minister",
    **{
        f"{portfolio} minister": f"{portfolio} minister"
        for portfolio in _split(
            """defence economy finance trade commerce interior justice agriculture energy
        health education transport industry culture information labour emergencies"""
        )
    },
    "defense minister": "defence minister",
    "vice premier": "vice premier",
    "vice president": "vice president",
    "press secretary": "press secretary",
    "secretary of state": "secretary of state",
    "secretary-general": "secretary-general",
    "secretary general": "secretary-general",
    "general secretary": "general secretary",
    "foreign policy chief": "foreign policy chief",
    "ruler": "ruler",
    "strongman": "strongman",
    "dictator": "dictator",
    "autocrat": "autocrat",
    "despot": "despot",
    "president": "president",
    "leader": "leader",
    "premier": "premier",
    "chancellor": "chancellor",
    "spokesperson": "spokesperson",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "adviser": "adviser",
    "advisor": "adviser",
    "aide": "aide",
    "ambassador": "ambassador",
    "envoy": "envoy",
    "ally": "ally",
    "allies": "ally",
    "friend": "friend",
    "friends": "friend",
    "partner": "partner",
    "partners": "partner",
    "protege": "protege",
    "critic": "critic",
    "opponent": "opponent",
}

# Descriptors that name a relation: "ally of Putin" -> "ally of putin".
RELATIONAL = frozenset(
    {"ally", "friend", "partner", "adviser", "aide", "protege", "critic", "opponent"}
)

# Descriptors that "the Belarusian leader" can stand for, with no name after them.
HEAD_DESCRIPTORS = frozenset(
    {
        "leader",
        "president",
        "ruler",
        "strongman",
        "dictator",
        "autocrat",
        "head of state",
        "kremlin chief",
        "kremlin leader",
        "chairman",
    }
)

# Qualifiers before a descriptor, as written -> normalized.
QUALIFIERS = {
    "close": "close",
    "closest": "close",
    "key": "key",
    "staunch": "staunch",
    "staunchest": "staunch",
    "long-time": "long-time",
    "longtime": "long-time",
    "longstanding": "long-time",
    "long-standing": "long-time",
    "loyal": "loyal",
    "trusted": "trusted",
    "old": "old",
    "main": "main",
    "top": "top",
    "senior": "senior",
    "former": "former",
    "authoritarian": "authoritarian",
    "autocratic": "autocratic",
    "iron-fisted": "iron-fisted",
    "embattled": "embattled",
    "veteran": "veteran",
    "self-styled": "self-styled",
    "reliable": "reliable",
    "strategic": "strategic",
    "only": "only",
    "last": "last",
    "outgoing": "outgoing",
    "exiled": "exiled",
    "illegitimate": "illegitimate",
    "self-proclaimed": "self-proclaimed",
    "chief": "chief",
    "acting": "acting",
}

# Words before a capitalized name that make it a person's name.
TITLE_WORDS = frozenset(
    _split(
        """president prime minister premier chancellor spokesperson spokesman spokeswoman
    adviser advisor aide ambassador envoy secretary secretary-general chairman
    chairwoman leader analyst professor prof. researcher fellow director head chief
    deputy senator governor mayor general colonel commander mr mr. mrs mrs. ms ms. dr
    dr. sir journalist correspondent editor lawmaker mp diplomat official expert
    economist activist blogger politician ceo founder lawyer dissident candidate
    commentator scholar historian strongman ruler dictator king queen pope
    counterpart"""
    )
)

# Nouns that make an apposition a person's description ("X, a senior adviser to ...").
PERSON_NOUNS = frozenset(
    _split(
        """adviser advisor aide spokesperson spokesman spokeswoman minister president
    leader ally analyst professor researcher official diplomat ambassador envoy
    expert director head chief member candidate activist journalist editor
    correspondent economist lawmaker politician founder chairman secretary commander
    fellow scholar deputy premier chancellor dissident blogger opponent critic
    lecturer specialist historian"""
    )
)

_FUNCTION_WORDS = _split(
    """the a an in on at for but and or as if after before during while
    when since until his her their its this that these those it he she they we i you
    both all some many according ahead last next earlier later meanwhile however
    separately timed recent being images related source photo read more also today
    yesterday tomorrow new old with without from by to of into over under between
    among against about through despite then there here what which who whom whose why
    how where not no yes our my your us them him me please click see watch follow
    share subscribe advertisement listen video copyright breaking update updated
    several most other another each every any such only just even still yet already
    once twice first second third one two three four five six seven eight nine ten
    speaking asked says said told like unlike given following including amid"""
)

_CALENDAR = _split(
    """monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december jan feb mar
    apr jun jul aug sep sept oct nov dec"""
)

_DEMONYMS = _split(
    """belarusian belarussian belorussian belarusians chinese russian russians
    ukrainian ukrainians american americans european europeans western eastern
    northern southern soviet polish german germans french british iranian uzbek
    indian lithuanian kazakh kyrgyz tajik japanese korean asian african turkish
    hungarian serbian italian spanish israeli arab western-style pro-russian
    pro-kremlin pro-western"""
)

_ORG_WORDS = _split(
    """council union organization organisation party agency news bank
    university institute forum summit square street hall park initiative committee
    assembly congress parliament government republic kingdom states nations service
    office department centre center group company corporation times post journal
    daily press road belt war day year cooperation treaty security defense defence
    affairs foreign trade economic forces army navy air force court church olympic
    games airport station railway railways region province city oblast district sea
    river lake mountains east west north south central middle global international
    national federal state people peoples ministry embassy administration commission
    strategy plan program programme paper declaration agreement pact zone fund
    community partnership conference expo exhibition museum cathedral palace
    prize award media television radio channel online magazine network networks
    sanctions election elections revolution invasion crisis conflict talks visit
    visits meeting summit statement interview report reports"""
)

# Last words that make a discovered name an organization ("Oxford Economics").
ORG_SUFFIXES = frozenset(
    _split(
        """foundation economics tech technologies motors holding holdings energy capital
        partners analytics consulting industries ltd inc corp llc plc gmbh solutions
        systems logistics airlines pharma media insights"""
    )
)

NOT_NAME_WORDS = frozenset(
    [*_FUNCTION_WORDS, *_CALENDAR, *_DEMONYMS, *_ORG_WORDS]
    + [w for w in TITLE_WORDS]
    + ["foreign", "vice", "minister", "secretary", "general", "premier", "state"]
)
