"""ActorMention: a records.Actor plus what Herald learnt about it, and small helpers over actors."""
from __future__ import annotations

from dataclasses import dataclass

from herald.actors.lexicon import SPECIAL_COUNTRIES
from herald.records import Actor


@dataclass(slots=True)
class ActorMention(Actor):
    """A records.Actor with what Herald learnt beyond the PLOVER block (kept out of the JSON output). `posted_to` and
    `affiliation` are fields of records.Actor itself."""

    kind: str | None = None          # person | organisation | country | role | group | pronoun
    gender: str | None = None
    token: int | None = None         # head token index


def country_is_special(code: str | None) -> bool:
    return code in SPECIAL_COUNTRIES


def distinct(codes) -> list[str]:
    return list(dict.fromkeys(c for c in codes if c))


def fill(target: ActorMention, source: ActorMention) -> None:
    for attr in ("country", "sector", "office", "affiliation", "posted_to", "gender"):
        if getattr(target, attr) is None and getattr(source, attr) is not None:
            setattr(target, attr, getattr(source, attr))
    for s in source.other_sectors:
        if s not in target.other_sectors and s != target.sector:
            target.other_sectors.append(s)
    if target.kind == "organisation" and source.kind == "person":
        target.kind = "person"


def make_group(text: str, start: int, end: int, members: list[Actor], rule: str) -> ActorMention:
    """A group actor ("the parties", "U.S. and Iraqi forces"): shared country and sector only when all agree."""
    countries = {m.country for m in members}
    sectors = {m.sector for m in members}
    return ActorMention(text=text, start=start, end=end, members=members, kind="group", resolved_by=rule,
                        country=countries.pop() if len(countries) == 1 else None,
                        sector=sectors.pop() if len(sectors) == 1 else None)
