"""WSGI entry point (gunicorn kansli.site.wsgi)."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansli.site.settings")
application = get_wsgi_application()
