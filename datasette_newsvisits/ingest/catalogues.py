"""The catalogues description reads: visits (with their participants), outlets, agencies.

The shipped files are ``data/visits.json`` and ``data/outlets.json``; users add visits
with ``--visits FILE`` (same format). A visit names its participants and its place;
the spellings an article may use for them come from the gazetteer and from the
catalogue's own ``aliases`` map (other scripts and languages), so that assignment
code knows nothing about any country. A visit of a country pair the catalogue follows
(``countries``) also says which side each participant is on: the catalogue's
``participant_countries`` map gives each participant's country.

Spellings are kept folded, as words joined by single spaces (``spellings.spelling_key``),
the form ``spellings.Words`` matches against an article's words.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..extract.gazetteer import load_gazetteer
from ..text.fold import fold
from .spellings import spelling_key

LEVELS = ("head of state", "government")
# Words a site writes after its name ("BBC News", "RT English", "Xinhua Online").
NAME_SUFFIXES = ("news", "online", "english")


@dataclass
class Visit:
    """A visit or meeting from the catalogue."""

    id: str
    title: str
    kind: str
    place: str
    start_date: str
    end_date: str
    description: str | None = None
    source: str | None = None
    sources: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    level: str | None = None
    dates_uncertain: bool = False
    # Filled by the loader: the folded spellings of each participant, of the place,
    # of each country and of each term; and the index in ``countries`` of each
    # participant's country (None: a third party, or no pair followed).
    participant_names: list[tuple[str, ...]] = field(default_factory=list, repr=False)
    place_names: tuple[str, ...] = field(default=(), repr=False)
    country_names: list[tuple[str, ...]] = field(default_factory=list, repr=False)
    term_names: list[tuple[str, ...]] = field(default_factory=list, repr=False)
    participant_sides: list[int | None] = field(default_factory=list, repr=False)

    @property
    def start(self) -> date:
        """The first day, as a date."""
        return _iso(self.start_date)

    @property
    def end(self) -> date:
        """The last day, as a date."""
        return _iso(self.end_date)

    def row(self) -> dict:
        """The row stored in the ``visits`` table."""
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "place": self.place,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "description": self.description,
            "source": self.source or ("; ".join(self.sources) or None),
            "level": self.level,
            "participants": json.dumps(self.participants, ensure_ascii=False),
            "dates_uncertain": int(self.dates_uncertain),
        }


@dataclass
class Outlet:
    """A news outlet the loader recognizes."""

    id: str
    name: str
    domains: list[str] = field(default_factory=list)
    country: str | None = None
    kind: str | None = None
    signatures: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    def row(self) -> dict:
        """The row stored in the ``outlets`` table."""
        return {
            "id": self.id,
            "name": self.name,
            "domain": self.domains[0] if self.domains else None,
            "country": self.country,
            "kind": self.kind,
        }

    @property
    def is_agency(self) -> bool:
        """Whether the outlet is a wire agency (its name in a dateline is a credit)."""
        return (self.kind or "").endswith("agency")


@dataclass
class Catalogues:
    """The data the describer reads: visits, outlets and wire agencies."""

    visits: list[Visit]
    outlets: list[Outlet]
    agencies: list[dict]
    aliases: dict[str, list[str]] = field(default_factory=dict)
    participant_countries: dict[str, str] = field(default_factory=dict)
    # Filled by the loader: for each country pair followed, the folded spellings that
    # show each side (the country's names and its participants' names).
    pairs: dict[tuple[str, ...], list[tuple[str, ...]]] = field(
        default_factory=dict, repr=False
    )

    def outlet_by_domain(self, host: str) -> Outlet | None:
        """The outlet whose domain is ``host`` or a parent of it."""
        host = host.lower().removeprefix("www.")
        best = None
        for outlet in self.outlets:
            for domain in outlet.domains:
                matches = host == domain or host.endswith("." + domain)
                if matches and (best is None or len(domain) > best[0]):
                    best = (len(domain), outlet)
        return best[1] if best else None

    def outlet_by_name(self, name: str) -> Outlet | None:
        """The outlet called ``name`` (case-insensitive), or whose id, alias or domain it
        is, also with a generic word after it ("BBC News", "RT English")."""
        keys = _outlet_keys(self)
        key = _name_key(name)
        if not key:
            return None
        found = keys.get(key)
        if found is None:
            for suffix in NAME_SUFFIXES:
                if key.endswith(suffix) and key[: -len(suffix)] in keys:
                    return keys[key[: -len(suffix)]]
        return found


def _name_key(name: str) -> str:
    folded = fold(name.strip().removeprefix("the "))
    return re.sub(r"[^0-9a-zа-яёіўєїґ\u2e80-\u9fff\uac00-\ud7af]+", "", folded)


def _outlet_keys(catalogues: Catalogues) -> dict[str, Outlet]:
    cached = getattr(catalogues, "_outlet_keys", None)
    if cached is None:
        cached = {}
        for outlet in catalogues.outlets:
            for name in [outlet.name, outlet.id, *outlet.aliases, *outlet.domains]:
                cached.setdefault(_name_key(name), outlet)
        catalogues._outlet_keys = cached
    return cached


def _data_path(name: str):
    return resources.files("datasette_newsvisits") / "data" / name


@lru_cache(maxsize=8)
def load_catalogues(
    visit_files: tuple[str, ...] = (), gazetteer_files: tuple[str, ...] = ()
) -> Catalogues:
    """Load the shipped catalogues, with visits added from user files (same format)."""
    visits: dict[str, Visit] = {}
    aliases: dict[str, list[str]] = {}
    countries_of: dict[str, str] = {}
    read_in: dict[str, str] = {}
    sources = [("visits.json", _data_path("visits.json").read_text(encoding="utf-8"))]
    sources += [(f, Path(f).read_text(encoding="utf-8")) for f in visit_files]
    for name, text in sources:
        data = json.loads(text)
        for key, spellings in data.get("aliases", {}).items():
            aliases.setdefault(key, []).extend(spellings)
        countries_of.update(data.get("participant_countries", {}))
        for item in data["visits"]:
            visit = _visit(item, name)
            visits[visit.id] = visit
            read_in[visit.id] = name
    for visit in visits.values():
        _check_sides(visit, countries_of, read_in[visit.id])
    outlets_data = json.loads(_data_path("outlets.json").read_text(encoding="utf-8"))
    outlets = [Outlet(**item) for item in outlets_data["outlets"]]
    catalogues = Catalogues(
        visits=sorted(visits.values(), key=lambda v: v.start_date),
        outlets=outlets,
        agencies=outlets_data["agencies"],
        aliases=aliases,
        participant_countries=countries_of,
    )
    _add_spellings(catalogues, gazetteer_files)
    return catalogues


def _visit(item: dict, file_name: str) -> Visit:
    fields = {k: v for k, v in item.items() if k in Visit.__dataclass_fields__}
    try:
        visit = Visit(**fields)
        date.fromisoformat(visit.start_date), date.fromisoformat(visit.end_date)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{file_name}: visit {item.get('id')!r}: {error}") from None
    if visit.level is not None and visit.level not in LEVELS:
        raise ValueError(
            f"{file_name}: visit {visit.id!r}: level must be one of {', '.join(LEVELS)}"
        )
    return visit


def _check_sides(visit: Visit, countries_of: dict[str, str], file_name: str) -> None:
    """A visit of a country pair must say each participant's country (assignment
    needs both sides of the pair named, and a participant shows their side)."""
    if not visit.countries:
        return
    for person in visit.participants:
        if person not in countries_of:
            raise ValueError(
                f"{file_name}: visit {visit.id!r}: participant {person!r} has no "
                "country in participant_countries (needed when a visit names countries)"
            )


def _add_spellings(catalogues: Catalogues, gazetteer_files: tuple[str, ...]) -> None:
    """Give each visit the folded spellings of its participants, place and countries."""
    gazetteer = load_gazetteer(gazetteer_files)
    by_entity: dict[str, list[str]] = {}
    for alias, entity_id in gazetteer.aliases():
        by_entity.setdefault(entity_id, []).append(alias)

    shared: dict[tuple[str, ...], tuple[str, ...]] = {}

    def share(keys: set[str]) -> tuple[str, ...]:
        """The spellings as one tuple object for every visit: assignment caches by it."""
        names = tuple(sorted(keys))
        return shared.setdefault(names, names)

    def spellings(name: str, surname: bool) -> tuple[str, ...]:
        names = {name, *catalogues.aliases.get(name, [])}
        entity = gazetteer.lookup(name)
        if entity is not None:
            names.update(by_entity.get(entity.id, []))
        if surname:  # a person is named by the last word of the name as well
            names.update(
                n.split()[-1]
                for n in list(names)
                if len(n.split()) > 1 and len(n.split()[-1]) >= 4
            )
        return share({k for k in map(spelling_key, names) if len(k) >= 2})

    for visit in catalogues.visits:
        visit.participant_names = [
            spellings(p, surname=True) for p in visit.participants
        ]
        places = [visit.place, *re.findall(r"\(([^)]+)\)", visit.place)]
        visit.place_names = share(
            {n for p in places for n in spellings(re.sub(r"\s*\(.*\)", "", p), False)}
        )
        visit.country_names = [spellings(c, surname=False) for c in visit.countries]
        visit.term_names = [
            share({spelling_key(t), *map(spelling_key, catalogues.aliases.get(t, []))})
            for t in visit.terms
        ]
        countries_of = catalogues.participant_countries
        visit.participant_sides = [
            visit.countries.index(countries_of[p])
            if countries_of.get(p) in visit.countries
            else None
            for p in visit.participants
        ]
        if visit.countries:
            sides = catalogues.pairs.setdefault(
                tuple(visit.countries), [set() for _ in visit.countries]
            )
            for side, names in zip(sides, visit.country_names):
                side.update(names)
            for side, names in zip(visit.participant_sides, visit.participant_names):
                if side is not None:
                    sides[side].update(names)
    catalogues.pairs = {
        pair: [tuple(sorted(side)) for side in sides]
        for pair, sides in catalogues.pairs.items()
    }


@lru_cache(maxsize=4096)
def _iso(value: str) -> date:
    return date.fromisoformat(value)
