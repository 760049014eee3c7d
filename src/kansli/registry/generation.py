"""A counter that moves whenever the registry changes, for caches of pages that show registry
data (names, member organisations, quorum rules): a key that holds it goes stale at once."""

from __future__ import annotations

import time
from typing import Any

from django.core.cache import cache

KEY = "kansli:registry-generation"


def current() -> str:
    return str(cache.get(KEY, "0"))


def bump(*_args: Any, **_kwargs: Any) -> None:
    """A signal receiver: any save or delete of a registry record."""
    cache.set(KEY, f"{time.time_ns()}", None)
