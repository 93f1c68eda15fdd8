"""Word classes and dependency helpers for attaching places to events (English, spaCy's ClearNLP labels)."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from herald.nlp.morph import noun_forms, verb_forms

if TYPE_CHECKING:
    from spacy.tokens import Token

# Prepositions that say where something happens.
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within",
                            "into", "onto", "off", "along", "beyond", "amid", "aboard"})
# Prepositions that introduce a topic, a beneficiary or a partner: places below them do not locate the event.
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning", "for", "against", "with", "between",
                         "among", "like", "than", "per", "toward", "towards", "despite", "including", "by"})
DIRECTIONAL_PREPS = frozenset({"to", "into", "toward", "towards"})

_TRAVEL = ("visit", "trip", "mission", "delegation", "travel", "fly", "arrive", "arrival", "deploy", "deployment",
           "send", "return", "journey", "tour", "move", "march", "dispatch", "head", "go", "come", "sail",
           "voyage", "expedition", "pilgrimage", "relocate", "extradite", "extradition", "deport", "invade",
           "invasion", "incursion", "enter", "entry")
_FROM = ("withdraw", "withdrawal", "pullout", "pull", "retreat", "evacuate", "evacuation", "flush", "expel",
         "expulsion", "oust", "flee", "exit", "rescue", "free", "release", "escape")
_ATTACK_NOUNS = ("attack", "strike", "airstrike", "air strike", "raid", "assault", "offensive", "bombing",
                 "shelling", "missile", "rocket", "drone", "bombardment", "incursion", "invasion")
_EVENT_NOUNS = _ATTACK_NOUNS + (
    "blast", "explosion", "clash", "fighting", "battle", "gunfight", "firefight", "ambush", "protest",
    "demonstration", "rally", "march", "strike", "meeting", "talk", "summit", "conference", "visit", "trip",
    "tour", "mission", "election", "vote", "referendum", "ceremony", "operation", "exercise", "drill",
    "deployment", "siege", "hijacking", "kidnapping", "abduction", "killing", "massacre", "shooting", "riot",
    "celebration", "negotiation", "session", "forum", "gathering", "crackdown", "arrest", "trial", "hearing",
    "signing", "parade", "funeral", "vigil", "sit-in", "walkout", "boycott", "hostage", "standoff", "coup",
    "uprising", "insurgency", "war", "conflict", "campaign", "crash", "fire", "flood", "earthquake", "outbreak",
    "detention", "execution", "bomb", "attack", "consultation", "dialogue", "round", "event", "investment")
_SITE_NOUNS = (
    "hotel", "base", "school", "camp", "village", "town", "city", "capital", "border", "market", "mosque",
    "church", "temple", "synagogue", "embassy", "consulate", "prison", "jail", "hospital", "clinic", "home",
    "house", "office", "headquarters", "checkpoint", "station", "airport", "port", "harbor", "harbour", "street",
    "square", "building", "compound", "area", "region", "province", "district", "county", "state", "country",
    "neighborhood", "neighbourhood", "suburb", "outskirts", "coast", "island", "road", "highway", "bridge",
    "train", "bus", "convoy", "vehicle", "ship", "vessel", "boat", "plane", "aircraft", "court", "courthouse",
    "palace", "stadium", "farm", "field", "mine", "plant", "facility", "refinery", "site", "zone", "territory",
    "center", "centre", "university", "campus", "shelter", "warehouse", "factory", "mall", "restaurant", "bar",
    "club", "park", "forest", "desert", "valley", "mountain", "river", "lake", "sea", "waters", "frontline",
    "front", "hub", "enclave", "settlement", "municipality", "parish", "oblast", "governorate", "prefecture",
    "locality", "community", "residence", "venue", "hall", "chamber", "port", "terminal", "crossing", "corridor",
    "block", "apartment", "tower", "complex", "infrastructure", "target", "position", "post", "outpost", "depot",
    "barracks", "substation", "dam", "pipeline", "embassy", "ministry", "parliament", "checkpoint", "airbase")
_PEOPLE_NOUNS = (
    "force", "troop", "soldier", "militant", "fighter", "police", "policeman", "officer", "resident", "civilian",
    "people", "person", "protester", "demonstrator", "attacker", "rebel", "gunman", "terrorist", "passenger",
    "student", "worker", "refugee", "migrant", "villager", "child", "woman", "man", "militia", "miner",
    "journalist", "insurgent", "jihadist", "army", "unit", "patrol")
PLACE_ANAPHORS = {"capital": "capital", "country": "country", "nation": "country", "city": "city",
                  "town": "city", "province": "adm1", "region": "adm1", "state": "adm1"}
GENERIC_PLACE_NOUNS = frozenset({"town", "city", "village", "province", "region", "state", "capital", "district",
                                 "county", "area", "country", "island", "nation", "municipality", "governorate",
                                 "oblast", "prefecture", "territory", "commune", "locality", "port", "suburb"})


@lru_cache(maxsize=1)
def _classes() -> dict[str, frozenset[str]]:
    def nouns(words: tuple[str, ...]) -> frozenset[str]:
        return frozenset(form for w in words for form in noun_forms(w))

    def verbs_and_nouns(words: tuple[str, ...]) -> frozenset[str]:
        return frozenset(form for w in words for form in verb_forms(w) | noun_forms(w))

    return {"travel": verbs_and_nouns(_TRAVEL), "from": verbs_and_nouns(_FROM), "attack": nouns(_ATTACK_NOUNS),
            "event": nouns(_EVENT_NOUNS), "site": nouns(_SITE_NOUNS), "people": nouns(_PEOPLE_NOUNS)}


def word_class(token: Token, name: str) -> bool:
    return token.text.lower() in _classes()[name]


def passable(token: Token) -> bool:
    """Nouns whose locative phrases still locate the event: sites, people, named groups ("airstrikes against IS in
    Syria") and events (not topics)."""
    return any(word_class(token, name) for name in ("site", "people", "event", "attack")) or _named_group(token)


def _named_group(token: Token) -> bool:
    """A proper name the NER calls an organisation or group ("Hezbollah", "Islamic State")."""
    return token.tag_ == "NNP" and (token.ent_type_ in _GROUP_LABELS or any(
        c.dep_ == "compound" and c.ent_type_ in _GROUP_LABELS for c in token.children))


_GROUP_LABELS = frozenset({"ORG", "NORP"})


def is_verb(token: Token) -> bool:
    return token.tag_.startswith("VB")


def is_noun(token: Token) -> bool:
    return token.tag_.startswith("NN") or token.tag_ == "PRP"


def accepts_prep(anchor: Token, prep: Token) -> bool:
    """Does the preposition `prep` under `anchor` say where the anchor's event happens?"""
    word = prep.text.lower()
    if word in LOCATIVE_PREPS:
        return True
    if word in DIRECTIONAL_PREPS and word_class(anchor, "travel"):
        return True
    if word == "from" and word_class(anchor, "from"):
        return True
    return word == "on" and word_class(anchor, "attack")


def prep_children(token: Token) -> list[Token]:
    """Prepositions attached to `token` (ClearNLP `prep`, and the `dative` that spaCy sometimes uses for "to")."""
    return [c for c in token.children if c.dep_ in ("prep", "dative") and c.tag_ in ("IN", "TO", "RP")]


def pobj_of(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ in ("pobj", "pcomp"):
            return child
    return None
