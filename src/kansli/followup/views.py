"""Follow-up pages: the action register (mine, a body's, an organisation's) and the proposed
agenda of a meeting. Access as everywhere: 404 for what the user may not see."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import F, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kansli.followup import agenda, register
from kansli.meetings.access import meeting_for
from kansli.meetings.models import ActionStatus, Attendance
from kansli.registry.access import body_for, visible_bodies
from kansli.registry.models import Organisation


def _register_page(
    request: HttpRequest, title: str, actions: QuerySet[Any], **extra: Any
) -> HttpResponse:
    today = timezone.localdate()
    rows = [
        {
            "action": a,
            "overdue": register.is_overdue(a, today),
            "may_change": register.may_change(request.user, a),
        }
        for a in actions[:500]
    ]
    context = {"title": title, "rows": rows, "statuses": ActionStatus.choices, **extra}
    return render(request, "followup/actions.html", context)


@login_required
def my_actions(request: HttpRequest) -> HttpResponse:
    person = getattr(request.user, "person", None)
    actions = register.visible_actions(request.user)
    actions = actions.filter(assignee=person) if person else actions.none()
    return _register_page(request, _("Mina åtgärder"), actions)


@login_required
def body_actions(request: HttpRequest, body_id: int) -> HttpResponse:
    body, _access = body_for(request.user, body_id)
    actions = register.visible_actions(request.user).filter(item__meeting__body=body)
    return _register_page(request, _("Åtgärder i %(body)s") % {"body": body.name}, actions)


@login_required
def organisation_actions(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    seen = Attendance.objects.filter(
        organisation=organisation, meeting__body__in=visible_bodies(request.user)
    )
    if not seen.exists():
        raise Http404  # an organisation is shown to those who have met it
    # The actions of the people who were at the meeting for the organisation.
    actions = register.visible_actions(request.user).filter(
        item__meeting__attendance__organisation=organisation,
        item__meeting__attendance__person=F("assignee"),
    )
    return _register_page(
        request, _("Åtgärder för %(org)s") % {"org": organisation.name}, actions.distinct()
    )


@login_required
@require_POST
def change_status(request: HttpRequest, action_id: int) -> HttpResponse:
    action = register.visible_actions(request.user).filter(pk=action_id).first()
    if action is None:
        raise Http404
    if not register.may_change(request.user, action):
        raise PermissionDenied
    status = request.POST.get("status", "")
    if status not in ActionStatus.values:
        messages.error(request, _("Okänd status."))
    else:
        register.set_status(action, status, actor=request.user)
        messages.success(request, _("Status ändrad."))
    return redirect(request.POST.get("next") or "my_actions")


@login_required
def action_history(request: HttpRequest, action_id: int) -> HttpResponse:
    action = register.visible_actions(request.user).filter(pk=action_id).first()
    if action is None:
        raise Http404
    return render(
        request,
        "followup/history.html",
        {"action": action, "history": register.history(action)},
    )


@login_required
def propose_agenda(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting, _access = meeting_for(request.user, meeting_id, write=True)
    proposals = agenda.propose(meeting.body, meeting.date, meeting=meeting)
    if request.method == "POST":
        chosen = [p.key for p in proposals if request.POST.get(f"use-{p.key}")]
        order = {
            p.key: _order(request.POST.get(f"order-{p.key}"), n) for n, p in enumerate(proposals)
        }
        chosen.sort(key=lambda key: order[key])
        created = agenda.apply(meeting, chosen, actor=request.user)
        messages.success(
            request, _("%(count)d punkter lades till på dagordningen.") % {"count": len(created)}
        )
        return redirect("edit", meeting.pk)
    return render(
        request,
        "followup/agenda.html",
        {"meeting": meeting, "proposals": proposals},
    )


def _order(value: str | None, default: int) -> float:
    try:
        return float(value) if value else float(default + 1)
    except ValueError:
        return float(default + 1)
