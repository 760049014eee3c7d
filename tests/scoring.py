"""The project's scorer (tests/tools/score.py, vendored byte for byte from the shared tools),
loaded once for every test that scores a parse: `from tests.scoring import SCORE`."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "score", Path(__file__).parent / "tools" / "score.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORE = _load()
