"""What a resolver knows while it normalises one expression: the publication date, the clause tense, the anchors."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from herald.time import calendar as cal
from herald.time.calendar import Interval
from herald.time.lexicon import MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS

ANCHOR_WINDOW = 1500  # characters: how far back an earlier date may anchor "a day later", "the quarter"


@dataclass(slots=True)
class Resolution:
    """A normalised expression: TimeML type and value, and the calendar interval (None when not resolvable)."""

    type: str
    value: str
    interval: Interval | None = None
    directional: bool = False  # resolved with the clause tense (a weekday or a month without a year)
    span: tuple[int, int] | None = None  # the extent, when it is not the whole match
    anchorable: bool = True  # may anchor later relative expressions
    # "two days after ...": (amount, unit, sign) applied to the date that follows, when one follows.
    offset: tuple[float | None, str, int] | None = None


@dataclass(slots=True)
class Mention:
    """One temporal expression found in a text, resolved."""

    start: int
    end: int
    text: str
    rule: str
    resolution: Resolution


@dataclass(slots=True)
class Context:
    published: dt.date
    text: str
    tense_of: Callable[[int, int], str | None]
    mentions: list[Mention] = field(default_factory=list)
    force_tense: str | None = None  # set by date_for to re-resolve under a known modality

    def tense(self, start: int, end: int) -> str | None:
        """'future', 'past' or None (unknown) for the clause around [start, end)."""
        return self.force_tense or self.tense_of(start, end)

    def future(self, start: int, end: int) -> bool:
        return self.tense(start, end) == "future"

    def anchor(self, before: int, *, granularities: tuple[str, ...] | None = None) -> Interval | None:
        """The interval of the latest earlier dated expression within the anchor window."""
        for mention in reversed(self.mentions):
            if mention.end > before:
                continue
            if before - mention.end > ANCHOR_WINDOW:
                return None
            res = mention.resolution
            if res.interval is None or not res.anchorable or res.type not in ("DATE", "TIME"):
                continue
            if granularities is None or res.interval.granularity in granularities:
                return res.interval
        return None

    def published_interval(self) -> Interval:
        return cal.day(self.published)


def month_number(word: str | None, *, has_day_or_year: bool) -> int | None:
    """The month of a month word as written in the text, or None ("may", "Mar" without a full stop)."""
    if not word or not word[0].isupper():
        return None
    key = word.rstrip(".").lower()
    month = MONTHS.get(key)
    if month is None:
        return None
    abbreviated = key not in _FULL_MONTHS
    if abbreviated and not word.endswith(".") and not has_day_or_year:
        return None
    return month


_FULL_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december"})


def weekday_number(word: str | None) -> int | None:
    if not word or not word[0].isupper():
        return None
    key = word.rstrip(".").lower()
    if key in WEEKDAY_ABBREVIATIONS and not word.endswith("."):
        return None
    return WEEKDAYS.get(key)


def norm(text: str | None) -> str:
    """Matched words as one lowercase, single-spaced string ("Last  Week" -> "last week"; None -> "")."""
    return " ".join((text or "").lower().split())


_FOLLOWING_WORD = re.compile(r"\s*([A-Za-z]+)")


def next_word(text: str, end: int) -> str:
    match = _FOLLOWING_WORD.match(text, end)
    return match.group(1) if match else ""


def previous_word(text: str, start: int) -> str:
    match = re.search(r"([A-Za-z$%#]+)\W*$", text[max(0, start - 30):start])
    return match.group(1) if match else ""
