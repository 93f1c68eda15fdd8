"""Datelines: the place a wire story was filed from, at the very start of the body. Text layout, read by the NLP
stage (a dateline ends before the story's first sentence, herald.nlp.boundaries) and by places (the filing city).

Styles recognised: "BRUSSELS. KAZINFORM -", "SALVADOR, Feb 26 -", "KYIV, Ukraine (AP) —", "BEIRUT (AP) -",
"ALBUQUERQUE, N.M. (AP) -", "PORTLAND, Ore., Feb 26 -", "LONDON, March 3 (Reuters) -", "BLANTYRE —",
"Toronto, Feb 26 -" and "NEW DELHI:". A place in title case needs a date or an agency to count as a dateline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_CAPS_WORD = r"(?:[A-Z]{1,3}\.|[A-Z][A-Z'’\-]+)"
_TITLE_WORD = r"(?:St\.|Ft\.|Mt\.|[A-Z][a-z'’\-]+)"
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|"
          r"August|September|October|November|December)\.?\s+\d{1,2}\b")
_REGION_WORD = r"(?:[A-Z][A-Za-z'’\-]*\.?(?:[A-Z]\.)*)"
_DATELINE = re.compile(
    rf"""^(?P<lead>\s*)
    (?P<place>{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,3}}|{_TITLE_WORD}(?:[ ]{_TITLE_WORD}){{0,3}})
    (?:,[ ]*(?!{_MONTH})(?P<region>{_REGION_WORD}(?:[ ]{_REGION_WORD}){{0,2}}))?
    (?:,?[ ]*(?P<date>{_MONTH}))?
    [ ]*(?P<agency>\([A-Za-z][A-Za-z .&/\-]{{0,30}}\))?
    [ ]*(?P<sep>[\-–—:\ufffd]+|\.[ ]+[A-Z][A-Za-z]+(?:[ ][A-Z][A-Za-z]+){{0,2}}[ ]*[\-–—]+)[ ]""",
    re.VERBOSE)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A parsed dateline. Offsets index the article body."""

    place: str
    start: int
    end: int
    region: str | None = None
    region_start: int | None = None
    region_end: int | None = None
    span_end: int = 0  # where the story itself starts


def parse_dateline(body: str) -> Dateline | None:
    """The dateline at the start of `body`, or None."""
    match = _DATELINE.match(body[:160])
    if not match:
        return None
    place = match.group("place")
    if not place.isupper() and not (match.group("date") or match.group("agency")):
        return None
    if place.isupper() and len(place.replace(".", "")) < 3:
        return None
    region = match.group("region")
    return Dateline(place=place, start=match.start("place"), end=match.end("place"),
                    region=region, region_start=match.start("region") if region else None,
                    region_end=match.end("region") if region else None, span_end=match.end())
