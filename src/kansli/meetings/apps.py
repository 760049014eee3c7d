from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "kansli.meetings"
    verbose_name = _("Möten")

    def ready(self) -> None:
        from kansli.meetings import signals  # noqa: PLC0415 (apps load before models)

        meeting = self.get_model("Meeting")
        post_save.connect(signals.bump, sender=meeting, dispatch_uid="meeting-generation")
        post_delete.connect(signals.bump, sender=meeting, dispatch_uid="meeting-generation-d")
