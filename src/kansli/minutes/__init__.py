"""kansli.minutes: the pure-Python core. Reads minutes documents into the minutes model.

    from kansli.minutes import parse_file, parse_text, to_json

Never imports Django (enforced by ruff's banned-api rule in this package's ruff.toml).
"""

from __future__ import annotations

from pathlib import Path

from kansli.minutes.errors import (
    EmptyDocumentError,
    EncryptedDocumentError,
    InvalidMinutesJsonError,
    MinutesError,
    OversizedDocumentError,
    ScannedDocumentError,
    UnreadableError,
    UnsupportedFormatError,
)
from kansli.minutes.model import Minutes
from kansli.minutes.parser import parse_document
from kansli.minutes.readers import read_bytes, read_file, read_text
from kansli.minutes.render.json import to_json as render_json

__all__ = [
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "InvalidMinutesJsonError",
    "Minutes",
    "MinutesError",
    "OversizedDocumentError",
    "ScannedDocumentError",
    "UnreadableError",
    "UnsupportedFormatError",
    "parse_bytes",
    "parse_file",
    "parse_text",
    "to_json",
]


def parse_file(path: str | Path) -> Minutes:
    """Read and parse a minutes document of any supported format."""
    return parse_document(read_file(path))


def parse_bytes(data: bytes, name: str | None = None) -> Minutes:
    """Parse a document given as bytes (an upload); `name` is used in messages only."""
    return parse_document(read_bytes(data, name))


def parse_text(text: str, name: str | None = None, fmt: str = "auto") -> Minutes:
    """Parse minutes given as a string: text, Markdown, Org, reST or HTML (`fmt` or sniffed)."""
    return parse_document(read_text(text, name, fmt))


def to_json(minutes: Minutes) -> dict[str, object]:
    """The `minutes/1` interchange dict (see schema/minutes-1.schema.json)."""
    return render_json(minutes)
