"""What a noun names: people, groups, or a class of Herald's typed noun lexicon (`data/noun_classes.yaml`: animals,
products, hazards, vehicles, installations, weapons, markets, ...). The event checks (herald.events.semantics,
herald.events.accidents) read it."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from herald.events.arguments import RELATIVE_PRONOUNS
from herald.nlp.morph import noun_forms

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["GROUP_ENTITIES", "PEOPLE_ENTITIES", "NounClasses", "antecedent", "has_owner", "kind_of",
           "noun_classes"]

PEOPLE_ENTITIES = frozenset({"PERSON", "NORP"})
GROUP_ENTITIES = frozenset({"ORG", "GPE"})


@dataclass(frozen=True, slots=True)
class NounClasses:
    """Surface forms (singular and plural, lower case) -> the classes they belong to."""

    by_form: dict[str, frozenset[str]]

    def classes(self, word: str) -> frozenset[str]:
        return self.by_form.get(word.lower(), frozenset())


@lru_cache(maxsize=1)
def noun_classes() -> NounClasses:
    text = (resources.files("herald.events") / "data" / "noun_classes.yaml").read_text(encoding="utf-8")
    table: dict[str, set[str]] = {}
    for name, words in yaml.safe_load(text).items():
        for word in words:
            forms = noun_forms(word.lower()) if " " not in word else {word.lower()}
            for form in forms | {word.lower()}:
                table.setdefault(form, set()).add(name)
    return NounClasses({form: frozenset(names) for form, names in table.items()})


# Kinds of things that "they" may stand for in the same sentence.
THINGS = frozenset({"product", "weapon", "vehicle", "hazard", "abstract", "animal", "market", "installation"})


def antecedent(token: "Token") -> "Token":
    """A relative pronoun stands for the noun its clause modifies ("an earthquake that struck" -> earthquake)."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def kind_of(token: "Token", classes: NounClasses | None = None) -> frozenset[str]:
    """The kinds a head token names: {"person"} for people, {"group"} for organisations and states, lexicon classes
    for common nouns (a compound's modifier counts: "Typhoon Haiyan", "video game"), empty when unknown."""
    classes = classes or noun_classes()
    token = antecedent(token)
    if token.ent_type_ in PEOPLE_ENTITIES:
        return frozenset({"person"})
    if token.tag_ in ("PRP", "WP") or token.lower_ in RELATIVE_PRONOUNS:
        thing = _plural_thing_before(token, classes) if token.lower_ in ("they", "them") else None
        if thing is not None:  # "obtained the messages and released them": things, not people
            return thing
        return frozenset({"person"}) if "human_pronoun" in classes.classes(token.lower_) else frozenset()
    found = set(classes.classes(token.lower_)) | set(classes.classes(token.lemma_))
    for child in token.children:
        if child.dep_ == "compound":
            pair = classes.classes(f"{child.lower_} {token.lower_}")
            found |= pair or (classes.classes(child.lower_) & {"hazard"} if token.tag_ == "NNP" else set())
    if token.ent_type_ in GROUP_ENTITIES and not found & {"hazard", "product", "vehicle"}:
        return frozenset({"group"})
    return frozenset(found)


def has_owner(token: "Token", *, pronoun: bool = True, words: frozenset[str] = frozenset()) -> bool:
    """A thing with an owner the text names as its modifier or possessor: a person, a group or a proper name ("Israeli
    tanks", "U.N. helicopters", "the army's jets"), one of `words` ("government warplanes"), or, with `pronoun`, a
    possessive pronoun ("their bus")."""
    tags = ("PRP$", "NNP", "NNPS") if pronoun else ("NNP", "NNPS")
    return any(c.dep_ in ("amod", "compound", "poss", "nmod") and (
        c.ent_type_ in PEOPLE_ENTITIES | GROUP_ENTITIES or c.tag_ in tags or c.lower_ in words)
        for c in token.children)


def _plural_thing_before(pronoun: "Token", classes: NounClasses) -> frozenset[str] | None:
    """The kinds of the nearest plural noun before "they"/"them" in its sentence when that noun is a thing the noun
    lexicon knows (a product or record, a weapon, a vehicle, a hazard, an idea); None when it is people or unknown."""
    for k in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
        noun = pronoun.doc[k]
        if noun.tag_ in ("NNS", "NNPS"):
            found = frozenset(classes.classes(noun.lower_) | classes.classes(noun.lemma_ or ""))
            things = found & THINGS
            return things if things and "person" not in found else None
    return None
