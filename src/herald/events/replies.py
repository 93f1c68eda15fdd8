"""Replies: rejecting or denying "the allegations" is aimed at whoever made them.

The coder keeps, per article, the actors of the accusations it has coded so far (`Accusers`). A REJECT whose object
is an accusation noun ("denied the allegations", "a charge New Delhi rejected", "charges which Washington dismissed")
and that found no recipient of its own gets, in order: the accusation's own author in the parse ("the allegations by
X", "X's claims"), else the latest accuser of the article who is not the rejecting actor.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from herald.events.semantics import kind_of
from herald.events.syntax import prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Token

    from herald.records import Actor

__all__ = ["Accusers", "accusation_object", "reply_recipient"]


@dataclass(slots=True)
class Accusers:
    """The actors of the accusations coded so far in one article, latest last."""

    actors: list["Actor"] = field(default_factory=list)

    def note(self, event_type: str, modality: str, actor: "Actor | None") -> None:
        if event_type == "ACCUSE" and modality == "asserted" and actor is not None and actor.country:
            self.actors.append(actor)

    def latest_other_than(self, actor: "Actor | None") -> "Actor | None":
        for accuser in reversed(self.actors):
            if actor is None or not _same_side(accuser, actor):
                return accuser
        return None


def _same_side(a: "Actor", b: "Actor") -> bool:
    """The same actor, or the same body of the same country (the accused cannot be answering itself)."""
    if a.start is not None and a.start == b.start:
        return True
    if a.name and a.name == b.name:
        return True
    return (a.country, a.sector) == (b.country, b.sector)


def accusation_object(trigger: "Token") -> "Token | None":
    """What is rejected, when it is an accusation: the direct object, or the noun a relative clause modifies."""
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if trigger.dep_ == "relcl":
        objects.append(trigger.head)
    return next((o for o in objects if "accusation" in kind_of(o)), None)


def reply_recipient(trigger: "Token", actor: "Actor | None", accusers: Accusers,
                    resolve: Callable[[list[tuple["Token", str]]], tuple["Actor | None", str]]
                    ) -> tuple["Actor | None", str]:
    """The recipient of a rejected accusation (see the module docstring), or (None, "none")."""
    accusation = accusation_object(trigger)
    if accusation is None:
        return None, "none"
    own = [(c, "accusation-poss") for c in accusation.children if c.dep_ == "poss"]
    own += [(t, "accusation-by") for t in prep_objects(accusation, "by")]
    found, how = resolve(own)
    if found is not None:
        return found, how
    accuser = accusers.latest_other_than(actor)
    return (accuser, "accuser") if accuser is not None else (None, "none")
