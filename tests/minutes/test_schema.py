"""The published JSON Schema of minutes/1: accepts the worked examples, refuses broken ones."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from kansli.minutes.render.json import schema

CORPUS = Path(__file__).parent.parent / "corpus"
SCHEMA_FILE = Path(__file__).parents[2] / "src/kansli/minutes/schema/minutes-1.schema.json"
EXPECTATIONS = sorted(CORPUS.glob("**/*.expected.json"))
FOUNDING = CORPUS / "sv/sodertorn-ledningsgrupp-2019-01-25.expected.json"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    return Draft202012Validator(schema(), format_checker=FormatChecker())


def founding() -> dict[str, object]:
    data: dict[str, object] = json.loads(FOUNDING.read_text(encoding="utf-8"))
    return data


def test_it_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_it_is_shipped_in_the_package_as_published() -> None:
    assert schema() == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_there_are_worked_examples_to_check() -> None:
    assert len(EXPECTATIONS) >= 5


@pytest.mark.parametrize("path", EXPECTATIONS, ids=lambda p: p.name)
def test_every_corpus_expectation_is_valid(validator: Draft202012Validator, path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [e.message for e in validator.iter_errors(data)] == []


def test_it_lets_producers_add_keys(validator: Draft202012Validator) -> None:
    data = founding() | {"x_extra": [1, 2], "warnings": []}
    items = data["items"]
    assert isinstance(items, list)
    items[0]["x_confidence"] = 0.9
    assert validator.is_valid(data)


def test_it_does_not_require_the_optional_item_keys(validator: Draft202012Validator) -> None:
    data = founding()
    items = data["items"]
    assert isinstance(items, list)
    items[3].pop("tables")
    assert "text" not in items[3]
    assert validator.is_valid(data)


def mutate(path: str, value: object) -> dict[str, object]:
    data = copy.deepcopy(founding())
    *parents, last = path.split(".")
    node: object = data
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if value is DROP:
        del node[last]
    else:
        node[int(last) if isinstance(node, list) else last] = value
    return data


DROP = object()


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("schema", "minutes/2"),
        ("kind", "möte"),
        ("language", "no"),
        ("date", DROP),
        ("date", "2019-1-25"),
        ("date", "2019-02-30"),
        ("start_time", "8:30"),
        ("end_time", "11.30"),
        ("participants", DROP),
        ("participants.0.status", "närvarande"),
        ("participants.0.name", None),
        ("items.0.number", 1),
        ("items.0.title", DROP),
        ("items.0.decisions", DROP),
        ("items.2.tabled.to_date", "7 februari"),
        ("items.2.tabled.reason", DROP),
        ("items.3.tables.0.rows.0", "Botkyrka x"),
        ("items.4.actions.0.due", "7/2"),
        ("events.0.approximate", "nej"),
        ("events.0.start", None),
        ("next_meeting_agenda.items.0", {"title": "Aktuellt Nykvarn"}),
        ("referrals.0.from", DROP),
        ("adjusters", None),
    ],
)
def test_it_rejects_broken_variants(
    validator: Draft202012Validator, path: str, value: object
) -> None:
    assert validator.is_valid(founding())
    assert not validator.is_valid(mutate(path, value))
