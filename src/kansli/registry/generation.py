"""Generations: counters that move whenever what a cached page shows changes, so a cache key
that holds one goes stale at once. "registry" moves with any registry change (names, member
organisations, quorum rules); `meetings.signals` keeps one per body for its meeting list."""

from __future__ import annotations

import time
from typing import Any

from django.core.cache import cache

REGISTRY = "registry"


def current(name: str = REGISTRY) -> str:
    return str(cache.get(f"kansli:generation:{name}", "0"))


def move(name: str = REGISTRY) -> None:
    cache.set(f"kansli:generation:{name}", f"{time.time_ns()}", None)


def bump(*_args: Any, **_kwargs: Any) -> None:
    """A signal receiver: any save or delete of a registry record."""
    move(REGISTRY)
