"""The minutes model: what a meeting document says, as typed, frozen dataclasses.

Every node carries its `source` (page and line span in the reader's line stream) so the user
can be shown the evidence and errors can say "rad 42". Dates are `datetime.date`, times
`datetime.time`; renderers turn them into ISO strings. `None` means "the document does not say".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Source:
    """Where a node came from: 1-based page (None for formats without pages) and line span."""

    page: int | None
    line_start: int
    line_end: int

    def span(self, other: Source | None) -> Source:
        """The smallest source covering both nodes (the first node's page)."""
        if other is None:
            return self
        return Source(
            self.page if self.page is not None else other.page,
            min(self.line_start, other.line_start),
            max(self.line_end, other.line_end),
        )


class Kind(StrEnum):
    NOTES = "minnesanteckningar"
    PROTOCOL = "protokoll"
    SUMMARY = "sammanfattning"
    MINUTES = "minutes"


class Status(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    GUEST = "guest"


@dataclass(frozen=True, slots=True)
class Participant:
    name: str
    organisation: str | None = None
    party: str | None = None
    role: str | None = None
    status: Status = Status.PRESENT
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    text: str
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Action:
    """Who does what by when. `assignee` is a full name from the attendance, or a group as written.

    `due_body` keeps the body whose next meeting is the deadline ("nästa SSK 7/2" -> "SSK"), so a
    later layer can move the due date when that meeting moves.
    """

    assignee: str | None
    text: str
    due: dt.date | None = None
    due_body: str | None = None
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Tabling:
    """An item tabled (bordlagt) or postponed: to which meeting, and why."""

    to_date: dt.date | None = None
    to_body: str | None = None
    reason: str | None = None
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Item:
    number: str | None
    title: str
    text: str = ""
    subheadings: tuple[str, ...] = ()
    decisions: tuple[Decision, ...] = ()
    actions: tuple[Action, ...] = ()
    tabled: Tabling | None = None
    tables: tuple[Table, ...] = ()
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A dated happening. Seasons and months are `approximate` ranges ("Höst" = Sep-Nov)."""

    title: str
    start: dt.date
    end: dt.date | None = None
    approximate: bool = False
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Referral:
    """A remiss / consultation: what, from whom, answer by when."""

    title: str
    sender: str | None = None
    deadline: dt.date | None = None
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class NextMeetingAgenda:
    """Items sent to a coming meeting ("Ärenden till SSK den 7/2 i Nykvarn")."""

    body: str | None
    date: dt.date | None
    place: str | None
    items: tuple[str, ...]
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class ParseWarning:
    """What the reader or parser noticed that the user should know (a damaged text layer, ...)."""

    code: str
    message: str
    pages: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Minutes:
    kind: Kind | None = None
    language: str = "sv"
    body: str | None = None
    meeting_number: str | None = None
    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str | None = None
    author: str | None = None
    chair: str | None = None
    secretary: str | None = None
    adjusters: tuple[str, ...] = ()
    participants: tuple[Participant, ...] = ()
    items: tuple[Item, ...] = ()
    events: tuple[Event, ...] = ()
    next_meeting_agenda: NextMeetingAgenda | None = None
    referrals: tuple[Referral, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
    source_name: str | None = None
    source_format: str | None = None
