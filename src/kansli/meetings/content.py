"""A meeting's content as one plain dict: what the review and edit screens show and read back,
what the save service applies, and what export turns into the core's `Minutes`.

The shape is `minutes/1` (see MINUTES-JSON.md) with registry ids added where the database has
them: a participant's `person`, an action's `assignee` and `due_body`, a row's own `id` (None for
rows not yet stored). Dates are ISO strings, times "HH:MM", so the dict can be kept as JSON in an
import draft between upload and confirmation.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from kansli.meetings.models import Meeting
from kansli.minutes import Minutes
from kansli.minutes.render.json import from_json
from kansli.registry.models import Body, Person

Content = dict[str, Any]

SUGGESTIONS = 3
"""How many registry people the review screen offers for a name it cannot match exactly."""


def from_minutes(minutes: dict[str, Any], *, body: Body | None = None) -> Content:
    """A fresh parse (`minutes/1`) as content to review: people are matched to the registry by
    exact name, and the closest names are offered, never chosen."""
    people = {p.name.casefold(): p for p in Person.objects.all()}
    bodies = list(Body.objects.all())
    participants = []
    for p in minutes.get("participants") or []:
        match = people.get(str(p.get("name", "")).casefold())
        participants.append(
            {
                "id": None,
                "person": match.pk if match else None,
                "name": p.get("name") or "",
                "organisation": p.get("organisation") or "",
                "role": p.get("role") or "",
                "party": p.get("party") or "",
                "status": p.get("status") or "present",
                "suggestions": [] if match else _suggest(p.get("name") or "", people),
                "source": p.get("source"),
            }
        )
    by_name = {p["name"]: p["person"] for p in participants}
    items = []
    for item in minutes.get("items") or []:
        tabled = item.get("tabled")
        items.append(
            {
                "id": None,
                "number": item.get("number") or "",
                "title": item.get("title") or "",
                "text": item.get("text") or "",
                "subheadings": list(item.get("subheadings") or []),
                "decisions": [d.get("text", "") for d in item.get("decisions") or []],
                "actions": [
                    {
                        "id": None,
                        "assignee": by_name.get(a.get("assignee") or ""),
                        "assignee_text": a.get("assignee") or "",
                        "text": a.get("text") or "",
                        "due": a.get("due"),
                        "due_body": _body_id(bodies, a.get("due_body")),
                        "due_body_as_written": a.get("due_body") or "",
                        "status": "open",
                        "source": a.get("source"),
                    }
                    for a in item.get("actions") or []
                ],
                "tabled": tabled
                and {
                    "to_date": tabled.get("to_date"),
                    "to_body": _body_id(bodies, tabled.get("to_body")),
                    "to_body_as_written": tabled.get("to_body") or "",
                    "reason": tabled.get("reason") or "",
                },
                "tables": [
                    {"columns": t.get("columns") or [], "rows": t.get("rows") or []}
                    for t in item.get("tables") or []
                ],
                "source": item.get("source"),
            }
        )
    return {
        "body": body.pk if body else _body_id(bodies, minutes.get("body")),
        "body_as_written": minutes.get("body") or "",
        "kind": minutes.get("kind") or "minnesanteckningar",
        "number": minutes.get("meeting_number") or "",
        "date": minutes.get("date"),
        "start_time": minutes.get("start_time"),
        "end_time": minutes.get("end_time"),
        "place": minutes.get("place") or "",
        "participants": participants,
        "items": items,
    }


def _suggest(name: str, people: dict[str, Person]) -> list[int]:
    close = difflib.get_close_matches(name.casefold(), list(people), n=SUGGESTIONS, cutoff=0.6)
    return [people[key].pk for key in close]


def _body_id(bodies: list[Body], name: object) -> int | None:
    if not name:
        return None
    wanted = str(name).casefold()
    for body in bodies:
        if wanted in (body.name.casefold(), body.short_name.casefold()):
            return body.pk
    return None


def of_meeting(meeting: Meeting) -> Content:
    """A stored meeting as content to edit (ids filled in)."""
    attendance = meeting.attendance.select_related("person", "organisation")
    items = meeting.items.prefetch_related("decisions", "actions", "tables").select_related(
        "tabling"
    )
    return {
        "body": meeting.body_id,
        "body_as_written": meeting.body.name,
        "kind": meeting.kind,
        "number": str(meeting.number),
        "date": meeting.date.isoformat(),
        "start_time": _hhmm(meeting.start_time),
        "end_time": _hhmm(meeting.end_time),
        "place": meeting.place,
        "participants": [
            {
                "id": a.pk,
                "person": a.person_id,
                "name": a.person.name,
                "organisation": a.organisation.name if a.organisation else "",
                "role": a.role,
                "party": a.party,
                "status": a.status,
                "suggestions": [],
                "source": None,
            }
            for a in attendance
        ],
        "items": [_item(item) for item in items],
    }


def _item(item: Any) -> dict[str, Any]:
    tabling = getattr(item, "tabling", None)
    return {
        "id": item.pk,
        "number": item.number,
        "title": item.title,
        "text": item.text,
        "subheadings": list(item.subheadings),
        "decisions": [d.text for d in item.decisions.all()],
        "actions": [
            {
                "id": a.pk,
                "assignee": a.assignee_id,
                "assignee_text": a.assignee_text,
                "text": a.text,
                "due": a.due.isoformat() if a.due else None,
                "due_body": a.due_body_id,
                "status": a.status,
                "source": None,
            }
            for a in item.actions.all()
        ],
        "tabled": tabling
        and {
            "to_date": tabling.to_date.isoformat() if tabling.to_date else None,
            "to_body": tabling.to_body_id,
            "reason": tabling.reason,
        },
        "tables": [{"columns": t.columns, "rows": t.rows} for t in item.tables.all()],
        "source": None,
    }


def _hhmm(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def minutes_of(meeting: Meeting) -> Minutes:
    """The stored meeting as the core's `Minutes`, for every export (JSON, Markdown, DOCX, PDF).

    What the database does not hold yet (events, a next meeting's agenda, referrals, the
    adjusters) is taken from the imported document's parse, so an export loses nothing the
    import understood."""
    content = of_meeting(meeting)
    source = meeting.sources.order_by("imported_at").first()
    parsed: dict[str, Any] = dict(source.minutes) if source else {}
    names = dict(Person.objects.filter(actions__item__meeting=meeting).values_list("pk", "name"))
    bodies = dict(Body.objects.values_list("pk", "name"))
    secretary = _with_role(content, "sekreterare") or parsed.get("secretary")
    data: dict[str, Any] = {
        "schema": "minutes/1",
        "kind": meeting.kind,
        "language": parsed.get("language") or "sv",
        "body": meeting.body.name,
        "meeting_number": str(meeting.number),
        "date": content["date"],
        "start_time": content["start_time"],
        "end_time": content["end_time"],
        "place": meeting.place or None,
        "author": parsed.get("author") or secretary,
        "chair": _with_role(content, "ordförande") or parsed.get("chair"),
        "secretary": secretary,
        "adjusters": parsed.get("adjusters") or [],
        "participants": [
            {
                "name": p["name"],
                "organisation": p["organisation"] or None,
                "party": p.get("party") or None,
                "role": p["role"] or None,
                "status": p["status"],
            }
            for p in content["participants"]
        ],
        "items": [
            {
                "number": item["number"] or None,
                "title": item["title"],
                "text": item["text"],
                "subheadings": item["subheadings"],
                "decisions": [{"text": text} for text in item["decisions"]],
                "actions": [
                    {
                        "assignee": names.get(a["assignee"]) or a["assignee_text"] or None,
                        "text": a["text"],
                        "due": a["due"],
                        "due_body": bodies.get(a["due_body"]),
                    }
                    for a in item["actions"]
                ],
                "tabled": item["tabled"]
                and {
                    "to_date": item["tabled"]["to_date"],
                    "to_body": bodies.get(item["tabled"]["to_body"]),
                    "reason": item["tabled"]["reason"] or None,
                },
                "tables": item["tables"],
            }
            for item in content["items"]
        ],
        "events": parsed.get("events") or [],
        "next_meeting_agenda": parsed.get("next_meeting_agenda"),
        "referrals": parsed.get("referrals") or [],
    }
    return from_json(data, meeting.body.name)


def _with_role(content: Content, role: str) -> str | None:
    for p in content["participants"]:
        if role in (p["role"] or "").casefold():
            return str(p["name"])
    return None
