"""`kansli parse --format html|docx|pdf`: the minutes as a house-style document, to a file or
to standard out's bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kansli import cli
from kansli.minutes import parse_bytes

FOUNDING_TEXT = "sv/sodertorn-ledningsgrupp-2019-01-25.txt"
TITLE = "Minnesanteckningar från Södertörnskommunernas ledningsgrupp, 1"


def test_it_writes_a_word_document_to_the_out_file(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    target = tmp_path / "möte.docx"
    code = cli.main(
        ["parse", str(corpus / FOUNDING_TEXT), "--format", "docx", "--out", str(target)]
    )
    out, err = capsys.readouterr()
    assert (code, out, err) == (0, "", "")
    data = target.read_bytes()
    assert data[:2] == b"PK"
    again = parse_bytes(data, "möte.docx")
    assert (again.body, again.meeting_number, len(again.items)) == (
        "Södertörnskommunernas ledningsgrupp",
        "1",
        11,
    )


def test_it_writes_a_pdf_to_standard_out_as_bytes(
    capsysbinary: pytest.CaptureFixture[bytes], corpus: Path
) -> None:
    code = cli.main(["parse", str(corpus / FOUNDING_TEXT), "--format", "pdf"])
    out, err = capsysbinary.readouterr()
    assert (code, err) == (0, b"")
    assert out.startswith(b"%PDF-")
    assert parse_bytes(out, "möte.pdf").date is not None


def test_it_prints_a_standalone_html_document(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    code = cli.main(["parse", str(corpus / FOUNDING_TEXT), "--format", "html"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out.startswith('<!DOCTYPE html>\n<html lang="sv">')
    assert f"<title>{TITLE}</title>" in out
