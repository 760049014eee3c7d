"""The calendar files: a meeting as an invitation (METHOD:REQUEST/CANCEL) or in a feed, an
activity, an action's due day. Times are local to Europe/Stockholm, with its VTIMEZONE."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.events.models import Activity, Invitation
from kansli.events.when import describe
from kansli.meetings.models import Action, Meeting

TZID = "Europe/Stockholm"
STOCKHOLM = ZoneInfo(TZID)
PRODID = "-//Kansli//Kansli kalender//SV"


def domain() -> str:
    """The right-hand side of every UID: the sender's mail domain, stable per installation."""
    return str(settings.DEFAULT_FROM_EMAIL).rpartition("@")[2] or "kansli"


def meeting_uid(meeting: Meeting) -> str:
    return f"kansli-mote-{meeting.pk}@{domain()}"


def meeting_summary(meeting: Meeting) -> str:
    return _("%(body)s, möte %(number)s/%(year)s") % {
        "body": meeting.body.name,
        "number": meeting.number,
        "year": meeting.year,
    }


def agenda_text(meeting: Meeting) -> str:
    lines = [_("Dagordning")]
    for item in meeting.items.all():
        lines.append(f"{item.number}. {item.title}" if item.number else item.title)
    return "\n".join(lines)


def timezone_component() -> icalendar.Timezone:
    """Europe/Stockholm by its rule (CET, summer time from the last Sunday of March to the last
    Sunday of October), valid for every year rather than a list of dates."""
    zone = icalendar.Timezone()
    zone.add("tzid", TZID)
    for kind, name, start, offsets, month in (
        (icalendar.TimezoneDaylight, "CEST", dt.datetime(1981, 3, 29, 2), (1, 2), 3),
        (icalendar.TimezoneStandard, "CET", dt.datetime(1996, 10, 27, 3), (2, 1), 10),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", dt.timedelta(hours=offsets[0]))
        part.add("tzoffsetto", dt.timedelta(hours=offsets[1]))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone


def calendar(name: str, events: Iterable[icalendar.Component], *, method: str = "") -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TZID)
    cal.add_component(timezone_component())
    for event in events:
        cal.add_component(event)
    return bytes(cal.to_ical())


def _event(uid: str, summary: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", timezone.now().astimezone(dt.UTC))
    event.add("summary", summary)
    return event


def _all_day(event: icalendar.Event, first: dt.date, last: dt.date) -> None:
    # DTEND of an all-day event is the day after the last one (RFC 5545 3.6.1).
    event.add("dtstart", first)
    event.add("dtend", last + dt.timedelta(days=1))


def meeting_event(
    meeting: Meeting,
    *,
    invitation: Invitation | None = None,
    attendees: Iterable[tuple[str, str]] = (),
    organizer: tuple[str, str] | None = None,
) -> icalendar.Event:
    """The meeting as a VEVENT, with the invitation's SEQUENCE and status when it has one."""
    event = _event(meeting_uid(meeting), meeting_summary(meeting))
    if meeting.start_time is None:
        _all_day(event, meeting.date, meeting.date)
    else:
        start = dt.datetime.combine(meeting.date, meeting.start_time, tzinfo=STOCKHOLM)
        event.add("dtstart", start)
        if meeting.end_time is not None and meeting.end_time > meeting.start_time:
            event.add(
                "dtend", start.replace(hour=meeting.end_time.hour, minute=meeting.end_time.minute)
            )
    if meeting.place:
        event.add("location", meeting.place)
    event.add("description", agenda_text(meeting))
    cancelled = invitation is not None and invitation.cancelled_at is not None
    event.add("sequence", invitation.sequence if invitation is not None else 0)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if organizer is not None:
        event.add("organizer", f"mailto:{organizer[1]}", parameters={"CN": organizer[0]})
    for name, address in attendees:
        event.add(
            "attendee",
            f"mailto:{address}",
            parameters={
                "CN": name,
                "ROLE": "REQ-PARTICIPANT",
                "PARTSTAT": "NEEDS-ACTION",
                "RSVP": "FALSE",
            },
        )
    return event


def activity_event(activity: Activity) -> icalendar.Event:
    """An activity as an all-day event; a season spans its months, marked free (TRANSP) and
    described as the season, so nobody takes its first day for the date."""
    event = _event(f"kansli-aktivitet-{activity.pk}@{domain()}", activity.title)
    _all_day(event, activity.start, activity.last_day)
    event.add("transp", "TRANSPARENT")
    if activity.season:
        event.add(
            "description", _("%(when)s, dagen är inte bestämd.") % {"when": describe(activity)}
        )
    event.add("categories", [_("Aktivitet")])
    return event


def action_event(action: Action) -> icalendar.Event:
    """An open action on its due day, all day."""
    assert action.due is not None
    event = _event(
        f"kansli-atgard-{action.pk}@{domain()}", _("Åtgärd: %(text)s") % {"text": action.text[:120]}
    )
    _all_day(event, action.due, action.due)
    event.add("transp", "TRANSPARENT")
    event.add("description", action.text)
    event.add("categories", [_("Åtgärd")])
    return event
