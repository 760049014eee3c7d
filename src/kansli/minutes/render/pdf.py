"""The minutes as a tagged PDF (PDF/UA-1): the house-style HTML printed by WeasyPrint.

Tagged for screen readers, with the document's title and language in its metadata. WeasyPrint
(and its Pango) is imported on the first call, not with the core: reading minutes never needs
it.
"""

from __future__ import annotations

from kansli.minutes.model import Minutes
from kansli.minutes.render.html import to_html


def to_pdf(minutes: Minutes) -> bytes:
    # Imported here: WeasyPrint takes a second to import and most users of the core never print.
    # It ships no type information.
    from weasyprint import HTML  # type: ignore[import-untyped]  # noqa: PLC0415

    pdf: bytes = HTML(string=to_html(minutes)).write_pdf(pdf_variant="pdf/ua-1")
    return pdf
