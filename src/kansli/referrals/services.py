"""Every write to the referral register goes through a function here (views, the demo and the
reminder command call the same code), inside one transaction, with the audit log.

The matrix of joint initiatives is in `matrix.py`; proposals from imported minutes (of both
kinds) are made and decided in `proposals.py`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.db.models import QuerySet

from kansli.audit.log import record
from kansli.meetings.models import Meeting
from kansli.referrals.models import CLOSED, Referral, ReferralInput, ReferralStatus
from kansli.registry.models import Body, Organisation, Person

User = AbstractBaseUser | AnonymousUser | None


@dataclass
class ReferralFields:
    """What the secretary's form (or a proposal) says about a referral."""

    title: str
    sender: str = ""
    received: dt.date | None = None
    deadline: dt.date | None = None
    responsible_person: Person | None = None
    status: str = ReferralStatus.RECEIVED
    joint_answer: str = ""
    meetings: list[Meeting] = field(default_factory=list)


def _state(referral: Referral) -> dict[str, object]:
    return {
        "title": referral.title,
        "sender": referral.sender,
        "received": referral.received.isoformat() if referral.received else None,
        "deadline": referral.deadline.isoformat() if referral.deadline else None,
        "responsible_person": referral.responsible_person_id,
        "status": referral.status,
        "joint_answer": referral.joint_answer,
        "answered": referral.answered.isoformat() if referral.answered else None,
        "meetings": sorted(referral.meetings.values_list("pk", flat=True)),
    }


def create_referral(
    body: Body, fields: ReferralFields, *, source: Meeting | None = None, actor: User = None
) -> Referral:
    with transaction.atomic():
        referral = Referral.objects.create(
            body=body,
            title=fields.title[:300],
            sender=fields.sender[:300],
            received=fields.received,
            deadline=fields.deadline,
            responsible_person=fields.responsible_person,
            status=fields.status,
            joint_answer=fields.joint_answer,
            answered=dt.date.today() if fields.status in CLOSED else None,
            source_meeting=source,
        )
        referral.meetings.set(_of_body(body, fields.meetings))
        record(actor, "create", referral, after=_state(referral))
    return referral


def update_referral(referral: Referral, fields: ReferralFields, *, actor: User = None) -> Referral:
    with transaction.atomic():
        stored = Referral.objects.select_for_update().get(pk=referral.pk)
        before = _state(stored)
        stored.title = fields.title[:300]
        stored.sender = fields.sender[:300]
        stored.received = fields.received
        stored.deadline = fields.deadline
        stored.responsible_person = fields.responsible_person
        if fields.status in CLOSED and stored.status not in CLOSED:
            stored.answered = dt.date.today()
        elif fields.status not in CLOSED:
            stored.answered = None
        stored.status = fields.status
        stored.joint_answer = fields.joint_answer
        stored.save()
        stored.meetings.set(_of_body(stored.body, fields.meetings))
        record(actor, "update", stored, before=before, after=_state(stored))
    return stored


def _of_body(body: Body, meetings: list[Meeting]) -> list[Meeting]:
    """A referral is handled at its own body's meetings only."""
    return [m for m in meetings if m.body_id == body.pk]


def link_meeting(referral: Referral, meeting: Meeting, *, actor: User = None) -> None:
    """Note that `meeting` handled the referral (idempotent)."""
    with transaction.atomic():
        if meeting.body_id != referral.body_id or referral.meetings.filter(pk=meeting.pk).exists():
            return
        before = _state(referral)
        referral.meetings.add(meeting)
        record(actor, "link_meeting", referral, before=before, after=_state(referral))


def add_input(
    referral: Referral,
    organisation: Organisation,
    text: str,
    *,
    received: dt.date | None = None,
    actor: User = None,
) -> ReferralInput:
    """A member organisation's input; a second one from the same organisation replaces it."""
    with transaction.atomic():
        stored = ReferralInput.objects.filter(referral=referral, organisation=organisation).first()
        before = {"text": stored.text, "received": str(stored.received)} if stored else None
        given, _created = ReferralInput.objects.update_or_create(
            referral=referral,
            organisation=organisation,
            defaults={"text": text, "received": received or dt.date.today()},
        )
        if referral.status == ReferralStatus.RECEIVED:
            Referral.objects.filter(pk=referral.pk).update(status=ReferralStatus.PREPARING)
            referral.status = ReferralStatus.PREPARING
        record(
            actor,
            "add_input",
            given,
            before=before,
            after={"referral": referral.pk, "organisation": organisation.name, "text": text},
        )
    return given


def answer(
    referral: Referral,
    text: str,
    *,
    on: dt.date | None = None,
    declined: bool = False,
    actor: User = None,
) -> Referral:
    """The joint answer is sent (or the collaboration declines to answer, `declined`)."""
    with transaction.atomic():
        stored = Referral.objects.select_for_update().get(pk=referral.pk)
        before = _state(stored)
        stored.joint_answer = text
        stored.status = ReferralStatus.DECLINED if declined else ReferralStatus.ANSWERED
        stored.answered = on or dt.date.today()
        stored.save(update_fields=["joint_answer", "status", "answered"])
        record(actor, "answer", stored, before=before, after=_state(stored))
    return stored


def due_referrals(on: dt.date, within_days: int) -> QuerySet[Referral]:
    """The referrals to remind about on `on`: not answered (status neither "besvarad" nor
    "avstår") and with an answer deadline no later than `within_days` days after `on`. Those
    whose deadline has already passed are included too (they are still unanswered, and most
    urgent); referrals without a deadline never are. Ordered by deadline, for every body: the
    caller decides whom to tell (the body's secretary, the responsible person)."""
    last = on + dt.timedelta(days=within_days)
    return (
        Referral.objects.exclude(status__in=CLOSED)
        .filter(deadline__isnull=False, deadline__lte=last)
        .select_related("body", "responsible_person")
        .order_by("deadline", "pk")
    )
