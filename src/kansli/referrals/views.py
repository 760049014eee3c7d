"""The referral register and the initiative matrix. Each view: one access lookup (404 for
outsiders, 403 for a member's attempt to write), a form, one service call, a redirect."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kansli.meetings.access import meeting_for, visible_meetings
from kansli.referrals import matrix, proposals, services
from kansli.referrals.access import initiative_for, proposal_for, referral_for
from kansli.referrals.forms import AnswerForm, CellForm, ColumnForm, InputForm, ReferralForm
from kansli.referrals.models import CLOSED, Initiative, Referral, ReferralStatus
from kansli.registry.access import body_for, visible_bodies, writable_bodies
from kansli.registry.models import Organisation

SOON_DAYS = 14
"""A deadline this close is highlighted in the register."""


@dataclass(frozen=True)
class Listed:
    referral: Referral
    urgency: str
    """"overdue", "soon" or ""."""


def urgency(referral: Referral, today: dt.date) -> str:
    if referral.status in CLOSED or referral.deadline is None:
        return ""
    if referral.deadline < today:
        return "overdue"
    return "soon" if referral.deadline <= today + dt.timedelta(days=SOON_DAYS) else ""


@login_required
def referral_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    bodies = list(visible_bodies(request.user).order_by("name"))
    writable = set(writable_bodies(request.user).values_list("pk", flat=True))
    referrals = (
        Referral.objects.filter(body__in=bodies)
        .select_related("responsible_person")
        .order_by(F("deadline").asc(nulls_last=True), "title", "pk")
    )
    per_body: dict[int, list[Listed]] = {body.pk: [] for body in bodies}
    for referral in referrals:
        per_body[referral.body_id].append(Listed(referral, urgency(referral, today)))
    groups = [(body, per_body[body.pk], body.pk in writable) for body in bodies]
    return render(request, "referrals/list.html", {"groups": groups, "soon_days": SOON_DAYS})


@login_required
def referral_new(request: HttpRequest, body_id: int) -> HttpResponse:
    body, access = body_for(request.user, body_id)
    if not access.may_write:
        raise PermissionDenied
    form = ReferralForm(body, request.POST or None)
    if request.method == "POST" and form.is_valid():
        referral = services.create_referral(body, form.fields_read(), actor=request.user)
        messages.success(request, _("Remissen är registrerad."))
        return redirect("referral", referral.pk)
    heading = _("Ny remiss: %(body)s") % {"body": body.name}
    return _form_page(request, form, heading, back=reverse("referrals"))


@login_required
def referral_page(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral, access = referral_for(request.user, referral_id)
    given = {i.organisation_id: i for i in referral.inputs.select_related("organisation")}
    members = Organisation.objects.filter(is_member=True).order_by("name")
    organisations = list(members) + [
        i.organisation for i in given.values() if not i.organisation.is_member
    ]
    inputs = [(org, given.get(org.pk)) for org in organisations]
    meetings = visible_meetings(request.user, access, referral.meetings.order_by("date"))
    return render(
        request,
        "referrals/referral.html",
        {
            "referral": referral,
            "urgency": urgency(referral, timezone.localdate()),
            "inputs": inputs,
            "missing": [org for org, given_input in inputs if given_input is None],
            "meetings": meetings,
            "may_write": access.may_write,
        },
    )


@login_required
def referral_edit(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral, _access = referral_for(request.user, referral_id, write=True)
    initial = {
        "title": referral.title,
        "sender": referral.sender,
        "received": referral.received,
        "deadline": referral.deadline,
        "responsible_person": referral.responsible_person_id,
        "status": referral.status,
        "joint_answer": referral.joint_answer,
        "meetings": list(referral.meetings.values_list("pk", flat=True)),
    }
    form = ReferralForm(referral.body, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_referral(referral, form.fields_read(), actor=request.user)
        messages.success(request, _("Sparat."))
        return redirect("referral", referral.pk)
    heading = _("Ändra remissen %(title)s") % {"title": referral.title}
    return _form_page(request, form, heading, back=reverse("referral", args=[referral.pk]))


@login_required
def referral_input(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral, _access = referral_for(request.user, referral_id, write=True)
    form = InputForm(request.POST or None, initial={"organisation": request.GET.get("org")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.add_input(
            referral,
            data["organisation"],
            data["text"],
            received=data["received"],
            actor=request.user,
        )
        messages.success(request, _("Synpunkterna är sparade."))
        return redirect("referral", referral.pk)
    heading = _("Synpunkter på %(title)s") % {"title": referral.title}
    return _form_page(request, form, heading, back=reverse("referral", args=[referral.pk]))


@login_required
def referral_answer(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral, _access = referral_for(request.user, referral_id, write=True)
    initial = {"text": referral.joint_answer, "outcome": ReferralStatus.ANSWERED}
    form = AnswerForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.answer(
            referral,
            data["text"],
            on=data["answered"],
            declined=data["outcome"] == ReferralStatus.DECLINED,
            actor=request.user,
        )
        messages.success(request, _("Remissen är besvarad."))
        return redirect("referral", referral.pk)
    heading = _("Gemensamt svar på %(title)s") % {"title": referral.title}
    return _form_page(request, form, heading, back=reverse("referral", args=[referral.pk]))


def _form_page(request: HttpRequest, form: Any, heading: str, *, back: str) -> HttpResponse:
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "heading": heading, "back": back}
    return render(request, "referrals/form.html", context, status=status)


# --- proposals from a meeting -------------------------------------------------------------------


@login_required
def proposal_list(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting, _access = meeting_for(request.user, meeting_id, write=True)
    # Proposing is idempotent: a meeting edited since its import is read again here.
    proposals.propose(meeting)
    every = meeting.proposals.order_by("state", "kind", "pk")
    context = {
        "meeting": meeting,
        "proposals": [proposals.shown(p) for p in every],
        "initiatives": meeting.body.initiatives.order_by("title"),
    }
    return render(request, "referrals/proposals.html", context)


@login_required
@require_POST
def proposal_decide(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = proposal_for(request.user, proposal_id)
    decision = request.POST.get("decision")
    try:
        if decision == "accept":
            into = Initiative.objects.filter(
                pk=_number(request.POST.get("initiative")), body=proposal.meeting.body_id
            ).first()
            result = proposals.accept(proposal, initiative=into, actor=request.user)
            messages.success(request, _("Förslaget är godtaget: %(what)s.") % {"what": result})
        elif decision == "reject":
            proposals.reject(proposal, actor=request.user)
            messages.success(request, _("Förslaget är avvisat."))
        else:
            messages.error(request, _("Välj att godta eller avvisa förslaget."))
    except proposals.ProposalError as error:
        messages.error(request, str(error))
    return redirect("referral_proposals", proposal.meeting_id)


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


# --- the initiative matrix ----------------------------------------------------------------------


@login_required
def initiative_list(request: HttpRequest) -> HttpResponse:
    bodies = visible_bodies(request.user)
    initiatives = Initiative.objects.filter(body__in=bodies).select_related("body")
    return render(
        request,
        "referrals/initiatives.html",
        {"initiatives": initiatives.order_by("body__name", "title")},
    )


@login_required
def initiative_page(request: HttpRequest, initiative_id: int) -> HttpResponse:
    initiative, access = initiative_for(request.user, initiative_id)
    statuses = None if access.may_write else matrix.published(initiative)
    shown = matrix.matrix_of(initiative, statuses)
    visible = set(
        visible_meetings(request.user, access, initiative.body.meetings.all()).values_list(
            "pk", flat=True
        )
    )
    context: dict[str, Any] = {
        "initiative": initiative,
        "matrix": shown,
        "visible_meetings": visible,
        "may_write": access.may_write,
    }
    if access.may_write:
        context["column_form"] = ColumnForm()
        context["cell_form"] = CellForm(
            initiative, initial={"recorded": timezone.localdate()}, prefix="cell"
        )
    return render(request, "referrals/initiative.html", context)


@login_required
@require_POST
def initiative_column(request: HttpRequest, initiative_id: int) -> HttpResponse:
    initiative, _access = initiative_for(request.user, initiative_id, write=True)
    form = ColumnForm(request.POST)
    if form.is_valid():
        matrix.add_column(initiative, form.cleaned_data["name"], actor=request.user)
        messages.success(request, _("Kolumnen är tillagd."))
    else:
        messages.error(request, _("Skriv kolumnens namn."))
    return redirect("initiative", initiative.pk)


@login_required
@require_POST
def initiative_cell(request: HttpRequest, initiative_id: int) -> HttpResponse:
    initiative, _access = initiative_for(request.user, initiative_id, write=True)
    form = CellForm(initiative, request.POST, prefix="cell")
    if not form.is_valid():
        messages.error(request, _("Cellen sparades inte: välj organisation, kolumn och datum."))
        return redirect("initiative", initiative.pk)
    data = form.cleaned_data
    changed = matrix.set_status(
        initiative,
        data["organisation"],
        data["column"],
        data["value"],
        on=data["recorded"],
        meeting=data["meeting"],
        actor=request.user,
    )
    if changed is None:
        messages.info(request, _("Cellen hade redan det värdet."))
    else:
        messages.success(request, _("Sparat."))
    return redirect("initiative", initiative.pk)
