"""The minutes as a Word document in the house style of the founding document.

A page header table ("Avsändare" / the writer, the date, "1 (4)" from Word's PAGE and NUMPAGES
fields), the title as Heading 1, "Tid" and "Plats" and the attendance groups as two-column
tables without rules, items as Heading 2 ("3. Årsredovisning och bokslut 2018"), a bold
"Beslut" over bulleted decisions, the minutes' tables ruled with a repeated heading row, and
"Vid anteckningarna" at the end. A4, the document's language on its styles and properties.
"""

from __future__ import annotations

import io

import docx
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from kansli.minutes.model import Minutes
from kansli.minutes.render.house import (
    Bullet,
    Grid,
    GridKind,
    Heading,
    HouseDocument,
    Paragraph,
    Style,
    house_document,
)

PAGE_WIDTH, PAGE_HEIGHT = Cm(21), Cm(29.7)
MARGIN = Cm(2.5)
TEXT_WIDTH = Emu(PAGE_WIDTH - 2 * MARGIN)
# The width of the first column of a label or attendance table.
LABEL_WIDTH = Cm(5.5)


def to_docx(minutes: Minutes) -> bytes:
    house = house_document(minutes)
    document = docx.Document()
    _page(document)
    _language(document, house.language)
    _properties(document, house)
    _header(document, house)
    for part in house.parts:
        if isinstance(part, Heading):
            _styled(document, part.text, f"Heading{part.level}")
        elif isinstance(part, Paragraph):
            _paragraph(document, part)
        elif isinstance(part, Bullet):
            _styled(document, part.text, "ListBullet")
        else:
            _grid(document, part)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _page(document: DocxDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.header_distance = Cm(1.25)


def _language(document: DocxDocument, tag: str) -> None:
    """The language of every run, so Word checks the spelling in Swedish (w:docDefaults)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    props = run_defaults.find(qn("w:rPr"))
    if props is None:
        props = OxmlElement("w:rPr")
        run_defaults.append(props)
    lang = props.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        props.append(lang)
    lang.set(qn("w:val"), tag)


def _properties(document: DocxDocument, house: HouseDocument) -> None:
    props = document.core_properties
    props.title = house.title
    props.language = house.language
    props.author = house.author or ""
    props.last_modified_by = house.author or ""
    props.subject = ""
    props.keywords = ""
    props.comments = ""


def _header(document: DocxDocument, house: HouseDocument) -> None:
    """'Avsändare' over the writer, the date in the middle, "1 (4)" at the right."""
    header = document.sections[0].header
    table = header.add_table(rows=2, cols=3, width=TEXT_WIDTH)
    widths = (Cm(7), Cm(5), Emu(TEXT_WIDTH - Cm(12)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    table.cell(0, 0).paragraphs[0].add_run(house.labels.sender)
    if house.sender:
        table.cell(1, 0).paragraphs[0].add_run(house.sender)
    if house.date:
        table.cell(1, 1).paragraphs[0].add_run(house.date)
    pages = table.cell(1, 2).paragraphs[0]
    pages.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _field(pages, "PAGE")
    pages.add_run(" (")
    _field(pages, "NUMPAGES")
    pages.add_run(")")


def _field(paragraph: DocxParagraph, instruction: str) -> None:
    """A Word field ("PAGE", "NUMPAGES") that Word fills in; "1" until it does."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, code, separate, shown, end):
        run._r.append(element)


def _styled(document: DocxDocument, text: str, style_id: str) -> None:
    """A paragraph in one of the template's styles ("Heading2", "ListBullet"), named by its id:
    python-docx's lookup by name scans every style for every paragraph."""
    paragraph = document.add_paragraph(text)
    paragraph._p.style = style_id


def _paragraph(document: DocxDocument, part: Paragraph) -> None:
    if part.style == Style.CLOSING:
        document.add_paragraph()
    paragraph = document.add_paragraph()
    run = paragraph.add_run(part.text)
    if part.style == Style.LABEL:
        run.bold = True
        paragraph.paragraph_format.keep_with_next = True
    elif part.style == Style.NOTE:
        run.italic = True


def _grid(document: DocxDocument, grid: Grid) -> None:
    width = max(len(row) for row in grid.rows)
    table = document.add_table(rows=len(grid.rows), cols=width)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    if grid.has_heading_row:
        table.style = document.styles["Table Grid"]
    two_columns = width == 2 and grid.kind in (GridKind.FIELDS, GridKind.PEOPLE, GridKind.EVENTS)
    first = LABEL_WIDTH if grid.kind != GridKind.FIELDS else Cm(3)
    for index, (row, texts) in enumerate(zip(table.rows, grid.rows, strict=True)):
        cells = row.cells  # python-docx builds the list anew on every call
        for cell, text in zip(cells, texts, strict=False):
            run = cell.paragraphs[0].add_run(text)
            if index == 0 and grid.has_heading_row:
                run.bold = True
        if two_columns:
            cells[0].width = first
            cells[1].width = Emu(TEXT_WIDTH - first)
    if grid.has_heading_row:
        _repeat_heading_row(table)


def _repeat_heading_row(table: DocxTable) -> None:
    """The first row is the table's heading: repeated on every page, read as headings."""
    props = table.rows[0]._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    props.append(marker)
