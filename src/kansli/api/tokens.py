"""Issuing, revoking and checking API tokens: the one path for each, audited."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from kansli.api.models import ApiToken
from kansli.audit.log import record

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

LAST_USED_EVERY = dt.timedelta(minutes=5)
"""`last_used` is written at most this often, not on every request."""


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(user: AbstractBaseUser, *, name: str = "") -> tuple[ApiToken, str]:
    """A new token for `user`: (the stored record, the token, which is never stored)."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        stored = ApiToken.objects.create(user=user, name=name, key_hash=digest(token))
        record(user, "create", stored, after={"name": name, "user": user.pk})
    return stored, token


def revoke(stored: ApiToken, *, actor: AbstractBaseUser | AnonymousUser | None = None) -> None:
    if stored.revoked_at is not None:
        return
    with transaction.atomic():
        stored.revoked_at = timezone.now()
        stored.save(update_fields=["revoked_at"])
        record(actor, "revoke", stored, after={"revoked_at": stored.revoked_at.isoformat()})


def user_for(header: str) -> AbstractBaseUser | None:
    """The active user whose valid, unrevoked token the `Authorization` header carries."""
    scheme, _space, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > 200:
        return None
    stored = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=digest(token), revoked_at__isnull=True)
        .first()
    )
    if stored is None or not stored.user.is_active:
        return None
    now = timezone.now()
    if stored.last_used is None or now - stored.last_used > LAST_USED_EVERY:
        ApiToken.objects.filter(pk=stored.pk).update(last_used=now)
    return stored.user
