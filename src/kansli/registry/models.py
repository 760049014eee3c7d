"""Who is who: the member organisations, the people in them (a title is dated, since "ny
kommundirektör i Botkyrka" is a change with a date), and the bodies they meet in."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """A municipality, the region, the collaboration office, a company a guest comes from."""

    name = models.CharField(_("namn"), max_length=200, unique=True)
    short_name = models.CharField(_("kortnamn"), max_length=60, blank=True)
    is_member = models.BooleanField(
        _("medlem"), default=False, help_text=_("En av samverkans medlemsorganisationer.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    name = models.CharField(_("namn"), max_length=200)
    email = models.EmailField(_("e-post"), blank=True)
    user = models.OneToOneField(
        "auth.User",
        verbose_name=_("användarkonto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("personer")

    def __str__(self) -> str:
        return self.name

    def position_on(self, day: dt.date) -> Position | None:
        """The title and organisation the person had on `day`."""
        return (
            self.positions.filter(models.Q(start__isnull=True) | models.Q(start__lte=day))
            .filter(models.Q(end__isnull=True) | models.Q(end__gte=day))
            .order_by("-start")
            .first()
        )


class Position(models.Model):
    """A person's title in an organisation from one date to another (open-ended when current)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="positions")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="positions"
    )
    title = models.CharField(_("titel"), max_length=200, blank=True)
    start = models.DateField(_("från"), null=True, blank=True)
    end = models.DateField(_("till"), null=True, blank=True)

    class Meta:
        ordering = ["person_id", "-start"]
        verbose_name = _("befattning")
        verbose_name_plural = _("befattningar")

    def __str__(self) -> str:
        return f"{self.person}, {self.title or '–'}, {self.organisation}"


class Body(models.Model):
    """A group that meets: a ledningsgrupp, a styrelse, a nämnd's arbetsutskott, a network."""

    name = models.CharField(_("namn"), max_length=200, unique=True)
    short_name = models.CharField(_("kortnamn"), max_length=60, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bodies",
    )
    quorum = models.PositiveSmallIntegerField(
        _("beslutsförhet"),
        null=True,
        blank=True,
        help_text=_("Minsta antal närvarande ledamöter; tomt när gruppen inte har någon regel."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("grupp")
        verbose_name_plural = _("grupper")

    def __str__(self) -> str:
        return self.short_name or self.name


class Role(models.TextChoices):
    CHAIR = "ordforande", _("ordförande")
    VICE_CHAIR = "vice_ordforande", _("vice ordförande")
    SECRETARY = "sekreterare", _("sekreterare")
    MEMBER = "ledamot", _("ledamot")
    DEPUTY = "ersattare", _("ersättare")
    CO_OPTED = "adjungerad", _("adjungerad")
    GUEST = "gast", _("gäst")


class Membership(models.Model):
    """A person's place in a body, for the organisation they represent, between two dates."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    represents = models.ForeignKey(
        Organisation,
        verbose_name=_("företräder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
    )
    start = models.DateField(_("från"), null=True, blank=True)
    end = models.DateField(_("till"), null=True, blank=True)

    class Meta:
        ordering = ["body_id", "person_id"]
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()} – {self.body}"
