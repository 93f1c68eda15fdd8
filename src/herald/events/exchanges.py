"""The exchanges a sentence tells, for the actor stage: who meets, talks, agrees or argues with whom.

"The parties", "both sides" and "the two countries" refer to the two sides of the exchange the story is telling.
The actor stage (herald.actors) resolves them while it builds the article's actor table, before any event is coded;
it asks an `ExchangeFinder` (built from the trigger lexicon and passed to `ActorResolver`) which main-clause
exchange verbs each sentence has and which tokens are their two sides. The coder only reads the finished table.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from herald.events.lexicon import TriggerLexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["EXCHANGES", "ExchangeFinder"]

# Types of events that two sides do with or to each other.
EXCHANGES = frozenset({"CONSULT", "SUPPORT", "AGREE", "COOPERATE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
_UNSURE = frozenset({"will", "would", "could", "may", "might", "should", "can", "to", "not", "n't", "never"})
_COUNTERPART_PREPS = frozenset({"with", "to"})


class ExchangeFinder:
    """`finder(sentence)` -> [(side token index, other side token index)] for its asserted main-clause exchanges."""

    def __init__(self, lexicon: TriggerLexicon):
        self.verbs = frozenset(form for form, entries in lexicon.verbs.items()
                               if any(e.event in EXCHANGES for e in entries))

    def __call__(self, sent: "Span") -> list[tuple[int, int]]:
        out = []
        for token in sent:
            if token.dep_ not in ("ROOT", "conj") or not token.tag_.startswith("VB") or token.lower_ not in self.verbs:
                continue
            if any(c.lower_ in _UNSURE and c.dep_ in ("aux", "neg") for c in token.children):
                continue  # planned, supposed or denied: not the exchange being told
            side = _subject(token)
            other = _counterpart(token)
            if side is not None and other is not None:
                out.append((side.i, other.i))
        return out


def _subject(verb: "Token") -> "Token | None":
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None or verb.dep_ != "conj":
            return subject
        verb = verb.head
    return None


def _counterpart(verb: "Token") -> "Token | None":
    direct = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if direct is not None:
        return direct
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _COUNTERPART_PREPS:
            found = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if found is not None:
                return found
    return None
