"""Event location: the place the text attaches to an event's trigger, else the dateline when the story is local.

Order of evidence:
1. a locative phrase on the trigger or the words that govern it ("meeting ... in Vienna", "met in Bangui and
   signed", "killed in a gun battle ... in the town of L'Estere", "mission ... to Kazakhstan", "withdrawal ...
   from the country");
2. a locative phrase inside the trigger's own phrase, through sites, people and events but never through a
   topic ("attack on a train in Balochistan" yes; "discussed the situation in Afghanistan" no);
3. the one locative place of the sentence, when the sentence places its events in one country;
4. the dateline, when the story is local (its lead does not happen elsewhere) and the sentence names no place
   in another country;
5. optionally (`fallback="focus"`, the default), the place the article is mostly about, with `source="article"` (an
   extension of the SCHEMA's `text`/`dateline`) so users can keep or drop such guesses.
Anaphors resolve to the article's places: "the capital" (of the country in context), "the country", "the city".
"""
from __future__ import annotations

from collections import deque
from itertools import chain
from dataclasses import replace
from typing import TYPE_CHECKING

from herald.places.article import ArticlePlaces, kind_of
from herald.places.names import demonyms
from herald.places.syntax import (GENERIC_PLACE_NOUNS, LOCATIVE_PREPS, PLACE_ANAPHORS, TOPIC_PREPS, accepts_prep,
                                  is_noun, is_verb, passable, pobj_of, prep_children, word_class)
from herald.records import Place

if TYPE_CHECKING:
    from spacy.tokens import Token

_SPEECH = frozenset({"said", "says", "say", "told", "tell", "tells", "announced", "stated", "reported", "added",
                     "noted", "explained", "wrote", "confirmed", "according"})
_CLIMB_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd", "conj", "xcomp", "advcl", "ccomp",
                         "acomp", "appos", "compound"})


def location_for(trigger: Token, found: ArticlePlaces, *, use_dateline: bool = True,
                 fallback: str | None = "focus", countries: frozenset[str] | set[str] = frozenset()) -> Place | None:
    """Where the event whose trigger head word is `trigger` happened, or None when the text does not say.

    `fallback="focus"` (the default) gives events that neither their sentence nor a local dateline place the
    place the article is about (its most used locative place), never the dateline of a story told from afar, and
    only when the event is local to it: one of its sides (`countries`, the actors' ISO3 codes) or a place or
    nationality its sentence names is in the focus's country, or no side has a known country.
    `fallback=None` returns None for them instead."""
    place = _attached(trigger, found) or _in_phrase_of(trigger, found)
    located: list[tuple[Token, Place]] = []
    if place is None:
        located = _sentence_locatives(trigger, found)
        place = _sentence_place(trigger, located)
    if place is not None:
        return _with_country(place, found)
    local = found.dateline is not None and found.dateline_local
    if use_dateline and local and not _sentence_elsewhere(located, found):
        return found.dateline
    if fallback == "focus" and found.focus is not None and not local and _local_to_focus(trigger, found, countries):
        return replace(found.focus, source="article")  # not said of this event: the place the story is about
    return None


def _local_to_focus(trigger: Token, found: ArticlePlaces, countries: frozenset[str] | set[str]) -> bool:
    """Is the article's focus a fair guess for this event: no side of it is known to be elsewhere, or a side, a
    place or a nationality of its sentence is in the focus's country ("India and Mauritius upgraded ties" in a
    story about Mauritius: yes; "Sweden's Thunberg met leaders" in a story focused on Brussels: no)."""
    focus = found.focus.country if found.focus is not None else None
    if not countries or focus is None or focus in countries:
        return True
    sentence = trigger.sent
    return any(place.country == focus for place in chain(found.places, found.adjectives)
               if place.start is not None and sentence.start_char <= place.start < sentence.end_char)


def _with_country(place: Place, found: ArticlePlaces) -> Place:
    """An unresolved place ("the Boni Forest") takes the country of the article when the article has one."""
    if place.country is not None or place.geonames_id is not None:
        return place
    country = found.main_country()
    return replace(place, country=country) if country else place


# -- 1. attached to the trigger or to what governs it -----------------------------------------------------------
def _anchors(trigger: Token) -> list[Token]:
    """The trigger, then the words it hangs from (at most two steps, never past a verb of saying)."""
    anchors, token = [trigger], trigger
    for _ in range(2):
        if token.dep_ == "ROOT" or token.head.text.lower() in _SPEECH:
            break
        head = token.head
        if token.dep_ == "pobj" and head.head.i != head.i:  # "killed in a gun battle": battle -> in -> killed
            head = head.head
        elif token.dep_ not in _CLIMB_DEPS:
            break
        if head.text.lower() in _SPEECH:
            break
        anchors.append(head)
        token = head
    # coordinated verbs share their place: "met in Bangui and signed an agreement"
    for anchor in list(anchors):
        anchors.extend(c for c in anchor.children if c.dep_ == "conj" and is_verb(c) and c not in anchors)
    return anchors


def _attached(trigger: Token, found: ArticlePlaces) -> Place | None:
    for anchor in _anchors(trigger):
        preps = [(anchor, p) for p in prep_children(anchor)]
        preps += [(obj, p) for obj in anchor.children if obj.dep_ == "dobj" and word_class(obj, "travel")
                  for p in prep_children(obj)]  # "conducted several trips to the Afghan capital"
        for owner, prep in preps:
            if accepts_prep(owner, prep) or (anchor.i != trigger.i and accepts_prep(trigger, prep)):
                obj = pobj_of(prep)
                place = _place_in_phrase(obj, found) if obj is not None else None
                if place is not None:
                    return place
        if anchor is trigger:
            place = _possessor_place(trigger, found)  # "Mauritius's National Day celebrations"
            if place is not None:
                return place
    return None


def _possessor_place(token: Token, found: ArticlePlaces, classes: tuple[str, ...] = ("event",)) -> Place | None:
    """The place that owns an event (or, given `classes`, people): "Mauritius's celebrations", "Gaza residents"."""
    if not any(word_class(token, name) for name in classes):
        return None
    for child in token.children:
        if child.dep_ in ("poss", "compound") and found.place_at(child) is not None:
            return found.place_at(child)
    return None


# -- 2. inside the trigger's phrase ------------------------------------------------------------------------------
def _in_phrase_of(trigger: Token, found: ArticlePlaces) -> Place | None:
    queue: deque[tuple[Token, int]] = deque([(trigger, 0)])
    seen = {trigger.i}
    while queue:
        token, depth = queue.popleft()
        if depth >= 5:
            continue
        for child in token.children:
            if child.i in seen or child.dep_ in ("ccomp", "parataxis", "punct"):
                continue
            seen.add(child.i)
            if child.dep_ in ("prep", "dative"):
                word = child.text.lower()
                if word in TOPIC_PREPS and not accepts_prep(token, child):
                    continue
                obj = pobj_of(child)
                if obj is None:
                    continue
                if accepts_prep(token, child):
                    place = _place_in_phrase(obj, found)
                    if place is not None:
                        return place
                if passable(obj):
                    seen.add(obj.i)
                    queue.append((obj, depth + 1))
            elif (is_verb(child) and child.dep_ in ("relcl", "acl", "advcl", "xcomp", "conj")) or (
                    is_noun(child) and child.dep_ in ("dobj", "nsubjpass", "appos", "conj") and passable(child)):
                queue.append((child, depth + 1))
    return None


# -- the place a phrase names -------------------------------------------------------------------------------------
def place_in_phrase(token: Token, found: ArticlePlaces) -> Place | None:
    """The place a noun phrase names, anaphors included: "Vienna", "the town of Aungban", "Balochistan province",
    "the Afghan capital" (Kabul), "the country" (the article's country)."""
    place = _place_in_phrase(token, found)
    return _with_country(place, found) if place is not None else None


def _place_in_phrase(token: Token, found: ArticlePlaces, depth: int = 0) -> Place | None:
    """The place named by the phrase headed by `token`: a toponym, "the town of X", "X province", an anaphor."""
    if depth > 3:
        return None
    place = found.place_at(token)
    if place is not None and token.i not in found.qualifiers:
        return place
    word = token.text.lower()
    children = list(token.children)
    if word in GENERIC_PLACE_NOUNS or word_class(token, "site"):
        for child in children:  # "the town of Aungban", "the C.A.R.'s capital, Bangui"
            if child.dep_ == "appos" or (child.dep_ == "prep" and child.text.lower() == "of"):
                target = child if child.dep_ == "appos" else pobj_of(child)
                inner = _place_in_phrase(target, found, depth + 1) if target is not None else None
                if inner is not None:
                    return inner
        named = [(child.dep_, found.place_at(child)) for child in children
                 if child.dep_ in ("compound", "nmod", "amod", "poss") and found.place_at(child) is not None]
        if named:  # "Balochistan province"; "Somalia's Puntland region": Puntland, in Somalia
            named.sort(key=lambda dp: ("compound", "nmod", "amod", "poss").index(dp[0]))
            dep, place = named[0]
            if not (dep == "poss" and word_class(token, "site") and word not in GENERIC_PLACE_NOUNS):
                country = next((p.country for d, p in named if d == "poss" and p.country), None)
                if place.country is None and country:
                    place = replace(place, country=country)
                return place
        for child in children:  # "a hotel in the town of Beledweyne"
            if child.dep_ == "prep" and child.text.lower() in ("in", "at", "near", "outside", "inside"):
                obj = pobj_of(child)
                inner = _place_in_phrase(obj, found, depth + 1) if obj is not None else None
                if inner is not None:
                    return inner
        return _anaphor(token, found)
    return _possessor_place(token, found, ("event", "people"))  # "in Mauritius's celebrations"


def _anaphor(token: Token, found: ArticlePlaces) -> Place | None:
    """"the capital", "the Afghan capital", "the country", "the city": a place named before."""
    kind = PLACE_ANAPHORS.get(token.text.lower())
    if kind is None:
        return None
    determiners = [c for c in token.children if c.dep_ in ("det", "poss", "amod", "compound")]
    if not any(c.text.lower() in ("the", "its", "this", "that") or c.dep_ in ("poss", "amod", "compound")
               for c in determiners):
        return None
    if kind == "capital":
        iso3 = None
        for child in determiners:
            place = found.place_at(child)
            if place is not None and kind_of(place) == "country":
                iso3 = place.country
            elif demonyms().get(child.text):
                iso3 = demonyms()[child.text]
        if iso3 is None:
            iso3 = _salient_previous_country(token, found)
        capital = found.capital_of(iso3)
        return replace(capital, text=token.text, start=token.idx, end=token.idx + len(token)) if capital else None
    if kind == "country":
        iso3 = _salient_previous_country(token, found)
        country = found.gazetteer.country(iso3) if iso3 and found.gazetteer else None
        place = country.to_place(country.name, None, None) if country else None
    else:
        place = found.previous(kind, token.idx)
    if place is None:
        return None
    return replace(place, text=token.text, start=token.idx, end=token.idx + len(token), source="text")


def _salient_previous_country(token: Token, found: ArticlePlaces) -> str | None:
    """The country "the country" / "the capital" refers to: of the countries named before it, the one the article
    is most about (a country named in passing, "U.S. and NATO troops", does not win over the story's country)."""
    named: dict[str, int] = {}  # country -> position of its last mention before the anaphor
    for place in found.places:
        if place.start is not None and place.start < token.idx and kind_of(place) == "country" and place.country:
            named[place.country] = place.start
    if not named:
        return found.main_country()
    return max(named, key=lambda iso3: (found.countries.get(iso3, 0.0), named[iso3]))


# -- 3 and 4. the sentence --------------------------------------------------------------------------------------
def _sentence_locatives(trigger: Token, found: ArticlePlaces) -> list[tuple[Token, Place]]:
    """Places of the trigger's sentence that locate an action: objects of a locative preposition attached to a
    verb, an event or a site (not to a topic such as "the situation in Afghanistan")."""
    out = []
    for token in trigger.sent:
        if token.dep_ != "prep" or not (is_verb(token.head) or passable(token.head)):
            continue
        word = token.text.lower()
        if not (word in LOCATIVE_PREPS or (word == "on" and word_class(token.head, "attack"))):
            continue
        obj = pobj_of(token)
        place = _place_in_phrase(obj, found) if obj is not None else None
        if place is not None:
            out.append((token, place))
    return out


def _sentence_place(trigger: Token, located: list[tuple[Token, Place]]) -> Place | None:
    """The one locative place of the sentence (`located`: its `_sentence_locatives`) nearest the trigger, when
    all of them lie in one country."""
    if not located or len({p.country for _, p in located}) != 1:
        return None
    return min(located, key=lambda tp: abs(tp[0].i - trigger.i))[1]


def _sentence_elsewhere(located: list[tuple[Token, Place]], found: ArticlePlaces) -> bool:
    """Does the sentence (`located`: its `_sentence_locatives`) place something outside the dateline's country?"""
    home = found.dateline.country if found.dateline else None
    return any(p.country and p.country != home for _, p in located)
