"""Calendar arithmetic for normalising temporal expressions: intervals, shifts, weekdays and TimeML values."""
from __future__ import annotations

import calendar as _cal
import datetime as dt
from dataclasses import dataclass

Date = dt.date

# Granularity order, finest first (Herald granularities plus the finer "time").
GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4, "range": 5}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True, slots=True)
class Interval:
    """A resolved calendar interval with its Herald granularity and its TimeML value."""

    start: Date
    end: Date
    granularity: str  # day | week | month | quarter | year | range
    value: str


def month_end(year: int, month: int) -> Date:
    return Date(year, month, _cal.monthrange(year, month)[1])


def day(d: Date) -> Interval:
    return Interval(d, d, "day", d.isoformat())


def month(year: int, month_: int) -> Interval:
    return Interval(Date(year, month_, 1), month_end(year, month_), "month", f"{year:04d}-{month_:02d}")


def year(year_: int) -> Interval:
    return Interval(Date(year_, 1, 1), Date(year_, 12, 31), "year", f"{year_:04d}")


def quarter(year_: int, q: int) -> Interval:
    first = 3 * (q - 1) + 1
    return Interval(Date(year_, first, 1), month_end(year_, first + 2), "quarter", f"{year_:04d}-Q{q}")


def half(year_: int, h: int) -> Interval:
    first = 1 if h == 1 else 7
    return Interval(Date(year_, first, 1), month_end(year_, first + 5), "range", f"{year_:04d}-H{h}")


def week(d: Date) -> Interval:
    """The Monday..Sunday week containing `d`, valued as an ISO week ("2021-W41")."""
    monday = d - dt.timedelta(days=d.weekday())
    iso_year, iso_week, _ = monday.isocalendar()
    return Interval(monday, monday + dt.timedelta(days=6), "week", f"{iso_year:04d}-W{iso_week:02d}")


def weekend(d: Date) -> Interval:
    """The Saturday-Sunday weekend of the ISO week containing `d`."""
    w = week(d)
    return Interval(w.start + dt.timedelta(days=5), w.end, "range", f"{w.value}-WE")


def decade(first_year: int) -> Interval:
    return Interval(Date(first_year, 1, 1), Date(first_year + 9, 12, 31), "range", f"{first_year // 10:03d}")


def century(number: int) -> Interval:
    """The Nth century: the 20th is 1901..2000 by the book, but "19" (1900..1999) in TimeML and in use."""
    first = (number - 1) * 100
    return Interval(Date(max(first, 1), 1, 1), Date(first + 99, 12, 31), "range", f"{number - 1:02d}")


def season(year_: int, code: str) -> Interval:
    first, last = SEASON_MONTHS[code]
    if code == "WI":  # winter 2021 = December 2021 .. February 2022
        return Interval(Date(year_, 12, 1), month_end(year_ + 1, 2), "range", f"{year_:04d}-WI")
    return Interval(Date(year_, first, 1), month_end(year_, last), "range", f"{year_:04d}-{code}")


def add_months(d: Date, months: int) -> Date:
    index = d.year * 12 + d.month - 1 + months
    y, m = divmod(index, 12)
    return Date(y, m + 1, min(d.day, _cal.monthrange(y, m + 1)[1]))


def shift(d: Date, amount: int, unit: str) -> Date:
    """`d` moved by `amount` units (day, week, month, quarter, year, decade, century); months clamp the day."""
    if unit == "day":
        return d + dt.timedelta(days=amount)
    if unit == "week":
        return d + dt.timedelta(weeks=amount)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:
        raise ValueError(f"cannot shift by unit {unit!r}")
    return add_months(d, amount * months)


def period_from(d: Date, amount: int, unit: str, value: str) -> Interval:
    """The range between `d` and `d` moved by `amount` units, back or ahead ("the past 15 years", "the next week")."""
    other = shift(d, amount, unit)
    return Interval(min(d, other), max(d, other), "range", value)


def interval_at(d: Date, granularity: str) -> Interval:
    """The interval of the given granularity that contains `d`."""
    if granularity == "day":
        return day(d)
    if granularity == "week":
        return week(d)
    if granularity == "month":
        return month(d.year, d.month)
    if granularity == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if granularity == "year":
        return year(d.year)
    raise ValueError(f"no calendar interval of granularity {granularity!r}")


def shift_interval(interval: Interval, amount: int, unit: str) -> Interval:
    """Move a calendar interval by whole units, keeping its granularity where it has a calendar unit."""
    moved = shift(interval.start, amount, unit)
    if interval.granularity in ("day", "week", "month", "quarter", "year"):
        return interval_at(moved, interval.granularity)
    length = interval.end - interval.start
    return Interval(moved, moved + length, interval.granularity, interval.value)


def weekday_before(reference: Date, weekday: int, *, inclusive: bool = True) -> Date:
    """The last `weekday` on or before (or strictly before) `reference`."""
    back = (reference.weekday() - weekday) % 7
    if back == 0 and not inclusive:
        back = 7
    return reference - dt.timedelta(days=back)


def weekday_after(reference: Date, weekday: int, *, inclusive: bool = True) -> Date:
    """The next `weekday` on or after (or strictly after) `reference`."""
    ahead = (weekday - reference.weekday()) % 7
    if ahead == 0 and not inclusive:
        ahead = 7
    return reference + dt.timedelta(days=ahead)


def part(interval: Interval, which: str) -> Interval:
    """The early / mid / late third of an interval (of a month: 1-10, 11-20, 21-end; of a year: Jan-Apr...)."""
    if which not in ("early", "mid", "late"):
        return interval
    if interval.granularity == "month":
        s = interval.start
        bounds = {"early": (1, 10), "mid": (11, 20), "late": (21, interval.end.day)}[which]
        return Interval(s.replace(day=bounds[0]), s.replace(day=bounds[1]), "range", interval.value)
    if interval.granularity == "year":
        y = interval.start.year
        first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[which]
        return Interval(Date(y, first, 1), month_end(y, last), "range", interval.value)
    total = (interval.end - interval.start).days + 1
    third = max(total // 3, 1)
    offsets = {"early": (0, third - 1), "mid": (third, 2 * third - 1), "late": (2 * third, total - 1)}[which]
    return Interval(interval.start + dt.timedelta(days=offsets[0]), interval.start + dt.timedelta(days=offsets[1]),
                    "range", interval.value)


def nth_weekday(year_: int, month_: int, weekday: int, n: int) -> Date:
    """The n-th `weekday` of a month (n = -1 for the last)."""
    if n > 0:
        first = Date(year_, month_, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = month_end(year_, month_)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def safe_date(year_: int, month_: int, day_: int) -> Date | None:
    """A date, or None when the day does not exist (February 30th, February 29th of a common year)."""
    try:
        return Date(year_, month_, day_)
    except ValueError:
        return None
