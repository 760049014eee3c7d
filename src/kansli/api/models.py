"""API tokens: a user's key for `Authorization: Bearer <token>`. Only the key's SHA-256 is
stored; the token itself is shown once, when it is made (`tokens.issue`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("namn"), max_length=100, blank=True)
    key_hash = models.CharField(_("nyckelns SHA-256"), max_length=64, unique=True)
    created = models.DateTimeField(_("skapad"), auto_now_add=True)
    last_used = models.DateTimeField(_("senast använd"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("återkallad"), null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("API-nyckel")
        verbose_name_plural = _("API-nycklar")

    def __str__(self) -> str:
        return self.name or f"#{self.pk}"
