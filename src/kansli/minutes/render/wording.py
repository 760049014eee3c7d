"""The fixed words of the house style in each language: labels, headings, dates and times."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kansli.minutes.model import Kind, Minutes, Status
from kansli.minutes.render.summary import MONTHS, WEEKDAYS, clock


@dataclass(frozen=True, slots=True)
class Labels:
    """The fixed words of the house style in one language."""

    kinds: dict[Kind, str]
    connector: str
    sender: str
    page: str
    time: str
    place: str
    chair: str
    secretary: str
    adjusters: str
    groups: dict[Status, str]
    decisions: str
    actions: str
    action_columns: tuple[str, str, str, str]
    action_number: str
    """The letter before an action's number ("Å1"): a row that opens with a bare number is
    read as an item heading laid out in columns."""
    next_word: str
    subheadings: str
    tabled: str
    to_body: str
    on_date: str
    because: str
    events: str
    agenda: str
    agenda_place: str
    referrals: str
    deadline: str
    closing_notes: str
    closing_protocol: str
    contents: str
    item_anchor: str
    weekdays: tuple[str, ...]
    months: tuple[str, ...]


SWEDISH = Labels(
    kinds={
        Kind.NOTES: "Minnesanteckningar",
        Kind.PROTOCOL: "Protokoll",
        Kind.SUMMARY: "Sammanfattning",
        Kind.MINUTES: "Protokoll",
    },
    connector="från",
    sender="Avsändare",
    page="sida",
    time="Tid",
    place="Plats",
    chair="Ordförande",
    secretary="Sekreterare",
    adjusters="Justerare",
    groups={
        Status.PRESENT: "Deltagare",
        Status.ABSENT: "Frånvarande",
        Status.GUEST: "Övriga deltagare",
    },
    decisions="Beslut",
    actions="Åtgärder",
    action_columns=("Nr", "Åtgärd", "Ansvarig", "Klart"),
    action_number="Å",
    next_word="nästa",
    subheadings="Underrubriker",
    tabled="Frågan bordläggs",
    to_body="till",
    on_date="den",
    because="på grund av",
    events="Aktiviteter",
    agenda="Ärenden till",
    agenda_place="i",
    referrals="Remisser",
    deadline="svar senast",
    closing_notes="Vid anteckningarna",
    closing_protocol="Vid protokollet",
    contents="Innehåll",
    item_anchor="punkt",
    weekdays=WEEKDAYS,
    months=MONTHS,
)

ENGLISH = Labels(
    kinds={
        Kind.NOTES: "Meeting notes",
        Kind.PROTOCOL: "Minutes",
        Kind.SUMMARY: "Summary",
        Kind.MINUTES: "Minutes",
    },
    connector="of",
    sender="From",
    page="page",
    time="Time",
    place="Place",
    chair="Chair",
    secretary="Secretary",
    adjusters="Minutes checked by",
    groups={
        Status.PRESENT: "Present",
        Status.ABSENT: "Absent",
        Status.GUEST: "Also present",
    },
    decisions="Decisions",
    actions="Action items",
    action_columns=("No.", "Action", "Owner", "Due"),
    action_number="A",
    next_word="next",
    subheadings="Subheadings",
    tabled="The item was deferred",
    to_body="to the meeting of",
    on_date="on",
    because="because",
    events="Upcoming events",
    agenda="Items for next meeting",
    agenda_place="at",
    referrals="Consultations",
    deadline="deadline",
    closing_notes="Minutes by",
    closing_protocol="Minutes by",
    contents="Contents",
    item_anchor="item",
    weekdays=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
)

LABELS = {"sv": SWEDISH, "en": ENGLISH}
LANGUAGE_TAGS = {"sv": "sv-SE", "en": "en-GB"}


def day_text(day: dt.date, labels: Labels) -> str:
    """Like "25 januari 2019", "25 February 2019"."""
    return f"{day.day} {labels.months[day.month - 1]} {day.year}"


def when_text(minutes: Minutes, labels: Labels) -> str | None:
    """Like "Fredag 25 januari 2019 kl. 08.30–11.30"."""
    day = None
    if minutes.date is not None:
        weekday = labels.weekdays[minutes.date.weekday()]
        day = f"{weekday[:1].upper()}{weekday[1:]} {day_text(minutes.date, labels)}"
    start, end = minutes.start_time, minutes.end_time
    prefix = "kl. " if labels is SWEDISH else ""
    times = "–".join(
        clock(t) if labels is SWEDISH else t.strftime("%H:%M") for t in (start, end) if t
    )
    span = f"{prefix}{times}" if times else None
    if start is None and end is not None:
        span = None  # an end alone says too little for a "Tid" line
    return " ".join(x for x in (day, span) if x) or None
