"""The actor knowledge base: every named actor Herald has seen, growing as articles are ingested.

In memory here; the store persists it with `rows()` / `ActorKB.from_rows(rows)` (one row per actor, `COLUMNS`).
A later article that names only "D'Hose" resolves to what an earlier one taught (BEL, LEG, Speaker of the Senate).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable

from herald.actors.lexicon import norm
from herald.records import Actor

COLUMNS: tuple[str, ...] = ("name", "country", "sector", "other_sectors", "office", "affiliation", "posted_to",
                            "kind", "aliases", "first_seen", "last_seen", "mentions")
COLUMN_TYPES: dict[str, str] = {"name": "VARCHAR", "country": "VARCHAR", "sector": "VARCHAR",
                                "other_sectors": "VARCHAR[]", "office": "VARCHAR", "affiliation": "VARCHAR",
                                "posted_to": "VARCHAR", "kind": "VARCHAR", "aliases": "VARCHAR[]",
                                "first_seen": "DATE", "last_seen": "DATE", "mentions": "INTEGER"}
PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "van", "von", "de", "da", "di", "du", "le", "la"})


@dataclass
class KBEntry:
    name: str
    country: str | None = None
    sector: str | None = None
    other_sectors: list[str] = field(default_factory=list)
    office: str | None = None
    affiliation: str | None = None
    posted_to: str | None = None
    kind: str | None = None
    aliases: list[str] = field(default_factory=list)
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    mentions: int = 0

    def to_row(self) -> dict[str, Any]:
        return {c: (list(getattr(self, c)) if isinstance(getattr(self, c), list) else getattr(self, c))
                for c in COLUMNS}


def _surname(name: str) -> str | None:
    words = norm(name).split()
    if len(words) < 2:
        return None
    if len(words) > 2 and words[-2] in PARTICLES:
        return f"{words[-2]} {words[-1]}"
    return words[-1]


class ActorKB:
    """Named actors (people and organisations) with country, sector, office and first/last seen dates."""

    COLUMNS = COLUMNS
    COLUMN_TYPES = COLUMN_TYPES

    def __init__(self) -> None:
        self._entries: dict[str, KBEntry] = {}
        self._surnames: dict[str, set[str]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def learn(self, actors: Iterable[Actor], published: dt.date | None) -> int:
        """Add what the article's actor mentions say about named actors. Returns how many entries changed."""
        changed = 0
        for actor in actors:
            for a in (actor.members or [actor]):
                if not a.name or (a.country is None and a.sector is None):
                    continue
                kind = getattr(a, "kind", None)
                if kind not in ("person", "organisation", None):
                    continue
                self._learn_one(a, published, kind)
                changed += 1
        return changed

    def _learn_one(self, a: Actor, published: dt.date | None, kind: str | None) -> None:
        key = norm(a.name)
        entry = self._entries.get(key) or self._by_surname(a.name)
        if entry is None:
            entry = KBEntry(name=a.name, kind=kind, first_seen=published, last_seen=published)
            self._add(key, entry)
        elif len(a.name) > len(entry.name) and key != norm(entry.name):
            entry.aliases.append(entry.name)
            entry.name = a.name
            self._add(key, entry)
        newer = published is not None and (entry.last_seen is None or published >= entry.last_seen)
        for attr in ("country", "sector", "office", "affiliation", "posted_to"):
            value = getattr(a, attr, None)
            if value and (getattr(entry, attr) is None or newer and attr in ("office", "affiliation")):
                setattr(entry, attr, value)
        for s in a.other_sectors:
            if s not in entry.other_sectors and s != entry.sector:
                entry.other_sectors.append(s)
        if kind == "person":
            entry.kind = "person"
        if published is not None:
            entry.first_seen = min(filter(None, (entry.first_seen, published)))
            entry.last_seen = max(filter(None, (entry.last_seen, published)))
        entry.mentions += 1

    def _add(self, key: str, entry: KBEntry) -> None:
        self._entries[key] = entry
        surname = _surname(entry.name)
        if surname:
            self._surnames.setdefault(surname, set()).add(norm(entry.name))

    def _by_surname(self, name: str) -> KBEntry | None:
        key = norm(name)
        candidates = self._surnames.get(key) or (self._surnames.get(_surname(name) or "") if " " in key else None)
        if candidates and len(candidates) == 1:
            return self._entries.get(next(iter(candidates)))
        return None

    def lookup(self, name: str) -> KBEntry | None:
        """The entry for a full name, an alias, or a surname that only one known person has."""
        return self._entries.get(norm(name)) or self._by_surname(name)

    def rows(self) -> list[dict[str, Any]]:
        seen: set[int] = set()
        out = []
        for entry in self._entries.values():
            if id(entry) not in seen:
                seen.add(id(entry))
                out.append(entry.to_row())
        return out

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, Any]]) -> "ActorKB":
        kb = cls()
        for row in rows:
            values = {c: row.get(c) for c in COLUMNS}
            for c in ("other_sectors", "aliases"):
                values[c] = list(values[c] or [])
            for c in ("first_seen", "last_seen"):
                if isinstance(values[c], str):
                    values[c] = dt.date.fromisoformat(values[c][:10])
            values["mentions"] = int(values["mentions"] or 0)
            entry = KBEntry(**values)
            kb._add(norm(entry.name), entry)
            for alias in entry.aliases:
                kb._entries.setdefault(norm(alias), entry)
        return kb
