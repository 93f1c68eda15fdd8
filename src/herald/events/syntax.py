"""Small questions about the dependency parse, shared by trigger matching and argument finding."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Prepositions of circumstance, not of content: "despite protests, the government refused to ..." does not refuse the
# protests, and the protests are aimed at the government.
ADJUNCT_PREPS = frozenset({"despite", "amid", "after", "before", "during", "following", "since", "because", "while",
                           "as", "upon", "until", "like", "unlike", "besides", "throughout"})


def is_passive(verb: "Token") -> bool:
    """"was killed", "killed by", "a journalist arrested over...", "..., killed in an airstrike" (a participle)."""
    if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children):
        return True
    if verb.tag_ != "VBN":
        return False
    return verb.dep_ == "acl" or (verb.dep_ == "advcl" and not any(c.dep_ in ("aux", "nsubj") for c in verb.children))


def to_infinitive(verb: "Token") -> bool:
    """A verb with its infinitive "to": "agreed [to meet]", "deployed [to push back] the rebels"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def prep_objects(token: "Token", word: str) -> Iterator["Token"]:
    """Objects of the preposition `word` hanging on `token` ("met [with] X", "attack [on] X", "killed [by] X")."""
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ == word:
            for grand in child.children:
                if grand.dep_ == "pobj":
                    yield grand


def acts_as_verb(token: "Token") -> bool:
    """A verb, or a word the tagger took for a noun but the parser gave verb dependents ("is expected visit India")."""
    if token.tag_.startswith("VB"):
        return True
    return token.tag_.startswith("NN") and token.dep_ in ("xcomp", "ccomp", "ROOT", "conj") and any(
        c.dep_ in ("dobj", "nsubj", "aux") for c in token.children)


def nominal_gerund(token: "Token") -> bool:
    """An -ing form used as a noun: "the fighting between X and Y", "his killing", "the ongoing shelling"."""
    if any(c.dep_ in ("det", "poss", "amod") for c in token.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("between", "of") for c in token.children) and not any(
        c.dep_ in ("dobj", "nsubj", "aux") for c in token.children)
