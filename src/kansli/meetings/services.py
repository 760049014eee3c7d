"""Every write to meetings goes through a function here: the web views, the import command and
the API call the same code, inside one transaction, which also writes the audit log."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.db.models import Max, Q

from kansli.audit.log import record
from kansli.meetings.models import (
    Action,
    Attendance,
    DataTable,
    Decision,
    Item,
    Kind,
    Meeting,
    SourceDocument,
    Tabling,
)
from kansli.minutes import Minutes, parse_bytes, to_json
from kansli.minutes import model as core
from kansli.registry.models import Body, Organisation, Person

User = AbstractBaseUser | AnonymousUser | None

UNKNOWN_BODY = "Okänd grupp"


@dataclass(frozen=True)
class ImportResult:
    meeting: Meeting
    created: bool
    """False when the same file (by content) was imported before: nothing was written."""


def import_document(data: bytes, name: str, *, actor: User = None) -> ImportResult:
    """Read a minutes document and enter it into the registers: body, meeting, attendance,
    items, decisions, actions, tabled items and tables. Raises the reader's `MinutesError`
    (with its Swedish message) for a file that cannot be read."""
    digest = hashlib.sha256(data).hexdigest()
    known = SourceDocument.objects.filter(sha256=digest).select_related("meeting").first()
    if known is not None:
        return ImportResult(known.meeting, created=False)
    minutes = parse_bytes(data, name)
    with transaction.atomic():
        meeting = _store(minutes)
        SourceDocument.objects.create(
            meeting=meeting,
            name=name,
            sha256=digest,
            format=minutes.source_format or "",
            minutes=to_json(minutes),
        )
        record(actor, "import", meeting, after=_summary(meeting, name))
    return ImportResult(meeting, created=True)


def _store(minutes: Minutes) -> Meeting:
    body = body_named(minutes.body or UNKNOWN_BODY)
    date = minutes.date or dt.date.today()
    meeting = Meeting.objects.create(
        body=body,
        year=date.year,
        number=_free_number(body, date.year, minutes.meeting_number),
        kind=_kind(minutes),
        date=date,
        start_time=minutes.start_time,
        end_time=minutes.end_time,
        place=minutes.place or "",
    )
    people = {p.name: _attend(meeting, p) for p in minutes.participants}
    for position, item in enumerate(minutes.items, start=1):
        _store_item(meeting, position, item, people)
    return meeting


def body_named(name: str) -> Body:
    """The body a document names, by its name or short name; created when new."""
    found = Body.objects.filter(Q(name__iexact=name) | Q(short_name__iexact=name)).first()
    return found or Body.objects.create(name=name, short_name=name if len(name) <= 12 else "")


def _free_number(body: Body, year: int, written: str | None) -> int:
    """The number the document gives ("1", "4/2025"), unless taken; else the next free one."""
    head = (written or "").split("/")[0]
    taken = Meeting.objects.filter(body=body, year=year)
    if head.isdigit() and not taken.filter(number=int(head)).exists():
        return int(head)
    return (taken.aggregate(Max("number"))["number__max"] or 0) + 1


def _kind(minutes: Minutes) -> str:
    kinds = {core.Kind.NOTES: Kind.NOTES, core.Kind.PROTOCOL: Kind.PROTOCOL}
    return kinds.get(minutes.kind, Kind.MINUTES) if minutes.kind else Kind.NOTES


def _attend(meeting: Meeting, participant: core.Participant) -> Person:
    person = Person.objects.filter(name__iexact=participant.name).first()
    person = person or Person.objects.create(name=participant.name)
    organisation = None
    if participant.organisation:
        organisation, _ = Organisation.objects.get_or_create(name=participant.organisation)
    Attendance.objects.get_or_create(
        meeting=meeting,
        person=person,
        defaults={
            "organisation": organisation,
            "role": participant.role or "",
            "status": participant.status.value,
        },
    )
    return person


def _store_item(
    meeting: Meeting, position: int, item: core.Item, people: dict[str, Person]
) -> None:
    stored = Item.objects.create(
        meeting=meeting,
        position=position,
        number=item.number or "",
        title=item.title[:500],
        text=item.text,
        subheadings=list(item.subheadings),
    )
    Decision.objects.bulk_create(
        Decision(item=stored, position=n, text=d.text) for n, d in enumerate(item.decisions, 1)
    )
    Action.objects.bulk_create(
        Action(
            item=stored,
            position=n,
            assignee=people.get(a.assignee or ""),
            assignee_text=a.assignee or "",
            text=a.text,
            due=a.due,
            due_body=body_named(a.due_body) if a.due_body else None,
        )
        for n, a in enumerate(item.actions, 1)
    )
    if item.tabled is not None:
        Tabling.objects.create(
            item=stored,
            to_date=item.tabled.to_date,
            to_body=body_named(item.tabled.to_body) if item.tabled.to_body else None,
            reason=item.tabled.reason or "",
        )
    DataTable.objects.bulk_create(
        DataTable(item=stored, position=n, columns=list(t.columns), rows=[list(r) for r in t.rows])
        for n, t in enumerate(item.tables, 1)
    )


def _summary(meeting: Meeting, name: str) -> dict[str, object]:
    return {
        "source": name,
        "body": meeting.body.name,
        "number": f"{meeting.number}/{meeting.year}",
        "date": meeting.date.isoformat(),
        "attendance": meeting.attendance.count(),
        "items": meeting.items.count(),
    }
