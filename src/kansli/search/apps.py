from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "kansli.search"
    verbose_name = _("Sök")

    def ready(self) -> None:
        from kansli.search import kinds, signals  # noqa: PLC0415, F401 — registers the kinds

        signals.connect()
