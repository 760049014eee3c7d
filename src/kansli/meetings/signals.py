"""A counter per body that moves whenever one of its meetings is saved (created, edited,
published), for the cached list of the body's meetings."""

from __future__ import annotations

import time
from typing import Any

from django.core.cache import cache


def _key(body_id: int) -> str:
    return f"kansli:meeting-generation:{body_id}"


def meeting_generation(body_id: int) -> str:
    return str(cache.get(_key(body_id), "0"))


def bump(sender: Any, instance: Any, **_kwargs: Any) -> None:
    """A receiver of post_save/post_delete of Meeting."""
    cache.set(_key(instance.body_id), f"{time.time_ns()}", None)
