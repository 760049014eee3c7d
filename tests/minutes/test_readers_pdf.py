"""PDF reader: layout rules, the damaged-text-layer warning (both ways) and import speed."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from kansli.minutes.blocks import BlockKind
from kansli.minutes.errors import EncryptedDocumentError
from kansli.minutes.readers import merge_continued, read_bytes, read_file
from kansli.minutes.readers.pdf_extract import open_pdf
from kansli.minutes.readers.pdf_quality import page_quality, page_ranges

CORPUS = Path(__file__).parent.parent / "corpus"
FOUNDING = CORPUS / "sv" / "sodertorn-ledningsgrupp-2019-01-25.pdf"
DAMAGED = CORPUS / "pdf" / "sv-muni-pdf-01.pdf"
CLEAN = [
    FOUNDING,
    CORPUS / "pdf" / "sv-assoc-pdf-langasand-01.pdf",
    CORPUS / "pdf" / "sv-assoc-pdf-sten-01.pdf",
]


def test_it_warns_once_about_the_damaged_text_layer() -> None:
    document = read_file(DAMAGED)
    (warning,) = document.warnings
    assert warning.code == "damaged-text-layer"
    assert warning.message.startswith("Textlagret i PDF:en är skadat på sidorna 4–9, 14")
    assert "Kontrollera mot originalet" in warning.message
    assert {4, 5, 6, 14, 24, 25} <= set(warning.pages)
    assert not {1, 2, 3, 10, 12, 22, 23} & set(warning.pages)  # the clean pages


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_it_does_not_warn_about_clean_pdfs(path: Path) -> None:
    assert read_file(path).warnings == ()


def test_it_warns_about_the_other_nykarleby_pdf_which_is_damaged_the_same_way() -> None:
    # sv-muni-pdf-04 comes from the same producer: "protokojjet", "funktinnshndrrde" on pages 4-5.
    (warning,) = read_file(CORPUS / "pdf" / "sv-muni-pdf-04.pdf").warnings
    assert {4, 5} <= set(warning.pages)
    assert not {2, 3, 10, 11} & set(warning.pages)


@pytest.mark.parametrize(
    ("text", "damaged"),
    [
        (
            "I tur at justera protokojjet är medjemmarna Vvllvrdsnvrndens beslut tilläggsärendenE",
            True,
        ),
        ("(-uropean Youth -xchange) och tll fnns", True),
        (
            "Rickard öppnar mötet och hälsar välkommen till Leif som är ny kommundirektör.",
            False,
        ),
        ("Se www.nykarleby.fi och https://example.org, dvs. KSO och SSK-möte i Botkyrka.", False),
    ],
)
def test_it_scores_text_quality_language_neutrally(text: str, damaged: bool) -> None:
    assert page_quality(1, text * 3).damaged is damaged


def test_it_names_page_ranges() -> None:
    assert page_ranges((3, 4, 5, 7, 9, 10)) == "3–5, 7, 9–10"


def test_it_reads_the_toc_with_dot_leaders_as_rows() -> None:
    document = read_file(DAMAGED)
    rows = [b.cells for b in document.blocks if b.kind is BlockKind.ROW and b.source.page == 2]
    assert ("39 § Sammanträdets laglighet och beslutförhet", "1") in rows
    assert ("45 § Lokala organet för rusmedelsförebyggande arbete", "12") in rows


def test_it_joins_a_hyphenated_word_across_lines() -> None:
    blocks = merge_continued(read_file(DAMAGED).blocks)
    assert any("konstaterar om välfärdsnämnden är lagligt sammankallad" in b.text for b in blocks)


def test_it_continues_a_paragraph_across_a_page_break() -> None:
    blocks = [
        b for b in read_file(FOUNDING).blocks if not b.furniture and b.kind is not BlockKind.PAGE
    ]
    index = next(
        i for i, b in enumerate(blocks) if b.text.startswith("Socialförvaltningen i Botkyrka")
    )
    assert blocks[index].continued and blocks[index].source.page == 6
    assert blocks[index - 1].text.endswith("sitter på")


def test_it_reads_bullet_glyphs_and_gaps() -> None:
    blocks = read_file(FOUNDING).blocks
    bullet = next(b for b in blocks if b.text.startswith("Beredning för regional"))
    assert (bullet.kind, bullet.marker, bullet.level) == (BlockKind.BULLET, "\uf0b7", 0)
    kinds = [b.kind for b in blocks]
    assert BlockKind.BLANK in kinds


def test_it_refuses_a_password_protected_pdf(tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(200, 200)
    target = tmp_path / "plain.pdf"
    pdf.save(target)
    # pdfium cannot encrypt; a password-protected file needs an encryption dictionary, so build
    # the smallest one by hand (RC4 40-bit, owner+user password "x").
    encrypted = _encrypted_pdf()
    with pytest.raises(EncryptedDocumentError):
        read_bytes(encrypted, name="hemlig.pdf")
    assert open_pdf(target.read_bytes(), None) is not None


def _encrypted_pdf() -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + b"00" * 32
        + b"> /U <"
        + b"11" * 32
        + b"> /P -4 >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Encrypt 4 0 R "
        f"/ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return out
