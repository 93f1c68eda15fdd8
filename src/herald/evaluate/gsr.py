"""The PLOVER gold-standard records (../shared/gold/events/PLOVER_GSR_CAMEO.txt) as typed records.

The file is one JSON list: a DOCUMENT header, then 322 records coded with PLOVER v0.5 names and CAMEO-style actor
codes. This module maps them to what Herald emits:
- event names: DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT;
- actor codes: old CAMEO country codes to ISO 3166-1 alpha-3 (JAP -> JPN, ITL -> ITA, VTN -> VNM); codes that name
  no country (ISM, a religious code) become None; IGO/NGO/IMG are kept;
- sectors: the first three letters, upper case ("CVLalb" -> CVL, "CIV" -> CVL); "***" means none.
`write_articles` writes the records as Herald JSON Lines articles so `herald extract` can code them.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from herald.errors import InputError

EVENT_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
CODE_MAP = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "BRM": "MMR",
            "GDR": "DEU", "FRG": "DEU", "USR": "RUS", "YUG": "SRB", "SER": "SRB", "KSV": "XKX", "ISM": None}
SECTOR_MAP = {"CIV": "CVL", "***": None, "MOS": "REL", "CHR": "REL", "": None}
INTERNATIONAL = frozenset({"IGO", "UNO", "EUR", "NGO"})


@dataclass(slots=True)
class GoldActor:
    text: str
    country: str | None
    sector: str | None
    raw_code: str | None = None
    raw_sector: str | None = None


@dataclass(slots=True)
class GsrRecord:
    id: str
    text: str
    date: dt.date
    events: list[str]                       # gold PLOVER type(s), after mapping
    raw_event: str
    sources: list[GoldActor] = field(default_factory=list)
    targets: list[GoldActor] = field(default_factory=list)

    @property
    def source_countries(self) -> set[str]:
        return {a.country for a in self.sources if a.country}

    @property
    def source_sectors(self) -> set[str]:
        return {a.sector for a in self.sources if a.sector}

    @property
    def target_countries(self) -> set[str]:
        return {a.country for a in self.targets if a.country}


def map_code(code: Any) -> str | None:
    if not code or not isinstance(code, str):
        return None
    code = code.strip().upper()
    return CODE_MAP[code] if code in CODE_MAP else code


def map_sector(sector: Any) -> str | None:
    if not sector or not isinstance(sector, str):
        return None
    head = sector.strip()[:3].upper()
    return SECTOR_MAP[head] if head in SECTOR_MAP else head


def _actors(value: Any) -> list[GoldActor]:
    if not isinstance(value, list):   # "" or a stray context string in a few records
        return []
    return [GoldActor(str(a.get("actorText", "")).strip(), map_code(a.get("code")), map_sector(a.get("sector")),
                      a.get("code"), a.get("sector")) for a in value if isinstance(a, dict)]


def load_gsr(path: str | Path) -> list[GsrRecord]:
    """The coded records of the gold file (the DOCUMENT header is skipped)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read the PLOVER gold file {path}: {exc}") from None
    records = []
    for row in data:
        if row.get("event") == "DOCUMENT" or not row.get("text"):
            continue
        raw = str(row["event"]).strip().upper()
        records.append(GsrRecord(
            id=row["id"], text=" ".join(str(row["text"]).split()), date=dt.date.fromisoformat(row["date"][:10]),
            events=[EVENT_MAP.get(raw, raw)], raw_event=raw,
            sources=_actors(row.get("source")), targets=_actors(row.get("target"))))
    return records


def write_articles(records: Iterable[GsrRecord], out: str | Path) -> int:
    """Write the records as Herald JSON Lines articles (id = record id, text, published)."""
    count = 0
    with Path(out).open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps({"id": r.id, "text": r.text, "published": r.date.isoformat()}) + "\n")
            count += 1
    return count


def country_agrees(herald: str | None, gold: set[str]) -> bool:
    """Gold codes IGO/NGO cover Herald's UN and EU codes: the gold file predates the UNO/EUR split."""
    if herald is None:
        return False
    if herald in gold:
        return True
    return herald in INTERNATIONAL and bool(gold & INTERNATIONAL)
