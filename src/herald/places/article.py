"""ArticlePlaces: what the places stage learnt about one article, and the lookups event location needs."""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from herald.places.syntax import LOCATIVE_PREPS, is_verb, passable
from herald.records import Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from herald.places.gazetteer import Gazetteer
    from herald.places.recognize import Mention, Recognition

_KIND_OF_FEATURE = {"PCLI": "country", "PPL": "city", "PPLC": "city", "ADM1": "adm1", "ADM2": "adm2",
                    "CONT": "continent"}


def kind_of(place: Place) -> str | None:
    return _KIND_OF_FEATURE.get(place.feature or "")


def _start(place: Place) -> int:
    """Where a place is mentioned; -1 for one with no offset (it sorts first)."""
    return place.start if place.start is not None else -1


@dataclass(slots=True)
class ArticlePlaces:
    """Every toponym of an article (sorted by offset), its dateline, and the article's geography."""

    places: list[Place] = field(default_factory=list)
    dateline: Place | None = None
    countries: dict[str, float] = field(default_factory=dict)  # ISO3 -> salience in [0, 1]
    dateline_local: bool = False  # the story happens where it was filed
    focus: Place | None = None  # the place the story is mostly about (first and most used locative place)
    token_places: dict[int, Place] = field(default_factory=dict)  # token index -> place (mentions in the body)
    qualifiers: set[int] = field(default_factory=set)  # token indices of qualifiers ("Kenya" in "Lamu, Kenya")
    adjectives: list[Place] = field(default_factory=list)  # "Russian", "Kenyans": mentions of a country, not places
    gazetteer: "Gazetteer | None" = None

    def mentions(self) -> list[Place]:
        """Every toponym mention, names and adjectives, by offset (what `herald places` writes)."""
        return sorted(self.places + self.adjectives, key=_start)

    def place_at(self, token: Token) -> Place | None:
        return self.token_places.get(token.i)

    def previous(self, kind: str, before: int) -> Place | None:
        """The last resolved place of `kind` (country | city | adm1) mentioned before character `before`."""
        k = bisect.bisect_left(self.places, before, key=_start)
        for place in reversed(self.places[:k]):
            if place.geonames_id is not None and kind_of(place) == kind:
                return place
        return None

    def capital_of(self, iso3: str | None) -> Place | None:
        if not iso3 or self.gazetteer is None:
            return None
        entry = self.gazetteer.capital(iso3)
        return entry.to_place(entry.name, None, None) if entry else None

    def main_country(self) -> str | None:
        return max(self.countries, key=self.countries.__getitem__) if self.countries else None


def _is_locative(span: Span | None, strict: bool = True) -> bool:
    """Does this mention say where something happens: the object of a locative preposition attached to a verb,
    an event, a site or people ("met in Vienna", "a hotel in the town of X"), not to a topic ("the situation in
    Sudan")?"""
    if span is None:
        return False
    token = span.root
    for _ in range(3):
        head = token.head
        if token.dep_ == "pobj" and head.text.lower() in LOCATIVE_PREPS:
            owner = head.head
            return not strict or is_verb(owner) or passable(owner)
        if token.dep_ in ("pobj", "compound", "appos", "poss") and head.i != token.i:
            token = head if token.dep_ != "pobj" else head.head
            continue
        return False
    return False


def build_article_places(doc: Doc, recognition: "Recognition", resolved: list[tuple["Mention", Place]],
                         gazetteer: "Gazetteer | None") -> ArticlePlaces:
    found = ArticlePlaces(gazetteer=gazetteer)
    weights: Counter[str] = Counter()
    locative: Counter[str] = Counter()
    first_locative: dict[str, tuple[int, Place]] = {}
    for iso3 in recognition.demonym_countries:
        weights[iso3] += 0.5
    for mention, place in resolved:
        found.places.append(place)
        if place.source == "dateline" and not mention.is_qualifier:
            found.dateline = place
        if mention.span is not None and place.source != "dateline":
            for token in mention.span:
                found.token_places[token.i] = place
                if mention.is_qualifier:
                    found.qualifiers.add(token.i)
        if place.country:
            weights[place.country] += 2.0 if place.source == "dateline" else 1.0
        if place.geonames_id is not None and place.source != "dateline" and _is_locative(mention.span, False):
            key = str(place.geonames_id)
            locative[key] += 1
            first_locative.setdefault(key, (mention.start, place))
    found.places.sort(key=_start)
    found.adjectives = _adjectives(recognition, found.places, gazetteer)
    top = max(weights.values(), default=0.0)
    found.countries = {iso3: w / top for iso3, w in weights.most_common()} if top else {}
    if locative:
        # The focus: the most used locative place, earlier mentions breaking ties.
        key = max(locative, key=lambda k: (locative[k], -first_locative[k][0]))
        found.focus = first_locative[key][1]
    found.dateline_local = _dateline_is_local(doc, found, recognition)
    return found


def _adjectives(recognition: "Recognition", places: list[Place], gazetteer: "Gazetteer | None") -> list[Place]:
    """The demonyms outside every place name, as mentions of their country (kind "adjective")."""
    if gazetteer is None:
        return []
    out = []
    for demonym in recognition.demonyms:
        if any(p.start is not None and p.start < demonym.end and demonym.start < p.end for p in places):
            continue
        entry = gazetteer.country(demonym.country)
        place = entry.to_place(demonym.text, demonym.start, demonym.end) if entry is not None else \
            Place(text=demonym.text, start=demonym.start, end=demonym.end, country=demonym.country)
        out.append(replace(place, kind="adjective"))
    return out


def _dateline_is_local(doc: Doc, found: ArticlePlaces, recognition: "Recognition") -> bool:
    """The story happens where it was filed unless its lead sentence places it in another country."""
    if found.dateline is None or found.dateline.country is None or recognition.dateline is None:
        return False
    lead_end = recognition.dateline.span_end
    for sent in doc.sents:
        if sent.end_char > lead_end + 1:
            lead_end = sent.end_char
            break
    for place in found.places:
        if place.source == "dateline" or place.start is None or place.start > lead_end:
            continue
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if place.country and place.country != found.dateline.country and _is_locative(span):
            return False
    return True
