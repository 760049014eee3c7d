"""The daily digest: to each person, the actions due within N working days (Swedish public
holidays excluded) and those overdue. `kansli remind`, run by cron, sends at most one digest
per person and day, however often it runs."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import holidays
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.audit.log import record
from kansli.followup.models import ReminderSent
from kansli.meetings.models import Action, ActionStatus
from kansli.referrals.models import Referral
from kansli.referrals.services import due_referrals
from kansli.registry.models import Person, Role


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday, not a public holiday nor a de facto one (midsommarafton, julafton,
    nyårsafton: offices are closed although the law does not say so)."""
    off = holidays.country_holidays("SE", years=day.year, categories=("public", "de_facto"))
    return day.weekday() < 5 and day not in off


def working_days_ahead(start: dt.date, count: int) -> dt.date:
    """The date `count` working days after `start` (Saturdays, Sundays and Swedish public
    holidays — midsommarafton, julafton and nyårsafton are holidays here — do not count)."""
    day = start
    left = count
    while left > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def due_actions(on: dt.date, within_working_days: int) -> dict[Person, list[Action]]:
    """Open actions of published meetings due by the horizon (overdue ones included), by
    assignee."""
    horizon = working_days_ahead(on, within_working_days)
    actions = (
        Action.objects.filter(
            assignee__isnull=False,
            due__isnull=False,
            due__lte=horizon,
            item__meeting__published_at__isnull=False,
        )
        .exclude(status__in=[ActionStatus.DONE, ActionStatus.STRUCK])
        .select_related("assignee", "item__meeting__body")
        .order_by("due", "pk")
    )
    found: dict[Person, list[Action]] = defaultdict(list)
    for action in actions:
        assert action.assignee is not None
        found[action.assignee].append(action)
    return found


def due_referrals_by_person(on: dt.date, within_working_days: int) -> dict[Person, list[Referral]]:
    """Unanswered referrals whose deadline falls by the horizon, for the person responsible
    or, when none is named, the responsible body's secretaries."""
    horizon = working_days_ahead(on, within_working_days)
    found: dict[Person, list[Referral]] = defaultdict(list)
    for referral in due_referrals(on, (horizon - on).days):
        people = (
            [referral.responsible_person]
            if referral.responsible_person
            else list(
                Person.objects.filter(
                    memberships__body=referral.body, memberships__role=Role.SECRETARY
                ).distinct()
            )
        )
        for person in people:
            found[person].append(referral)
    return found


def digest(
    person: Person, actions: list[Action], on: dt.date, referrals: list[Referral] | None = None
) -> str:
    overdue = [a for a in actions if a.due is not None and a.due < on]
    coming = [a for a in actions if a.due is not None and a.due >= on]
    lines = [_("Hej %(name)s!") % {"name": person.name}, ""]
    if overdue:
        lines.append(_("Försenade åtgärder:"))
        lines += [_line(a) for a in overdue]
        lines.append("")
    if coming:
        lines.append(_("Åtgärder som ska vara klara snart:"))
        lines += [_line(a) for a in coming]
        lines.append("")
    if referrals:
        lines.append(_("Remisser att besvara:"))
        lines += [f"- {r.deadline:%Y-%m-%d}: {r.title} ({r.body})" for r in referrals]
        lines.append("")
    lines.append(_("Alla dina åtgärder: Mina åtgärder i Kansli."))
    return "\n".join(lines)


def _line(action: Action) -> str:
    meeting = action.item.meeting
    return f"- {action.due:%Y-%m-%d}: {action.text} ({meeting.body}, {meeting.date:%Y-%m-%d})"


def send_reminders(on: dt.date | None = None, within_working_days: int = 5) -> int:
    """Send today's digests; returns how many were sent. Idempotent per person and day."""
    day = on or timezone.localdate()
    sent = 0
    actions_by = due_actions(day, within_working_days)
    referrals_by = due_referrals_by_person(day, within_working_days)
    for person in sorted(set(actions_by) | set(referrals_by), key=lambda p: p.pk):
        actions = actions_by.get(person, [])
        referrals = referrals_by.get(person, [])
        if not person.email:
            continue
        subject = _("Kansli: %(count)d att följa upp") % {"count": len(actions) + len(referrals)}
        try:
            with transaction.atomic():
                ReminderSent.objects.create(person=person, day=day, actions=len(actions))
                record(None, "remind", person, after={"day": str(day), "actions": len(actions)})
                # Inside the transaction: a mail that fails leaves no record, so a rerun sends.
                text = digest(person, actions, day, referrals)
                send_mail(subject, text, None, [person.email])
        except IntegrityError:
            continue  # already sent today
        sent += 1
    return sent
