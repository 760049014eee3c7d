"""Renderers: the minutes model out as `minutes/1` JSON, Markdown, a Swedish summary, and as
house-style documents: DOCX, standalone HTML and tagged PDF.

Pure functions of a `Minutes`; none of them reads files or knows where the minutes came from.
WeasyPrint (for the PDF) is imported only when `to_pdf` is called.
"""

from __future__ import annotations

from kansli.minutes.errors import InvalidMinutesJsonError
from kansli.minutes.render.docx import to_docx
from kansli.minutes.render.html import to_html
from kansli.minutes.render.json import from_json, schema, to_json
from kansli.minutes.render.markdown import to_markdown
from kansli.minutes.render.pdf import to_pdf
from kansli.minutes.render.summary import to_summary

__all__ = [
    "InvalidMinutesJsonError",
    "from_json",
    "schema",
    "to_docx",
    "to_html",
    "to_json",
    "to_markdown",
    "to_pdf",
    "to_summary",
]
