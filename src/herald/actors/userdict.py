"""User dictionaries: add or override actors and roles without code.

Formats (chosen by file extension):
- YAML (`.yaml`/`.yml`)::

    actors:                       # named people and organisations
      - name: Stephanie D'Hose
        aliases: [D'Hose]
        country: BEL
        sector: LEG
        other_sectors: [PTY]
        office: Speaker of the Senate
    roles:                        # role words
      - phrase: burgomaster
        sector: GOV
        kind: person              # person | body | generic
    countries:                    # extra names and adjectives of a country
      - code: KAZ
        names: [Qazaqstan]
        adjectives: [Qazaq]

- CSV (`.csv`) with a header: `phrase,type,country,sector,office` where type is actor (default), person, role,
  country or adjective.
- PETRARCH/Phoenix/TABARI `.txt` dictionaries: actor files (`NAME_ [CODE]`, `+SYNONYM`, date-bound codes
  `[AFGGOV 050101-060531]`) and agent files (`PHRASE {PLURAL} [~SEC]`, `!MACRO!` expansions).
"""
from __future__ import annotations

import csv
import io
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from herald.actors.lexicon import (ADJECTIVE, COUNTRY, GENERIC, ORG, PERSON, PLOVER_SECTORS, ROLE, SPECIAL_COUNTRIES,
                                   Entry)
from herald.errors import ConfigError

if TYPE_CHECKING:
    from herald.actors.gazetteer import ActorGazetteer

log = logging.getLogger(__name__)

# CAMEO/Phoenix agent codes that are not PLOVER sectors, mapped to the nearest PLOVER sector.
CAMEO_SECTOR_MAP = {
    "BUD": "REL", "CHR": "REL", "MOS": "REL", "HIN": "REL", "JEW": "REL", "JAN": "REL", "SHI": "REL", "SUN": "REL",
    "CTH": "REL", "ORT": "REL", "PRO": "REL", "ITH": "REL", "ATH": "REL", "SIK": "REL", "ALE": "REL", "DRZ": "REL",
    "HLH": "MED", "HRI": "CVL", "DEV": "BUS", "ENV": "CVL", "IRC": "CVL", "MOD": "PTY", "RAD": "PTY",
    "INS": "REB", "SEP": "REB", "CIV": "CVL", "SET": "CVL", "IGO": None, "NGO": None, "MNC": "BUS", "UIS": "UAF",
}
ORG_WORDS = frozenset({
    "organization", "organisation", "party", "front", "army", "union", "council", "committee", "movement", "group",
    "association", "agency", "fund", "bank", "league", "forces", "force", "brigade", "brigades", "ministry", "court",
    "commission", "company", "corporation", "inc", "ltd", "institute", "university", "network", "alliance", "office",
    "service", "program", "programme", "mission", "federation", "foundation", "society", "center", "centre",
    "conference", "assembly", "parliament", "government", "tigers", "jihad", "brotherhood", "coalition", "bureau"})
_CODE_RE = re.compile(r"\[([~A-Za-z0-9]+)\s*([^\]]*)\]")
_PLURAL_RE = re.compile(r"\{([^}]*)\}")


def load_user_file(gaz: "ActorGazetteer", path: Path) -> int:
    """Load one user dictionary into the gazetteer (YAML and CSV entries override built-in ones; Phoenix entries
    are added after them). Returns the entry count."""
    if not path.is_file():
        raise ConfigError(f"actor dictionary {path} does not exist")
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ConfigError(f"cannot read the actor dictionary {path}: {exc}") from None
    suffix = path.suffix.lower()
    source = f"user:{path.name}"
    if suffix in (".yaml", ".yml"):
        count = load_yaml(gaz, text, source)
    elif suffix == ".csv":
        count = load_csv(gaz, text, source)
    elif "[~" in text:
        count = load_phoenix_agents(gaz, text, f"phoenix:{path.name}")
    else:
        count = load_phoenix_actors(gaz, text, f"phoenix:{path.name}")
    log.info("loaded %d entries from %s", count, path)
    return count


def _check_code(code: Any, where: str) -> str | None:
    if code in (None, ""):
        return None
    code = str(code).strip().upper()
    if not (len(code) == 3 and code.isalpha()):
        raise ConfigError(f"{where}: country {code!r} is not an ISO 3166-1 alpha-3 code or one of "
                          f"{sorted(SPECIAL_COUNTRIES)}")
    return code


def _check_sector(sector: Any, where: str) -> str | None:
    if sector in (None, ""):
        return None
    sector = str(sector).strip().upper()
    if sector not in PLOVER_SECTORS:
        raise ConfigError(f"{where}: sector {sector!r} is not a PLOVER sector ({', '.join(sorted(PLOVER_SECTORS))})")
    return sector


def load_yaml(gaz: "ActorGazetteer", text: str, source: str) -> int:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: expected a mapping with actors / roles / countries")
    count = 0
    for i, row in enumerate(data.get("actors") or []):
        where = f"{source} actors[{i}]"
        if not isinstance(row, dict) or not row.get("name"):
            raise ConfigError(f"{where}: each actor needs a name")
        kind = PERSON if str(row.get("type", "person" if row.get("office") else "org")).lower() == "person" else ORG
        entry = Entry(kind, str(row["name"]), _check_code(row.get("country"), where),
                      _check_sector(row.get("sector"), where),
                      tuple(filter(None, (_check_sector(s, where) for s in row.get("other_sectors") or []))),
                      name=str(row["name"]), office=row.get("office"), source=source)
        for phrase in (row["name"], *(row.get("aliases") or [])):
            gaz.add_name(str(phrase), entry, override=True)
            count += 1
    for i, row in enumerate(data.get("roles") or []):
        where = f"{source} roles[{i}]"
        if not isinstance(row, dict) or not row.get("phrase"):
            raise ConfigError(f"{where}: each role needs a phrase")
        kind = str(row.get("kind", "person")).lower()
        entry = Entry(GENERIC if kind == "generic" else ROLE, str(row["phrase"]), None,
                      _check_sector(row.get("sector"), where), role_kind="person" if kind != "body" else "body",
                      office=row.get("office") or (str(row["phrase"]).title() if kind != "body" else None),
                      source=source)
        gaz.add_role(str(row["phrase"]), entry, override=True)
        count += 1
    for i, row in enumerate(data.get("countries") or []):
        where = f"{source} countries[{i}]"
        code = _check_code(row.get("code"), where)
        for name in row.get("names") or []:
            gaz.add_name(str(name), Entry(COUNTRY, str(name), code, source=source), override=True)
            count += 1
        for adj in row.get("adjectives") or []:
            gaz.add_name(str(adj), Entry(ADJECTIVE, str(adj), code, source=source), override=True)
            count += 1
    return count


def read_csv_rows(text: str) -> list[dict[str, str]]:
    """CSV rows as dicts, with a clear error for a file that is not CSV."""
    try:
        return [{k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
                for row in csv.DictReader(io.StringIO(text))]
    except csv.Error as exc:
        raise ConfigError(f"cannot read the CSV dictionary: {exc}") from None


def load_csv(gaz: "ActorGazetteer", text: str, source: str) -> int:
    count = 0
    for i, row in enumerate(read_csv_rows(text), start=2):
        where = f"{source} line {i}"
        phrase = row.get("phrase") or row.get("name")
        if not phrase:
            raise ConfigError(f"{where}: no phrase")
        kind = (row.get("type") or "actor").lower()
        country, sector = _check_code(row.get("country"), where), _check_sector(row.get("sector"), where)
        office = row.get("office") or None
        if kind == "role":
            gaz.add_role(phrase, Entry(ROLE, phrase, None, sector, role_kind="person", office=office or phrase.title(),
                                       source=source), override=True)
        elif kind in ("country", "adjective"):
            gaz.add_name(phrase, Entry(COUNTRY if kind == "country" else ADJECTIVE, phrase, country, source=source),
                         override=True)
        else:
            entry_kind = PERSON if kind == "person" or office else ORG
            gaz.add_name(phrase, Entry(entry_kind, phrase, country, sector, name=phrase, office=office, source=source),
                         override=True)
        count += 1
    return count


# ---- PETRARCH / Phoenix / TABARI dictionaries -----------------------------------------------------------------------
def _phrase(raw: str) -> str:
    return " ".join(w for w in raw.strip().strip("+").replace("_", " ").split())


def _yymmdd(value: str, default: str) -> str:
    digits = value.strip()
    if len(digits) != 6 or not digits.isdigit():
        return default
    year = int(digits[:2])
    return f"{2000 + year if year < 50 else 1900 + year:04d}-{digits[2:4]}-{digits[4:6]}"


def split_cameo_code(code: str) -> tuple[str | None, list[str]]:
    """'AFGGOVEDU' -> ('AFG', ['GOV', 'EDU']); 'IGOUNOREFHCR' -> ('UNO', ['REF']); '~COP' -> (None, ['COP'])."""
    code = code.strip().upper()
    agent = code.startswith("~")
    parts = [code.lstrip("~")[i:i + 3] for i in range(0, len(code.lstrip("~")), 3)]
    country: str | None = None
    if not agent and parts and not (parts[0] in PLOVER_SECTORS and parts[0] not in SPECIAL_COUNTRIES):
        country = parts.pop(0)
        if country == "IGO" and parts and parts[0] in ("UNO", "EUR"):
            country = parts.pop(0)
    sectors = []
    for part in parts:
        sector = part if part in PLOVER_SECTORS else CAMEO_SECTOR_MAP.get(part)
        if sector and sector not in sectors:
            sectors.append(sector)
    return country, sectors


def _periods(codes: list[tuple[str, str]]) -> list[tuple[str, str, str | None, tuple[str, ...]]]:
    periods = []
    for code, dates in codes:
        country, sectors = split_cameo_code(code)
        dates = dates.strip()
        start, end = "0000-00-00", "9999-99-99"
        if dates.startswith(">"):
            start = _yymmdd(dates[1:], start)
        elif dates.startswith("<"):
            end = _yymmdd(dates[1:], end)
        elif "-" in dates:
            a, _, b = dates.partition("-")
            start, end = _yymmdd(a, start), _yymmdd(b, end)
        periods.append((start, end, country, tuple(sectors)))
    return periods


def load_phoenix_actors(gaz: "ActorGazetteer", text: str, source: str) -> int:
    """TABARI/PETRARCH actor dictionaries (Phoenix.Countries.actors.txt, Phoenix.International.actors.txt...)."""
    count = 0
    names: list[str] = []
    codes: list[tuple[str, str]] = []

    def flush() -> None:
        nonlocal count
        if not names or not codes:
            return
        periods = _periods(codes)
        latest = max(periods, key=lambda p: (p[2] is not None, p[1], p[0]))
        country, sectors = latest[2], latest[3]
        words = names[0].lower().split()
        kind = ORG if (len(words) == 1 or ORG_WORDS & set(words) or not any(p[3] for p in periods)) else PERSON
        entry = Entry(kind, names[0], country, sectors[0] if sectors else None, tuple(sectors[1:]),
                      name=names[0].title(), source=source,
                      periods=tuple(periods) if len(periods) > 1 else ())
        for phrase in names:
            gaz.add_name(phrase.title() if not phrase.isupper() or len(phrase) > 6 else phrase, entry)
            count += 1

    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        found = [(m.group(1), m.group(2)) for m in _CODE_RE.finditer(line)]
        head = _CODE_RE.sub("", line).strip()
        if raw[:1] in (" ", "\t") and not head:
            codes.extend(found)                       # an indented code line of the current actor
        elif head.startswith("+"):
            names.append(_phrase(head))               # a synonym of the current actor
            codes.extend(found)
        else:
            flush()
            names, codes = [_phrase(head)] if head else [], list(found)
    flush()
    return count


def load_phoenix_agents(gaz: "ActorGazetteer", text: str, source: str) -> int:
    """TABARI/PETRARCH agent dictionaries (Phoenix.agents.txt, PLOVER_agents.txt): role words -> sector."""
    macros: dict[str, list[str]] = {}
    count = 0
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            name, _, values = line.partition("=")
            macros[name.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        found = _CODE_RE.search(line)
        if not found or not found.group(1).startswith("~"):
            continue
        _, sectors = split_cameo_code(found.group(1))
        if not sectors:
            continue
        body = line[:found.start()]
        plurals = [p for m in _PLURAL_RE.finditer(body) for p in m.group(1).split(",") if p.strip()]
        phrase = _PLURAL_RE.sub("", body).strip()
        for variant in [*_expand(phrase, macros), *plurals]:
            words = _phrase(variant)
            if words:
                entry = Entry(ROLE, words.lower(), None, sectors[0], tuple(sectors[1:]), role_kind="person",
                              office=words.title(), source=source)
                gaz.add_role(words.lower(), entry, plural=not plurals)
                count += 1
    return count


def _expand(phrase: str, macros: dict[str, list[str]]) -> list[str]:
    for name, values in macros.items():
        if name in phrase:
            return [v for value in values for v in _expand(phrase.replace(name, "_" + value, 1), macros)]
    return [phrase]
