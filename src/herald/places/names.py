"""Name normalisation shared by the gazetteer index and the lookups, plus our small data tables."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_LATIN_LIMIT = 0x250  # Basic Latin .. Latin Extended-B


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The lookup key of a place name: accents and case folded, quotes and spaces unified, no leading "the"."""
    key = strip_accents(text.translate(_QUOTES)).casefold()
    key = _SPACES.sub(" ", key).strip(" ,;:")
    return _LEADING_THE.sub("", key)


def is_latin(text: str) -> bool:
    """True when every letter of `text` is Latin script (alternate names in other scripts are not indexed)."""
    return all(ord(ch) < _LATIN_LIMIT or not ch.isalpha() for ch in text)


def read_table(filename: str) -> list[list[str]]:
    """Rows of one of our tab-separated data files (comments and blank lines skipped)."""
    text = resources.files("herald.places").joinpath("data", filename).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str | None]:
    """Demonym or nationality adjective -> ISO3 (None for groups of no single country)."""
    table: dict[str, str | None] = {}
    for forms, iso3 in read_table("demonyms.tsv"):
        for form in forms.split("|"):
            table[form] = None if iso3 == "-" else iso3
    return table


@lru_cache(maxsize=1)
def region_abbreviations() -> dict[str, tuple[str, str]]:
    """"N.M." -> ("US", "New Mexico"): state and province abbreviations used after a place name."""
    return {abbr: (cc, name) for abbr, cc, name in read_table("region_abbreviations.tsv")}
