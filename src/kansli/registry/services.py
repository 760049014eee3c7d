"""Writes to the registry: one function per change, in a transaction, with an audit entry."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.db.models import Model

from kansli.audit.log import record
from kansli.registry.models import Organisation, Person, Position

User = AbstractBaseUser | AnonymousUser


def change_position(
    person: Person,
    organisation: Organisation,
    title: str,
    start: dt.date,
    *,
    actor: User | None = None,
) -> Position:
    """A new title from `start` ("ny kommundirektör i Botkyrka"): the position held until then
    ends the day before, so the person's title on any date stays answerable."""
    with transaction.atomic():
        current = person.position_on(start)
        if current is not None and (current.start is None or current.start < start):
            current.end = start - dt.timedelta(days=1)
            current.save(update_fields=["end"])
        position = Position.objects.create(
            person=person, organisation=organisation, title=title, start=start
        )
        record(
            actor,
            "change_position",
            person,
            before=_position(current),
            after=_position(position),
        )
    return position


def _position(position: Position | None) -> dict[str, object] | None:
    if position is None:
        return None
    return {
        "organisation": position.organisation.name,
        "title": position.title,
        "start": position.start.isoformat() if position.start else None,
        "end": position.end.isoformat() if position.end else None,
    }


def saved(obj: Model, *, created: bool, actor: User | None = None) -> None:
    """The audit entry for a registry record saved from the admin."""
    record(actor, "create" if created else "update", obj, after={"str": str(obj)})


def deleted(obj: Model, *, actor: User | None = None) -> None:
    record(actor, "delete", obj, before={"str": str(obj)})
