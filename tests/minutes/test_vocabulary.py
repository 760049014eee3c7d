"""The language files: every group a rule asks for exists in each language, and every group a
file defines is asked for by some rule (a word added to an unread group changes nothing)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from kansli.minutes.parser.vocab import LANG_DIR, LANGUAGES, load_vocabulary

PARSER = Path(__file__).resolve().parents[2] / "src" / "kansli" / "minutes" / "parser"
SOURCE = "\n".join(p.read_text("utf-8") for p in sorted(PARSER.rglob("*.py")))
# Groups read through a variable rather than by name.
INDIRECT = {"attendance.default_roles", "attendance.role_names"}


def groups(language: str) -> set[str]:
    table = tomllib.loads((LANG_DIR / language / "keywords.toml").read_text("utf-8"))
    return {
        f"{section}.{name}"
        for section, content in table.items()
        if isinstance(content, dict) and section not in ("kinds", "defaults")
        for name in content
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_group_in_the_file_is_read_by_a_rule(language: str) -> None:
    unread = sorted(g for g in groups(language) - INDIRECT if g not in SOURCE)
    assert unread == []


def test_every_group_a_rule_names_is_in_every_language() -> None:
    named = set(re.findall(r"""["{]([a-z]+\.[a-z_]+)["}]""", SOURCE))
    defined = set.intersection(*(groups(code) for code in LANGUAGES))
    sections = {g.split(".")[0] for g in defined}
    missing = sorted(n for n in named if n.split(".")[0] in sections and n not in defined)
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_the_defaults_the_parser_reads(language: str) -> None:
    defaults = load_vocabulary(language).defaults
    assert {"implicit_item", "chair_role", "secretary_role", "adjuster_role"} <= set(defaults)
