"""The minutes as a Word document in the founding document's house style, looked at with
python-docx: the page header, the title, the tables, the bold "Beslut", the properties."""

from __future__ import annotations

import datetime as dt
import functools
import io
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from kansli.minutes import parse_bytes, parse_file
from kansli.minutes.model import (
    Action,
    Decision,
    Item,
    Kind,
    Minutes,
    Participant,
    Status,
    Tabling,
)
from kansli.minutes.render import to_docx

FOUNDING = Path(__file__).resolve().parent.parent / "corpus" / "sv"
FOUNDING_DOCX = FOUNDING / "sodertorn-ledningsgrupp-2019-01-25.docx"
TITLE = "Minnesanteckningar från Södertörnskommunernas ledningsgrupp, 1"


@functools.cache
def founding() -> Minutes:
    return parse_file(FOUNDING_DOCX)


@functools.cache
def founding_docx() -> bytes:
    return to_docx(founding())


def opened(data: bytes) -> DocxDocument:
    return docx.Document(io.BytesIO(data))


def body(document: DocxDocument) -> list[DocxParagraph | DocxTable]:
    """Paragraphs and tables in the order they stand."""
    parts: list[DocxParagraph | DocxTable] = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            parts.append(DocxParagraph(element, document))
        elif element.tag == qn("w:tbl"):
            parts.append(DocxTable(element, document))
    return parts


def rows(table: DocxTable) -> list[tuple[str, ...]]:
    return [tuple(cell.text for cell in row.cells) for row in table.rows]


def after(document: DocxDocument, text: str) -> DocxParagraph | DocxTable:
    """What follows the paragraph that says `text`."""
    parts = body(document)
    index = next(i for i, p in enumerate(parts) if isinstance(p, DocxParagraph) and p.text == text)
    return parts[index + 1]


def test_it_heads_every_page_with_the_sender_the_date_and_page_of_pages() -> None:
    header = opened(founding_docx()).sections[0].header
    texts = [rows(t) for t in header.tables]
    assert texts == [[("Avsändare", "", ""), ("Söderström, Anna", "2019-01-25", "1 (1)")]]
    fields = [node.text.strip() for node in header._element.iter(qn("w:instrText"))]
    assert fields == ["PAGE", "NUMPAGES"]


def test_it_titles_the_document_as_the_founding_document_does() -> None:
    document = opened(founding_docx())
    first = body(document)[0]
    assert isinstance(first, DocxParagraph)
    assert (first.style.name, first.text) == ("Heading 1", TITLE)


def test_it_sets_title_language_and_a4_pages() -> None:
    document = opened(founding_docx())
    props = document.core_properties
    assert (props.title, props.language, props.author) == (TITLE, "sv-SE", "Anna Söderström")
    lang = document.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}")
    assert lang is not None and lang.get(qn("w:val")) == "sv-SE"
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


def test_it_writes_tid_and_plats_and_each_attendance_group_as_two_columns() -> None:
    document = opened(founding_docx())
    fields = body(document)[1]
    assert isinstance(fields, DocxTable)
    assert rows(fields) == [
        ("Tid", "Fredag 25 januari 2019 kl. 08.30–11.30"),
        ("Plats", "Norrskogen, StorSthlm"),
    ]
    present, absent, guests = (
        after(document, heading) for heading in ("Deltagare", "Frånvarande", "Övriga deltagare")
    )
    assert isinstance(present, DocxTable) and isinstance(absent, DocxTable)
    assert isinstance(guests, DocxTable)
    assert ("Rickard Sundbom", "Södertälje kommun, ordförande") in rows(present)
    assert len(rows(absent)) == 5
    assert rows(guests)[-1] == ("Anna Söderström", "Södertörnskommunerna, sekreterare")


def test_it_numbers_the_items_as_headings_of_the_second_level() -> None:
    headings = [
        p.text
        for p in opened(founding_docx()).paragraphs
        if p.style is not None and p.style.name == "Heading 2"
    ]
    assert headings[:3] == [
        "1. Incheckning",
        "2. Presentation och diskussion RUF5 2050",
        "3. Årsredovisning och bokslut 2018",
    ]
    assert len(headings) == 11


def test_beslut_is_bold_and_the_decisions_follow_as_bullets() -> None:
    document = opened(founding_docx())
    labels = [p for p in document.paragraphs if p.text == "Beslut"]
    assert len(labels) == 5  # the items with decisions; item 5's three parts write one list
    assert all(run.bold for label in labels for run in label.runs)
    decision = after(document, "Beslut")
    assert isinstance(decision, DocxParagraph)
    assert decision.style.name == "List Bullet"
    assert decision.text == "Frågan bordläggs till nästa möte med SSK den 7 februari."


def test_the_minutes_tables_are_ruled_word_tables_with_a_heading_row() -> None:
    document = opened(founding_docx())
    table = next(t for t in document.tables if t.cell(0, 0).text == "Kommun")
    assert table.style.name == "Table Grid"
    assert rows(table)[1] == ("Botkyrka", "x", "", "x", "")
    assert table.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None


def test_the_actions_are_listed_with_who_and_by_when() -> None:
    document = opened(founding_docx())
    tables = [rows(t) for t in document.tables if t.cell(0, 1).text == "Åtgärd"]
    assert all(t[0] == ("Nr", "Åtgärd", "Ansvarig", "Klart") for t in tables)
    listed = [row for t in tables for row in t[1:]]
    assert (
        "Å1",
        "fyller på och bevakar listan med möten och presenterar på nästa SSK 7/2",
        "Cecilia Mårtensson",
        "nästa SSK, 7 februari 2019",
    ) in listed
    assert len(listed) == 7


def test_it_ends_with_the_writer_vid_anteckningarna() -> None:
    assert opened(founding_docx()).paragraphs[-1].text == "Vid anteckningarna: Anna Söderström"


def test_the_sub_headings_are_listed_under_their_item_and_read_back() -> None:
    document = opened(founding_docx())
    note = after(document, "2. Presentation och diskussion RUF5 2050")
    assert isinstance(note, DocxParagraph)
    assert note.text == "Underrubriker: Organisation; Region Stockholms Målmodell 2019; Diskussion"
    assert all(run.italic for run in note.runs)
    again = parse_bytes(founding_docx(), "igen.docx")
    assert again.items[1].subheadings == founding().items[1].subheadings


# --- minutes built here ----------------------------------------------------------------------

MEETING = dt.date(2024, 3, 12)


def protocol(*items: Item, **fields: object) -> Minutes:
    defaults: dict[str, object] = {
        "kind": Kind.PROTOCOL,
        "body": "Kommunstyrelsens arbetsutskott",
        "meeting_number": "3",
        "date": MEETING,
        "start_time": dt.time(8, 30),
        "end_time": dt.time(11),
        "place": "Kungsbackarummet",
        "chair": "Lisa Andersson",
        "secretary": "Andrea Egerlundh",
        "adjusters": ("Fredrik Hansson",),
        "participants": (
            Participant("Lisa Andersson", party="M", role="ordförande"),
            Participant("Fredrik Hansson", party="C"),
            Participant("Magdalena Sundqvist", party="S", status=Status.ABSENT),
            Participant("Andrea Egerlundh", role="kommunsekreterare", status=Status.GUEST),
        ),
        "items": items,
    }
    defaults.update(fields)
    return Minutes(**defaults)  # type: ignore[arg-type]


def test_a_protocol_is_titled_protokoll_numbers_with_paragraph_signs_and_is_signed() -> None:
    minutes = protocol(Item("92", "Information om Kungsbacka Live"))
    document = opened(to_docx(minutes))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Protokoll från Kommunstyrelsens arbetsutskott, 3"
    assert "§ 92 Information om Kungsbacka Live" in texts
    assert texts[-1] == "Vid protokollet: Andrea Egerlundh"
    fields = rows(document.tables[0])
    # The attendance names the chair and the secretary by their roles; the adjuster needs a line.
    assert fields == [
        ("Tid", "Tisdag 12 mars 2024 kl. 08.30–11.00"),
        ("Plats", "Kungsbackarummet"),
        ("Justerare", "Fredrik Hansson"),
    ]
    assert ("Lisa Andersson (M)", "ordförande") in rows(document.tables[1])


def test_a_protocol_reads_back_as_it_was_written() -> None:
    minutes = protocol(
        Item(
            "93",
            "Budget 2025",
            text="Förvaltningen redogör för budgetläget.",
            decisions=(Decision("Arbetsutskottet föreslår kommunstyrelsen att anta budgeten."),),
            tabled=None,
        ),
        Item(
            "94",
            "Ny idrottshall",
            text="Ärendet behöver beredas vidare.",
            tabled=Tabling(to_date=dt.date(2024, 4, 9), to_body="kommunstyrelsen"),
        ),
    )
    again = parse_bytes(to_docx(minutes), "protokoll.docx")
    assert (again.kind, again.body, again.meeting_number, again.date) == (
        Kind.PROTOCOL,
        "Kommunstyrelsens arbetsutskott",
        "3",
        MEETING,
    )
    assert (again.start_time, again.end_time, again.place) == (
        dt.time(8, 30),
        dt.time(11),
        "Kungsbackarummet",
    )
    assert (again.chair, again.secretary, again.adjusters) == (
        "Lisa Andersson",
        "Andrea Egerlundh",
        ("Fredrik Hansson",),
    )
    assert [(p.name, p.party, p.status) for p in again.participants] == [
        (p.name, p.party, p.status) for p in minutes.participants
    ]
    assert [(i.number, i.title) for i in again.items] == [
        ("93", "Budget 2025"),
        ("94", "Ny idrottshall"),
    ]
    assert again.items[0].decisions[0].text == minutes.items[0].decisions[0].text
    # The tabling the text did not say is written out, and read back.
    assert "Frågan bordläggs till kommunstyrelsen den 9 april 2024." in again.items[1].text
    assert again.items[1].tabled is not None
    assert again.items[1].tabled.to_date == dt.date(2024, 4, 9)


def test_a_word_paragraph_is_read_back_whole() -> None:
    """A long line without a full stop and a line in lower case stay lines of their own: a
    Word paragraph is no hard-wrapped line of text."""
    lines = [
        "Bakgrund: https://example.org/kommunstyrelsen/arenden/2024/idrottshall-norra-omradet",
        "Ryan: Vi tar frågan vidare till nästa möte.",
        "en första förfrågan har kommit in från föreningarna",
    ]
    minutes = protocol(Item("95", "Övrigt", text="\n".join(lines)))
    again = parse_bytes(to_docx(minutes), "protokoll.docx")
    assert again.items[0].title == "Övrigt"
    assert again.items[0].text.splitlines()[-2:] == lines[1:]


def test_an_action_is_written_once_as_its_row() -> None:
    minutes = protocol(
        Item(
            "96",
            "Åtgärdslista",
            text="Boka lokal till årsmötet - Fredrik\nVi gick igenom listan.",
            actions=(Action("Fredrik Hansson", "Boka lokal till årsmötet", dt.date(2024, 4, 2)),),
        )
    )
    document = opened(to_docx(minutes))
    texts = [p.text for p in document.paragraphs]
    assert "Boka lokal till årsmötet - Fredrik" not in texts
    assert "Vi gick igenom listan." in texts
    assert rows(document.tables[-1])[1] == (
        "Å1",
        "Boka lokal till årsmötet",
        "Fredrik Hansson",
        "2 april 2024",
    )
    again = parse_bytes(to_docx(minutes), "protokoll.docx")
    assert [(a.assignee, a.due) for a in again.items[0].actions] == [
        ("Fredrik Hansson", dt.date(2024, 4, 2))
    ]


def test_the_label_column_of_the_header_is_narrow_and_the_values_get_the_rest() -> None:
    fields = opened(founding_docx()).tables[0]
    first, second = fields.rows[0].cells
    assert abs(first.width - Cm(3)) < Cm(0.01)
    assert abs(first.width + second.width - Cm(16)) < Cm(0.01)
