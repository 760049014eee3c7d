"""The kallelse's agenda as a PDF: the meeting's time, place and items, printed by WeasyPrint
from a small template (the minutes' house style is for minutes, not for an agenda)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.translation import get_language

from kansli.events.ics import meeting_summary
from kansli.meetings.models import Meeting


def agenda_html(meeting: Meeting, message: str = "") -> str:
    return render_to_string(
        "events/agenda.html",
        {
            "meeting": meeting,
            "title": meeting_summary(meeting),
            "items": list(meeting.items.all()),
            "message": message,
            "language": get_language() or "sv",
        },
    )


def agenda_pdf(meeting: Meeting, message: str = "") -> bytes:
    # Imported here, as the core's to_pdf does: WeasyPrint takes a second to import.
    from weasyprint import HTML  # type: ignore[import-untyped]  # noqa: PLC0415

    pdf: bytes = HTML(string=agenda_html(meeting, message)).write_pdf(pdf_variant="pdf/ua-1")
    return pdf
