"""Fixtures shared by the whole test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture
def corpus() -> Path:
    """The vendored corpus of real minutes and their hand-made `*.expected.json`."""
    return CORPUS
