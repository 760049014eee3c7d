"""Golden fixtures for the parser's rules: a small document and what it must give.

Each `fixtures/parser/NAME.<ext>` has a hand-written `NAME.expected.json` (its "_why" says what
it pins down). The expectation lists only the fields it is about: a dict must match on the keys
it gives, a list must have the same length with each element matching in order. Every parser bug
adds a fixture here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kansli.minutes import parse_file, to_json

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "parser"


def mismatches(expected: object, actual: object, path: str = "$") -> list[str]:
    """Where `actual` differs from the parts of it that `expected` names."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        return [
            problem
            for key, value in expected.items()
            if not key.startswith("_")
            for problem in (
                mismatches(value, actual[key], f"{path}.{key}")
                if key in actual
                else [f"{path}.{key}: missing"]
            )
        ]
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: expected {len(expected)} elements, got {actual!r}"]
        return [
            p
            for i, (e, a) in enumerate(zip(expected, actual, strict=True))
            for p in mismatches(e, a, f"{path}[{i}]")
        ]
    return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]


CASES = sorted(p for p in FIXTURES.iterdir() if not p.name.endswith(".json"))


@pytest.mark.parametrize("source", CASES, ids=[p.name for p in CASES])
def test_it_reads_the_fixture_as_written_by_hand(source: Path) -> None:
    expected = json.loads(source.with_name(f"{source.stem}.expected.json").read_text("utf-8"))
    actual = json.loads(json.dumps(to_json(parse_file(source)), ensure_ascii=False))
    assert mismatches(expected, actual) == []


def test_it_finds_every_difference_the_fixture_names() -> None:
    expected = {"a": 1, "b": [{"c": 2}], "_why": "ignored"}
    assert mismatches(expected, {"a": 1, "b": [{"c": 2, "d": 3}]}) == []
    assert mismatches(expected, {"a": 2, "b": [{"c": 2}]}) == ["$.a: expected 1, got 2"]
    assert mismatches(expected, {"a": 1, "b": []}) == ["$.b: expected 1 elements, got []"]
    assert mismatches(expected, {"b": [{"c": 2}]}) == ["$.a: missing"]
