"""DOCX reader on documents built here: numbering, bold lines, tab layouts, merged cells, breaks."""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_BREAK

from kansli.minutes.blocks import BlockKind, Document
from kansli.minutes.readers import read_bytes


def build(fill: object) -> Document:
    document = docx.Document()
    fill(document)  # type: ignore[operator]
    buffer = io.BytesIO()
    document.save(buffer)
    return read_bytes(buffer.getvalue(), name="test.docx")


def visible(document: Document) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in document.blocks if b.kind is not BlockKind.PAGE]


def test_it_reads_headings_bullets_and_bold_lines() -> None:
    def fill(d: docx.document.Document) -> None:
        d.add_heading("Protokoll", level=1)
        d.add_heading("§ 1 Öppnande", level=2)
        d.add_paragraph().add_run("Beslut").bold = True
        d.add_paragraph("Ett", style="List Bullet")
        d.add_paragraph("Under", style="List Bullet 2")
        d.add_paragraph("Första", style="List Number")
        d.add_paragraph("Andra", style="List Number")
        mixed = d.add_paragraph("Delvis ")
        mixed.add_run("fet").bold = True

    document = build(fill)
    assert [(b.kind.value, b.text, b.level) for b in document.blocks] == [
        ("heading", "Protokoll", 1),
        ("heading", "§ 1 Öppnande", 2),
        ("paragraph", "Beslut", 0),
        ("bullet", "Ett", 0),
        ("bullet", "Under", 1),
        ("bullet", "Första", 0),
        ("bullet", "Andra", 0),
        ("paragraph", "Delvis fet", 0),
    ]
    assert [b.emphasis for b in document.blocks] == [False, False, True] + [False] * 5
    assert [b.marker for b in document.blocks if b.kind is BlockKind.BULLET][2:] == ["1.", "2."]


def test_it_reads_tab_layouts_as_two_column_tables() -> None:
    def fill(d: docx.document.Document) -> None:
        d.add_paragraph("Tid\tFredag 25 januari 2019")
        d.add_paragraph("Plats\t\tNorrskogen")
        d.add_paragraph("Text efteråt")

    document = build(fill)
    rows = [b for b in document.blocks if b.kind is BlockKind.ROW]
    assert [r.cells for r in rows] == [("Tid", "Fredag 25 januari 2019"), ("Plats", "Norrskogen")]
    assert rows[0].table == rows[1].table


def test_it_keeps_merged_cells_once_and_columns_aligned() -> None:
    def fill(d: docx.document.Document) -> None:
        table = d.add_table(rows=3, cols=3)
        for row, values in zip(
            table.rows,
            [("Kommun", "Beslut", "Info"), ("Botkyrka", "x", ""), ("Haninge", "", "x")],
            strict=True,
        ):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
        table.cell(0, 1).merge(table.cell(0, 2)).text = "Beslut och info"
        table.cell(1, 0).merge(table.cell(2, 0))

    document = build(fill)
    assert [b.cells for b in document.blocks if b.kind is BlockKind.ROW] == [
        ("Kommun", "Beslut och info", ""),
        ("Botkyrka Haninge", "x", ""),
        ("", "", "x"),
    ]


def test_it_reads_a_label_cell_beside_one_person_per_paragraph_as_a_row_per_person() -> None:
    def fill(d: docx.document.Document) -> None:
        table = d.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "Beslutande"
        people = table.cell(0, 1)
        people.text = "Anneli Sturesson (S), ordförande"
        people.add_paragraph("Kjell Rosén (M)")
        table.cell(1, 0).text = "Justerare"
        table.cell(1, 1).text = "Kjell Rosén (M)"

    document = build(fill)
    assert [b.cells for b in document.blocks if b.kind is BlockKind.ROW] == [
        ("Beslutande", "Anneli Sturesson (S), ordförande"),
        ("", "Kjell Rosén (M)"),
        ("Justerare", "Kjell Rosén (M)"),
    ]


def test_it_reads_a_one_column_table_as_text() -> None:
    def fill(d: docx.document.Document) -> None:
        d.add_table(rows=2, cols=1)
        d.tables[0].cell(0, 0).text = "Ram runt text"
        d.tables[0].cell(1, 0).text = "Andra raden"

    assert visible(build(fill)) == [("paragraph", "Ram runt text"), ("paragraph", "Andra raden")]


def test_it_emits_pages_when_the_file_has_page_breaks() -> None:
    def fill(d: docx.document.Document) -> None:
        d.add_paragraph("Sida ett")
        d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        d.add_paragraph("Sida två")

    document = build(fill)
    assert [(b.kind.value, b.source.page) for b in document.blocks] == [
        ("page", 1),
        ("paragraph", 1),
        ("page", 2),
        ("paragraph", 2),
    ]
    assert document.pages == 2


def test_it_reads_core_properties_as_metadata() -> None:
    def fill(d: docx.document.Document) -> None:
        d.core_properties.title = "Protokoll KS"
        d.core_properties.author = "Anna Söderström"
        d.add_paragraph("Text")

    metadata = dict(build(fill).metadata)
    assert metadata["title"] == "Protokoll KS"
    assert metadata["author"] == "Anna Söderström"


def test_it_reads_headers_and_footers_first() -> None:
    def fill(d: docx.document.Document) -> None:
        d.sections[0].header.paragraphs[0].text = "Kommunstyrelsen\t2024-03-12"
        d.sections[0].footer.paragraphs[0].text = "Sidfot"
        d.add_paragraph("Brödtext")

    assert visible(build(fill)) == [
        ("row", "Kommunstyrelsen | 2024-03-12"),
        ("paragraph", "Sidfot"),
        ("paragraph", "Brödtext"),
    ]
