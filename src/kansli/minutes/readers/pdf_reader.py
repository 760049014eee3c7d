"""PDF: positioned text from pdfium into blocks (see pdf_lines and pdf_layout for the rules).

A PAGE block opens every page. Running headers/footers (a line at the same place on two or more
pages, digits aside, in the top 15 % or bottom 10 % of the page) are kept on their first page
and marked furniture on later ones. A page whose text layer is garbled gives one
"damaged-text-layer" warning naming the pages. Source lines are visual lines on the page.

No text on any page: ScannedDocumentError (or EmptyDocumentError when nothing is drawn at all);
a password: EncryptedDocumentError; a broken file: UnreadableError.
"""

from __future__ import annotations

import re
from collections import Counter

from kansli.minutes.errors import EmptyDocumentError, ScannedDocumentError
from kansli.minutes.readers._result import ReadResult
from kansli.minutes.readers.pdf_extract import PageText, extract, has_images, open_pdf
from kansli.minutes.readers.pdf_layout import PdfLayout
from kansli.minutes.readers.pdf_lines import Line, visual_lines
from kansli.minutes.readers.pdf_quality import damage_warning, page_quality

TOP_BAND = 0.15
BOTTOM_BAND = 0.10
_DIGITS = re.compile(r"\d+")


def read(data: bytes, name: str | None) -> ReadResult:
    pdf = open_pdf(data, name)
    try:
        pages = extract(pdf, name)
        if not pages:
            raise EmptyDocumentError(name, "PDF:en har inga sidor")
        if not any(page.segments for page in pages):
            if has_images(pdf):
                raise ScannedDocumentError(name)
            raise EmptyDocumentError(name, "ingen text på någon sida")
    finally:
        pdf.close()
    lines = [visual_lines(page.segments) for page in pages]
    mark_furniture(pages, lines)
    layout = PdfLayout(right_margin(lines))
    for page, page_lines in zip(pages, lines, strict=True):
        layout.page(page.number, page_lines)
    qualities = [
        page_quality(page.number, "\n".join(line.text for line in page_lines))
        for page, page_lines in zip(pages, lines, strict=True)
    ]
    warning = damage_warning(qualities)
    return ReadResult(layout.build(), (), len(pages), (warning,) if warning else ())


def mark_furniture(pages: list[PageText], lines: list[list[Line]]) -> None:
    """Mark repetitions of running headers and footers (not their first occurrence)."""
    counts: Counter[str] = Counter()
    keyed: list[list[tuple[Line, str]]] = []
    for page, page_lines in zip(pages, lines, strict=True):
        keys = [(line, _key(line)) for line in page_lines if _in_band(page, line)]
        keyed.append(keys)
        counts.update({key for _, key in keys})
    seen: set[str] = set()
    for keys in keyed:
        for line, key in keys:
            if counts[key] >= 2 and key in seen:
                line.furniture = True
        seen.update(key for _, key in keys)


def _in_band(page: PageText, line: Line) -> bool:
    return line.bottom >= page.height * (1 - TOP_BAND) - 2 or line.top <= page.height * BOTTOM_BAND


def _key(line: Line) -> str:
    return f"{round(line.top / 3)}:{round(line.x0 / 3)}:{_DIGITS.sub('#', line.text)}"


def right_margin(lines: list[list[Line]]) -> float:
    """Where full text lines end: a high percentile of the right edges of long text lines."""
    ends = sorted(
        line.x1
        for page_lines in lines
        for line in page_lines
        if not line.is_row and not line.furniture and len(line.text) > 30
    )
    if not ends:
        return max((line.x1 for page_lines in lines for line in page_lines), default=0.0)
    return ends[int(0.9 * (len(ends) - 1))]
