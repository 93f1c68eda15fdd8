"""Resolvers for expressions relative to the publication date or to an earlier date: weekdays, "yesterday",
"last week", "earlier this month", "the quarter", "a year earlier"."""
from __future__ import annotations

import datetime as dt
import re

from herald.time import calendar as cal
from herald.time.absolute import earlier_or_later, edge, season_near
from herald.time.calendar import Interval
from herald.time.context import Context, Resolution, norm, weekday_number
from herald.time.lexicon import PARTS_OF_DAY, SEASONS
from herald.time.quantity import duration_value

_DAY = dt.timedelta(days=1)
_REL_BACK = {"last", "past", "this past", "previous"}
_REL_AHEAD = {"next", "coming", "this coming", "following"}
_YEAR_ENDED = re.compile(r"\s+(?:end(?:ed|ing|s)?|to\s+date)\b")  # after "the year": "the year ended Sept. 30"


def resolve_weekday(m: re.Match[str], ctx: Context) -> Resolution | None:
    weekday = weekday_number(m.group("wd"))
    if weekday is None:
        return None
    rel, the = norm(m.group("rel")), bool(m.group("the"))
    directional = False
    if the and rel in ("previous", "following"):
        base = (ctx.anchor(m.start(), granularities=("day",)) or ctx.published_interval()).start
        date = cal.weekday_before(base, weekday, inclusive=False) if rel == "previous" \
            else cal.weekday_after(base, weekday, inclusive=False)
    elif the:
        return None
    elif rel in _REL_BACK:
        date = cal.weekday_before(ctx.published, weekday, inclusive=False)
    elif rel in _REL_AHEAD:
        date = cal.weekday_after(ctx.published, weekday, inclusive=False)
    else:
        directional = True
        future = ctx.future(m.start(), m.end())
        date = cal.weekday_after(ctx.published, weekday) if future else cal.weekday_before(ctx.published, weekday)
    part = norm(m.group("part"))
    if part:
        return Resolution("TIME", f"{date.isoformat()}T{PARTS_OF_DAY[part]}", cal.day(date), directional=directional)
    return Resolution("DATE", date.isoformat(), cal.day(date), directional=directional)


def resolve_relative_day(m: re.Match[str], ctx: Context) -> Resolution:
    word = norm(m.group("word"))
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2}[word]
    date = ctx.published + dt.timedelta(days=offset)
    part = "night" if word == "tonight" else norm(m.group("part"))
    if part:
        return Resolution("TIME", f"{date.isoformat()}T{PARTS_OF_DAY[part]}", cal.day(date))
    return Resolution("DATE", date.isoformat(), cal.day(date))


def resolve_part_of_day(m: re.Match[str], ctx: Context) -> Resolution:
    part, rel = norm(m.group("part")), norm(m.group("rel"))
    date = ctx.published - _DAY if rel == "last" else ctx.published  # "last night", "last evening": the day before
    return Resolution("TIME", f"{date.isoformat()}T{PARTS_OF_DAY[part]}", cal.day(date))


def _unit_interval(unit: str, date: dt.date) -> Interval:
    if unit == "weekend":
        return cal.weekend(date)
    if unit == "decade":
        return cal.decade(date.year // 10 * 10)
    if unit == "century":
        return cal.century(date.year // 100 + 1)
    return cal.interval_at(date, unit)


def resolve_relative_unit(m: re.Match[str], ctx: Context) -> Resolution | None:
    unit, rel, the = m.group("unit").lower(), norm(m.group("rel")), bool(m.group("the"))
    pre, mod = m.group("pre"), edge(m.group("mod"))
    published = ctx.published
    if unit == "weekend" and rel in ("the", "this") and not mod:
        return Resolution("DATE", *_weekend_near(published, ctx.future(m.start(), m.end())), directional=True)
    if rel == "the" or rel in ("same", "latest") or (the and rel in ("previous", "following")):
        return resolve_context(unit, rel if rel != "the" else "", m, ctx, pre=pre, mod=mod)
    if unit in SEASONS:
        code = SEASONS[unit]
        if rel in _REL_BACK:
            interval = season_near(published, code, False, strict=True)
        elif rel in _REL_AHEAD:
            interval = season_near(published, code, True, strict=True)
        else:
            interval = season_near(published, code, ctx.future(m.start(), m.end()))
        return Resolution("DATE", interval.value, cal.part(interval, mod or ""))
    step = "week" if unit == "weekend" else unit  # the unit `cal.shift` moves by
    past = (the and rel in ("past", "last")) or (rel == "past" and not pre and not mod)
    if past or (the and rel in ("next", "coming")):  # "the past year", "the next decade": a period, not a date
        value = duration_value(1, unit)
        return Resolution("DURATION", value, cal.period_from(published, -1 if past else 1, step, value))
    if rel in ("this", "current", "present"):
        offset = 0
        if unit == "weekend" and published.weekday() < 5 and not ctx.future(m.start(), m.end()):
            offset = -1
    elif rel in _REL_BACK:
        offset = -1
    elif rel in _REL_AHEAD:
        offset = 1
    else:
        return None
    base = cal.shift(published, offset, step)
    interval = _unit_interval(unit, base)
    interval = earlier_or_later(interval, pre, published)
    interval = cal.part(interval, mod or "")
    return Resolution("DATE", interval.value, interval)


def _weekend_near(published: dt.date, future: bool) -> tuple[str, Interval]:
    """The weekend of a past-tense clause is the latest one begun by publication; of a future one, the next."""
    weekend = cal.weekend(published)
    if not future and weekend.start > published:
        weekend = cal.weekend(published - dt.timedelta(days=7))
    return weekend.value, weekend


def resolve_context_unit(m: re.Match[str], ctx: Context) -> Resolution | None:
    det, adj, unit = norm(m.group("det")), norm(m.group("adj")), norm(m.group("unit"))
    if det == "this" and not adj:
        return None
    if det == "that" and adj in ("", "same"):
        adj = "same"
    return resolve_context(unit, adj, m, ctx, determiner=det)


def resolve_context(unit: str, adj: str, m: re.Match[str], ctx: Context, *, pre: str | None = None,
                    mod: str | None = None, determiner: str = "the") -> Resolution | None:
    """'the quarter', 'the year-earlier period', 'that day', 'the previous week': read against the latest date."""
    published = ctx.published
    fiscal = unit.startswith("fiscal")
    unit = unit.split()[-1]
    if unit == "period":
        if adj not in ("latest", "year-earlier", "year-ago", "comparable", "same"):
            return None
        unit = "quarter"
    if unit not in ("day", "week", "month", "quarter", "year"):
        return None
    if determiner == "the" and not adj and unit in ("day", "week", "month") and not (pre or mod):
        return None
    anchor = ctx.anchor(m.start(), granularities=(unit,))
    if unit == "quarter" and adj == "latest":
        base = cal.quarter(*_previous_quarter(published))
    elif unit == "quarter" and adj in ("", "year-earlier", "year-ago", "comparable"):
        base = anchor or cal.quarter(*_previous_quarter(published))
    elif adj == "current" or (unit == "year" and not adj) or (fiscal and not adj):
        base = cal.interval_at(published, unit)
    else:
        base = anchor or (ctx.anchor(m.start()) and cal.interval_at(ctx.anchor(m.start()).start, unit)) \
            or cal.interval_at(published, unit)
    if adj in ("year-earlier", "year-ago"):
        base = cal.shift_interval(base, -1, "year")
    elif adj in ("previous", "prior"):
        base = cal.shift_interval(base, -1, unit)
    elif adj in ("following", "next"):
        base = cal.shift_interval(base, 1, unit)
    interval = earlier_or_later(base, pre, published)
    interval = cal.part(interval, mod or "")
    if unit == "year" and not adj and _YEAR_ENDED.match(ctx.text, m.end()):
        return Resolution("DURATION", "P1Y", interval, anchorable=False)
    shifted = adj in ("year-earlier", "year-ago", "previous", "prior", "following", "next")
    return Resolution("DATE", interval.value, interval, anchorable=not shifted)


def _previous_quarter(d: dt.date) -> tuple[int, int]:
    q = (d.month - 1) // 3 + 1
    return (d.year, q - 1) if q > 1 else (d.year - 1, 4)


def resolve_year_earlier(m: re.Match[str], ctx: Context) -> Resolution:
    word = norm(m.group("word"))
    anchor = ctx.anchor(m.start(), granularities=("quarter",))
    if anchor is None and word.endswith("earlier"):
        anchor = ctx.anchor(m.start())
    if anchor is None:
        interval = cal.year(ctx.published.year - 1)
    else:
        interval = cal.shift_interval(anchor, -1, "year")
    return Resolution("DATE", interval.value, interval, anchorable=False)
