"""Django for the command line: settings, apps, and a database with every migration applied."""

from __future__ import annotations

import os


def ready_database(*, migrate: bool = True) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansli.site.settings")
    import django
    from django.core.management import call_command

    django.setup()
    if migrate:
        # A secretary's first import must not fail on an empty database file.
        call_command("migrate", verbosity=0, interactive=False)
