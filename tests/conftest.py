"""Fixtures shared by the whole test suite."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture
def corpus() -> Path:
    """The vendored corpus of real minutes and their hand-made `*.expected.json`."""
    return CORPUS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that use the database are marked `database`: `make test` runs them a second time
    on PostgreSQL (`pytest -m database` with DATABASE_URL set)."""
    for item in items:
        if "db" in getattr(item, "fixturenames", ()) or item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.database)


@pytest.fixture(autouse=True)
def _fresh_cache(settings: Any) -> None:
    """Each test starts with an empty cache of its own: a page rendered in one test (with the
    same ids) must not be served in another."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
