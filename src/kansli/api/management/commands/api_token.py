"""`manage.py api_token USERNAME [--name N]`: a new API token, printed once."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansli.api.tokens import issue


class Command(BaseCommand):
    help = "Skapar en API-nyckel åt en användare och skriver ut den (en gång)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="vad nyckeln är till för")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"Ingen användare heter {options['username']!r}.")
        _stored, token = issue(user, name=options["name"])
        self.stdout.write(token)
