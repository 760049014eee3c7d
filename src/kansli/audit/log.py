"""`record`: the one way a service writes the audit log."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models

from kansli.audit.models import AuditEntry


def record(
    actor: AbstractBaseUser | AnonymousUser | None,
    verb: str,
    obj: models.Model,
    *,
    before: object = None,
    after: object = None,
) -> AuditEntry:
    """Log `verb` ("import", "update", ...) on `obj`, with JSON-able states before and after."""
    user = actor if actor is not None and actor.is_authenticated else None
    return AuditEntry.objects.create(
        actor=user,
        verb=verb,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        before=before,
        after=after,
    )
