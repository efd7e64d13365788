"""The gazetteer: known people, organizations and places, and every spelling of them.

File format (the shipped ``data/gazetteer.json`` and any ``--gazetteer FILE``)::

    {"entities": [
      {"name": "Alexander Lukashenko",      # canonical English name (required)
       "type": "person",                    # person | organization | place | other
       "wikidata": null,                    # Q-id, or null when not certain
       "role": "President of Belarus",      # free text
       "aliases": ["Lukashenka", "Łukaszenka"],
       "id": "alexander-lukashenko"}        # optional; default: slug of the name
    ]}

An optional top-level ``"ignore"`` list holds phrases that contain a name but
name nothing ("US dollars"): where one matches, the names inside it are not
mentions. A bare JSON list of entries is accepted too. A user entry whose name (or id) is
already known adds its aliases to that entity and replaces the fields it gives;
any other entry is a new entity. How an alias matches in text:

- an alias written in lower case at its start ("dpa") matches in any case;
- a short all-capital alias ("EU", "SCO", "U.S.") matches only exactly as written;
- any other alias matches case-insensitively and accent-insensitively, but only
  where the text has a capital first letter ("Lukaszenka" finds "Łukaszenka", never
  "lukashenko" in a url) and, for an alias of several words, a capital wherever the
  alias has one ("The independent portal" is not The Independent).

Matches must stand on word boundaries and the longest match wins ("Xi'an" is the
city, not "Xi"). An alias that two entries share names the first of them.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import ahocorasick

from ..text.fold import fold_same_length
from ..text.keys import name_key, slugify
from ..text.words import words
from .records import Entity, Mention

TYPES = ("person", "organization", "place", "other")
FUZZY_MIN_CHARS = 12  # shorter names are never matched approximately
FUZZY_MAX_DISTANCE = 0.2  # edit distance / length of the longer name
_TITLE_WORDS = frozenset(
    [
        "president",
        "premier",
        "prime",
        "minister",
        "foreign",
        "chancellor",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "mr",
        "mrs",
        "ms",
        "dr",
        "leader",
        "chairman",
        "general",
        "secretary",
    ]
)


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Levenshtein distance between two strings; stops early (returning more than
    ``limit``) once the distance must exceed ``limit``."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            )
        if limit is not None and min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _exact_case(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters)


class Gazetteer:
    """Known entities and their spellings, with an automaton to find them in text."""

    def __init__(self, records: Sequence[dict], ignore: Sequence[str] = ()):
        self._ignore = list(dict.fromkeys(ignore))
        self._entities: dict[str, Entity] = {}
        self._aliases: dict[str, list[str]] = {}  # entity id -> aliases in order
        for record in records:
            self._add(record)
        self._keys: dict[str, str] = {}  # name key -> entity id
        for entity_id, entity in self._entities.items():
            for spelling in [entity.name, *self._aliases[entity_id]]:
                self._keys.setdefault(name_key(spelling), entity_id)
        self._automaton = None
        self._fuzzy_cache: dict[str, str | None] = {}

    def _add(self, record: dict) -> None:
        name = str(record["name"]).strip()
        entity_type = record.get("type", "other")
        if entity_type not in TYPES:
            raise ValueError(f"{name}: type must be one of {', '.join(TYPES)}")
        entity_id = record.get("id") or self._id_for_name(name) or slugify(name)
        old = self._entities.get(entity_id)
        self._entities[entity_id] = Entity(
            id=entity_id,
            name=old.name if old and "id" not in record else name,
            type=record.get("type", old.type if old else "other"),
            wikidata=record.get("wikidata", old.wikidata if old else None),
            role=record.get("role", old.role if old else None),
        )
        aliases = self._aliases.setdefault(entity_id, [])
        for alias in record.get("aliases", []):
            if alias.strip() and alias not in aliases:
                aliases.append(alias.strip())

    def _id_for_name(self, name: str) -> str | None:
        key = name_key(name)
        for entity in self._entities.values():
            if name_key(entity.name) == key:
                return entity.id
        return None

    def __getstate__(self):
        state = self.__dict__.copy()
        state["_automaton"] = None  # rebuilt on first use in the receiving process
        return state

    def entities(self) -> list[Entity]:
        """Every entity, in file order."""
        return list(self._entities.values())

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, if the gazetteer has it."""
        return self._entities.get(entity_id)

    def aliases(self) -> list[tuple[str, str]]:
        """(alias, entity id) for every alias, canonical names included."""
        pairs = []
        for entity_id, entity in self._entities.items():
            pairs.append((entity.name, entity_id))
            pairs.extend((alias, entity_id) for alias in self._aliases[entity_id])
        return pairs

    def lookup(self, name: str) -> Entity | None:
        """The entity any spelling names: case, accents and possessives ignored.

        Falls back to dropping leading titles ("President Xi") and then to an
        approximate match of a full person name ("Svitlana Tsiikhanouskaya").
        """
        key = name_key(name)
        if key in self._keys:
            return self._entities[self._keys[key]]
        tokens = key.split()
        while tokens and tokens[0] in _TITLE_WORDS:
            tokens = tokens[1:]
            if " ".join(tokens) in self._keys:
                return self._entities[self._keys[" ".join(tokens)]]
        return self.fuzzy_person(name)

    def fuzzy_person(self, name: str) -> Entity | None:
        """The known person whose full name is within a small edit distance of ``name``.

        Only names of two or more words and at least ``FUZZY_MIN_CHARS`` letters are
        compared, with first letters of first and last words equal, so "Li Qiang" never
        becomes "Li Keqiang". A Chinese given name written in two parts is the same
        name ("Wang Hu Ning" is Wang Huning).
        """
        tokens = words(name)
        if len(tokens) == 3:
            joined = f"{tokens[0]} {tokens[1]}{tokens[2]}"
            entity_id = self._keys.get(joined)
            if entity_id and self._entities[entity_id].type == "person":
                return self._entities[entity_id]
        key = " ".join(tokens)
        if len(tokens) < 2 or len(key) < FUZZY_MIN_CHARS:
            return None
        if key not in self._fuzzy_cache:
            if len(self._fuzzy_cache) > 100_000:
                self._fuzzy_cache.clear()
            self._fuzzy_cache[key] = self._closest_person(key, tokens)
        entity_id = self._fuzzy_cache[key]
        return self._entities[entity_id] if entity_id else None

    def _closest_person(self, key: str, tokens: list[str]) -> str | None:
        best = None
        for candidate, entity_id in self._fuzzy_index.get(
            (tokens[0][0], tokens[-1][0]), ()
        ):
            longest = max(len(candidate), len(key))
            if abs(len(candidate) - len(key)) > FUZZY_MAX_DISTANCE * longest:
                continue
            limit = int(FUZZY_MAX_DISTANCE * longest)
            distance = edit_distance(candidate, key, limit) / longest
            if distance <= FUZZY_MAX_DISTANCE and (best is None or distance < best[0]):
                best = (distance, entity_id)
        return best[1] if best else None

    @functools.cached_property
    def _fuzzy_index(self) -> dict[tuple[str, str], list[tuple[str, str]]]:
        index: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for key, entity_id in self._keys.items():
            tokens = key.split()
            if len(tokens) >= 2 and self._entities[entity_id].type == "person":
                index.setdefault((tokens[0][0], tokens[-1][0]), []).append(
                    (key, entity_id)
                )
        return index

    def _build(self):
        automaton = ahocorasick.Automaton()
        variants: dict[str, list[tuple[str, str]]] = {}
        for alias, entity_id in self.aliases():
            folded = fold_same_length(alias)
            entries = variants.setdefault(folded, [])
            if (alias, entity_id) not in entries:
                entries.append((alias, entity_id))
        for phrase in self._ignore:
            variants.setdefault(fold_same_length(phrase), []).append((phrase, ""))
        for folded, entries in variants.items():
            rules = tuple(
                (entity_id, _exact_case(alias), alias[0].islower(), alias)
                for alias, entity_id in entries
            )
            automaton.add_word(folded, (len(folded), rules))
        automaton.make_automaton()
        return automaton

    def find(self, text: str) -> list[Mention]:
        """Every gazetteer name in ``text``, on word boundaries, longest match first."""
        if self._automaton is None:
            self._automaton = self._build()
        if not text or not self._entities:
            return []
        folded = fold_same_length(text)
        size = len(text)
        candidates = []
        for end, (length, rules) in self._automaton.iter(folded):
            start = end - length + 1
            if start > 0 and text[start - 1].isalnum() and text[start].isalnum():
                continue
            if end + 1 < size and text[end + 1].isalnum() and text[end].isalnum():
                continue
            surface = text[start : end + 1]
            entity_id = _accept(surface, rules)
            if entity_id is not None:
                candidates.append((start, -length, entity_id, surface))
        candidates.sort()
        mentions = []
        last_end = 0
        for start, negative_length, entity_id, surface in candidates:
            if start >= last_end:
                last_end = start - negative_length
                if not entity_id:
                    continue  # an ignored phrase
                mentions.append(Mention(entity_id, surface, start, last_end))
        return mentions


def _accept(surface: str, rules) -> str | None:
    for entity_id, exact, any_case, alias in rules:
        if exact:
            if surface == alias:
                return entity_id
        elif any_case:
            return entity_id
        elif surface[0].isupper():
            if len(surface) <= 3 and surface.isupper() and not alias.isupper():
                continue  # "XI" as a numeral, not "Xi"
            if " " in alias and not _capitals_agree(surface, alias):
                continue  # "The independent portal" is not The Independent
            return entity_id
    return None


def _capitals_agree(surface: str, alias: str) -> bool:
    """Whether every word the alias capitalizes is capitalized in the text too."""
    return all(
        not a[:1].isupper() or s[:1].isupper()
        for s, a in zip(surface.split(), alias.split(), strict=False)
    )


def _read_records(path: str | Path) -> tuple[list[dict], list[str]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    records = data.get("entities", []) if isinstance(data, dict) else data
    ignore = data.get("ignore", []) if isinstance(data, dict) else []
    if not isinstance(records, list):
        raise TypeError(f"{path}: expected a list of entities")
    for record in records:
        if not isinstance(record, dict) or not record.get("name"):
            raise ValueError(f"{path}: every entity needs a name")
    return records, list(ignore)


def shipped_path() -> Path:
    """Where the shipped gazetteer file is."""
    return Path(
        str(resources.files("datasette_newsvisits").joinpath("data/gazetteer.json"))
    )


@functools.lru_cache(maxsize=8)
def _cached(extra: tuple[str, ...]) -> Gazetteer:
    records, ignore = _read_records(shipped_path())
    for path in extra:
        more, more_ignore = _read_records(path)
        records, ignore = records + more, ignore + more_ignore
    return Gazetteer(records, ignore)


def load_gazetteer(extra: Sequence[str | Path] = ()) -> Gazetteer:
    """The shipped gazetteer merged with the user's files (cached per process)."""
    return _cached(tuple(str(p) for p in extra))
