"""`kansli import FILE...`: the import service from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kansli.cli import EXIT_IMPORT, EXIT_NOT_FOUND, main
from kansli.meetings.models import Meeting

CORPUS = Path(__file__).parents[1] / "corpus"
FOUNDING = CORPUS / "sv" / "sodertorn-ledningsgrupp-2019-01-25.docx"


def test_it_imports_files_and_counts_them(db: None, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["import", str(FOUNDING), str(CORPUS / "sv" / "sv-muni-prot-02.md")])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[0].startswith("[1/2] sodertorn-ledningsgrupp-2019-01-25.docx: importerad")
    assert out[1].startswith("[2/2] sv-muni-prot-02.md: importerad")
    assert Meeting.objects.count() == 2


def test_it_skips_a_file_imported_before(db: None, capsys: pytest.CaptureFixture[str]) -> None:
    main(["import", str(FOUNDING)])
    code = main(["import", str(FOUNDING)])
    assert code == 0
    assert "redan importerad" in capsys.readouterr().out
    assert Meeting.objects.count() == 1


def test_it_names_the_file_it_could_not_read_and_goes_on(
    db: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    image = tmp_path / "bild.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    code = main(["import", str(image), str(tmp_path / "saknas.docx"), str(FOUNDING)])
    captured = capsys.readouterr()
    assert code == EXIT_IMPORT
    errors = captured.err.splitlines()
    assert errors[0].startswith("kansli: [1/3] bild.png")
    assert errors[1].startswith("kansli: [2/3]") and "finns inte" in errors[1]
    assert "[3/3] sodertorn-ledningsgrupp-2019-01-25.docx: importerad" in captured.out
    assert Meeting.objects.count() == 1


def test_export_prints_a_stored_meeting_as_minutes_json(
    db: None, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["import", str(FOUNDING), str(CORPUS / "sv" / "sv-muni-prot-02.md")])
    capsys.readouterr()
    first = Meeting.objects.order_by("date").first()
    assert first is not None
    assert main(["export", str(first.pk)]) == 0
    one = json.loads(capsys.readouterr().out)
    assert one["schema"] == "minutes/1" and one["date"] == first.date.isoformat()
    assert main(["export", "--all"]) == 0
    every = json.loads(capsys.readouterr().out)
    assert [m["date"] for m in every] == sorted(m.date.isoformat() for m in Meeting.objects.all())
    assert len(every) == 2 and every[0] == one


def test_export_names_a_meeting_that_does_not_exist(
    db: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "4711"]) == EXIT_NOT_FOUND
    assert "möte 4711 finns inte" in capsys.readouterr().err
