"""`kansli parse`: the output formats; every documented failure as one line and its exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from kansli import cli
from kansli.minutes.errors import (
    EmptyDocumentError,
    OversizedDocumentError,
    ScannedDocumentError,
    UnreadableError,
    UnsupportedFormatError,
)
from kansli.minutes.render.json import schema

FOUNDING_TEXT = "sv/sodertorn-ledningsgrupp-2019-01-25.txt"
SCANNED_PDF = "pdf/sv-assoc-pdf-sten-04.pdf"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, mentions: str) -> None:
    assert err.startswith("kansli: ")
    assert err.count("\n") == 1 and err.endswith("\n")
    assert "Traceback" not in err
    assert mentions in err


# --- success -----------------------------------------------------------------------------


def test_it_prints_minutes_json_of_the_founding_document(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    code, out, err = run(capsys, "parse", corpus / FOUNDING_TEXT)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert Draft202012Validator(schema()).is_valid(data)
    assert data["schema"] == "minutes/1"
    assert data["date"] == "2019-01-25"
    assert data["items"]
    # ensure_ascii=False and indent=2: Swedish stays readable in the file.
    assert "Södertörn" in out
    assert out.startswith('{\n  "schema": "minutes/1",')


def test_it_prints_a_swedish_summary(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, out, err = run(capsys, "parse", corpus / FOUNDING_TEXT, "--format", "summary")
    assert (code, err) == (0, "")
    assert out.startswith("Minnesanteckningar – ")
    assert "fredag 25 januari 2019" in out
    assert "Närvarande (" in out
    assert "None" not in out


def test_it_prints_markdown(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, out, err = run(capsys, "parse", corpus / FOUNDING_TEXT, "--format", "md")
    assert (code, err) == (0, "")
    assert out.startswith("# ")
    assert "## Deltagare" in out


def test_it_shows_which_rule_took_each_line(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    code, out, err = run(capsys, "parse", corpus / FOUNDING_TEXT, "--format", "trace")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert any("attendance_heading" in line and "Deltagare" in line for line in lines)
    assert any("numbered_item" in line and "1. Incheckning" in line for line in lines)
    assert any("section_label" in line and "Beslut" in line for line in lines)


def test_it_writes_to_the_out_file_and_nothing_to_stdout(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    target = tmp_path / "möte.json"
    code, out, err = run(capsys, "parse", corpus / FOUNDING_TEXT, "--out", target)
    assert (code, out, err) == (0, "", "")
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "minutes/1"


def test_it_tells_its_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.startswith("kansli ")


def test_it_wants_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main([])
    assert exit_.value.code == 2
    assert "usage: kansli" in capsys.readouterr().err


# --- documented failures ------------------------------------------------------------------


def test_a_missing_file_is_unreadable(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "finns-inte.docx"
    code, out, err = run(capsys, "parse", missing)
    assert (code, out) == (UnreadableError.exit_code, "")
    assert_one_line_error(err, "finns-inte.docx")
    assert "filen kunde inte läsas" in err


def test_an_empty_file_is_empty(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    code, out, err = run(capsys, "parse", empty)
    assert (code, out) == (EmptyDocumentError.exit_code, "")
    assert_one_line_error(err, "tom.txt")


def test_a_binary_file_is_unsupported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    image = tmp_path / "bild.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    code, out, err = run(capsys, "parse", image)
    assert (code, out) == (UnsupportedFormatError.exit_code, "")
    assert_one_line_error(err, "bild.png")


def test_an_oversized_file_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    huge = tmp_path / "stor.txt"
    with huge.open("wb") as f:  # sparse: 51 MB on paper, nothing on disk
        f.truncate(51 * 1024 * 1024)
    code, out, err = run(capsys, "parse", huge)
    assert (code, out) == (OversizedDocumentError.exit_code, "")
    assert_one_line_error(err, "stor.txt")


def test_a_scanned_pdf_asks_for_ocr(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, out, err = run(capsys, "parse", corpus / SCANNED_PDF)
    assert (code, out) == (ScannedDocumentError.exit_code, "")
    assert_one_line_error(err, "sv-assoc-pdf-sten-04.pdf")
    assert "OCR" in err


def test_an_unwritable_out_path_is_an_output_error(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    target = tmp_path / "saknas" / "ut.json"
    code, out, err = run(capsys, "parse", corpus / FOUNDING_TEXT, "--out", target)
    assert (code, out) == (cli.EXIT_OUTPUT, "")
    assert_one_line_error(err, "ut.json")
    assert "kunde inte skrivas" in err


def test_a_bug_is_an_internal_error_without_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(path: Path) -> None:
        raise RuntimeError("oväntat\noch på två rader")

    monkeypatch.setattr(cli, "parse_file", broken)
    document = tmp_path / "möte.txt"
    document.write_text("Protokoll", encoding="utf-8")
    code, out, err = run(capsys, "parse", document)
    assert (code, out) == (cli.EXIT_INTERNAL, "")
    assert_one_line_error(err, "internt fel")
    assert "möte.txt" in err
    assert "rapportera" in err


def test_an_interrupt_exits_quietly(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def interrupted(path: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "parse_file", interrupted)
    document = tmp_path / "möte.txt"
    document.write_text("Protokoll", encoding="utf-8")
    assert run(capsys, "parse", document) == (130, "", "")


# --- the installed script -----------------------------------------------------------------

SCRIPT = Path(sys.executable).with_name("kansli")


def script(*argv: str | Path) -> subprocess.CompletedProcess[bytes]:
    # A Latin-1 locale must not break the Swedish output: the CLI writes UTF-8 regardless.
    env = os.environ | {"PYTHONIOENCODING": "latin-1"}
    return subprocess.run([SCRIPT, *argv], capture_output=True, env=env, timeout=120, check=False)


def test_the_installed_script_prints_the_summary(corpus: Path) -> None:
    done = script("parse", corpus / FOUNDING_TEXT, "--format", "summary")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    text = done.stdout.decode("utf-8")
    assert text.startswith("Minnesanteckningar – ")
    assert done.stderr == b""


def test_the_installed_script_fails_in_one_line(tmp_path: Path) -> None:
    done = script("parse", tmp_path / "saknas.pdf")
    assert (done.returncode, done.stdout) == (UnreadableError.exit_code, b"")
    assert_one_line_error(done.stderr.decode("utf-8"), "saknas.pdf")
