"""Resolvers for quantities of time: durations ("15 years", "the past 15 years"), offsets ("three months ago",
"a day after"), sets ("every week", "daily"), clock times and the TimeML reference words ("now", "recently")."""
from __future__ import annotations

import re

from herald.time import calendar as cal
from herald.time.calendar import Interval
from herald.time.context import (Context, Resolution, month_number, next_word, norm, previous_word,
                                 weekday_number)
from herald.time.lexicon import NUMBER_WORDS, TIME_UNITS, UNIT_PLURALS, UNITS, VAGUE_QUANTITIES, WEEKDAYS

_SHIFT_UNIT = {"day": "day", "week": "week", "weekend": "week", "month": "month", "quarter": "quarter",
               "year": "year", "decade": "decade", "century": "century", "fortnight": "week"}
_GRANULARITY = {"day": "day", "week": "day", "weekend": "day", "fortnight": "day", "month": "month",
                "quarter": "quarter", "year": "year", "decade": "year", "century": "year"}
_RATE_BEFORE = re.compile(r"(?:\d|%|percent|cents?|dollars?|euros?|times|once|twice|hours?|days?|miles|million"
                          r"|billion|barrels|tons|tonnes|a|per|people|\))\W*$", re.IGNORECASE)
# Modifiers left out of the extent, as TimeML does ("about five hours" -> "five hours"); "nearly", "at least"... stay.
_SIGNALS = frozenset({"about", "around", "approximately", "roughly", "some", "just", "only", "barely"})
_NOT_NOW_AFTER = frozenset({"account", "accounts", "affairs", "events", "flows", "flow"})


def unit_of(word: str) -> str:
    word = word.lower().split()[-1]
    word = UNIT_PLURALS.get(word, word)
    if word.endswith("s") and word[:-1] in UNITS:
        word = word[:-1]
    return "day" if word == "night" else word


def duration_value(amount: float | None, unit: str) -> str:
    """The TimeML value of an amount of units: (15, "year") -> "P15Y", (None, "day") -> "PXD", (2, "hour") ->
    "PT2H", (2, "fortnight") -> "P4W", (3, "decade") -> "P30Y". An unknown unit raises KeyError."""
    letter = UNITS[unit]
    if unit == "fortnight":
        amount, letter = (amount * 2 if amount is not None else None), "W"
    if unit == "decade" and amount is not None:
        amount, letter = amount * 10, "Y"
    if amount is None:
        number = "X"
    elif float(amount).is_integer():
        number = str(int(amount))
    else:
        number = f"{amount:g}"
    return ("PT" if unit in TIME_UNITS else "P") + number + letter


def amount_of(text: str) -> float | None:
    """'15' -> 15, 'twenty-four' -> 24, 'a' -> 1, 'several' -> None (vague)."""
    text = norm(text.replace("-", " "))
    if text in VAGUE_QUANTITIES:
        return None
    if text[0].isdigit():
        whole, _, fraction = text.replace(",", "").partition(" ")
        if fraction:
            numerator, denominator = fraction.split("/")
            return float(whole) + int(numerator) / max(int(denominator), 1)
        return float(whole)
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text] or 0.5
    words = text.split()
    if len(words) == 2 and words[0] in NUMBER_WORDS and words[1] in NUMBER_WORDS:
        return NUMBER_WORDS[words[0]] + NUMBER_WORDS[words[1]]
    return None


def shifted(base: Interval, amount: float | None, unit: str, sign: int) -> Interval | None:
    """An anchor moved by an amount of units; a vague amount smaller than the anchor keeps the anchor."""
    granularity = _GRANULARITY.get(unit)
    if granularity is None:
        return base if unit in TIME_UNITS else None
    rank = cal.GRANULARITY_RANK
    coarse = base.granularity if rank.get(base.granularity, 5) > rank[granularity] else granularity
    if amount is None:
        return base if coarse == base.granularity and base.granularity != "day" else None
    if not float(amount).is_integer():
        return None
    moved = cal.shift(base.start, sign * int(amount), _SHIFT_UNIT[unit])
    if coarse in ("day", "week", "month", "quarter", "year"):
        return cal.interval_at(moved, coarse)
    return Interval(moved, moved + (base.end - base.start), base.granularity, base.value)


def resolve_duration(m: re.Match[str], ctx: Context) -> Resolution | None:
    unit = unit_of(m.group("unit"))
    num = norm(m.group("num"))
    amount = amount_of(num)
    rel, mod, direction = norm(m.group("rel")), norm(m.group("mod")), norm(m.group("dir"))
    if (unit == "second" and num in ("a", "an")) or m.group("old") == "-old":
        return None  # "a second time"; ages ("a 6-year-old boy") date nothing
    if num in ("a", "an", "some", "many") and not rel and not mod and not direction:
        if _RATE_BEFORE.search(ctx.text[max(0, m.start() - 25):m.start()]):
            return Resolution("SET", duration_value(1, unit), anchorable=False)
    if num == "some" and amount is None and unit in ("day", "time"):
        return None
    if m.group("the") and not rel and amount is None:
        return None  # "the many years": not a quantity of time
    value = duration_value(amount, unit)
    start = m.start()
    if mod in _SIGNALS or (mod in ("over", "under") and (rel or m.group("the"))):
        start = m.start("the") if m.group("the") else m.start("rel") if rel else m.start("num")
    span = (start, m.end())
    if direction in ("before", "after", "prior"):
        span = (start, m.end("old") if m.group("old") else m.end("unit"))
        direction = direction.rstrip()
    if direction in ("ago", "or so ago"):
        if amount is None:
            return Resolution("DATE", "PAST_REF", span=span)
        base = cal.shift(ctx.published, -int(amount), _SHIFT_UNIT.get(unit, "day")) \
            if float(amount).is_integer() and unit in _SHIFT_UNIT else ctx.published
        interval = cal.interval_at(base, _GRANULARITY.get(unit, "day")) if unit in _GRANULARITY else cal.day(base)
        return Resolution("DATE", interval.value, interval, span=span)
    if direction in ("from now", "hence"):
        if amount is None or not float(amount).is_integer() or unit not in _SHIFT_UNIT:
            return Resolution("DATE", "FUTURE_REF", span=span)
        interval = cal.interval_at(cal.shift(ctx.published, int(amount), _SHIFT_UNIT[unit]), _GRANULARITY[unit])
        return Resolution("DATE", interval.value, interval, span=span)
    if direction in ("earlier", "later", "previously"):
        base = ctx.anchor(m.start()) or ctx.published_interval()
        interval = shifted(base, amount, unit, -1 if direction != "later" else 1)
        if interval is None:
            return Resolution("DATE", "PAST_REF" if direction != "later" else "FUTURE_REF", span=span)
        return Resolution("DATE", interval.value, interval, span=span, anchorable=False)
    if direction in ("before", "after", "prior"):
        return Resolution("DURATION", value, None, span=span, anchorable=False,
                          offset=(amount, unit, 1 if direction == "after" else -1))
    sign = -1 if rel in ("past", "last", "previous", "recent") else 1 if rel in ("next", "coming") else 0
    interval = None
    if sign and amount is not None and unit in _SHIFT_UNIT and float(amount).is_integer():  # "the past 15 years"
        interval = cal.period_from(ctx.published, sign * int(amount), _SHIFT_UNIT[unit], value)
    return Resolution("DURATION", value, interval, span=span, anchorable=False)


def resolve_bare_units(m: re.Match[str], ctx: Context) -> Resolution:
    pre = norm(m.group("pre"))
    unit = unit_of(m.group("unit"))
    span = m.span("x") if pre in ("for", "within", "in", "over") else (m.start() if not pre.startswith("the")
                                                                        else m.start() + 4, m.end())
    if pre == "recent":
        return Resolution("DATE", "PAST_REF", span=span, anchorable=False)
    return Resolution("DURATION", duration_value(None, unit), span=span, anchorable=False)


def resolve_recent_units(m: re.Match[str], ctx: Context) -> Resolution:
    return Resolution("DATE", "PAST_REF", span=m.span("x"), anchorable=False)


def resolve_vague_offset(m: re.Match[str], ctx: Context) -> Resolution:
    """'days later', 'weeks earlier': the earlier date when it is coarser (a month stays that month)."""
    unit = unit_of(m.group("unit"))
    later = m.group("dir").lower() == "later"
    base = ctx.anchor(m.start())
    interval = shifted(base, None, unit, 1 if later else -1) if base else None
    if interval is None:
        return Resolution("DATE", "FUTURE_REF" if later else "PAST_REF", anchorable=False)
    return Resolution("DATE", interval.value, interval, anchorable=False)


def resolve_reference(m: re.Match[str], ctx: Context) -> Resolution | None:
    if m.group("now"):
        word = norm(m.group("now"))
        if word == "current" and next_word(ctx.text, m.end()).lower() in _NOT_NOW_AFTER:
            return None
        interval = None if word == "current" else cal.day(ctx.published)
        return Resolution("DATE", "PRESENT_REF", interval, anchorable=False)
    if m.group("past"):
        return Resolution("DATE", "PAST_REF", anchorable=False)
    word = norm(m.group("future"))
    if word == "future" and previous_word(ctx.text, m.start()).lower() in ("the", "near", "a"):
        return None
    return Resolution("DATE", "FUTURE_REF", anchorable=False)


def resolve_clock(m: re.Match[str], ctx: Context) -> Resolution | None:
    mod = norm(m.group("mod"))
    if m.group("hour24") and not (mod or m.group("tz")):
        return None
    start = m.start("hour") if m.group("hour") else m.start("hour24") if m.group("hour24") else m.start("word")
    span = (start if mod == "at" else m.start(), m.end())
    if m.group("word"):
        hour, minute = (12, 0) if m.group("word").lower() == "noon" else (24, 0)
        span = (m.start("word"), m.end())
    elif m.group("hour"):
        hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
        pm = m.group("ampm").lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    else:
        hour, minute = int(m.group("hour24")), int(m.group("minute24"))
    day = ctx.anchor(m.start(), granularities=("day",))
    if day is None or m.start() - _last_day_end(ctx, m.start()) > 120:
        day = ctx.published_interval()
    return Resolution("TIME", f"{day.start.isoformat()}T{hour:02d}:{minute:02d}", day, span=span)


def _last_day_end(ctx: Context, before: int) -> int:
    for mention in reversed(ctx.mentions):
        if mention.end <= before and mention.resolution.interval and mention.resolution.interval.granularity == "day":
            return mention.end
    return -10_000


def resolve_set(m: re.Match[str], ctx: Context) -> Resolution | None:
    adverb = norm(m.group("adverb"))
    if adverb:
        value = {"daily": "P1D", "nightly": "P1D", "hourly": "PT1H", "weekly": "P1W", "monthly": "P1M",
                 "yearly": "P1Y"}[adverb]
        return Resolution("SET", value, anchorable=False)
    word = m.group("unit")
    every = 2 if m.group("other") else int(amount_of(m.group("num")) or 1) if m.group("num") else 1
    if word.lower().rstrip(".") in WEEKDAYS:
        weekday = weekday_number(word)
        return None if weekday is None else Resolution("SET", f"XXXX-WXX-{weekday + 1}", anchorable=False)
    month = month_number(word, has_day_or_year=False)
    if word[0].isupper() and month is not None:
        return Resolution("SET", f"XXXX-{month:02d}", anchorable=False)
    try:
        unit = unit_of(word)
        return Resolution("SET", duration_value(every, unit), anchorable=False)
    except KeyError:
        return None

