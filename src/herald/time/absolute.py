"""Resolvers for calendar expressions: dates, months, years, decades, centuries, quarters, seasons, holidays."""
from __future__ import annotations

import datetime as dt
import re

from herald.time import calendar as cal
from herald.time.calendar import Interval
from herald.time.context import Context, Resolution, month_number, next_word, norm, previous_word, weekday_number
from herald.time.lexicon import HOLIDAYS, ORDINALS, SEASONS

# Words after a bare four-digit number that show it counts things rather than names a year.
_COUNTED = re.compile(r"^(?:[a-z]+[^s\W]s|people|men|women|children|police|staff|personnel|troops|feet|metres|meters"
                      r"|miles|km|kilometers|kilometres|tons|tonnes|votes|seats|units|yen|euros|dollars|pounds)$")
_NOT_YEAR_BEFORE = frozenset({"$", "No", "no", "number", "Number", "Flight", "flight", "Resolution", "resolution",
                              "Route", "route", "page", "Page", "Room", "room", "at", "Article", "article", "Law",
                              "Decree", "decree", "Order", "order", "about", "some", "nearly", "almost", "than",
                              "approximately", "around", "Boeing", "Airbus", "#"})
_EDGE_PART = {"early": "early", "mid": "mid", "late": "late", "end": "late", "beginning": "early", "start": "early",
              "middle": "mid", "close": "late"}


def edge(mod: str | None) -> str | None:
    """'the end of' -> 'late', 'early' -> 'early'..."""
    if not mod:
        return None
    words = mod.lower().replace("-", " ").split()
    for word in words:
        if word in _EDGE_PART:
            return _EDGE_PART[word]
    return None


def _year_of(text: str | None, published: dt.date) -> int | None:
    if not text:
        return None
    text = norm(text)
    if text == "this year":
        return published.year
    if text == "last year":
        return published.year - 1
    if text == "next year":
        return published.year + 1
    return int(text[-4:]) if text[-4:].isdigit() else None


def infer_year_for_day(published: dt.date, month: int, day: int, future: bool) -> dt.date | None:
    """The month-day nearest the publication date on its side: on or before it, or (future) on or after it."""
    step = 1 if future else -1
    for offset in range(0, 9):  # a February 29th may be up to eight years away
        date = cal.safe_date(published.year + step * offset, month, day)
        if date is not None and (date >= published if future else date <= published):
            return date
    return None


def infer_year_for_month(published: dt.date, month: int, future: bool, *, strict: bool = False) -> int:
    """The year of the most recent such month (future: the next), the publication month included unless strict."""
    if future:
        return published.year if (month > published.month or (month == published.month and not strict)) \
            else published.year + 1
    return published.year if (month < published.month or (month == published.month and not strict)) \
        else published.year - 1


def _nearest(back: dt.date | None, ahead: dt.date | None, published: dt.date) -> dt.date | None:
    """The candidate nearer the publication date; the earlier one on a tie (news reports the past)."""
    if back is None or ahead is None:
        return back or ahead
    return ahead if (ahead - published) < (published - back) else back


def resolve_month_day(m: re.Match[str], ctx: Context) -> Resolution | None:
    year = _year_of(m.group("year"), ctx.published)
    month = month_number(m.group("mon"), has_day_or_year=True)
    if month is None:
        return None
    day = int(re.sub(r"\D", "", m.group("day")))
    if m.group("wd") and weekday_number(m.group("wd")) is None:
        return None
    directional = year is None
    if year is None:
        tense = ctx.tense(m.start(), m.end())
        if tense is None:
            date = _nearest(infer_year_for_day(ctx.published, month, day, False),
                            infer_year_for_day(ctx.published, month, day, True), ctx.published)
        else:
            date = infer_year_for_day(ctx.published, month, day, tense == "future")
    else:
        date = cal.safe_date(year, month, day)
    if date is None:
        return None
    return Resolution("DATE", date.isoformat(), cal.day(date), directional=directional)


def resolve_numeric_date(m: re.Match[str], ctx: Context) -> Resolution | None:
    year = int(m.group("year"))
    if year < 100:
        year += 2000 if year <= (ctx.published.year % 100) + 1 else 1900
    date = cal.safe_date(year, int(m.group("month")), int(m.group("day")))
    if date is None or not 1000 <= year <= 2199:
        return None
    return Resolution("DATE", date.isoformat(), cal.day(date))


def resolve_month(m: re.Match[str], ctx: Context) -> Resolution | None:
    year = _year_of(m.group("year"), ctx.published)
    month = month_number(m.group("mon"), has_day_or_year=year is not None)
    if month is None:
        return None
    rel = (m.group("rel") or "").lower().split()
    directional = False
    if year is None:
        if rel and rel[-1] in ("last", "past"):
            year = infer_year_for_month(ctx.published, month, False, strict=True)
        elif rel and rel[-1] in ("next", "coming"):
            year = infer_year_for_month(ctx.published, month, True, strict=True)
        elif rel == ["this"]:
            year = ctx.published.year
        else:
            directional = True
            tense = ctx.tense(m.start(), m.end())
            if tense is None:
                back = infer_year_for_month(ctx.published, month, False)
                ahead = infer_year_for_month(ctx.published, month, True)
                year = _nearest(cal.month(back, month).start, cal.month(ahead, month).start,
                                ctx.published.replace(day=1)).year
            else:
                year = infer_year_for_month(ctx.published, month, tense == "future")
    interval = earlier_or_later(cal.month(year, month), m.group("pre"), ctx.published)
    interval = cal.part(interval, edge(m.group("mod")) or "")
    return Resolution("DATE", interval.value, interval, directional=directional)


def earlier_or_later(interval: Interval, pre: str | None, published: dt.date) -> Interval:
    """'earlier this month' = the 1st .. the day before publication; 'later this month' = the day after .. the end.
    Without `pre` ("earlier" / "later"), or for an interval that does not hold the publication date: unchanged."""
    if not pre or not interval.start <= published <= interval.end:
        return interval
    if pre.lower() == "earlier":
        end = max(interval.start, published - dt.timedelta(days=1))
        return Interval(interval.start, end, "range", interval.value)
    start = min(interval.end, published + dt.timedelta(days=1))
    return Interval(start, interval.end, "range", interval.value)


def resolve_year(m: re.Match[str], ctx: Context) -> Resolution | None:
    year = int(m.group("year"))
    qualified = bool(m.group("mod") or m.group("fiscal"))
    if not qualified:
        before = previous_word(ctx.text, m.start())
        if before in _NOT_YEAR_BEFORE or ctx.text[max(0, m.start() - 1):m.start()] in ("$", "#", "£", "€"):
            return None
        following = next_word(ctx.text, m.end())
        if _COUNTED.match(following) and following not in ("was", "is", "has", "as", "this", "his", "its"):
            return None
        if year < 1800 and before.lower() not in ("in", "since", "of", "from", "by", "until", "to", "before",
                                                  "after", "year", "around", "circa", "c", "during"):
            return None
        if year > ctx.published.year + 30:
            return None
    interval = cal.part(cal.year(year), edge(m.group("mod")) or "")
    return Resolution("DATE", f"{year:04d}", interval)


def resolve_decade(m: re.Match[str], ctx: Context) -> Resolution | None:
    if m.group("decade"):
        first = int(m.group("decade"))
    else:
        tens = int(m.group("short"))
        first = (ctx.published.year // 100) * 100 + tens
        if first > ctx.published.year:
            first -= 100
    if first % 100 == 0 and first < 2000:  # "the 1800s" is the century 1800-1899, not its first decade
        interval = cal.part(cal.century(first // 100 + 1), (m.group("mod") or "").lower())
    else:
        interval = cal.part(cal.decade(first), (m.group("mod") or "").lower())
    return Resolution("DATE", interval.value, interval)


def resolve_century(m: re.Match[str], ctx: Context) -> Resolution | None:
    word = m.group("ord").lower()
    number = int(re.sub(r"\D", "", word)) if word[0].isdigit() else ORDINALS.get(norm(word))
    if not number or number > 22 or word in ("last", "final"):
        return None
    interval = cal.century(number)
    return Resolution("DATE", interval.value, interval)


def resolve_quarter(m: re.Match[str], ctx: Context) -> Resolution | None:
    unit = m.group("unit").lower()
    word = m.group("ord").lower()
    year = _year_of(m.group("year"), ctx.published)
    is_half = unit in ("half", "h")
    count = 2 if is_half else 4
    if word in ("last", "final"):
        if year is None:
            return None  # "the last quarter" without a year is relative: left to relative_unit
        number = count
    else:
        number = int(word[0]) if word[0].isdigit() else ORDINALS[word]
    if number > count:
        return None
    make = cal.half if is_half else cal.quarter
    directional = year is None
    if year is None:
        future = ctx.future(m.start(), m.end())
        year = ctx.published.year
        candidate = make(year, number)
        if not future and candidate.start > ctx.published:
            year -= 1
        elif future and candidate.end < ctx.published:
            year += 1
    interval = make(year, number)
    return Resolution("DATE", interval.value, interval, directional=directional)


def resolve_season(m: re.Match[str], ctx: Context) -> Resolution | None:
    code = SEASONS[m.group("season").lower()]
    year_text = m.groupdict().get("year")
    if year_text:
        interval = cal.season(int(year_text), code)
        directional = False
    else:
        interval = season_near(ctx.published, code, ctx.future(m.start(), m.end()))
        directional = True
    span = m.span("x") if m.groupdict().get("x") else None
    interval = cal.part(interval, (m.group("mod") or "").lower())
    return Resolution("DATE", interval.value, interval, directional=directional, span=span)


def season_near(published: dt.date, code: str, future: bool, *, strict: bool = False) -> Interval:
    """The latest season of that name that has begun (future: the next that has not ended)."""
    for year in (range(published.year + 1, published.year - 3, -1) if not future
                 else range(published.year - 1, published.year + 3)):
        interval = cal.season(year, code)
        if not future and (interval.start <= published if not strict else interval.end < published):
            return interval
        if future and (interval.end >= published if not strict else interval.start > published):
            return interval
    return cal.season(published.year, code)


def holiday_date(name: str, year: int) -> dt.date | None:
    key = norm(name)
    if key in HOLIDAYS:
        return dt.date(year, *HOLIDAYS[key])
    if key == "new year's":
        return dt.date(year, 1, 1)
    if key.startswith("thanksgiving"):
        return cal.nth_weekday(year, 11, 3, 4)
    if key == "labor day":
        return cal.nth_weekday(year, 9, 0, 1)
    if key == "memorial day":
        return cal.nth_weekday(year, 5, 0, -1)
    if key.startswith("easter"):
        return easter(year)
    return None


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def resolve_holiday(m: re.Match[str], ctx: Context) -> Resolution | None:
    name = m.group("name")
    if not name[0].isupper():
        return None
    rel = (m.group("rel") or "").lower()
    if m.group("year"):
        date = holiday_date(name, int(m.group("year")))
        directional = False
    else:
        future = rel == "next" or (rel != "last" and ctx.future(m.start(), m.end()))
        directional = not rel
        date = None
        years = range(ctx.published.year + 1, ctx.published.year - 2, -1) if not future \
            else range(ctx.published.year - 1, ctx.published.year + 2)
        for year in years:
            candidate = holiday_date(name, year)
            if candidate is None:
                continue
            if (not future and (candidate < ctx.published if rel == "last" else candidate <= ctx.published)) or \
                    (future and (candidate > ctx.published if rel == "next" else candidate >= ctx.published)):
                date = candidate
                break
    if date is None:
        return None
    return Resolution("DATE", date.isoformat(), cal.day(date), directional=directional)
