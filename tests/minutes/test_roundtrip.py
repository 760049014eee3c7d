"""The round trip: a document read, written out in the house style, and read again says the same.

Parse → to_docx / to_pdf → parse again must score 1.0 with the project's scorer against the
first parse (every field family: header, attendance, items, decisions, actions, tabling,
events, the next meeting's agenda, referrals, tables), and `from_json(to_json(m))` must give the
same minutes back. The documents are the founding document in its three formats, the other
corpus documents with an expectation, and the documents of tests/golden.

Where a round trip is not exact, the gap is known and its floor is here, so that it can only
close: the PDF with a damaged text layer (sv-muni-pdf-01: its model keeps lines whose part of
the item — proposal, earlier handling — the model does not record, so read again they decide
one thing more), and in print a table read from a garbled layout (sv-assoc-pdf-sten-01),
whose long first cells wrap: a PDF's reader takes a wrapped first cell for a row of its own.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from tests.scoring import SCORE

from kansli.minutes import parse_bytes, parse_file
from kansli.minutes.model import Minutes
from kansli.minutes.render import from_json, to_docx, to_json, to_pdf

TESTS = Path(__file__).resolve().parent.parent
CORPUS = TESTS / "corpus"
SOURCE_SUFFIXES = (".txt", ".md", ".org", ".rst", ".typ", ".docx", ".pdf")


def sources(expected: Path) -> list[Path]:
    base = expected.name.removesuffix(".expected.json")
    return sorted(
        p
        for folder in CORPUS.iterdir()
        for p in folder.glob(f"{base}.*")
        if p.suffix in SOURCE_SUFFIXES
    )


DOCUMENTS = [
    source
    for expected in [
        *sorted(CORPUS.glob("*/*.expected.json")),
        *sorted(TESTS.glob("golden/*.json")),
    ]
    for source in sources(expected)
]
# Known gaps: the lowest score each round trip has reached (see the module's docstring).
DOCX_FLOORS = {"sv-muni-pdf-01.pdf": 0.99}
PDF_FLOORS = {"sv-muni-pdf-01.pdf": 0.9, "sv-assoc-pdf-sten-01.pdf": 0.9}


@functools.cache
def parsed(path: Path) -> Minutes:
    return parse_file(path)


def plain(minutes: Minutes) -> dict[str, object]:
    loaded: dict[str, object] = json.loads(json.dumps(to_json(minutes), ensure_ascii=False))
    return loaded


def score(first: Minutes, again: Minutes) -> tuple[float, dict[str, float]]:
    rows = SCORE.score(plain(first), plain(again))
    families = {key: SCORE.prf(*value)[2] for key, value in rows.items()}
    return SCORE.overall(rows), families


def cases(floors: dict[str, float]) -> list[object]:
    return [pytest.param(p, floors.get(p.name, 1.0), id=p.name) for p in DOCUMENTS]


def test_the_documents_are_the_corpus_expectations_and_the_golden_set() -> None:
    names = {p.name for p in DOCUMENTS}
    assert {
        "sodertorn-ledningsgrupp-2019-01-25.txt",
        "sodertorn-ledningsgrupp-2019-01-25.docx",
        "sodertorn-ledningsgrupp-2019-01-25.pdf",
        "sv-muni-prot-02.md",
        "sv-net-notes-01.md",
        "en-openjs-01.md",
        "en-psf-01.rst",
        "sv-net-notes-02.md",
    } <= names
    assert len(DOCUMENTS) >= 18


@pytest.mark.parametrize(("source", "floor"), cases(DOCX_FLOORS))
def test_a_document_reads_the_same_after_a_trip_through_docx(source: Path, floor: float) -> None:
    first = parsed(source)
    again = parse_bytes(to_docx(first), f"{source.stem}.docx")
    overall, families = score(first, again)
    assert overall >= floor, families
    if floor == 1.0:
        assert all(f1 == 1.0 for f1 in families.values()), families


@pytest.mark.parametrize(("source", "floor"), cases(PDF_FLOORS))
def test_a_document_reads_the_same_after_a_trip_through_pdf(source: Path, floor: float) -> None:
    first = parsed(source)
    again = parse_bytes(to_pdf(first), f"{source.stem}.pdf")
    overall, families = score(first, again)
    assert overall >= floor, families
    if floor == 1.0:
        assert all(f1 == 1.0 for f1 in families.values()), families


@pytest.mark.parametrize("source", [pytest.param(p, id=p.name) for p in DOCUMENTS])
def test_a_document_reads_the_same_after_a_trip_through_json(source: Path) -> None:
    first = parsed(source)
    again = from_json(json.loads(json.dumps(to_json(first), ensure_ascii=False)))
    assert again == first
    assert score(first, again)[0] == 1.0


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_the_founding_document_keeps_its_header_and_attendance_through_docx_and_pdf(
    suffix: str,
) -> None:
    first = parsed(CORPUS / "sv" / f"sodertorn-ledningsgrupp-2019-01-25{suffix}")
    for again in (
        parse_bytes(to_docx(first), "igen.docx"),
        parse_bytes(to_pdf(first), "igen.pdf"),
    ):
        keys = ("kind", "body", "meeting_number", "date", "start_time", "end_time", "place")
        assert {k: getattr(again, k) for k in keys} == {k: getattr(first, k) for k in keys}
        assert (again.chair, again.secretary, again.author) == (
            "Rickard Sundbom",
            "Anna Söderström",
            "Anna Söderström",
        )
        assert [(p.name, p.organisation, p.role, p.status) for p in again.participants] == [
            (p.name, p.organisation, p.role, p.status) for p in first.participants
        ]
        assert [(i.number, i.title) for i in again.items] == [
            (i.number, i.title) for i in first.items
        ]


# A model built elsewhere — here the hand-made expectations, which keep no item text — is
# written with its decisions, actions, tabling, events, agenda and referrals in parts of their
# own. Read back, those parts are what the parser makes of them: the sections after the items
# ("Aktiviteter", "Remisser") become items of their own, and actions are found again in the
# decisions that name them, worded by the parser rather than by the annotator.
EXPECTATIONS = [
    pytest.param(p, id=p.name)
    for p in [*sorted(CORPUS.glob("*/*.expected.json")), *sorted(TESTS.glob("golden/*.json"))]
]


@pytest.mark.parametrize("expected", EXPECTATIONS)
def test_minutes_built_elsewhere_read_back_from_docx(expected: Path) -> None:
    wanted = json.loads(expected.read_text(encoding="utf-8"))
    again = parse_bytes(to_docx(from_json(wanted)), f"{expected.stem}.docx")
    rows = SCORE.score(wanted, plain(again))
    assert SCORE.overall(rows) >= 0.8, rows
