"""Django settings for Kansli.

Everything that differs between a laptop and a municipality's server comes from the
environment: `DATABASE_URL` (PostgreSQL; SQLite in `var/` when unset), `KANSLI_SECRET_KEY`,
`KANSLI_DEBUG`, `KANSLI_ALLOWED_HOSTS`. The defaults are for development on 127.0.0.1.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parents[3]
VAR_DIR = Path(os.environ.get("KANSLI_VAR_DIR", BASE_DIR / "var"))

DEBUG = os.environ.get("KANSLI_DEBUG", "1") == "1"
SECRET_KEY = os.environ.get("KANSLI_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("KANSLI_SECRET_KEY måste sättas när KANSLI_DEBUG=0")
    SECRET_KEY = "dev-only-not-secret"  # a development default: refused above without DEBUG
ALLOWED_HOSTS = os.environ.get("KANSLI_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "kansli.audit",
    "kansli.registry",
    "kansli.meetings",
    "kansli.followup",
    "kansli.events",
    "kansli.referrals",
    "kansli.search",
    "kansli.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kansli.site.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "kansli.site.urls"
WSGI_APPLICATION = "kansli.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "src" / "kansli" / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def database_from_url(url: str) -> dict[str, object]:
    """`postgres://user:password@host:port/name` -> a Django DATABASES entry."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise ImproperlyConfigured(
            f"DATABASE_URL: okänt schema {parts.scheme!r}; förväntade postgres://"
        )
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parts.path.lstrip("/")) or "kansli",
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        # Persistent connections: a new one per request costs more than the query.
        "CONN_MAX_AGE": 60,
    }


if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": database_from_url(os.environ["DATABASE_URL"])}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "kansli.sqlite3",
            # Measured: reusing the connection nearly doubles SQLite's request throughput.
            "CONN_MAX_AGE": 60,
            "OPTIONS": {"timeout": 20},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "src" / "kansli" / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = VAR_DIR / "media"

# Uploads: minutes documents and attachments up to this size; bigger requests are refused
# before they are read into memory.
KANSLI_MAX_UPLOAD_MB = int(os.environ.get("KANSLI_MAX_UPLOAD_MB", "25"))
DATA_UPLOAD_MAX_MEMORY_SIZE = (KANSLI_MAX_UPLOAD_MB + 1) * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20000  # a long meeting's form has many fields
DATA_UPLOAD_MAX_NUMBER_FILES = 50

# E-mail (notifications): SMTP from the environment; printed to the console in development.
EMAIL_HOST = os.environ.get("KANSLI_EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("KANSLI_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("KANSLI_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("KANSLI_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("KANSLI_EMAIL_TLS", "0") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("KANSLI_EMAIL_FROM", "kansli@localhost")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)

# Production (KANSLI_DEBUG=0): HTTPS only, secure cookies, HSTS; `manage.py check --deploy`
# passes with these. Behind a TLS-terminating proxy set KANSLI_BEHIND_PROXY=1.
if not DEBUG:
    SECURE_SSL_REDIRECT = os.environ.get("KANSLI_SSL_REDIRECT", "1") == "1"
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("KANSLI_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # "preload" in the header only allows submitting the domain to the browsers' list; it
    # submits nothing. KANSLI_HSTS_PRELOAD=0 leaves it out.
    SECURE_HSTS_PRELOAD = os.environ.get("KANSLI_HSTS_PRELOAD", "1") == "1"
    SECURE_CONTENT_TYPE_NOSNIFF = True
    X_FRAME_OPTIONS = "DENY"
    if os.environ.get("KANSLI_BEHIND_PROXY", "0") == "1":
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The cache (rendered minutes; see meetings.views.minutes_html): files in var/, shared by every
# worker process on the machine, so an invalidation in one is seen by all.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache"),
        "KEY_PREFIX": str(DATABASES["default"]["NAME"]),
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
