"""Checks on an uploaded file before anything reads it: a size cap, and the kind told from the
content, never from the file's name. Minutes documents are checked further by the core reader
(which refuses zip bombs, encrypted and scanned files with a message of its own)."""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from kansli.minutes import MinutesError
from kansli.minutes.readers.docx_reader import guard_zip


class UploadError(ValueError):
    """A file refused before reading; the message names the file and the problem."""


# Content signatures of what may be attached to a meeting: (prefix, content type).
SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


def kind_of(data: bytes) -> str | None:
    """The content type the bytes show, or None: text only when it is valid UTF-8."""
    for prefix, content_type in SIGNATURES:
        if data.startswith(prefix):
            return content_type
    try:
        data[:65536].decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < 65532:  # a character cut at the sample's end is not an error
            return None
    return None if b"\x00" in data[:65536] else "text/plain"


def checked_upload(upload: UploadedFile | None, *, kinds: set[str] | None) -> tuple[bytes, str]:
    """The upload's bytes and content type, or UploadError. `kinds` limits the content types
    (None: any the core reader will judge itself)."""
    if upload is None:
        raise UploadError(_("Ingen fil valdes."))
    cap = settings.KANSLI_MAX_UPLOAD_MB * 1024 * 1024
    if (upload.size or 0) > cap:
        raise UploadError(
            _("%(name)s är %(size).1f MB; största tillåtna storlek är %(cap)d MB.")
            % {
                "name": upload.name,
                "size": (upload.size or 0) / 1048576,
                "cap": settings.KANSLI_MAX_UPLOAD_MB,
            }
        )
    data = upload.read()
    if not data:
        raise UploadError(_("%(name)s är tom.") % {"name": upload.name})
    content_type = kind_of(data) or "application/octet-stream"
    if kinds is not None and content_type not in kinds:
        raise UploadError(
            _("%(name)s är inte en fil som kan bifogas (PDF, Office-dokument, bild eller text).")
            % {"name": upload.name}
        )
    if content_type == "application/zip":
        try:
            guard_zip(data, upload.name)
        except MinutesError as error:
            raise UploadError(error.message()) from error
    return data, content_type
