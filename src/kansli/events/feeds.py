"""What each feed holds. A feed reads with its owner's eyes at the time it is read: a member who
leaves a body stops seeing its meetings in every feed they made."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from kansli.events import ics
from kansli.events.models import Activity, ActivityState, FeedKind, FeedToken
from kansli.meetings.models import Action, ActionStatus, Meeting
from kansli.registry.access import access_to, visible_bodies, writable_bodies
from kansli.registry.models import Body, Person


def feed_bodies(token: FeedToken) -> QuerySet[Body] | None:
    """The bodies the feed covers, or None when it shows nothing (revoked, or its owner no
    longer sees the body)."""
    owner = token.owner
    if token.revoked_at is not None or not owner.is_active:
        return None
    if token.kind == FeedKind.BODY:
        if token.body is None or access_to(owner, token.body) is None:
            return None
        return Body.objects.filter(pk=token.body_id)
    return visible_bodies(owner)


def seen_meetings(token: FeedToken, bodies: QuerySet[Body]) -> QuerySet[Meeting]:
    """Published meetings, meetings the members were called to, and all of the bodies the
    owner is secretary of."""
    return (
        Meeting.objects.filter(body__in=bodies)
        .filter(
            Q(published_at__isnull=False)
            | Q(invitation__isnull=False)
            | Q(body__in=writable_bodies(token.owner))
        )
        .select_related("body", "invitation")
        .prefetch_related("items")
        .order_by("date", "pk")
    )


def feed(token: FeedToken) -> bytes | None:
    bodies = feed_bodies(token)
    if bodies is None:
        return None
    events = [
        ics.meeting_event(meeting, invitation=getattr(meeting, "invitation", None))
        for meeting in seen_meetings(token, bodies)
    ]
    if token.kind == FeedKind.PERSON:
        person = Person.objects.filter(user=token.owner).first()
        if person is None:
            return None
        actions = Action.objects.filter(
            assignee=person,
            due__isnull=False,
            status__in=[ActionStatus.OPEN, ActionStatus.OVERDUE],
            item__meeting__published_at__isnull=False,
            item__meeting__body__in=bodies,
        ).order_by("due", "pk")
        events += [ics.action_event(action) for action in actions]
        name = person.name
    else:
        activities = Activity.objects.filter(body__in=bodies, state=ActivityState.ACCEPTED)
        events += [ics.activity_event(activity) for activity in activities]
        name = token.body.name if token.kind == FeedKind.BODY and token.body else "Kansli"
    return ics.calendar(name, events)
