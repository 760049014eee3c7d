"""Who may see and change what. Deny by default: a body's space, its meetings and everything in
them are visible only to its members (and to staff); writing is for the body's secretary.

Views call `body_for(user, id)` (and `meetings.access.meeting_for`): one lookup that returns
the object and whether the user may write, or raises Http404, so an outsider cannot tell that
the object exists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.http import Http404

from kansli.registry.models import Body, Membership, Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser


@dataclass(frozen=True)
class Access:
    may_write: bool


def memberships(user: User, *, on: dt.date | None = None) -> QuerySet[Membership]:
    """The user's current memberships (through the person the account belongs to)."""
    if not user.is_authenticated:
        return Membership.objects.none()
    day = on or dt.date.today()
    return Membership.objects.filter(person__user=user).filter(
        Q(start__isnull=True) | Q(start__lte=day), Q(end__isnull=True) | Q(end__gte=day)
    )


def visible_bodies(user: User) -> QuerySet[Body]:
    if user.is_authenticated and getattr(user, "is_staff", False):
        return Body.objects.all()
    return Body.objects.filter(memberships__in=memberships(user)).distinct()


def access_to(user: User, body: Body) -> Access | None:
    """None when the user may not see the body at all."""
    if not user.is_authenticated:
        return None
    if getattr(user, "is_staff", False):
        return Access(may_write=True)
    roles = set(memberships(user).filter(body=body).values_list("role", flat=True))
    if not roles:
        return None
    return Access(may_write=Role.SECRETARY in roles)


def body_for(user: User, body_id: int) -> tuple[Body, Access]:
    body = Body.objects.filter(pk=body_id).first()
    access = access_to(user, body) if body is not None else None
    if body is None or access is None:
        raise Http404
    return body, access


def writable_bodies(user: User) -> QuerySet[Body]:
    """The bodies whose minutes the user may write: where they are secretary (staff: all)."""
    if user.is_authenticated and getattr(user, "is_staff", False):
        return Body.objects.all()
    return Body.objects.filter(
        memberships__in=memberships(user).filter(role=Role.SECRETARY)
    ).distinct()
