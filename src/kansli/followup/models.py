"""What brings a promise back: a body's standing agenda items, the link from an agenda item to
where it came from (so it is proposed only once), and the reminders already sent."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kansli.meetings.models import Action, Item, Meeting, Tabling
from kansli.registry.models import Body, Person


class StandingItem(models.Model):
    """An item on every agenda of a body ("Aktuellt från kommunerna", "Övriga frågor")."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="standing_items")
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)
    title = models.CharField(_("rubrik"), max_length=500)

    class Meta:
        ordering = ["body_id", "position", "id"]
        verbose_name = _("stående punkt")
        verbose_name_plural = _("stående punkter")

    def __str__(self) -> str:
        return self.title


class Origin(models.TextChoices):
    STANDING = "standing", _("stående punkt")
    TABLED = "tabled", _("bordlagd")
    FOLLOW_UP = "follow-up", _("uppföljning")
    REFERRED = "referred", _("från annan grupp")


class AgendaLink(models.Model):
    """An agenda item and where it came from: a tabled item, an action to follow up, an item
    another body sent. What is linked is not proposed again."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="agenda_links")
    kind = models.CharField(_("ursprung"), max_length=10, choices=Origin.choices)
    tabling = models.ForeignKey(
        Tabling, null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_links"
    )
    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_links"
    )
    source_meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    referred_title = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("dagordningslänk")
        verbose_name_plural = _("dagordningslänkar")


class ReminderSent(models.Model):
    """One digest per person and day: `kansli remind` run twice on a day sends once."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="reminders")
    day = models.DateField()
    actions = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "day"], name="one_reminder_per_day")
        ]
