"""Lookups for the calendar's objects, by the registry's rules: 404 for outsiders, 403 for a
member's attempt to write (only the body's secretary changes its year)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from kansli.events.models import Activity, FeedToken
from kansli.registry.access import access_to

if TYPE_CHECKING:
    from kansli.registry.access import User


def activity_for(user: User, activity_id: int, *, write: bool = False) -> Activity:
    activity = Activity.objects.select_related("body").filter(pk=activity_id).first()
    access = access_to(user, activity.body) if activity is not None else None
    if activity is None or access is None:
        raise Http404
    if write and not access.may_write:
        raise PermissionDenied
    return activity


def own_token(user: User, token_id: int) -> FeedToken:
    """A feed address of the user's own: nobody sees or revokes another's."""
    token = FeedToken.objects.filter(pk=token_id, owner_id=user.pk).first()
    if token is None or not user.is_authenticated:
        raise Http404
    return token


def live_token(secret: str) -> FeedToken:
    """The feed a secret address reads; 404 for a revoked or unknown one."""
    token = (
        FeedToken.objects.select_related("owner", "body")
        .filter(token=secret, revoked_at__isnull=True)
        .first()
    )
    if token is None:
        raise Http404
    return token
