"""Every write of the calendar: proposals from imported minutes, the secretary's accept or
reject, feed addresses, and the kallelse with its updates and cancellation. Each runs in one
transaction and writes the audit log."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.audit.log import record
from kansli.events import ics
from kansli.events.agenda import agenda_pdf
from kansli.events.models import Activity, ActivityState, FeedKind, FeedToken, Invitation, Season
from kansli.events.when import season_of
from kansli.meetings.models import Meeting
from kansli.registry.access import access_to
from kansli.registry.models import Body, Membership, Person

if TYPE_CHECKING:
    from kansli.registry.access import User


# -- the årshjul -----------------------------------------------------------------------------


@dataclass(frozen=True)
class FoundEvent:
    """An event as the parser wrote it in `SourceDocument.minutes["events"]`."""

    title: str
    start: dt.date
    end: dt.date | None
    approximate: bool
    lines: tuple[int, ...]

    @property
    def key(self) -> str:
        made = [self.title, self.start.isoformat(), self.end.isoformat() if self.end else None]
        return hashlib.sha256(json.dumps(made).encode()).hexdigest()


def found_events(meeting: Meeting) -> list[FoundEvent]:
    """The dated events in the meeting's imported documents; one without a readable date is
    left out (the review screen is where a secretary sees the parse)."""
    found: list[FoundEvent] = []
    for source in meeting.sources.all():
        for event in (source.minutes or {}).get("events") or []:
            try:
                start = dt.date.fromisoformat(event["start"])
                end = dt.date.fromisoformat(event["end"]) if event.get("end") else None
                title = str(event["title"]).strip()[:300]
            except (KeyError, TypeError, ValueError):
                continue
            if not title or (end is not None and end < start):
                continue
            lines = tuple((event.get("source") or {}).get("lines") or ())
            found.append(FoundEvent(title, start, end, bool(event.get("approximate")), lines))
    return found


def _state(activity: Activity) -> dict[str, Any]:
    return {
        "title": activity.title,
        "start": activity.start.isoformat(),
        "end": activity.end.isoformat() if activity.end else None,
        "season": activity.season,
        "state": activity.state,
    }


def propose_events(meeting: Meeting, *, actor: User = None) -> list[Activity]:
    """Propose every event found in the meeting's imported minutes into its body's year.
    Proposing again adds nothing: an event already proposed (or accepted, or rejected) stays."""
    proposed = []
    with transaction.atomic():
        for event in found_events(meeting):
            season = season_of(event.start, event.end) if event.approximate else None
            activity, created = Activity.objects.get_or_create(
                source_meeting=meeting,
                source_key=event.key,
                defaults={
                    "body": meeting.body,
                    "title": event.title,
                    "start": event.start,
                    "end": event.end,
                    "season": season or "",
                    "state": ActivityState.PROPOSED,
                },
            )
            if created:
                record(actor, "propose", activity, after=_state(activity))
                proposed.append(activity)
    return proposed


def decide(activity: Activity, state: ActivityState, *, actor: User = None) -> None:
    """The secretary's answer to a proposal (or a change of mind): accepted or rejected."""
    with transaction.atomic():
        before = _state(activity)
        activity.state = state
        activity.save(update_fields=["state"])
        record(
            actor,
            "accept" if state == ActivityState.ACCEPTED else "reject",
            activity,
            before=before,
            after=_state(activity),
        )


def accept_activity_list(meeting: Meeting, *, actor: User = None) -> list[Activity]:
    """Propose the meeting's events and accept those written as a list of dates (three or more
    from the same lines: the founding document's "Aktiviteter 2019" table); the rest (a next
    meeting, a tabled item's date) stay proposals for the secretary. For the demo data."""
    propose_events(meeting, actor=actor)
    found = found_events(meeting)
    per_lines = Counter(event.lines for event in found if event.lines)
    listed = {event.key for event in found if per_lines[event.lines] >= 3}
    accepted = []
    for activity in Activity.objects.filter(
        source_meeting=meeting, source_key__in=listed, state=ActivityState.PROPOSED
    ):
        decide(activity, ActivityState.ACCEPTED, actor=actor)
        accepted.append(activity)
    return accepted


def add_activity(
    body: Body,
    title: str,
    start: dt.date,
    *,
    end: dt.date | None = None,
    season: Season | None = None,
    actor: User = None,
) -> Activity:
    """An activity the secretary writes in; with a season, `start` gives only the year."""
    if season is not None:
        from kansli.events.when import season_span  # noqa: PLC0415

        start, end = season_span(season, start.year)
    with transaction.atomic():
        activity = Activity.objects.create(
            body=body,
            title=title,
            start=start,
            end=end if end != start else None,
            season=season or "",
            state=ActivityState.ACCEPTED,
        )
        record(actor, "create", activity, after=_state(activity))
    return activity


# -- feeds -----------------------------------------------------------------------------------


def create_token(owner: User, kind: FeedKind, *, body: Body | None = None) -> FeedToken:
    """A new secret feed address. A body's feed is for a body the owner may see; "mine" needs
    the owner to be a person in the registry."""
    if not owner.is_authenticated:
        raise PermissionDenied
    if kind == FeedKind.BODY and (body is None or access_to(owner, body) is None):
        raise PermissionDenied
    if kind == FeedKind.PERSON and Person.objects.filter(user=owner).first() is None:
        raise PermissionDenied
    with transaction.atomic():
        token = FeedToken.objects.create(
            owner=owner,
            kind=kind,
            body=body if kind == FeedKind.BODY else None,
            token=secrets.token_urlsafe(32),
        )
        record(owner, "create", token, after={"kind": kind, "body": token.body_id})
    return token


def revoke_token(token: FeedToken, *, actor: User = None) -> None:
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(actor, "revoke", token, after={"revoked_at": token.revoked_at.isoformat()})


# -- kallelse --------------------------------------------------------------------------------


class NoRecipientsError(Exception):
    """None of the body's members has an e-mail address."""


class CalendarMessage(EmailMultiAlternatives):
    """A mail whose text/calendar part says its METHOD in the Content-Type, as calendar
    programs (Outlook first) require to show it as an invitation."""

    def __init__(self, *args: Any, method: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.method = method

    def message(self) -> Any:
        msg = super().message()
        for part in msg.walk():
            if part.get_content_type() == "text/calendar":
                part.set_param("method", self.method)
        return msg


def recipients_of(meeting: Meeting) -> list[Person]:
    """The body's current members (every role), as of today."""
    today = dt.date.today()
    current = Membership.objects.filter(body=meeting.body).filter(
        Q(start__isnull=True) | Q(start__lte=today), Q(end__isnull=True) | Q(end__gte=today)
    )
    return list(Person.objects.filter(memberships__in=current).distinct().order_by("name"))


def details_of(meeting: Meeting) -> dict[str, str]:
    """What a calendar program shows of the meeting: when an update must be sent."""
    return {
        "date": meeting.date.isoformat(),
        "start_time": meeting.start_time.isoformat() if meeting.start_time else "",
        "end_time": meeting.end_time.isoformat() if meeting.end_time else "",
        "place": meeting.place,
    }


def needs_update(invitation: Invitation) -> bool:
    """The meeting moved (date, time or place) since the kallelse was sent."""
    return invitation.cancelled_at is None and invitation.sent_details != details_of(
        invitation.meeting
    )


@dataclass(frozen=True)
class Sent:
    addresses: list[str]
    sequence: int
    without_address: list[str]


def send_kallelse(meeting: Meeting, *, actor: User = None, message: str = "") -> Sent:
    """Send the kallelse to the body's members: the agenda as PDF and an invitation
    (METHOD:REQUEST). Sent again, it is an update: the same UID, a higher SEQUENCE."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().filter(meeting=meeting).first()
        if invitation is None:
            invitation = Invitation(meeting=meeting, sequence=0)
            verb = "kallelse"
        else:
            invitation.sequence += 1
            verb = "kallelse-update"
        invitation.sent_at = timezone.now()
        invitation.cancelled_at = None
        return _deliver(meeting, invitation, verb, actor=actor, message=message)


def send_cancellation(meeting: Meeting, *, actor: User = None, message: str = "") -> Sent:
    """Tell the members the meeting is cancelled (METHOD:CANCEL, STATUS:CANCELLED)."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().filter(meeting=meeting).first()
        if invitation is None:
            raise ValueError(_("Ingen kallelse är skickad till mötet."))
        invitation.sequence += 1
        invitation.cancelled_at = timezone.now()
        return _deliver(meeting, invitation, "kallelse-cancel", actor=actor, message=message)


def _deliver(
    meeting: Meeting, invitation: Invitation, verb: str, *, actor: User, message: str
) -> Sent:
    """Save the invitation and mail it, in the caller's transaction: a mail server that
    refuses leaves the invitation as it was."""
    people = recipients_of(meeting)
    addressed = [(person.name, person.email) for person in people if person.email]
    if not addressed:
        raise NoRecipientsError
    cancel = invitation.cancelled_at is not None
    invitation.recipients = [address for _name, address in addressed]
    invitation.sent_details = details_of(meeting)
    invitation.save()
    record(
        actor,
        verb,
        invitation,
        after={"sequence": invitation.sequence, "recipients": invitation.recipients},
    )
    sender = str(settings.DEFAULT_FROM_EMAIL)
    organizer_name = getattr(getattr(actor, "person", None), "name", "") or "Kansli"
    event = ics.meeting_event(
        meeting, invitation=invitation, attendees=addressed, organizer=(organizer_name, sender)
    )
    method = "CANCEL" if cancel else "REQUEST"
    calendar = ics.calendar(ics.meeting_summary(meeting), [event], method=method).decode()
    subject, text = _mail_text(meeting, invitation, message, cancel=cancel)
    pdf = None if cancel else agenda_pdf(meeting, message)
    reply_to = [actor.person.email] if getattr(getattr(actor, "person", None), "email", "") else []
    with get_connection() as connection:
        mails = []
        for _name, address in addressed:
            mail = CalendarMessage(
                subject,
                text,
                sender,
                [address],
                reply_to=reply_to,
                connection=connection,
                method=method,
            )
            mail.attach_alternative(calendar, "text/calendar")
            if pdf is not None:
                mail.attach(_("dagordning.pdf"), pdf, "application/pdf")
            mails.append(mail)
        connection.send_messages(mails)
    return Sent(
        addresses=invitation.recipients,
        sequence=invitation.sequence,
        without_address=[person.name for person in people if not person.email],
    )


def _mail_text(
    meeting: Meeting, invitation: Invitation, message: str, *, cancel: bool
) -> tuple[str, str]:
    title = ics.meeting_summary(meeting)
    if cancel:
        subject = _("Inställt: %(title)s") % {"title": title}
        lead = _("Mötet %(date)s är inställt.") % {"date": meeting.date.isoformat()}
    elif invitation.sequence:
        subject = _("Ändrad kallelse: %(title)s") % {"title": title}
        lead = _("Kallelsen är ändrad. Dagordningen bifogas som PDF.")
    else:
        subject = _("Kallelse: %(title)s") % {"title": title}
        lead = _("Välkommen till mötet. Dagordningen bifogas som PDF.")
    when = meeting.date.isoformat()
    if meeting.start_time is not None:
        when += f" {meeting.start_time:%H:%M}"
        if meeting.end_time is not None:
            when += f"–{meeting.end_time:%H:%M}"
    parts = [title, lead, _("Tid: %(when)s") % {"when": when}]
    if meeting.place:
        parts.append(_("Plats: %(place)s") % {"place": meeting.place})
    if message:
        parts.append(message)
    if not cancel:
        parts.append(ics.agenda_text(meeting))
    return subject, "\n\n".join(parts)
