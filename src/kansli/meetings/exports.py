"""A stored meeting out as a document: house-style DOCX and PDF, `minutes/1` JSON, Markdown.
Every format is rendered by the core from the same `Minutes` (see `content.minutes_of`)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from kansli.meetings.content import minutes_of
from kansli.meetings.models import Meeting
from kansli.minutes import Minutes
from kansli.minutes import render as core

ATTACHMENT_KINDS = {"application/pdf", "application/zip", "image/png", "image/jpeg", "text/plain"}


def _json(minutes: Minutes) -> bytes:
    return (json.dumps(core.to_json(minutes), ensure_ascii=False, indent=2) + "\n").encode()


def _markdown(minutes: Minutes) -> bytes:
    return core.to_markdown(minutes).encode()


def _docx(minutes: Minutes) -> bytes:
    return core.to_docx(minutes)  # type: ignore[attr-defined, no-any-return]


def _pdf(minutes: Minutes) -> bytes:
    return core.to_pdf(minutes)  # type: ignore[attr-defined, no-any-return]


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# format -> (label, content type, renderer), in the order the meeting page offers them.
FORMATS: dict[str, tuple[str, str, Callable[[Minutes], bytes]]] = {
    "pdf": ("PDF", "application/pdf", _pdf),
    "docx": ("Word", DOCX_TYPE, _docx),
    "json": ("JSON (minutes/1)", "application/json", _json),
    "md": ("Markdown", "text/markdown; charset=utf-8", _markdown),
}


def render(meeting: Meeting, fmt: str) -> tuple[bytes, str, str]:
    """(bytes, content type, file name) of the meeting in `fmt`."""
    _label, content_type, renderer = FORMATS[fmt]
    name = safe_filename(f"{meeting.body.short_name or meeting.body.name} {meeting.date:%Y-%m-%d}")
    return renderer(minutes_of(meeting)), content_type, f"{name}.{fmt}"


def safe_filename(name: str) -> str:
    """A name that is safe in a Content-Disposition header and on every file system."""
    cleaned = re.sub(r"[^\w.\- ]+", "_", name).strip(" .") or "dokument"
    return cleaned.replace(" ", "-")[:120]
