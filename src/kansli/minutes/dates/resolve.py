"""Calendar arithmetic for the date rules: years from a reference date, ranges, seasons, weeks.

Nothing here raises on a bad date: an impossible day ("31/2"), a week 54 or a year out of
`datetime`'s range gives None, and the rule that asked drops the match.
"""

from __future__ import annotations

import calendar
import datetime as dt
from enum import Enum
from typing import NamedTuple

Range = tuple[dt.date, dt.date]


class Day(NamedTuple):
    """A day as the text wrote it: the year is None when the text left it out. (A NamedTuple,
    not a dataclass: one is made per candidate date, and this is three times cheaper.)"""

    day: int
    month: int
    year: int | None = None


class SeasonMode(Enum):
    REF_YEAR = "ref-year"
    """The season of the reference date's year ("hösten", "under våren", a cell "Höst")."""
    CURRENT_OR_NEXT = "current-or-next"
    """Still running at the reference date, else the coming one ("i höst", "senare i vår")."""
    NEXT = "next"
    """The first that starts after the reference date ("nästa höst")."""
    LAST = "last"
    """The latest that has started by the reference date ("i höstas")."""


def make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def add_days(ref: dt.date, days: int) -> dt.date | None:
    try:
        return ref + dt.timedelta(days=days)
    except OverflowError:
        return None


def month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def resolve_day(
    day: Day, ref: dt.date | None, *, forward: bool, weekday: int | None = None
) -> dt.date | None:
    """The date of `day`: its own year, else `ref`'s (the next year when `forward` and it
    would fall before `ref`). A written weekday that does not fit picks the neighbouring year
    where it does ("fredag 7 februari" in a December meeting)."""
    if day.year is not None:
        return make_date(day.year, day.month, day.day)
    if ref is None:
        return None
    found = make_date(ref.year, day.month, day.day)
    if found is not None and forward and found < ref:
        found = make_date(ref.year + 1, day.month, day.day)
    if found is None or weekday is None or found.weekday() == weekday:
        return found
    for year in (ref.year + 1, ref.year - 1):
        other = make_date(year, day.month, day.day)
        if other is not None and other.weekday() == weekday and not (forward and other < ref):
            return other
    return found


def resolve_range(
    first: Day, last: Day, ref: dt.date | None, *, forward: bool, weekday: int | None = None
) -> Range | None:
    """Two days of one range; a year written on either side holds for both, and a range that
    runs over new year ("1.8 – 30.4", "20.12–5.1.2023") ends in the start's next year."""
    if last.year is not None and first.year is None:
        end = make_date(last.year, last.month, last.day)
        start = make_date(last.year, first.month, first.day)
        if start is not None and end is not None and start > end:
            start = make_date(last.year - 1, first.month, first.day)
    else:
        start = resolve_day(first, ref, forward=forward, weekday=weekday)
        if start is None:
            return None
        year = last.year if last.year is not None else start.year
        end = make_date(year, last.month, last.day)
        if end is not None and end < start and last.year is None:
            end = make_date(year + 1, last.month, last.day)
    if start is None or end is None or end < start:
        return None
    return start, end


def resolve_months(
    months: tuple[int, int],
    year: int | None,
    ref: dt.date | None,
    *,
    forward: bool,
    days: tuple[int, int] = (1, 31),
) -> Range | None:
    """Whole months (or a part of them, `days`) "i oktober", "mars/april", "i slutet av maj"."""
    if year is None:
        if ref is None:
            return None
        found = _months(months, ref.year, days)
        if found is not None and forward and found[1] < ref:
            found = _months(months, ref.year + 1, days)
        return found
    return _months(months, year, days)


def _months(months: tuple[int, int], year: int, days: tuple[int, int]) -> Range | None:
    first, last = months
    end_year = year + 1 if last < first else year
    if year < dt.MINYEAR or end_year > dt.MAXYEAR:
        return None
    start = make_date(year, first, days[0])
    end = make_date(end_year, last, min(days[1], month_end(end_year, last)))
    if start is None or end is None or end < start:
        return None
    return start, end


def resolve_season(
    months: tuple[int, int], year: int | None, ref: dt.date | None, mode: SeasonMode
) -> Range | None:
    """A season given by its first and last month; `year` is the year it starts in."""
    if year is not None:
        return _months(months, year, (1, 31))
    if ref is None:
        return None
    first, last = months
    start_year = ref.year - 1 if last < first and ref.month <= last else ref.year
    found = _months(months, start_year, (1, 31))
    if found is None:
        return None
    if (mode is SeasonMode.CURRENT_OR_NEXT and found[1] < ref) or (
        mode is SeasonMode.NEXT and found[0] <= ref
    ):
        return _months(months, start_year + 1, (1, 31))
    if mode is SeasonMode.LAST and found[0] > ref:
        return _months(months, start_year - 1, (1, 31))
    return found


def resolve_weeks(
    weeks: tuple[int, int], year: int | None, ref: dt.date | None, *, forward: bool
) -> Range | None:
    """ISO weeks, Monday of the first to Sunday of the last, of `year` or `ref`'s year."""
    if year is not None:
        return _weeks(weeks, year)
    if ref is None:
        return None
    found = _weeks(weeks, ref.year)
    if found is not None and forward and found[1] < ref:
        found = _weeks(weeks, ref.year + 1)
    return found


def _weeks(weeks: tuple[int, int], year: int) -> Range | None:
    try:
        start = dt.date.fromisocalendar(year, weeks[0], 1)
        end = dt.date.fromisocalendar(year, weeks[1], 7)
    except (ValueError, OverflowError):
        return None
    return (start, end) if start <= end else None
