"""Generic words of place names: compass words and feature terms, and the name patterns they make.

A name made only of generic words ("West Coast", "East", "Delta", "Gulf") depends on where the writer stands: it
is resolved only inside a country the article is about. A name whose head is a feature term ("Tijuana River",
"Nile Delta", "Windsor Castle", "Indian Ocean", "Gulf of Aden", "East of England") names that feature, not the
place its other words name: it is never resolved through one of its parts, only as a whole.
"""
from __future__ import annotations

import re

COMPASS_WORDS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
    "north-west", "south-east", "south-west", "northern", "southern", "eastern", "western", "central", "middle",
    "upper", "lower", "mid", "far", "near"})
# Feature classes: the kind of thing a name with this head word is (GeoNames' H, T, S and L classes, roughly).
FEATURE_TERMS: dict[str, frozenset[str]] = {
    "water": frozenset({"ocean", "sea", "river", "delta", "lake", "lakes", "gulf", "bay", "strait", "straits",
                        "channel", "canal", "creek", "estuary", "lagoon", "reservoir", "waters", "basin"}),
    "land": frozenset({"coast", "peninsula", "island", "islands", "isle", "isles", "mountain", "mountains",
                       "valley", "desert", "plateau", "highlands", "lowlands", "forest", "cape", "hills",
                       "ridge", "canyon", "glacier", "coastline", "archipelago", "steppe", "jungle"}),
    "urban": frozenset({"quarter", "square", "street", "avenue", "road", "boulevard", "bridge", "park",
                        "gardens", "garden", "plaza", "neighbourhood", "neighborhood", "market"}),
    "building": frozenset({"castle", "palace", "wing", "tower", "academy", "airport",
                           "station", "stadium", "arena", "cathedral", "church", "mosque", "temple", "prison",
                           "base", "centre", "center", "abbey", "monastery", "fort", "fortress",
                           "terminal", "hotel", "mall", "campus", "barracks"}),
}
FEATURE_WORDS = frozenset().union(*FEATURE_TERMS.values())
GENERIC_WORDS = COMPASS_WORDS | FEATURE_WORDS
_LINKS = frozenset({"of", "the", "and", "&"})
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def is_generic_name(text: str) -> bool:
    """"West Coast", "East", "Delta", "the Gulf": every word is a compass word or a feature term."""
    found = [w for w in words(text) if w not in _LINKS]
    return bool(found) and all(w in GENERIC_WORDS or _compass_pair(w) for w in found)


def _compass_pair(word: str) -> bool:
    first, _, second = word.partition("-")
    return bool(second) and first in COMPASS_WORDS and second in COMPASS_WORDS


def feature_class(text: str) -> str | None:
    """The feature class a multi-word name's head word gives it: the last word ("Tijuana River", "Windsor
    Castle") or a generic first word before "of" ("Gulf of Aden", "East of England"). None for other names."""
    found = words(text)
    if len(found) < 2:
        return None
    if found[0] in GENERIC_WORDS and found[1] == "of":
        return _class_of(found[0])
    return _class_of(found[-1]) if found[-1] in FEATURE_WORDS else None


def _class_of(word: str) -> str:
    return next((name for name, terms in FEATURE_TERMS.items() if word in terms), "compass")
