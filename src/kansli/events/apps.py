from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "kansli.events"
    verbose_name = _("Kalender")

    def ready(self) -> None:
        from kansli.events.signals import propose_from_import  # noqa: PLC0415
        from kansli.meetings.models import SourceDocument  # noqa: PLC0415

        post_save.connect(
            propose_from_import, sender=SourceDocument, dispatch_uid="events-propose-from-import"
        )
