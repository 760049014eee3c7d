"""How an activity's time is written: "22 februari", "1–3 juli", "Höst 2019" (a season is
never shown as a date), and which season a parsed approximate range is."""

from __future__ import annotations

import datetime as dt

from django.utils import dateformat
from django.utils.translation import gettext as _

from kansli.events.models import Activity, Season

# The months each season spans (winter crosses the new year: December to February).
SEASON_MONTHS = {
    Season.SPRING: (3, 5),
    Season.SUMMER: (6, 8),
    Season.AUTUMN: (9, 11),
    Season.WINTER: (12, 2),
}


def season_span(season: Season, year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of `season` starting in `year`."""
    first, last = SEASON_MONTHS[season]
    end_year = year + 1 if last < first else year
    after = dt.date(end_year, last + 1, 1)  # no season ends in December
    return dt.date(year, first, 1), after - dt.timedelta(days=1)


def season_of(start: dt.date, end: dt.date | None) -> Season | None:
    """The season exactly spanned by `start`..`end`, as the parser writes "Höst"."""
    if end is None:
        return None
    for season in Season:
        if (start, end) == season_span(season, start.year):
            return season
    return None


def describe(activity: Activity) -> str:
    """The activity's time as a reader wants it, in the current language."""
    if activity.season:
        return _("%(season)s %(year)s") % {
            "season": Season(activity.season).label,
            "year": activity.start.year,
        }
    return describe_days(activity.start, activity.end)


def describe_days(start: dt.date, end: dt.date | None) -> str:
    if end is None or end == start:
        return dateformat.format(start, "j F")
    if (start.year, start.month) == (end.year, end.month):
        first = dateformat.format(start, "j")
    elif start.year == end.year:
        first = dateformat.format(start, "j F")
    else:
        first = dateformat.format(start, "j F Y")
    return f"{first}–{dateformat.format(end, 'j F')}"
