from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "kansli.registry"
    verbose_name = _("Register")

    def ready(self) -> None:
        from kansli.registry import generation  # noqa: PLC0415 (apps load before models)

        for model in self.get_models():
            post_save.connect(generation.bump, sender=model, dispatch_uid=f"gen-{model}")
            post_delete.connect(generation.bump, sender=model, dispatch_uid=f"gen-d-{model}")
