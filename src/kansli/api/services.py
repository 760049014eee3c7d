"""The API's one write: an action's status, audited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from kansli.audit.log import record
from kansli.meetings.models import Action

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


def set_action_status(
    action: Action, status: str, *, actor: AbstractBaseUser | AnonymousUser | None = None
) -> None:
    if action.status == status:
        return
    with transaction.atomic():
        before = action.status
        action.status = status
        action.save(update_fields=["status"])
        record(actor, "update", action, before={"status": before}, after={"status": status})
