"""Word lists the entity, label and quote rules read: data, kept in one place to extend.

All words are folded (lower case, no accents).
"""

from __future__ import annotations

import re

from ..text.words import STOP_WORDS
from .nations import (  # noqa: F401 (re-exported: the one table is extract/nations.py)
    COUNTRY_NATIONALITY,
    NATIONALITIES,
    NATIONALITY_CONTEXT,
    NATIONALITY_COUNTRY,
)


def _split(words: str) -> list[str]:
    return words.split()


_PORTFOLIOS = _split(
    """defence economy finance trade commerce interior justice agriculture energy
    health education transport industry culture information labour emergencies"""
)
_SECRETARIES = _split("health home foreign defence treasury commerce energy interior")

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
    **{f"{portfolio} minister": f"{portfolio} minister" for portfolio in _PORTFOLIOS},
    # "Minister of Defense X" -> defence minister (what the scorer and readers expect)
    **{
        f"minister of {the}{portfolio}": f"{portfolio} minister"
        for portfolio in _PORTFOLIOS
        for the in ("", "the ")
    },
    "minister of defense": "defence minister",
    "minister of foreign affairs": "foreign minister",
    **{
        f"{portfolio} secretary": f"{portfolio} secretary" for portfolio in _SECRETARIES
    },
    "defense minister": "defence minister",
    "foreign policy adviser": "foreign policy adviser",
    "foreign policy advisor": "foreign policy adviser",
    "trade representative": "trade representative",
    "vice mayor": "vice mayor",
    "mayor": "mayor",
    "governor": "governor",
    "speaker": "speaker",
    "first deputy prime minister": "first deputy prime minister",
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
    "laureate": "laureate",
    "deputy minister": "deputy minister",
    "vice minister": "deputy minister",
    "minister": "minister",
    "diplomat": "diplomat",
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
    "de facto": "de facto",
    "long-serving": "long-time",
    "longest-serving": "long-time",
    "chief": "chief",
    "acting": "acting",
}

# Qualifiers that change what the label says, kept in the label itself too
# ("self-proclaimed president" is not a president).
MEANING_QUALIFIERS = frozenset(
    ["self-proclaimed", "self-styled", "de facto", "authoritarian", "long-time"]
)


def with_qualifier(label: str, qualifier: str | None) -> str:
    """The label, with a qualifier that changes its meaning in front of it
    ("self-proclaimed president", "de facto leader"); other qualifiers stay in
    their own column ("close ally" is an ally), as does any qualifier of a relation
    ("long-time ally of Putin" is an ally of Putin)."""
    if qualifier in MEANING_QUALIFIERS and label.split()[0] not in RELATIONAL:
        return f"{qualifier} {label}"
    return label


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
    counterpart speaker mayor firefighter representative manager"""
    )
)

# A lower-case noun for what someone does, right before a name ("pacemaker Gideon
# Kipketer", "firefighter Bill Viera"): an agent noun, not one of these words.
_AGENT = re.compile(r"[a-z]{3,}(?:er|or|ist|ian)")
_NOT_AGENTS = frozenset(
    _split(
        """after over under other either neither whether rather together never ever
    later earlier further former latter border order number center centre winter
    summer water power paper letter matter chapter quarter december november october
    september computer corner partner for nor major minor floor door sector factor
    favor favour honor honour labor labour mirror error interior exterior superior
    prior corridor register answer offer cover consider remember deliver gather
    enter counter proper upper lower inner outer daughter brother sister mother
    father monitor visitor"""
    )
)


def is_agent_noun(word: str) -> bool:
    """Whether a lower-case word names what someone does ("pacemaker", "analyst")."""
    return bool(_AGENT.fullmatch(word)) and word not in _NOT_AGENTS


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

# Fields an institution's name may end in after "and" ("Institute of European and
# Asian Studies", "Ministry of Agriculture and Food").
FIELDS = frozenset(
    _split(
        """studies sciences science affairs food research development trade technology
    technologies industry culture tourism planning security cooperation communications
    information justice health education defence defense energy transport finance
    economics economy policy languages arts resources environment welfare labour labor
    protection situations relations law management agriculture commerce sport sports
    youth"""
    )
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
    + [*_PORTFOLIOS, "affairs", "technologies", "technology", "tourism", "defense"]
)


# -- speech: the words quote attribution reads ------------------------------------------

# Verbs of saying, in the forms reporting uses.
SAYING_VERBS = frozenset(
    _split(
        """said says say told tells added adds stated states noted notes stressed
    stresses wrote writes declared declares warned warns urged urges insisted insists
    explained explains emphasized emphasizes emphasised emphasises commented comments
    described describes called calls praised praises hailed hails announced announces
    claimed claims argued argues recalled recalls remarked remarks boasted boasts
    replied replies asked asks reported reports underlined underlines highlighted
    highlights reiterated reiterates assured assures acknowledged admitted complained
    suggested vowed promised confirmed confirms repeated repeats continued continues
    concluded concludes answered answers responded responds observed observes
    cautioned predicted quipped joked conceded maintained maintains countered retorted
    admits admit insist expressed expresses voiced saying adding noting stressing
    repeating insisting warning explaining emphasizing emphasising recalling urging
    lauded lauds pledged pledges reaffirmed reaffirms affirmed underscored underscores
    proposed proposes conveyed denounced slammed criticised criticized accused
    posted posts tweeted tweets believes believed thinks hopes hoped"""
    )
)
SAYING_PHRASES = frozenset(
    [
        "pointed out",
        "points out",
        "put it",
        "puts it",
        "drew attention",
        "draws attention",
        # a conviction reported like words ("«…», the head of state is convinced")
        "is convinced",
        "was convinced",
        "is sure",
        "is confident",
        "was confident",
    ]
    + [f"{v} quoted as saying" for v in ("was", "were", "is", "has been")]
)

# A word right before a verb of saying that makes it nobody's words ("is said to",
# "the said agreement", "when asked").
PASSIVE_CUES = frozenset(
    _split(
        """is was are were be been being the his her their its these those a an such
    recent new latest earlier so when if once in of with during by for at as"""
    )
)

# Adverbs and auxiliaries between a speaker and the verb ("X also said", "X has told").
ADVERBS_BEFORE_VERB = [
    "also",
    "later",
    "then",
    "earlier",
    "again",
    "once again",
    "further",
    "has",
    "have",
    "had",
    "had also",
]
# Words that may trail a speaker phrase before its verb and are not part of it.
SUBJECT_TRAILERS = (
    ADVERBS_BEFORE_VERB[:-1]
    + _split(
        """reportedly separately repeatedly previously recently once too personally
    himself herself itself themselves"""
    )
    + ["in turn"]
)

# First words a speaker phrase may start with in lower case ("the ministry").
SPEAKER_DETERMINERS = frozenset(
    _split("the a an one another two three some several many most his her their its")
)

# Pronouns that can speak, and what they refer back to (gender-neutral for people).
SPEAKER_PRONOUNS = {
    "he": "person",
    "she": "person",
    "him": "person",
    "her": "person",
    "his": "person",  # "in his words"
    "their": "organization",
    "they": "organization",
    "them": "organization",
    "it": "organization",
}

# Capitalized words that never name a speaker ("However", "Asked").
NOT_SPEAKER_NAMES = STOP_WORDS | frozenset(
    _split(
        """when after before while during if as asked speaking commenting however
    meanwhile"""
    )
)

# Words before a name that make it not the speaker ("media in Minsk", "Xi and ...").
PREPOSITIONS = frozenset(
    _split("of in from at for by with to on near about and or between among against")
)

# Cues of a finite verb: a quotation holding one is speech, not a quoted phrase.
FINITE_VERB_CUES = frozenset(
    _split(
        """is are was were am will would shall should can could may might must has
    have had do does did won't can't don't doesn't didn't isn't aren't wasn't
    weren't i we you he she they"""
    )
)

# "the <role>" standing for a person: each role noun -> a regular expression the
# person's role, titles or appositions must match ("the leader" may be a president).
PERSON_ROLE_SYNONYMS = {
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
# "the <role>" standing for an organization ("the ministry said").
ORGANIZATION_ROLES = _split(
    """ministry government agency service office department secretariat embassy
    broadcaster television council commission bloc alliance organization organisation
    administration kremlin party paper newspaper tabloid daily broadcaster channel
    outlet"""
) + ["foreign ministry", "news agency", "press service"]
# What an organization's name or role must say for "the <role>" to be it.
ORGANIZATION_ROLE_SYNONYMS = {
    "paper": r"paper|tabloid|daily|times|post|journal|gazette",
    "newspaper": r"paper|tabloid|daily|times|post|journal|gazette",
    "tabloid": r"tabloid|paper",
    "daily": r"daily|paper",
    "agency": r"agency|xinhua|tass|belta|reuters|afp",
    "news agency": r"agency",
    "broadcaster": r"broadcaster|television|tv|channel|radio",
    "channel": r"channel|television|tv|broadcaster",
    "television": r"television|tv|broadcaster|channel",
    "outlet": r"news|paper|broadcaster|agency|media|outlet|portal",
}
# Roles that name a part of the organization the phrase names ("the SCO secretariat").
ORGANIZATION_PARTS = frozenset(
    ["secretariat", "office", "service", "press service", "embassy", "spokesperson"]
)

# Words that cannot stand between a determiner and its role noun: "the talks with
# the leader" is not a description, "the first European leader" refers to no one.
NOT_DESCRIPTION_MODIFIERS = frozenset(
    _split(
        """and or of in on at to with by for from as that which who said says told is
    was are were has had have will would a an the this his her their its first
    second third fourth fifth next only other same another"""
    )
)

# Words that make a speaker a news medium carrying someone's words.
MEDIUM_WORDS = _split(
    "agency news newspaper broadcaster television tv radio channel media portal daily"
)

# -- grammatical roles: the words ``references.roles`` reads a clause by ----------------

# Words after which a name opens a clause of its own ("said that Xi …").
CLAUSE_OPENERS = frozenset(
    _split(
        """that which who whom whose when while whereas because as since if although
    though but so where after before until once then how why whether meanwhile also
    now still yet"""
    )
)
# Times before a subject: "last week Xi said", "earlier today Lukashenko".
TIME_WORDS = frozenset(
    _split(
        """week month year day morning afternoon evening night today yesterday tonight
    earlier later ago weekend"""
    )
)
# Past forms news copy uses that do not end in -ed ("held a meeting", "met with").
IRREGULAR_PAST = frozenset(
    _split(
        """held met made took gave went came saw told said spoke wrote led left brought
    sought found became began kept won sent paid built stood struck put got ran felt
    thought knew meant heard chose drew flew grew lost sold spent understood broke
    arrived signed visited"""
    )
)
AUXILIARIES = frozenset(
    _split(
        """is are was were am be been being will would shall should can could may might
    must has have had do does did"""
    )
)
