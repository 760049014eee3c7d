"""The parser's own, documented errors. Anything else escaping `parse_*` is a bug.

Each error has a stable `code`, a process exit code for the CLI, and a one-line message in Swedish
with the English after it, naming the file and the problem.
"""

from __future__ import annotations


class MinutesError(Exception):
    """Base class: the input could not be turned into minutes."""

    code = "error"
    exit_code = 1
    sv = "kunde inte läsas"
    en = "could not be read"

    def __init__(self, name: str | None = None, detail: str | None = None) -> None:
        self.name = name
        self.detail = detail
        super().__init__(self.message())

    def message(self) -> str:
        where = f"{self.name}: " if self.name else ""
        extra = f" ({self.detail})" if self.detail else ""
        return f"{where}{self.sv}{extra} / {self.en}"


class UnreadableError(MinutesError):
    code = "unreadable"
    exit_code = 3
    sv = "filen kunde inte läsas"
    en = "the file could not be read"


class UnsupportedFormatError(MinutesError):
    code = "unsupported"
    exit_code = 4
    sv = "filformatet stöds inte (text, Markdown, Org, reST, HTML, DOCX eller PDF väntades)"
    en = "unsupported file format (expected text, Markdown, Org, reST, HTML, DOCX or PDF)"


class EmptyDocumentError(MinutesError):
    code = "empty"
    exit_code = 5
    sv = "dokumentet är tomt"
    en = "the document is empty"


class EncryptedDocumentError(MinutesError):
    code = "encrypted"
    exit_code = 6
    sv = "dokumentet är lösenordsskyddat"
    en = "the document is password protected"


class OversizedDocumentError(MinutesError):
    code = "oversized"
    exit_code = 7
    sv = "filen är för stor (högst 50 MB)"
    en = "the file is too large (at most 50 MB)"


class ScannedDocumentError(MinutesError):
    code = "scanned"
    exit_code = 8
    sv = "skannad PDF utan textlager — OCR behövs"
    en = "scanned PDF without a text layer — OCR is needed"


class InvalidMinutesJsonError(MinutesError):
    """A JSON document that is not valid `minutes/1` (an import, an API call)."""

    code = "invalid-json"
    exit_code = 10
    sv = "ogiltig minutes/1-JSON"
    en = "invalid minutes/1 JSON"


MAX_BYTES = 50 * 1024 * 1024
"""Files larger than this are refused before they are read."""
