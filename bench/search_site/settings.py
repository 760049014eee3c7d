"""The app's settings with the bench's own database: SQLite at `KANSLI_BENCH_DB`, or, when
`KANSLI_BENCH_PG_SCHEMA` is set, that schema of the PostgreSQL database at `DATABASE_URL`
(`bench/search.py` creates the schema and drops it afterwards)."""

from __future__ import annotations

import os
from pathlib import Path

from kansli.site.settings import *  # noqa: F403 — the same app, only the lines below differ
from kansli.site.settings import database_from_url

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "testserver"]

if os.environ.get("KANSLI_BENCH_PG_SCHEMA"):
    DATABASES = {
        "default": {
            **database_from_url(os.environ["DATABASE_URL"]),
            "OPTIONS": {"options": f"-c search_path={os.environ['KANSLI_BENCH_PG_SCHEMA']}"},
        }
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": Path(os.environ["KANSLI_BENCH_DB"]),
            "CONN_MAX_AGE": 60,
            "OPTIONS": {"timeout": 20},
        }
    }
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
