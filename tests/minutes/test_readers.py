"""kansli.minutes.readers: format detection, the founding document in three formats, errors."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from kansli.minutes.blocks import Block, BlockKind, Document
from kansli.minutes.errors import (
    MAX_BYTES,
    EmptyDocumentError,
    EncryptedDocumentError,
    OversizedDocumentError,
    ScannedDocumentError,
    UnreadableError,
    UnsupportedFormatError,
)
from kansli.minutes.readers import merge_continued, read_bytes, read_file, read_text

CORPUS = Path(__file__).parent.parent / "corpus"
FOUNDING = CORPUS / "sv" / "sodertorn-ledningsgrupp-2019-01-25"
SCAN = CORPUS / "pdf" / "sv-assoc-pdf-sten-04.pdf"
CORPUS_FILES = sorted(
    p
    for p in CORPUS.rglob("*")
    if p.is_file() and p.suffix not in (".json",) and p.name != "README.md"
)


def content(document: Document) -> list[Block]:
    """What the parser reads: continued lines joined, furniture, pages and gaps dropped."""
    return [
        b
        for b in merge_continued(document.blocks)
        if not b.furniture and b.kind not in (BlockKind.PAGE, BlockKind.BLANK)
    ]


def tables(document: Document) -> list[list[tuple[str, ...]]]:
    by_id: dict[int, list[tuple[str, ...]]] = {}
    for block in content(document):
        if block.kind is BlockKind.ROW:
            by_id.setdefault(block.table, []).append(block.cells)
    return list(by_id.values())


def table_with(document: Document, first_cell: str) -> list[tuple[str, ...]]:
    for rows in tables(document):
        if any(row[0] == first_cell for row in rows):
            return rows
    raise AssertionError(f"no table with a row starting {first_cell!r}")


# -- the founding document: .txt, .docx and .pdf give the same tables and bullets -------------

FORMATS = ("txt", "docx", "pdf")


@pytest.fixture(scope="module", params=FORMATS)
def founding(request: pytest.FixtureRequest) -> Document:
    return read_file(FOUNDING.with_suffix(f".{request.param}"))


def test_it_reads_the_founding_document_in_each_format(founding: Document) -> None:
    assert founding.format in ("text", "docx", "pdf")
    assert not founding.warnings


@pytest.mark.parametrize(
    ("first", "rows"),
    [
        (
            "Leif Eriksson",
            [
                ("Leif Eriksson", "Botkyrka kommun"),
                ("Birgitta Elvås", "Nykvarns kommun"),
                ("Rickard Sundbom", "Södertälje kommun, ordförande"),
            ],
        ),
        (
            "Hanna Wük",
            [
                ("Hanna Wük", "Tillväxt- och regionplaneförvaltningen, Region Stockholm"),
                ("Bette Lundh Malmros", "Tillväxt- och regionplaneförvaltningen, Region Stockholm"),
                ("Cecilia Mårtensson", "Södertörnskommunerna"),
                ("Anna Söderström", "Södertörnskommunerna, sekreterare"),
            ],
        ),
        (
            "Kommun",
            [
                ("Kommun", "Beslut KS", "Verkställighet KD", "Info KSO", "Information KS"),
                ("Botkyrka", "x", "", "x", ""),
                ("Haninge", "", "x", "x", ""),
                ("Huddinge", "", "x", "x", "x"),
                ("Nynäshamn", "", "x", "x", ""),
                ("Nykvarn", "", "x", "x", "x"),
                ("Salem", "", "x", "x", ""),
                ("Södertälje", "", "", "x", "x"),
                ("Tyresö", "", "x", "x", ""),
            ],
        ),
        (
            "22 februari",
            [
                ("22 februari", "Slutkonferens Systemanalys"),
                ("10 april", "Södertörns Rådslag (Salem)"),
                ("1-3 juli", "Almedalen (Kommunikation)"),
                ("5-6 september", "Planeringskonferens kommundirektörer"),
                ("25 september", "Södertörnskonferensen (Haninge/Nynäshamn)"),
                ("Höst", "Nyckeltalsdagen (Ekonomichefer)"),
            ],
        ),
    ],
    ids=["attendance", "guests", "matrix", "activities"],
)
def test_it_gives_the_same_table_cells_in_every_format(
    founding: Document, first: str, rows: list[tuple[str, ...]]
) -> None:
    assert table_with(founding, first) == rows


def test_it_gives_the_same_bullets_in_every_format() -> None:
    bullets = {
        fmt: [
            b.text
            for b in content(read_file(FOUNDING.with_suffix(f".{fmt}")))
            if b.kind is BlockKind.BULLET
        ]
        for fmt in FORMATS
    }
    # The Word file makes the decision under item 8 a list item; the text export does not.
    docx_only = (
        "Kommundirektörerna frågar socialcheferna i respektive kommun "
        "om erfarenheter och nytta av samarbetet."
    )
    assert [b for b in bullets["docx"] if b != docx_only] == bullets["txt"]
    assert bullets["pdf"] == bullets["docx"]
    assert "Frågan bordläggs till nästa möte med SSK den 7 februari." in bullets["txt"]


def test_it_joins_the_wrapped_cells_of_the_pdf() -> None:
    document = read_file(FOUNDING.with_suffix(".pdf"))
    assert ("Tid", "Fredag 25 januari 2019 kl 08.30-11.30") in table_with(document, "Tid")


def test_it_emits_the_docx_page_header_once_at_the_start() -> None:
    document = read_file(FOUNDING.with_suffix(".docx"))
    rows = [b.cells for b in document.blocks[:3] if b.kind is BlockKind.ROW]
    assert rows == [("Avsändare", "", ""), ("Söderström, Anna", "2019-01-25", "1 (1)")]


def test_it_marks_the_repeated_pdf_page_header_as_furniture() -> None:
    document = read_file(FOUNDING.with_suffix(".pdf"))
    senders = [b for b in document.blocks if b.text == "Avsändare"]
    assert len(senders) == document.pages == 6
    assert [b.furniture for b in senders] == [False] + [True] * 5
    assert [b.source.page for b in document.blocks if b.kind is BlockKind.PAGE] == [
        1,
        2,
        3,
        4,
        5,
        6,
    ]


# -- every corpus file ------------------------------------------------------------------------


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_it_reads_every_corpus_file(path: Path) -> None:
    if path == SCAN:
        with pytest.raises(ScannedDocumentError):
            read_file(path)
        return
    document = read_file(path)
    assert any(b.kind is not BlockKind.BLANK for b in document.blocks)
    for block in document.blocks:
        assert block.text == block.text.strip()
        assert block.source.line_start >= 1
        if block.kind is BlockKind.ROW:
            assert block.table > 0
    for rows in tables(document):
        assert len({len(row) for row in rows}) == 1


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("sv/sv-net-notes-01.md", "markdown"),
        ("sv/sv-assoc-langasand-01.md", "markdown"),
        ("sv/sv-assoc-ix-01.org", "org"),
        ("en/en-psf-01.rst", "rst"),
        ("sv/sv-assoc-dvd-01.typ", "typst"),
        ("sv/sodertorn-ledningsgrupp-2019-01-25.txt", "text"),
    ],
)
def test_it_detects_text_flavours_by_content(name: str, fmt: str) -> None:
    text = (CORPUS / name).read_text(encoding="utf-8")
    assert read_bytes(text.encode("utf-8"), name="upload.bin").format in (
        fmt,
        "markdown" if fmt == "text" else fmt,
    )
    assert read_file(CORPUS / name).format == fmt


def test_it_detects_binary_formats_by_content_not_name() -> None:
    pdf = FOUNDING.with_suffix(".pdf").read_bytes()
    docx = FOUNDING.with_suffix(".docx").read_bytes()
    assert read_bytes(pdf, name="minutes.txt").format == "pdf"
    assert read_bytes(docx, name="minutes.pdf").format == "docx"


# -- text decoding ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoded",
    [
        "Möte\n\nÄrende: Årsmöte".encode(),
        "\ufeffMöte\n\nÄrende: Årsmöte".encode(),
        "Möte\n\nÄrende: Årsmöte".encode("utf-16"),
        "Möte\n\nÄrende: Årsmöte".encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "cp1252"],
)
def test_it_decodes_text(encoded: bytes) -> None:
    document = read_bytes(encoded, name="a.txt")
    assert [b.text for b in document.blocks if b.text] == ["Möte", "Ärende: Årsmöte"]


def test_it_warns_in_swedish_about_damaged_encoding() -> None:
    document = read_file(CORPUS / "sv" / "sv-assoc-langasand-01.md")
    (warning,) = document.warnings
    assert warning.code == "damaged-encoding"
    assert "214 tecken" in warning.message
    assert "\ufffd" in document.blocks[0].text  # the damage is kept, not guessed away


# -- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\n", b"<html><body>  </body></html>", b"---\ntitle: x\n---\n"]
)
def test_it_refuses_empty_documents(data: bytes) -> None:
    with pytest.raises(EmptyDocumentError):
        read_bytes(data, name="tom.txt")


def test_it_refuses_oversized_files_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "stor.pdf"
    with big.open("wb") as handle:
        handle.seek(MAX_BYTES + 1)
        handle.write(b"\0")
    with pytest.raises(OversizedDocumentError):
        read_file(big)
    with pytest.raises(OversizedDocumentError):
        read_text("x" * (MAX_BYTES + 1))


def test_it_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableError):
        read_file(tmp_path / "finns-inte.pdf")


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + bytes(100), bytes(range(256)) * 4, b"PK\x03\x04garbage"],
    ids=["png", "binary", "broken-zip"],
)
def test_it_refuses_binary_garbage(data: bytes) -> None:
    with pytest.raises((UnsupportedFormatError, UnreadableError)):
        read_bytes(data)


def test_it_refuses_a_broken_pdf() -> None:
    with pytest.raises(UnreadableError):
        read_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF")


def test_it_refuses_a_scan_without_text_layer() -> None:
    with pytest.raises(ScannedDocumentError, match="OCR"):
        read_file(SCAN)


def test_it_recognises_old_word_and_encrypted_ole_files() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    with pytest.raises(UnsupportedFormatError, match=r"\.doc"):
        read_bytes(ole, name="gammal.doc")
    with pytest.raises(EncryptedDocumentError):
        read_bytes(ole + "EncryptedPackage".encode("utf-16-le"), name="hemlig.docx")


def test_it_refuses_a_zip_bomb_before_opening_it() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/bomb.xml", b"\0" * (30 * 1024 * 1024))
    with pytest.raises(UnreadableError, match="zip-bomb"):
        read_bytes(buffer.getvalue(), name="bomb.docx")


def test_it_rejects_an_unknown_text_format() -> None:
    with pytest.raises(UnsupportedFormatError):
        read_text("text", fmt="pdf")
