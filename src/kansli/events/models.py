"""The calendar: a body's activities over the year (the årshjul), the secret addresses of the
ICS feeds, and the invitation (kallelse) sent for a meeting. Every write goes through
`services.py`."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansli.meetings.models import Meeting
from kansli.registry.models import Body, Organisation


class Season(models.TextChoices):
    """A time of year given instead of a date ("Höst"): shown as such, never as a fake date."""

    SPRING = "var", _("Vår")
    SUMMER = "sommar", _("Sommar")
    AUTUMN = "host", _("Höst")
    WINTER = "vinter", _("Vinter")


class ActivityState(models.TextChoices):
    PROPOSED = "proposed", _("föreslagen")
    ACCEPTED = "accepted", _("godkänd")
    REJECTED = "rejected", _("avvisad")


class Activity(models.Model):
    """Something on a body's year: a conference on one day, Almedalen over three, the
    Nyckeltalsdagen "i höst". Events found in imported minutes are proposed here; the
    secretary accepts or rejects them."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="activities")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    title = models.CharField(_("rubrik"), max_length=300)
    start = models.DateField(_("från"))
    end = models.DateField(_("till"), null=True, blank=True)
    """The last day, inclusive; empty for a single day."""
    season = models.CharField(_("årstid"), max_length=10, choices=Season.choices, blank=True)
    """Set when only the season is known; `start`/`end` then span it, for sorting and feeds."""
    state = models.CharField(
        _("läge"), max_length=10, choices=ActivityState.choices, default=ActivityState.ACCEPTED
    )
    source_meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("hittad i"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_activities",
    )
    source_key = models.CharField(max_length=64, blank=True)
    """What the proposal was made from (title and dates), so proposing again adds nothing."""

    class Meta:
        ordering = ["start", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_meeting", "source_key"],
                condition=~models.Q(source_key=""),
                name="one_activity_per_found_event",
            )
        ]
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")

    def __str__(self) -> str:
        return f"{self.title} ({self.start:%Y-%m-%d})"

    @property
    def last_day(self) -> dt.date:
        return self.end or self.start


class FeedKind(models.TextChoices):
    BODY = "body", _("en grupps kalender")
    PERSON = "person", _("mina möten och åtgärder")
    ALL = "all", _("hela samverkan")


class FeedToken(models.Model):
    """The secret in a feed's address (/kalender/ics/<token>.ics): calendar programs cannot
    log in, so whoever has the address reads the feed, until it is revoked. It reads only
    what its owner may see, at the time it is read."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_tokens"
    )
    kind = models.CharField(_("flöde"), max_length=10, choices=FeedKind.choices)
    body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.CASCADE, related_name="feed_tokens"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("återkallad"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("kalenderflöde")
        verbose_name_plural = _("kalenderflöden")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.owner})"


class Invitation(models.Model):
    """The kallelse of a meeting as calendar programs know it: one UID for the meeting, a
    SEQUENCE that grows with every update, and whether it was cancelled."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="invitation")
    sequence = models.PositiveIntegerField(_("version"), default=0)
    sent_at = models.DateTimeField(_("skickad"))
    cancelled_at = models.DateTimeField(_("inställd"), null=True, blank=True)
    recipients = models.JSONField(_("mottagare"), default=list)
    sent_details = models.JSONField(_("skickade uppgifter"), default=dict)
    """Date, times and place as last sent, to tell the secretary when an update is due."""

    class Meta:
        verbose_name = _("kallelse")
        verbose_name_plural = _("kallelser")

    def __str__(self) -> str:
        return str(self.meeting)
