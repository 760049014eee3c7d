"""Models out as JSON-able dicts, in the shapes `schemas.py` documents."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kansli.meetings.models import Action, Attendance, Decision, Item, Meeting, Tabling
from kansli.registry.models import Body

Json = dict[str, Any]


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _time(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def body(body: Body, *, may_write: bool) -> Json:
    return {
        "id": body.pk,
        "name": body.name,
        "short_name": body.short_name,
        "quorum": body.quorum,
        "may_write": may_write,
    }


def meeting_summary(meeting: Meeting) -> Json:
    return {
        "id": meeting.pk,
        "body": meeting.body_id,
        "year": meeting.year,
        "number": meeting.number,
        "kind": meeting.kind,
        "date": _date(meeting.date),
        "start_time": _time(meeting.start_time),
        "end_time": _time(meeting.end_time),
        "place": meeting.place,
        "version": meeting.version,
        "published_at": meeting.published_at.isoformat() if meeting.published_at else None,
    }


def meeting(meeting: Meeting) -> Json:
    items = (
        meeting.items.select_related("tabling")
        .prefetch_related("decisions", "actions__assignee")
        .order_by("position")
    )
    attendance = meeting.attendance.select_related("person", "organisation")
    return meeting_summary(meeting) | {
        "attendance": [attendant(row) for row in attendance],
        "items": [item(row) for row in items],
    }


def attendant(row: Attendance) -> Json:
    return {
        "person": row.person_id,
        "name": row.person.name,
        "organisation": row.organisation.name if row.organisation else None,
        "role": row.role,
        "party": row.party,
        "status": row.status,
    }


def item(item: Item) -> Json:
    tabling: Tabling | None = getattr(item, "tabling", None)
    return {
        "id": item.pk,
        "meeting": item.meeting_id,
        "position": item.position,
        "number": item.number,
        "title": item.title,
        "text": item.text,
        "subheadings": list(item.subheadings or []),
        "decisions": [decision(row, meeting_id=item.meeting_id) for row in item.decisions.all()],
        "actions": [action(row, meeting_id=item.meeting_id) for row in item.actions.all()],
        "tabling": None
        if tabling is None
        else {
            "to_date": _date(tabling.to_date),
            "to_body": tabling.to_body_id,
            "reason": tabling.reason,
        },
    }


def decision(decision: Decision, *, meeting_id: int) -> Json:
    return {
        "id": decision.pk,
        "item": decision.item_id,
        "meeting": meeting_id,
        "position": decision.position,
        "text": decision.text,
    }


def action(action: Action, *, meeting_id: int) -> Json:
    return {
        "id": action.pk,
        "item": action.item_id,
        "meeting": meeting_id,
        "position": action.position,
        "assignee": action.assignee_id,
        "assignee_name": action.assignee.name if action.assignee else None,
        "assignee_text": action.assignee_text,
        "text": action.text,
        "due": _date(action.due),
        "due_body": action.due_body_id,
        "status": action.status,
    }
