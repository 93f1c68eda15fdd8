"""Toponym resolution: pick the GeoNames entry each mention refers to, using the whole article as context.

Each candidate gets a score from what kind of place it is (countries and capitals are what news usually means),
how well the name fits it (its own name, an alias, or a rare alternate name), its population, the countries the
article is about (country names, demonyms, the dateline), a qualifier right after it ("Boise, Idaho",
"PORTLAND, Ore."), the first-level divisions the article names, and other places nearby. One name keeps one
sense within an article unless a qualifier says otherwise.
"""
from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from herald.places.article import ArticlePlaces, build_article_places
from herald.places.gazetteer import MAJOR_CITY_POPULATION, Candidate, Entry, Gazetteer
from herald.places.generic import feature_class, is_generic_name
from herald.places.names import name_key, region_abbreviations
from herald.places.recognize import Mention, Recognition, ToponymRecognizer
from herald.records import Article, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

KIND_BASE = {"country": 4.0, "continent": 3.5, "adm1": 1.0, "city": 0.0, "adm2": -0.5}
QUALITY_BONUS = {0: 1.0, 1: 0.3, 2: -1.0}
POPULATION_WEIGHT = {"country": 0.6, "continent": 0.6, "adm1": 0.9, "adm2": 0.8, "city": 1.0}
CONTAINS_BONUS, CONTAINS_MAX = 2.5, 2
CAPITAL_BONUS = 2.0
CONTEXT_WEIGHT = 3.0
QUALIFIER_MATCH = 6.0
ADMIN1_MENTIONED = 2.0
NEARBY_KM, NEARBY_BONUS, NEARBY_MAX = 150.0, 1.0, 3
NEARBY_DEGREES = NEARBY_KM / 111.0
SHARED_REGION_BONUS, SHARED_REGION_MAX = 1.0, 2
MIN_SCORE = 3.0  # below this, a name is left unresolved rather than sent to an out-of-context hamlet
CITY_STATE_MIN, CITY_STATE_SHARE = 50_000, 0.2
NOTABLE_POPULATION = 10_000
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                         "northern", "southern", "eastern", "western", "central", "upper", "lower", "greater",
                         "north-east", "north-west", "south-east", "south-west", "mid", "downtown", "rural"})
_DIVISION_WORDS = (" state", " province", " region", " county", " district", " oblast", " governorate",
                   " prefecture", " parish", " municipality", " territory")
_VARIANTS = (("st. ", "saint "), ("st ", "saint "), ("ft. ", "fort "), ("mt. ", "mount "))


def _population_term(entry: Entry) -> float:
    return POPULATION_WEIGHT[entry.kind] * math.log10(max(entry.population, 0) + 10)


def _same_length(doc: Doc, text: str) -> bool:
    if not len(doc):
        return not text
    last = doc[-1]
    return last.idx + len(last.text_with_ws) == len(text)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class PlaceResolver:
    """Finds and resolves every toponym of an article. The gazetteer is injected (and loads lazily)."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or Gazetteer()
        self.recognizer = ToponymRecognizer(self.gazetteer.is_major, self._is_country, self._is_city,
                                            lambda text: bool(self.candidates(text)), self._is_notable)

    # -- helpers given to the recognizer ----------------------------------------------------------------------
    def _is_country(self, text: str) -> bool:
        return any(c.entry.kind == "country" and c.quality <= 1 for c in self.candidates(text))

    def _is_notable(self, text: str) -> bool:
        """A country or division by its name or an alias, or a town of 10,000 or more by its own name."""
        return any((c.quality <= 1 and c.entry.kind != "city") or (c.quality == 0 and
                   c.entry.population >= NOTABLE_POPULATION) for c in self.gazetteer.lookup(text))

    def _is_city(self, text: str) -> bool:
        return any(c.entry.kind == "city" and c.quality == 0 for c in self.candidates(text))

    def candidates(self, text: str) -> tuple[Candidate, ...]:
        """Gazetteer candidates for a surface form, trying "St." / "Saint" style variants."""
        found = self.gazetteer.lookup(text)
        if found:
            return found
        key = name_key(text)
        for short, long in _VARIANTS:
            if key.startswith(short):
                found = self.gazetteer.lookup(long + key[len(short):])
                if found:
                    return found
        if key.endswith("'s"):
            return self.gazetteer.lookup(key[:-2])
        first, _, rest = key.partition(" ")
        if rest and first in _DIRECTIONS and not is_generic_name(rest) and feature_class(rest) is None:
            return self.gazetteer.lookup(rest)  # "Northeast Georgia", "southern Syria"; not "West Wing"
        for suffix in (" city", " town", " village", " township"):  # "Fargo City", "the town of X" is elsewhere
            if key.endswith(suffix) and len(key) > len(suffix) + 2:
                return self.gazetteer.lookup(key[: -len(suffix)])
        return ()

    # -- the public step --------------------------------------------------------------------------------------
    def find(self, doc: Doc, article: Article | None = None) -> ArticlePlaces:
        """Every toponym of `doc` (the parsed body of `article`), resolved where possible, with the dateline."""
        text = article.text if article is not None and _same_length(doc, article.text) else None
        recognition = self.recognizer.recognise(doc, text)
        resolved = self.resolve(recognition)
        return build_article_places(doc, recognition, resolved, self.gazetteer)

    def resolve(self, recognition: Recognition) -> list[tuple[Mention, Place]]:
        mentions = recognition.mentions
        options = {id(m): self._options(m) for m in mentions}
        context = self._country_context(recognition, options)
        regions = _RegionSupport(mentions, options)
        chosen: dict[int, Entry | None] = {}
        # Pass 1: qualifiers and the dateline first, then every mention with the article's country context.
        ordered = sorted(mentions, key=lambda m: (not m.is_qualifier, m.source != "dateline"))
        memo: dict[tuple, Entry | None] = {}
        for mention in ordered:
            chosen[id(mention)] = self._best_memo(mention, options[id(mention)], context, chosen, regions, memo)
        # Pass 2: coherence with the divisions and places the article names (ambiguous names only).
        coherence = _Coherence([(name_key(m.text), chosen[id(m)]) for m in mentions if chosen[id(m)] is not None],
                               regions)
        by_sense: dict[str, Entry | None] = {}
        memo.clear()
        for mention in ordered:
            if len(options[id(mention)]) > 1:
                chosen[id(mention)] = self._best_memo(mention, options[id(mention)], context, chosen, coherence,
                                                      memo)
            entry = chosen[id(mention)]
            key = name_key(mention.text)
            if mention.region is None and not mention.region_text and key not in by_sense and entry is not None:
                by_sense[key] = entry
        out = []
        for mention in mentions:
            entry = chosen[id(mention)]
            if mention.region is None and not mention.region_text and entry is not None:
                entry = by_sense.get(name_key(mention.text), entry)
            out.append((mention, self._to_place(mention, entry, chosen)))
        return out

    def _options(self, mention: Mention) -> list[Candidate]:
        candidates = list(self.candidates(mention.text))
        if not candidates:
            abbreviation = region_abbreviations().get(mention.text) or region_abbreviations().get(mention.text + ".")
            if abbreviation is not None:  # "W.Va." on its own: the state
                country = self._country_of_alpha2(abbreviation[0])
                candidates = [c for c in self.candidates(abbreviation[1])
                              if c.entry.kind == "adm1" and c.entry.country == country]
        big_cities = {(c.entry.admin1_id, c.entry.country): c.entry.population for c in candidates
                      if c.entry.kind == "city" and c.entry.population >= CITY_STATE_MIN
                      and (c.quality == 0 or c.entry.population >= 1_000_000)}
        if mention.text.lower().endswith(_DIVISION_WORDS):  # "Enugu State", "Tipperary County": the division
            big_cities = {}
        kept = []
        for cand in candidates:
            entry = cand.entry
            # "Vienna" names the city, not the division of the same name around it (when the city is most of it).
            inside = big_cities.get((entry.id if entry.kind == "adm1" else entry.admin1_id, entry.country))
            if entry.kind in ("adm1", "adm2") and inside and inside >= CITY_STATE_SHARE * entry.population:
                continue
            kept.append(cand)
        return kept

    def _country_of_alpha2(self, alpha2: str) -> str | None:
        return {"US": "USA", "CA": "CAN"}.get(alpha2)

    def _country_context(self, recognition: Recognition, options: dict[int, list[Candidate]]) -> dict[str, float]:
        weights: Counter[str] = Counter()
        for iso3 in recognition.demonym_countries:
            weights[iso3] += 0.5
        for mention in recognition.mentions:
            cands = options[id(mention)]
            if is_generic_name(mention.text):
                continue  # "Delta", "West Coast": they take the article's country, they do not give it
            strong = {c.entry.country for c in cands if c.quality <= 1 and (
                c.entry.kind in ("country", "adm1") or c.entry.population >= MAJOR_CITY_POPULATION)}
            if len(strong) == 1:  # "Kazakhstan", "Texas", "Chicago": one country; "Georgia": two
                weights[strong.pop() or ""] += 1.0
            elif not strong and len({c.entry.country for c in cands}) == 1 and cands:
                weights[cands[0].entry.country or ""] += 0.5
            if mention.source == "dateline" and cands:
                best = max(cands, key=lambda c: _population_term(c.entry) + KIND_BASE[c.entry.kind])
                weights[best.entry.country or ""] += 2.0
        weights.pop("", None)
        top = max(weights.values(), default=0.0)
        return {iso3: w / top for iso3, w in weights.items()} if top else {}

    def _best_memo(self, mention: Mention, cands: list[Candidate], context: dict[str, float],
                   chosen: dict[int, Entry | None], coherence: "_Coherence | _RegionSupport",
                   memo: dict) -> Entry | None:
        """`_best`, computed once per name for the mentions that no qualifier or dateline sets apart."""
        if mention.region is not None or mention.region_text or mention.source == "dateline":
            return self._best(mention, cands, context, chosen, coherence)
        key = (name_key(mention.text), len(cands))
        if key not in memo:
            memo[key] = self._best(mention, cands, context, chosen, coherence)
        return memo[key]

    def _best(self, mention: Mention, cands: list[Candidate], context: dict[str, float],
              chosen: dict[int, Entry | None], coherence: "_Coherence | _RegionSupport") -> Entry | None:
        if not cands:
            return None
        qualifier = self._qualifier(mention, cands, chosen)
        abbreviation = region_abbreviations().get(mention.region_text or "")
        generic = is_generic_name(mention.text)
        best, best_score = None, -math.inf
        for cand in cands:
            entry = cand.entry
            if generic and qualifier is None and abbreviation is None and not (
                    context.get(entry.country or "", 0.0) and cand.quality == 0
                    and (entry.kind != "city" or entry.population >= NOTABLE_POPULATION)):
                continue  # "West Coast", "the East": by its own name, in a country the article is about
            score = KIND_BASE[entry.kind] + QUALITY_BONUS[cand.quality] + _population_term(entry)
            if entry.feature == "PPLC":
                score += CAPITAL_BONUS
            score += CONTEXT_WEIGHT * context.get(entry.country or "", 0.0)
            if qualifier is not None:
                if not _inside(entry, qualifier):
                    continue  # "Charlevoix, Quebec" is not the Charlevoix of Michigan
                score += QUALIFIER_MATCH
            elif abbreviation is not None:
                if entry.admin1 is None or name_key(entry.admin1) != name_key(abbreviation[1]):
                    continue
                score += QUALIFIER_MATCH
            if mention.source == "dateline" and entry.kind == "city":
                score += 1.0  # datelines name cities
            score += coherence.bonus(entry, name_key(mention.text))
            if score > best_score:
                best, best_score = entry, score
        return best if best_score >= MIN_SCORE else None

    @staticmethod
    def _qualifier(mention: Mention, cands: list[Candidate], chosen: dict[int, Entry | None]) -> Entry | None:
        """The division or country qualifying a mention ("Boise, Idaho"), unless "X, Y" is a list ("Greece,
        Italy", "Texas, Oklahoma", "London, Paris")."""
        qualifier = chosen.get(id(mention.region)) if mention.region is not None else None
        if qualifier is None or qualifier.kind not in ("country", "adm1", "adm2"):
            return None
        if any(c.entry.kind in ("country", "continent", "adm1") and c.quality <= 1 for c in cands):
            return None
        return qualifier

    def _to_place(self, mention: Mention, entry: Entry | None, chosen: dict[int, Entry | None]) -> Place:
        source = "dateline" if mention.source == "dateline" else "text"
        if entry is not None:
            return entry.to_place(mention.text, mention.start, mention.end, source)
        place = Place(text=mention.text, start=mention.start, end=mention.end, source=source)
        qualifier = self._qualifier(mention, list(self.candidates(mention.text)), chosen)
        if qualifier is not None:  # "Charlevoix, Quebec": at least the country and division are known
            place.country = qualifier.country
            place.admin1 = qualifier.admin1 if qualifier.kind in ("adm1", "adm2") else None
        return place


def _inside(entry: Entry, qualifier: Entry) -> bool:
    if qualifier.kind == "country":
        return entry.country == qualifier.country and entry.id != qualifier.id
    if qualifier.kind == "adm1":
        return entry.admin1_id == qualifier.id and entry.id != qualifier.id
    if qualifier.kind == "city" and entry.lat is not None and qualifier.lat is not None:
        return haversine_km(entry.lat, entry.lon, qualifier.lat, qualifier.lon) < 100
    return entry.country == qualifier.country


class _RegionSupport:
    """Joint evidence before anything is chosen: a candidate gains when other names of the article could lie in
    its first-level division ("Paris" and "Henry County": both have a Tennessee reading)."""

    def __init__(self, mentions: list[Mention], options: dict[int, list[Candidate]]):
        self.by_name: dict[str, set[int]] = {}
        self.country_names: set[str] = set()  # names that can mean a country: they neither give nor get support
        for mention in mentions:
            key = name_key(mention.text)
            cands = options[id(mention)]
            if any(c.entry.kind == "country" and c.quality <= 1 for c in cands):
                self.country_names.add(key)
                continue
            regions = self.by_name.setdefault(key, set())
            for cand in cands:
                region = cand.entry.id if cand.entry.kind == "adm1" else cand.entry.admin1_id
                if region is not None and cand.entry.kind != "country":
                    regions.add(region)

    def support(self, entry: Entry, key: str) -> int:
        region = entry.id if entry.kind == "adm1" else entry.admin1_id
        if region is None or entry.kind in ("country", "continent") or key in self.country_names:
            return 0
        return sum(1 for name, regions in self.by_name.items() if name != key and region in regions)

    def bonus(self, entry: Entry, key: str) -> float:
        return SHARED_REGION_BONUS * min(self.support(entry, key), SHARED_REGION_MAX)


class _Coherence:
    """Places the article already names (pass 1): divisions (a candidate inside one gains), places inside a
    division (the division gains) and points (nearby gains). A name never supports itself ("Quebec" the
    province does not vote for Quebec the city)."""

    def __init__(self, chosen: Iterable[tuple[str, Entry]], regions: _RegionSupport):
        self.regions = regions
        self.admin1: dict[int, set[str]] = {}  # adm1 id -> names that chose it
        self.points: dict[int, tuple[str, float, float]] = {}
        self.inside: dict[int, dict[int, str]] = {}  # adm1 id -> {place id: name} of the places named inside it
        for key, entry in chosen:
            if entry.kind in ("city", "adm2") and entry.admin1_id is not None:
                self.inside.setdefault(entry.admin1_id, {})[entry.id] = key
            if entry.kind == "adm1":
                self.admin1.setdefault(entry.id, set()).add(key)
            elif entry.kind in ("city", "adm2") and entry.lat is not None:
                self.points[entry.id] = (key, entry.lat, entry.lon)

    def bonus(self, entry: Entry, key: str) -> float:
        score = self.regions.bonus(entry, key)
        if entry.kind == "adm1":  # "Georgia" in a story about Savannah and Macon: the state
            inside = sum(1 for name in self.inside.get(entry.id, {}).values() if name != key)
            score += CONTAINS_BONUS * min(inside, CONTAINS_MAX)
        elif entry.admin1_id is not None and self.admin1.get(entry.admin1_id, set()) - {key}:
            score += ADMIN1_MENTIONED
        if entry.lat is not None and entry.kind in ("city", "adm2"):
            near = sum(1 for other_id, (name, lat, lon) in self.points.items()
                       if other_id != entry.id and name != key and abs(lat - entry.lat) < NEARBY_DEGREES
                       and haversine_km(entry.lat, entry.lon, lat, lon) < NEARBY_KM)
            score += NEARBY_BONUS * min(near, NEARBY_MAX)
        return score
