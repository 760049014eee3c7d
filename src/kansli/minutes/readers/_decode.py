"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, then cp1252."""

from __future__ import annotations

import codecs

from kansli.minutes.errors import UnsupportedFormatError
from kansli.minutes.model import ParseWarning

REPLACEMENT = "\ufffd"
_DAMAGE_MIN = 3
"""A stray U+FFFD can be legitimate text; from this many on, the file was damaged on its way."""

# Control characters that never occur in a text document (NUL, the C0 block but for \t \n \r
# \f and ESC-free range): many of them mean the bytes are a binary file, not text.
_BINARY = frozenset(range(0x00, 0x09)) | {0x0B} | frozenset(range(0x0E, 0x1B)) | {0x1C, 0x1D}


def decode(data: bytes, name: str | None) -> str:
    """Decode a text file; refuse bytes that are evidently not text."""
    if data.startswith(codecs.BOM_UTF8):
        return _utf8(data[len(codecs.BOM_UTF8) :], name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise UnsupportedFormatError(name, "trasig UTF-16-text") from error
    if _looks_binary(data):
        raise UnsupportedFormatError(name, "binärfil, inte text")
    return _utf8(data, name)


def _utf8(data: bytes, name: str | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise UnsupportedFormatError(name, "binärfil, inte text")
    # cp1252 leaves five bytes undefined; they become U+FFFD and are reported as damage.
    return data.decode("cp1252", errors="replace")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _BINARY)
    return controls > max(2, len(sample) // 100)


def encoding_warnings(text: str) -> tuple[ParseWarning, ...]:
    """A warning when the text carries many U+FFFD: characters lost before we got the file."""
    count = text.count(REPLACEMENT)
    if count < _DAMAGE_MIN:
        return ()
    return (
        ParseWarning(
            code="damaged-encoding",
            message=(
                f"Teckenkodningen är skadad: {count} tecken är ersatta med {REPLACEMENT}; "
                "namn och ord med å, ä och ö kan vara felstavade. Kontrollera mot originalet."
            ),
        ),
    )
