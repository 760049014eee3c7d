"""What the API offers: one table of endpoints (`ENDPOINTS`), from which both the URLs and the
OpenAPI document are made. A new resource is a handler and an entry here.

Permissions are the web's, through the same helpers (`registry.access`, `meetings.access`):
bodies the user belongs to, their published meetings (all of them for the secretary), and
what is in them; anything else is 404, never 403, so an outsider cannot tell it exists."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kansli.api import serialize, services
from kansli.api.http import BadRequestError, Call, Endpoint, Json, Link, Param
from kansli.api.schemas import ACTION_STATUS, page, ref
from kansli.meetings.access import meeting_for, visible_meetings
from kansli.meetings.content import minutes_of
from kansli.meetings.models import Action, Decision, Item, Meeting
from kansli.minutes.render import to_json
from kansli.registry.access import access_to, body_for, visible_bodies, writable_bodies

if TYPE_CHECKING:
    from django.db.models import Model

MAX_LIMIT = 200
LIMIT = Param(
    "limit", _("hur många per sida (högst 200)"), minimum=1, maximum=MAX_LIMIT, default=50
)
OFFSET = Param(
    "offset", _("hur många att hoppa över"), minimum=0, maximum=1_000_000, default=0, example=0
)
BODY = Param("body", _("bara detta organs"), minimum=1)


def paginate(call: Call, rows: QuerySet[Any], render: Any) -> Json:
    limit, offset = call.query["limit"], call.query["offset"]
    return {
        "count": rows.count(),
        "limit": limit,
        "offset": offset,
        "results": [render(row) for row in rows[offset : offset + limit]],
    }


def _meetings(call: Call) -> QuerySet[Meeting]:
    """The meetings the user may see, of one body when the call names it."""
    if call.query.get("body") is not None:
        found, access = body_for(call.user, call.query["body"])
        return visible_meetings(call.user, access, Meeting.objects.filter(body=found))
    return Meeting.objects.filter(
        Q(body__in=writable_bodies(call.user))
        | Q(body__in=visible_bodies(call.user), published_at__isnull=False)
    )


def _in_meeting(call: Call, obj: Model | None, meeting_id: int | None) -> None:
    if obj is None or meeting_id is None:
        raise Http404
    meeting_for(call.user, meeting_id)


def bodies(call: Call) -> Json:
    def render(found: Any) -> Json:
        access = access_to(call.user, found)
        return serialize.body(found, may_write=bool(access and access.may_write))

    return paginate(call, visible_bodies(call.user).order_by("name", "pk"), render)


def meetings(call: Call) -> Json:
    rows = _meetings(call).order_by("-date", "body_id", "-number", "-pk")
    return paginate(call, rows, serialize.meeting_summary)


def meeting(call: Call) -> Json:
    found, _access = meeting_for(call.user, call.ids["meeting_id"])
    return serialize.meeting(found)


def minutes(call: Call) -> Json:
    found, _access = meeting_for(call.user, call.ids["meeting_id"])
    return to_json(minutes_of(found))  # type: ignore[no-any-return]


def item(call: Call) -> Json:
    found = (
        Item.objects.select_related("tabling")
        .prefetch_related("decisions", "actions__assignee")
        .filter(pk=call.ids["item_id"])
        .first()
    )
    _in_meeting(call, found, found.meeting_id if found else None)
    assert found is not None
    return serialize.item(found)


def decision(call: Call) -> Json:
    found = Decision.objects.select_related("item").filter(pk=call.ids["decision_id"]).first()
    meeting_id = found.item.meeting_id if found else None
    _in_meeting(call, found, meeting_id)
    assert found is not None and meeting_id is not None
    return serialize.decision(found, meeting_id=meeting_id)


def _action(call: Call, *, write: bool = False) -> Action:
    found = (
        Action.objects.select_related("item", "assignee").filter(pk=call.ids["action_id"]).first()
    )
    if found is None:
        raise Http404
    meeting_for(call.user, found.item.meeting_id, write=write)
    return found


def action(call: Call) -> Json:
    found = _action(call)
    return serialize.action(found, meeting_id=found.item.meeting_id)


def change_action(call: Call) -> Json:
    found = _action(call, write=True)
    status = (call.body or {}).get("status")
    if status not in ACTION_STATUS:
        raise BadRequestError(
            gettext("Fältet status måste vara en av: %(values)s.")
            % {"values": ", ".join(ACTION_STATUS)}
        )
    services.set_action_status(found, status, actor=call.user)
    return serialize.action(found, meeting_id=found.item.meeting_id)


def actions(call: Call) -> Json:
    rows = Action.objects.filter(item__meeting__in=_meetings(call)).select_related(
        "item", "assignee"
    )
    if call.query["assignee"] is not None:
        rows = rows.filter(assignee_id=call.query["assignee"])
    if call.query["status"] is not None:
        rows = rows.filter(status=call.query["status"])
    rows = rows.order_by("due", "pk")
    return paginate(call, rows, lambda row: serialize.action(row, meeting_id=row.item.meeting_id))


ENDPOINTS: list[Endpoint] = [
    Endpoint(
        "bodies/",
        "GET",
        "bodies",
        _("Organen du är med i"),
        bodies,
        page("Body"),
        params=(LIMIT, OFFSET),
        errors=(400, 401),
        links=tuple(
            Link(to, "body", "/results/0/id")
            for to in ("meetings", "actions", "events", "referrals")
        ),
    ),
    Endpoint(
        "meetings/",
        "GET",
        "meetings",
        _("Möten du får se, senaste först"),
        meetings,
        page("MeetingSummary"),
        params=(BODY, LIMIT, OFFSET),
        errors=(400, 401, 404),
        links=(
            Link("meeting", "meeting_id", "/results/0/id"),
            Link("minutes", "meeting_id", "/results/0/id"),
        ),
    ),
    Endpoint(
        "meetings/<meeting_id>/",
        "GET",
        "meeting",
        _("Ett möte"),
        meeting,
        ref("Meeting"),
        links=(
            Link("item", "item_id", "/items/0/id"),
            Link("decision", "decision_id", "/items/1/decisions/0/id"),
            Link("action", "action_id", "/items/1/actions/0/id"),
        ),
    ),
    Endpoint(
        "meetings/<meeting_id>/minutes",
        "GET",
        "minutes",
        _("Mötets anteckningar som minutes/1"),
        minutes,
        ref("minutes-1"),
    ),
    Endpoint("items/<item_id>/", "GET", "item", _("En punkt"), item, ref("Item")),
    Endpoint(
        "decisions/<decision_id>/", "GET", "decision", _("Ett beslut"), decision, ref("Decision")
    ),
    Endpoint(
        "actions/",
        "GET",
        "actions",
        _("Åtgärder i möten du får se, efter datum"),
        actions,
        page("Action"),
        params=(
            BODY,
            Param("assignee", _("bara denna persons"), minimum=1),
            Param("status", _("bara med denna status"), enum=ACTION_STATUS, example="open"),
            LIMIT,
            OFFSET,
        ),
        errors=(400, 401, 404),
        links=(Link("action", "action_id", "/results/0/id"),),
    ),
    Endpoint(
        "actions/<action_id>/",
        "GET",
        "action",
        _("En åtgärd"),
        action,
        ref("Action"),
        links=(Link("action-change", "action_id", "/id"),),
    ),
    Endpoint(
        "actions/<action_id>/",
        "PATCH",
        "action-change",
        _("Ändra en åtgärds status (organets sekreterare)"),
        change_action,
        ref("Action"),
        request_body=ref("ActionChange"),
        errors=(400, 401, 403, 404),
    ),
]
