"""Read-only pages of a body's space: the bodies a user belongs to, a body's meetings, one
meeting. Each view: one access lookup (404 for outsiders), one query set, one template."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kansli.meetings.access import meeting_for
from kansli.meetings.models import AttendanceStatus
from kansli.registry.access import body_for, visible_bodies


@login_required
def start(request: HttpRequest) -> HttpResponse:
    bodies = visible_bodies(request.user).order_by("name")
    return render(request, "meetings/start.html", {"bodies": bodies})


@login_required
def body_space(request: HttpRequest, body_id: int) -> HttpResponse:
    body, access = body_for(request.user, body_id)
    meetings = body.meetings.order_by("-date")
    return render(
        request,
        "meetings/body.html",
        {"body": body, "meetings": meetings, "may_write": access.may_write},
    )


@login_required
def meeting_page(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting, access = meeting_for(request.user, meeting_id)
    attendance = meeting.attendance.select_related("person", "organisation")
    items = meeting.items.prefetch_related(
        "decisions", "actions__assignee", "actions__due_body", "tables"
    ).select_related("tabling__to_body")
    groups = [
        (label, [a for a in attendance if a.status == status])
        for status, label in AttendanceStatus.choices
    ]
    return render(
        request,
        "meetings/meeting.html",
        {
            "meeting": meeting,
            "attendance_groups": [(label, rows) for label, rows in groups if rows],
            "items": items,
            "may_write": access.may_write,
        },
    )
