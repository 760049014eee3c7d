#!/usr/bin/env python3
"""Django's command-line utility for Kansli (`.venv/bin/python manage.py ...`)."""

from __future__ import annotations

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansli.site.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:
        # A setting missing from the environment is the operator's to fix, not a bug.
        sys.exit(f"kansli: inställningsfel: {error}")
