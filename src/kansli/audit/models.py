"""One row per change. Rows are written by `record` inside the service's transaction and never
updated or deleted by the application (`save` refuses an update, `delete` refuses outright)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    at = models.DateTimeField(_("tidpunkt"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verb = models.CharField(_("händelse"), max_length=60)
    object_type = models.CharField(_("objekttyp"), max_length=60)
    object_id = models.CharField(_("objekt-id"), max_length=40)
    before = models.JSONField(_("före"), null=True, blank=True)
    after = models.JSONField(_("efter"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("loggpost")
        verbose_name_plural = _("logg")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.verb} {self.object_type} {self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise RuntimeError("Loggposter ändras aldrig.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise RuntimeError("Loggposter tas aldrig bort.")
