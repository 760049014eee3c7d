"""A generation per body (see registry.generation) that moves whenever one of its meetings is
saved (created, edited, published), for the cached list of the body's meetings."""

from __future__ import annotations

from typing import Any

from kansli.registry import generation


def meeting_generation(body_id: int) -> str:
    return generation.current(f"meetings:{body_id}")


def bump(sender: Any, instance: Any, **_kwargs: Any) -> None:
    """A receiver of post_save/post_delete of Meeting."""
    generation.move(f"meetings:{instance.body_id}")
