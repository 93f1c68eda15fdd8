"""Modality of an event: asserted, future, negated or hypothetical, from auxiliaries, negation, conditionals and
the verbs that govern the trigger ("plans to visit", "refused to", "if hit by sanctions")."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should", "must", "ought"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
ABILITY = frozenset({"can", "ca", "could", "may", "might", "must", "should", "would"})
# Verbs that put the event they govern in the future: "plans to visit", "is expected to meet", "set to sign".
FUTURE_GOVERNORS = frozenset(
    "plan plans planned planning intend intends intended intending expect expects expected schedule schedules "
    "scheduled set due going prepare prepares prepared preparing aim aims aimed aiming hope hopes hoped hoping "
    "seek seeks sought seeking want wants wanted wanting propose proposes proposed consider considers considered "
    "considering mull mulls mulled weigh weighs weighed".split())
FUTURE_MODIFIERS = frozenset({"upcoming", "planned", "scheduled", "forthcoming", "future", "proposed", "coming",
                              "next", "expected", "prospective", "pending"})
SPEECH_VERBS = frozenset("say says said announce announced announces tell told confirm confirmed state stated "
                         "pledge pledged promise promised warn warned add added report reported claim claimed".split())
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})


def _clause_verb(trigger: "Token") -> "Token":
    """The verb whose auxiliaries decide the modality: the trigger itself, or the verb a noun trigger hangs on."""
    token = trigger
    for _ in range(3):
        if token.tag_.startswith("VB") or token.tag_ == "MD":
            return token
        if token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj", "conj", "appos") and token.head.i != token.i:
            token = token.head if token.dep_ != "pobj" else token.head.head
        else:
            break
    return token


def _aux_words(verb: "Token") -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def modality_of(trigger: "Token") -> str:
    """asserted | future | negated | hypothetical."""
    # Noun triggers: "no talks", "the upcoming visit", "the mission planned for November".
    if trigger.tag_.startswith("NN"):
        for child in trigger.children:
            if child.dep_ == "det" and child.lower_ == "no":
                return "negated"
            if child.dep_ in ("amod", "compound") and child.lower_ in FUTURE_MODIFIERS:
                return "future"
            if child.dep_ == "acl" and child.lower_ in FUTURE_GOVERNORS:
                return "future"
    verb = _clause_verb(trigger)
    if verb.i != trigger.i and trigger.dep_ in ("nsubj", "nsubjpass"):
        # "the ban would not stop her": a noun subject exists; only a future clause makes it future ("talks will
        # take place")
        return "future" if _aux_words(verb) & FUTURE_AUX else "asserted"
    chain = [verb]
    current = verb
    for _ in range(3):  # governing verbs: "is expected to visit", "plans to hold talks"
        if current.dep_ == "xcomp":  # only control verbs pass on their modality; "as Tehran rejected" does not
            current = current.head
            chain.append(current)
        else:
            break
    for position, token in enumerate(chain):
        children = {c.lower_ for c in token.children if c.dep_ == "neg"}
        if children & NEGATIONS and position == 0:
            # "cannot suppress", "could not attack": a claim about ability, not a report that it did not happen
            return "hypothetical" if _aux_words(token) & ABILITY else "negated"
        marked = list(token.children) + (list(token.head.children) if token.dep_ == "conj" else [])
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in marked):  # "if X went ahead and struck"
            return "hypothetical"
        aux = _aux_words(token)
        if aux & FUTURE_AUX:
            return "future"
        if aux & HYPOTHETICAL_AUX:
            return "hypothetical"
        if "would" in aux:
            governed_by_speech = any(t.lower_ in SPEECH_VERBS for t in chain[position + 1:]) or \
                token.head.lower_ in SPEECH_VERBS
            return "future" if governed_by_speech else "hypothetical"
        if position > 0 and token.lower_ in FUTURE_GOVERNORS:
            return "future"
        if position == 0 and token.lower_ == "to" and token.head.lower_ in FUTURE_GOVERNORS:
            return "future"
    if verb.dep_ == "xcomp" and verb.head.lower_ in ("is", "are", "was", "were"):  # "is to visit"
        return "future"
    return "asserted"


VOLITION = frozenset("want wants wanted wish wishes wished intend intends intended plan plans planned agree agrees "
                     "agreed accept accepts accepted".split())


def negated_volition(trigger: "Token") -> bool:
    """"does not want to meet", "did not agree to withdraw": a refusal (REJECT) rather than a negated event."""
    current = _clause_verb(trigger)
    for _ in range(3):
        if current.dep_ != "xcomp":
            return False
        current = current.head
        if current.lower_ in VOLITION and any(c.dep_ == "neg" for c in current.children):
            return True
    return False


OWN_PLANS = frozenset("plan plans planned planning intend intends intended decide decides decided going".split())


def announced_by_actor(trigger: "Token") -> bool:
    """A future act its actor announces as its own: "will provide aid", "said they would boycott", "plans to impose
    restrictions" (not one others expect or schedule: "is expected to visit", "is due to")."""
    if not trigger.tag_.startswith("VB"):
        return False
    current = trigger
    for _ in range(3):
        aux = _aux_words(current)
        if aux & FUTURE_AUX or ("would" in aux and (current.head.lower_ in SPEECH_VERBS or current.dep_ == "ccomp")):
            return True
        if current.dep_ == "xcomp" and current.head.lower_ in OWN_PLANS:
            return True
        if current.dep_ != "xcomp":
            return False
        current = current.head
    return False
