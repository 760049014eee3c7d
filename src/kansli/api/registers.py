"""The follow-up registers in the API: the calendar's activities (`kansli.events`) and the
referrals (`kansli.referrals`), with their pages' rules: members see a body's accepted
activities, its secretary the proposed ones too; a referral is its body's members' to read,
and of the meetings that handled it each sees the ones they may see."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from kansli.api.http import Call, Endpoint, Json, Link, Param
from kansli.api.resources import BODY, LIMIT, OFFSET, paginate
from kansli.api.schemas import page as page_of
from kansli.api.schemas import ref
from kansli.events.access import activity_for
from kansli.events.models import Activity, ActivityState
from kansli.meetings.access import visible_meetings
from kansli.referrals.access import referral_for
from kansli.referrals.models import Referral, ReferralStatus
from kansli.registry.access import body_for, visible_bodies, writable_bodies

SHOWN = (ActivityState.ACCEPTED, ActivityState.PROPOSED)


def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _activities(call: Call) -> QuerySet[Activity]:
    if call.query.get("body") is not None:
        found, access = body_for(call.user, call.query["body"])
        states = SHOWN if access.may_write else (ActivityState.ACCEPTED,)
        return Activity.objects.filter(body=found, state__in=states)
    return Activity.objects.filter(
        Q(body__in=visible_bodies(call.user), state=ActivityState.ACCEPTED)
        | Q(body__in=writable_bodies(call.user), state=ActivityState.PROPOSED)
    )


def activity_json(activity: Activity) -> Json:
    return {
        "id": activity.pk,
        "body": activity.body_id,
        "title": activity.title,
        "start": _date(activity.start),
        "end": _date(activity.end),
        "season": activity.season or None,
        "state": activity.state,
        "organisation": activity.organisation.name if activity.organisation else None,
        "source_meeting": activity.source_meeting_id,
    }


def events(call: Call) -> Json:
    rows = _activities(call).select_related("organisation")
    if call.query["year"] is not None:
        rows = rows.filter(start__year=call.query["year"])
    return paginate(call, rows.order_by("start", "pk"), activity_json)


def event(call: Call) -> Json:
    found = activity_for(call.user, call.ids["event_id"])
    if not _activities(call).filter(pk=found.pk).exists():
        raise Http404
    return activity_json(found)


def _referrals(call: Call) -> QuerySet[Referral]:
    if call.query.get("body") is not None:
        found, _access = body_for(call.user, call.query["body"])
        return Referral.objects.filter(body=found)
    return Referral.objects.filter(body__in=visible_bodies(call.user))


def referral_json(referral: Referral, *, details: Json | None = None) -> Json:
    return {
        "id": referral.pk,
        "body": referral.body_id,
        "title": referral.title,
        "sender": referral.sender,
        "received": _date(referral.received),
        "deadline": _date(referral.deadline),
        "responsible": referral.responsible_person.name if referral.responsible_person else None,
        "status": referral.status,
        "answered": _date(referral.answered),
    } | (details or {})


def referrals(call: Call) -> Json:
    rows = _referrals(call).select_related("responsible_person")
    if call.query["status"] is not None:
        rows = rows.filter(status=call.query["status"])
    return paginate(call, rows.order_by("deadline", "title", "pk"), referral_json)


def referral(call: Call) -> Json:
    found, access = referral_for(call.user, call.ids["referral_id"])
    meetings = visible_meetings(call.user, access, found.meetings.all())
    inputs = found.inputs.select_related("organisation")
    return referral_json(
        found,
        details={
            "joint_answer": found.joint_answer,
            "meetings": sorted(meetings.values_list("pk", flat=True)),
            "inputs": [
                {
                    "organisation": given.organisation.name,
                    "text": given.text,
                    "received": _date(given.received),
                }
                for given in inputs
            ],
        },
    )


REFERRAL_STATUS = tuple(ReferralStatus.values)

ENDPOINTS: list[Endpoint] = [
    Endpoint(
        "events/",
        "GET",
        "events",
        _("Aktiviteter i årshjulen du får se, efter datum"),
        events,
        page_of("Activity"),
        params=(BODY, Param("year", _("bara detta år"), minimum=1900, maximum=2200), LIMIT, OFFSET),
        errors=(400, 401, 404),
        links=(Link("event", "event_id", "/results/0/id"),),
    ),
    Endpoint("events/<event_id>/", "GET", "event", _("En aktivitet"), event, ref("Activity")),
    Endpoint(
        "referrals/",
        "GET",
        "referrals",
        _("Remisser i organ du är med i, efter svarsdatum"),
        referrals,
        page_of("Referral"),
        params=(
            BODY,
            Param("status", _("bara med denna status"), enum=REFERRAL_STATUS),
            LIMIT,
            OFFSET,
        ),
        errors=(400, 401, 404),
        links=(Link("referral", "referral_id", "/results/0/id"),),
    ),
    Endpoint(
        "referrals/<referral_id>/",
        "GET",
        "referral",
        _("En remiss, med organisationernas synpunkter"),
        referral,
        ref("ReferralDetail"),
    ),
]
