"""The årshjul of a year: its meetings and activities by month, a season as its own heading
("Höst 2019") rather than under a month it may not fall in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import dateformat
from django.utils.translation import gettext as _

from kansli.events.ics import meeting_summary
from kansli.events.models import Activity
from kansli.events.when import describe, describe_days
from kansli.meetings.models import Meeting


@dataclass(frozen=True)
class Entry:
    start: dt.date
    when: str
    title: str
    kind: str
    body: str
    meeting_id: int | None = None
    activity: Activity | None = None


@dataclass
class Section:
    heading: str
    entries: list[Entry] = field(default_factory=list)


def entries(activities: Iterable[Activity], meetings: Iterable[Meeting]) -> list[Entry]:
    found = [
        Entry(a.start, describe(a), a.title, _("Aktivitet"), str(a.body), activity=a)
        for a in activities
    ]
    for meeting in meetings:
        when = describe_days(meeting.date, None)
        if meeting.start_time is not None:
            when += f" {meeting.start_time:%H:%M}"
        found.append(
            Entry(
                meeting.date,
                when,
                meeting_summary(meeting),
                _("Möte"),
                str(meeting.body),
                meeting_id=meeting.pk,
            )
        )
    return sorted(found, key=lambda entry: (entry.start, entry.title))


def sections(found: list[Entry]) -> list[Section]:
    """Consecutive entries under their month, or their season; a season comes before the
    month it starts in."""
    keyed = sorted(
        found,
        key=lambda e: (e.start.replace(day=1), not (e.activity and e.activity.season), e.start),
    )
    result: list[Section] = []
    for entry in keyed:
        if entry.activity is not None and entry.activity.season:
            heading = entry.when
        else:
            heading = dateformat.format(entry.start, "F")
        if not result or result[-1].heading != heading:
            result.append(Section(heading))
        result[-1].entries.append(entry)
    return result
