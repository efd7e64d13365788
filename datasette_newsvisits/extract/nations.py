"""Countries, the adjectives and capitals that stand for them: one table, read four ways.

Each row: the country as written after "of" ("President of Belarus"), its nationality
adjectives (the first is the normalized ``labels.nationality``), and the words an
article uses for its government (capital, seat of power). From it:

- ``NATIONALITIES``: adjective or country name used as an adjective -> nationality
  ("Belarusian", "Belarus's", "Kazakh" -> belarusian, belarusian, kazakh);
- ``COUNTRY_NATIONALITY``: country as written after "of" -> nationality;
- ``NATIONALITY_COUNTRY``: nationality -> the country's name;
- ``SEAT_NATIONALITY``: a seat of power -> nationality ("Kremlin" -> russian);
- ``SEAT_NATIONALITY``: a seat of power -> nationality ("Kremlin" -> russian);
- ``NATIONALITY_CONTEXT``: nationality word -> a regular expression that what an
  article says about a person must match for "the Belarusian leader" to be them.
"""

from __future__ import annotations

import re

# country | adjectives (two-word ones joined by _) | other names, comma-separated (capital, seat of power, leader)
_TABLE = """
Belarus | belarusian belarussian belorussian | minsk, lukashenko
China | chinese | beijing, prc, people's republic of china, xi jinping
Russia | russian | moscow, kremlin, putin, russian federation
Ukraine | ukrainian | kyiv, kiev, zelensk
United States | american us u.s. | washington, white house, america, u.s., us
France | french | paris, elysee, élysée
Germany | german | berlin
Poland | polish | warsaw
Lithuania | lithuanian | vilnius
Latvia | latvian | riga
Estonia | estonian | tallinn
Iran | iranian | tehran
Uzbekistan | uzbek uzbekistani | tashkent
Kazakhstan | kazakh kazakhstani | astana, nur-sultan, almaty
Kyrgyzstan | kyrgyz | bishkek
Tajikistan | tajik | dushanbe
Turkmenistan | turkmen | ashgabat
India | indian | new delhi, delhi
Pakistan | pakistani | islamabad
United Kingdom | british | london, britain, uk, u.k.
Turkey | turkish | ankara
Hungary | hungarian | budapest
Serbia | serbian | belgrade
Japan | japanese | tokyo
South Korea | south_korean | seoul
North Korea | north_korean | pyongyang
Italy | italian | rome
Spain | spanish | madrid
Brazil | brazilian | brasilia, brasília
Venezuela | venezuelan | caracas
Cuba | cuban | havana
Azerbaijan | azerbaijani | baku
Armenia | armenian | yerevan
Georgia | georgian | tbilisi
Mongolia | mongolian | ulaanbaatar
Vietnam | vietnamese | hanoi
Indonesia | indonesian | jakarta
Peru | peruvian | lima
South Africa | south_african | pretoria
Egypt | egyptian | cairo
Saudi Arabia | saudi | riyadh
Israel | israeli | jerusalem
Syria | syrian | damascus
Moldova | moldovan | chisinau
Romania | romanian | bucharest
Czech Republic | czech | prague
Slovakia | slovak | bratislava
Austria | austrian | vienna
Greece | greek | athens
Canada | canadian | ottawa
Australia | australian | canberra
European Union | european eu | brussels, europe, european commission
"""

ROWS: list[tuple[str, list[str], list[str]]] = []
for _line in _TABLE.strip().splitlines():
    _country, _adjectives, _others = (part.strip() for part in _line.split("|"))
    ROWS.append(
        (
            _country,
            [a.replace("_", " ") for a in _adjectives.split()],
            [o.strip() for o in _others.split(",")],
        )
    )

NATIONALITIES: dict[str, str] = {}
COUNTRY_NATIONALITY: dict[str, str] = {}
NATIONALITY_COUNTRY: dict[str, str] = {}
NATIONALITY_CONTEXT: dict[str, str] = {}
for _country, _adjectives, _others in ROWS:
    _nationality = _adjectives[0]
    _name = _country.lower()
    NATIONALITY_COUNTRY[_nationality] = _country
    _stems = {_name, *_adjectives, *_others}
    if _country != "European Union":
        COUNTRY_NATIONALITY[_name] = _nationality
        if _name.startswith(("united", "czech")):
            COUNTRY_NATIONALITY[f"the {_name}"] = _nationality
    _context = "|".join(
        rf"\b{re.escape(s)}" for s in sorted(_stems, key=len, reverse=True)
    )
    for _word in [*_adjectives, _name]:
        NATIONALITIES.setdefault(_word, _nationality)
        NATIONALITY_CONTEXT.setdefault(_word, _context)
COUNTRY_NATIONALITY.update(
    {
        "the republic of belarus": "belarusian",
        "the people's republic of china": "chinese",
        "the people’s republic of china": "chinese",
        "the prc": "chinese",
        "the russian federation": "russian",
    }
)
# Capitals and seats of power that stand for a country ("the Kremlin leader", "the
# Minsk dictator"): each row's other names.
SEAT_NATIONALITY = {
    other: adjectives[0]
    for country, adjectives, others in ROWS
    if country != "European Union"
    for other in others
    if other not in NATIONALITIES
}
for _word, _same in SEAT_NATIONALITY.items():
    NATIONALITY_CONTEXT.setdefault(_word, NATIONALITY_CONTEXT[_same])
NATIONALITY_CONTEXT["opposition"] = "opposition"
