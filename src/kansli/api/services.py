"""The API's one write: an action's status, through the action register's own service (the same
path as the web page, with its audit entry)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kansli.followup.register import set_status
from kansli.meetings.models import Action

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


def set_action_status(
    action: Action, status: str, *, actor: AbstractBaseUser | AnonymousUser | None = None
) -> None:
    if action.status != status:
        set_status(action, status, actor=actor)  # type: ignore[arg-type]
