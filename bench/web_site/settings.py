"""The app's settings with the bench's own database (`KANSLI_BENCH_DB`, a path that
`bench/web.py` sets) and production-like serving: DEBUG off, no development conveniences."""

from __future__ import annotations

import os
from pathlib import Path

from kansli.site.settings import *  # noqa: F403 — the same app, only the lines below differ
from kansli.site.settings import TEMPLATES

DEBUG = False
SECURE_SSL_REDIRECT = False  # plain HTTP on 127.0.0.1; in production TLS ends in front of gunicorn
ALLOWED_HOSTS = ["127.0.0.1", "testserver"]
ROOT_URLCONF = "web_site.urls"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": Path(os.environ["KANSLI_BENCH_DB"]),
        # As the app's own SQLite setting: one connection per worker, kept between requests.
        "CONN_MAX_AGE": 60,
        "OPTIONS": {"timeout": 20},
    }
}

# The bare view's template lives beside this file; the app's templates are found as before.
TEMPLATES = [
    {**TEMPLATES[0], "DIRS": [*TEMPLATES[0]["DIRS"], Path(__file__).resolve().parent / "templates"]}
]
