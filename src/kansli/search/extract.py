"""The text of an attached file, for the index: plain text, PDF (pdfium's text layer) and DOCX
(paragraphs and table cells). Anything else, or a file that cannot be read, gives no text: a
broken attachment must never stop the meeting it belongs to from being indexed."""

from __future__ import annotations

import io
import logging

import docx
import pypdfium2 as pdfium

from kansli.minutes.readers.docx_reader import guard_zip

MAX_BYTES = 20 * 1024 * 1024  # larger files are found by their name only
MAX_CHARS = 200_000  # of text kept from one file (about 80 pages)

log = logging.getLogger(__name__)


def attachment_text(data: bytes, content_type: str, name: str = "") -> str:
    if not data or len(data) > MAX_BYTES:
        return ""
    try:
        if content_type == "text/plain":
            text = data[: MAX_CHARS * 4].decode("utf-8", errors="replace")
        elif content_type == "application/pdf":
            text = _pdf_text(data)
        elif content_type == "application/zip":
            text = _docx_text(data, name)
        else:
            return ""
    except Exception:  # any reading error: the file is found by its name only
        log.warning("search: could not read the text of attachment %r", name, exc_info=True)
        return ""
    return text[:MAX_CHARS]


def _pdf_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    parts: list[str] = []
    size = 0
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                parts.append(textpage.get_text_range())
            finally:
                textpage.close()
                page.close()
            size += len(parts[-1])
            if size > MAX_CHARS:
                break
    finally:
        pdf.close()
    # pdfium marks a hyphen that split a word at a line's end as U+FFFE.
    return "\n".join(parts).replace("\ufffe", "")


def _docx_text(data: bytes, name: str) -> str:
    guard_zip(data, name)  # zip bombs and encrypted files are refused before inflating
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)
