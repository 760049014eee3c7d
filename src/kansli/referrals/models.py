"""The referral (remiss) register and the joint-initiative matrix. Both belong to a body: its
members read them, its secretary writes them (every write through `services.py`).

What imported minutes suggest (a referral named under "Aktuella remisser", a table whose first
column lists the member organisations) becomes a `Proposal`: nothing enters the registers
until the secretary accepts it, and a rejected proposal is not offered again."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansli.meetings.models import Meeting
from kansli.registry.models import Body, Organisation, Person


class ReferralStatus(models.TextChoices):
    RECEIVED = "inkommen", _("inkommen")
    PREPARING = "beredning", _("under beredning")
    ANSWERED = "besvarad", _("besvarad")
    DECLINED = "avstar", _("avstår")


CLOSED = (ReferralStatus.ANSWERED, ReferralStatus.DECLINED)
"""Statuses that need no more work: no reminders, no "försenad"."""


class Referral(models.Model):
    """A referral the collaboration answers together: each member organisation's input,
    then the joint answer, handled at one or more meetings of the responsible body."""

    body = models.ForeignKey(
        Body, verbose_name=_("ansvarig grupp"), on_delete=models.PROTECT, related_name="referrals"
    )
    title = models.CharField(_("rubrik"), max_length=300)
    sender = models.CharField(_("avsändare"), max_length=300, blank=True)
    received = models.DateField(_("inkommen"), null=True, blank=True)
    deadline = models.DateField(_("svar senast"), null=True, blank=True)
    responsible_person = models.ForeignKey(
        Person,
        verbose_name=_("ansvarig person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.RECEIVED
    )
    joint_answer = models.TextField(_("gemensamt svar"), blank=True)
    answered = models.DateField(_("besvarad"), null=True, blank=True)
    meetings = models.ManyToManyField(
        Meeting, verbose_name=_("behandlad vid"), blank=True, related_name="referrals"
    )
    source_meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("först nämnd vid"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals_found",
    )

    class Meta:
        ordering = ["deadline", "title", "id"]
        verbose_name = _("remiss")
        verbose_name_plural = _("remisser")

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED


class ReferralInput(models.Model):
    """A member organisation's input (synpunkter) to a referral; one per organisation."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="inputs")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="referral_inputs"
    )
    text = models.TextField(_("synpunkter"))
    received = models.DateField(_("inkom"), null=True, blank=True)

    class Meta:
        ordering = ["referral_id", "organisation_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["referral", "organisation"], name="one_input_per_organisation"
            )
        ]
        verbose_name = _("synpunkt")
        verbose_name_plural = _("synpunkter")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.text[:60]}"


class Initiative(models.Model):
    """A joint initiative followed per member organisation ("Samordnad varudistribution")."""

    body = models.ForeignKey(
        Body, verbose_name=_("grupp"), on_delete=models.PROTECT, related_name="initiatives"
    )
    title = models.CharField(_("rubrik"), max_length=300)

    class Meta:
        ordering = ["title", "id"]
        constraints = [
            models.UniqueConstraint(fields=["body", "title"], name="initiative_title_per_body")
        ]
        verbose_name = _("gemensamt initiativ")
        verbose_name_plural = _("gemensamma initiativ")

    def __str__(self) -> str:
        return self.title


class InitiativeColumn(models.Model):
    """A status column of the matrix ("Beslut KS", "Verkställighet KD")."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="columns")
    name = models.CharField(_("kolumn"), max_length=100)
    position = models.PositiveSmallIntegerField(_("ordning"))

    class Meta:
        ordering = ["initiative_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "name"], name="column_name_per_initiative"
            )
        ]
        verbose_name = _("statuskolumn")
        verbose_name_plural = _("statuskolumner")

    def __str__(self) -> str:
        return self.name


class InitiativeStatus(models.Model):
    """One cell's value from one meeting (or set by hand). Never overwritten: the matrix shows
    the latest per (organisation, column), the rows before it are the history."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="statuses")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="initiative_statuses"
    )
    column = models.ForeignKey(InitiativeColumn, on_delete=models.CASCADE, related_name="statuses")
    value = models.CharField(_("värde"), max_length=200, blank=True)
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("möte"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiative_statuses",
    )
    recorded = models.DateField(_("gäller från"))

    class Meta:
        ordering = ["initiative_id", "recorded", "id"]
        verbose_name = _("status")
        verbose_name_plural = _("statusar")

    def __str__(self) -> str:
        return f"{self.organisation} / {self.column}: {self.value}"


class ProposalKind(models.TextChoices):
    REFERRAL = "remiss", _("remiss")
    MATRIX = "matris", _("matrisuppdatering")


class ProposalState(models.TextChoices):
    OPEN = "open", _("föreslagen")
    ACCEPTED = "accepted", _("godtagen")
    REJECTED = "rejected", _("avvisad")


class Proposal(models.Model):
    """Something imported minutes suggest, waiting for the secretary. `key` tells proposals of
    one meeting apart, so proposing again finds the same one (idempotent); `data` is what was
    read, in the shape of `services.ReferralFound` or `services.TableFound`."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="proposals")
    kind = models.CharField(_("typ"), max_length=10, choices=ProposalKind.choices)
    key = models.CharField(_("nyckel"), max_length=300)
    data = models.JSONField(_("innehåll"))
    state = models.CharField(
        _("läge"), max_length=10, choices=ProposalState.choices, default=ProposalState.OPEN
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("beslutad"), null=True, blank=True)

    class Meta:
        ordering = ["meeting_id", "kind", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "kind", "key"], name="one_proposal_per_key")
        ]
        verbose_name = _("förslag")
        verbose_name_plural = _("förslag")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.key}"
