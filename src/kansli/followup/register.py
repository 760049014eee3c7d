"""The action register: every action the user may see, across meetings and bodies."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from kansli.audit.log import record
from kansli.audit.models import AuditEntry
from kansli.meetings.models import Action, ActionStatus
from kansli.registry.access import memberships, visible_bodies, writable_bodies

if TYPE_CHECKING:
    from kansli.registry.access import User


def visible_actions(user: User) -> QuerySet[Action]:
    """Actions of the meetings the user may see: published meetings of their bodies, and
    every meeting of the bodies they are secretary of."""
    if not user.is_authenticated:
        return Action.objects.none()
    published = Q(item__meeting__published_at__isnull=False)
    return (
        Action.objects.filter(item__meeting__body__in=visible_bodies(user))
        .filter(published | Q(item__meeting__body__in=writable_bodies(user)))
        .select_related("assignee", "due_body", "due_meeting", "item__meeting__body")
        .order_by("due", "item__meeting__date", "position")
    )


def is_overdue(action: Action, today: dt.date | None = None) -> bool:
    day = today or timezone.localdate()
    return action.status == ActionStatus.OPEN and action.due is not None and action.due < day


def may_change(user: User, action: Action) -> bool:
    """The body's secretary, or the person the action is for."""
    if not user.is_authenticated:
        return False
    if writable_bodies(user).filter(pk=action.item.meeting.body_id).exists():
        return True
    person = getattr(user, "person", None)
    return person is not None and action.assignee_id == person.pk and memberships(user).exists()


def set_status(action: Action, status: str, *, actor: User) -> Action:
    if status not in ActionStatus.values:
        raise ValueError(status)
    with transaction.atomic():
        before = action.status
        action.status = status
        action.save(update_fields=["status"])
        record(actor, "status", action, before={"status": before}, after={"status": status})
    return action


def history(action: Action) -> QuerySet[AuditEntry]:
    """The action's changes of status, oldest first (from the audit log)."""
    return AuditEntry.objects.filter(
        object_type="meetings.action", object_id=str(action.pk), verb="status"
    ).order_by("at", "pk")
