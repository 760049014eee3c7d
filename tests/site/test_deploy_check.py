"""`manage.py check --deploy` passes with the production settings (KANSLI_DEBUG=0)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]


def check(**env: str) -> subprocess.CompletedProcess[str]:
    # The browser tests' switch for Django's async check is theirs, not a deployment's.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**inherited, "KANSLI_VAR_DIR": str(ROOT / "var" / "deploy-check"), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_the_deploy_check() -> None:
    result = check(
        KANSLI_DEBUG="0",
        KANSLI_SECRET_KEY="k" * 20 + "-produktion-" + "x9Q!" * 10,
        KANSLI_ALLOWED_HOSTS="kansli.example.se",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_development_settings_do_not() -> None:
    result = check(KANSLI_DEBUG="1")
    assert result.returncode != 0
    assert "security.W018" in result.stderr  # DEBUG on


def test_production_without_a_secret_key_is_refused() -> None:
    result = check(KANSLI_DEBUG="0", KANSLI_SECRET_KEY="")
    assert result.returncode != 0
    assert "KANSLI_SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr
