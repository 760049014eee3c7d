from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "kansli.referrals"
    verbose_name = _("Remisser och initiativ")

    def ready(self) -> None:
        from kansli.referrals import signals  # noqa: PLC0415 (apps load before models)

        post_save.connect(
            signals.on_import, sender="meetings.SourceDocument", dispatch_uid="referral-proposals"
        )
