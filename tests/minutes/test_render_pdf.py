"""The minutes as standalone HTML in the house style, and printed from it as a tagged PDF."""

from __future__ import annotations

import ctypes
import functools
import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kansli.minutes import parse_file
from kansli.minutes.model import Minutes
from kansli.minutes.render import to_html, to_pdf

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FOUNDING = CORPUS / "sv" / "sodertorn-ledningsgrupp-2019-01-25.docx"
UNNUMBERED = CORPUS / "sv" / "sv-net-notes-01.md"
TITLE = "Minnesanteckningar från Södertörnskommunernas ledningsgrupp, 1"


@functools.cache
def founding() -> Minutes:
    return parse_file(FOUNDING)


@functools.cache
def founding_html() -> str:
    return to_html(founding())


@functools.cache
def founding_pdf() -> bytes:
    return to_pdf(founding())


def test_the_html_is_a_standalone_swedish_document_with_its_title() -> None:
    html = founding_html()
    assert html.startswith('<!DOCTYPE html>\n<html lang="sv">')
    assert f"<title>{TITLE}</title>" in html
    assert f"<h1>{TITLE}</h1>" in html
    assert '<meta charset="utf-8">' in html
    assert "<link" not in html and "<script" not in html  # nothing to fetch
    assert html.rstrip().endswith("</html>")


def test_the_html_outline_has_the_items_as_headings_and_beslut_under_them() -> None:
    html = founding_html()
    headings = re.findall(r"<h2[^>]*>([^<]*)</h2>", html)
    assert headings[:3] == ["Deltagare", "Frånvarande", "Övriga deltagare"]
    assert "3. Årsredovisning och bokslut 2018" in headings
    assert html.count("<h3>Beslut</h3>") == 5
    beslut = html.index("<h3>Beslut</h3>")
    assert html[beslut:].startswith(
        "<h3>Beslut</h3>\n<ul><li>Frågan bordläggs till nästa möte med SSK den 7 februari.</li>"
    )


def test_every_table_heading_cell_says_what_it_heads() -> None:
    html = founding_html()
    assert '<th scope="row">Tid</th><td>Fredag 25 januari 2019 kl. 08.30–11.30</td>' in html
    assert '<th scope="row">Rickard Sundbom</th><td>Södertälje kommun, ordförande</td>' in html
    assert '<th scope="col">Kommun</th><th scope="col">Beslut KS</th>' in html
    assert "<th>" not in html


def test_the_print_style_sets_a4_and_a_running_header_with_page_of_pages() -> None:
    html = founding_html()
    assert "size: A4;" in html
    assert 'content: "Avsändare\\A Söderström, Anna"' in html
    assert 'content: "\\A 2019-01-25"' in html
    assert 'counter(page) " (" counter(pages) ")"' in html


def test_the_html_escapes_what_the_minutes_say() -> None:
    minutes = Minutes(body='<Styrelsen> & "vänner"', meeting_number="1")
    html = to_html(minutes)
    assert "<Styrelsen>" not in html
    assert "&lt;Styrelsen&gt; &amp; &quot;vänner&quot;" in html


def test_unnumbered_items_are_listed_in_contents_with_their_pages() -> None:
    html = to_html(parse_file(UNNUMBERED))
    assert '<nav class="contents"' in html
    assert '<a href="#punkt-1">Recap</a>' in html
    assert 'id="punkt-1"' in html
    assert "target-counter(attr(href), page)" in html
    assert '<nav class="contents"' not in founding_html()  # numbered items need none


def test_the_pdf_is_tagged_for_accessibility_with_title_and_language() -> None:
    data = founding_pdf()
    pdf = pdfium.PdfDocument(data)
    try:
        assert pdfium_c.FPDFCatalog_IsTagged(pdf.raw)
        assert pdf.get_metadata_dict()["Title"] == TITLE
        assert pdf.get_metadata_dict()["Author"] == "Anna Söderström"
        size = pdfium_c.FPDFCatalog_GetLanguage(pdf.raw, None, 0)
        buffer = (ctypes.c_ushort * (size // 2))()
        pdfium_c.FPDFCatalog_GetLanguage(pdf.raw, buffer, size)
        assert bytes(buffer).decode("utf-16-le").rstrip("\x00") == "sv"
        page = pdf[0]  # held: the structure tree is the page's
        tree = pdfium_c.FPDF_StructTree_GetForPage(page.raw)
        try:
            assert tree and pdfium_c.FPDF_StructTree_CountChildren(tree) > 0
        finally:
            pdfium_c.FPDF_StructTree_Close(tree)
            page.close()
    finally:
        pdf.close()


def test_the_pdf_is_a4_and_says_sender_date_and_page_of_pages_on_every_page() -> None:
    pdf = pdfium.PdfDocument(founding_pdf())
    try:
        pages = len(pdf)
        assert pages >= 3
        width, height = pdf[0].get_size()
        assert (round(width), round(height)) == (595, 842)
        for number in range(pages):
            text = pdf[number].get_textpage().get_text_range()
            assert "Avsändare" in text and "Söderström, Anna" in text and "2019-01-25" in text
            assert f"sida {number + 1} ({pages})" in text
        first = pdf[0].get_textpage().get_text_range()
        assert "Minnesanteckningar från Södertörnskommunernas" in first
    finally:
        pdf.close()
