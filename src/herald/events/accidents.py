"""Harm with no one who did it: accidents and disasters are not attacks.

An explosion at an installation, an installation that fails, a vehicle that crashes, a disaster told in the
sentence or the one before: `herald.events.semantics.argument_problem` drops an agentive event (ASSAULT, COERCE...)
caused by one of these, unless a weapon or an act of violence is named.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from herald.events.kinds import NounClasses, has_owner, kind_of, noun_classes
from herald.nlp.morph import noun_forms, verb_forms

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["VIOLENT_WORDS", "accident_story", "accidental", "cause_tokens"]

# Prepositions that name what caused a harm: "killed in a crash", "injured by falling debris", "died after a fire".
CAUSE_PREPS = frozenset({"in", "by", "during", "from", "after", "following", "amid"})
VIOLENT_WORDS = frozenset("attack attacks bombing bombings blast blasts shooting shootings airstrike airstrikes strike "
                          "strikes raid raids ambush clash clashes fighting firefight gunfire combat battle war "
                          "offensive assault shelling stabbing explosion explosions violence".split())
# Explosions and fires: an attack when a weapon is involved, an accident at an installation (`accidental`).
EXPLOSIONS = frozenset({"explosion", "explosions", "blast", "blasts", "fire", "fires", "blaze", "fireball"})
# Disasters and accidents that a story of harm with no agent may be about (`_accident_story`); "fire" is not one
# ("opened fire"), nor a "crisis".
DISASTERS = frozenset().union(*(noun_forms(n) for n in (
    "earthquake", "quake", "tsunami", "storm", "hurricane", "typhoon", "cyclone", "tornado", "flood", "flooding",
    "landslide", "mudslide", "avalanche", "eruption", "volcano", "wildfire", "bushfire", "crash", "accident",
    "collision", "derailment", "stampede", "downpour", "blizzard", "heatwave", "drought")))
# Verbs of an installation that fails, and of a vehicle that crashes: harm without an actor (`accidental`).
FAILURE_VERBS = frozenset().union(*(verb_forms(v) for v in (
    "explode", "collapse", "burst", "leak", "catch", "cave", "give")))
CRASH_VERBS = frozenset().union(*(verb_forms(v) for v in (
    "crash", "plunge", "overturn", "capsize", "sink", "derail", "collide", "topple", "skid", "veer", "fall", "tumble",
    "roll", "flip", "hit")))


def cause_tokens(trigger: "Token") -> list["Token"]:
    """What a harm is attributed to besides the subject: "killed in a crash", "died when a fire broke out". The
    verbs it is coordinated with count: "were killed and 20 injured when a tanker exploded"."""
    verbs = [trigger, *(c for c in trigger.children if c.dep_ == "conj" and c.tag_.startswith("VB"))]
    # "were killed and a dozen injured": the elided second verb hangs on its subject
    verbs += [g for c in trigger.children if c.dep_ == "conj" and c.tag_.startswith("NN")
              for g in c.children if g.dep_ == "acl" and g.tag_ == "VBN"]
    if trigger.dep_ == "conj" and trigger.head.tag_.startswith("VB"):
        verbs.append(trigger.head)
    out = [g for verb in verbs for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in CAUSE_PREPS
           for g in c.children if g.dep_ == "pobj"]
    for clause in (c for verb in verbs for c in verb.children):  # "were killed when the plane crashed"
        if clause.dep_ == "advcl":
            out += [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            out.append(clause)
    return out


def _armed(token: "Token", classes: NounClasses) -> bool:
    """Whether a phrase or clause involves a weapon or an act of violence ("a bomb exploded", "hit a mine")."""
    return any(t.lower_ in VIOLENT_WORDS - EXPLOSIONS or "weapon" in classes.classes(t.lower_) for t in token.subtree)


def accidental(token: "Token", classes: NounClasses | None = None) -> bool:
    """An accident, not an act: an explosion of, at or through an installation ("a gas explosion", "an explosion at a
    chemical plant"), an installation (or a thing at one) that explodes or collapses ("as a boiler exploded"), or a
    vehicle that crashes ("when their bus plunged off a bridge"), with no weapon involved and no owner named."""
    classes = classes or noun_classes()
    if token.lower_ in EXPLOSIONS:
        return _at_installation(token, classes, ("compound", "amod", "nmod")) and not _armed(token, classes)
    if token.dep_ not in ("nsubj", "nsubjpass") or _armed(token.head, classes):
        return False
    verb = token.head.lower_
    if verb in FAILURE_VERBS and ("installation" in kind_of(token, classes) or _at_installation(token, classes, ())):
        return True
    return verb in CRASH_VERBS and "vehicle" in kind_of(token, classes) and not has_owner(token, pronoun=False)  # "their bus" is the victims' own


def accident_story(trigger: "Token", classes: NounClasses) -> bool:
    """The sentence of a harm with no agent, or the one before it, tells of an accident or a disaster (a hazard, an
    installation that fails, a vehicle that crashes) and neither names a weapon or an act of violence."""
    sent = trigger.sent
    previous = sent.doc[sent.start - 1].sent if sent.start > 0 else None
    tokens = [t for span in (previous, sent) if span is not None for t in span]
    if any(t.lower_ in VIOLENT_WORDS - EXPLOSIONS or "weapon" in classes.classes(t.lower_) for t in tokens):
        return False
    return any(t.tag_ in ("NN", "NNS") and t.lower_ in DISASTERS or accidental(t, classes) for t in tokens)


def _at_installation(token: "Token", classes: NounClasses, modifiers: tuple[str, ...]) -> bool:
    """An installation modifies the word ("gas explosion") or is where it is ("at a chemical plant")."""
    near = [c for c in token.children if c.dep_ in modifiers]
    near += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("at", "in", "inside", "of", "through")
             for g in c.children if g.dep_ == "pobj"]
    return any("installation" in kind_of(n, classes) for n in near)
