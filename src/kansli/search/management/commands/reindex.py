from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kansli.search.backend import reindex_all


class Command(BaseCommand):
    help = "Bygger om sökindexet för alla möten (efter en import utan signaler, eller en krasch)."

    def handle(self, *args: Any, **options: Any) -> None:
        meetings, documents = reindex_all()
        self.stdout.write(f"Sökindexet: {meetings} möten, {documents} dokument.")
