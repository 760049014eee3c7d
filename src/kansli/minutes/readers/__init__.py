"""kansli.minutes.readers: every supported file format into one `Document` (a flat block stream).

    from kansli.minutes.readers import read_file, read_bytes, read_text

The format is found from the content, never trusted from the name: PDF (``%PDF``), DOCX (a zip
holding ``word/document.xml``), and for text HTML, Org, reStructuredText, Markdown, Typst,
LaTeX or plain text (the file name's extension only breaks ties between text flavours).

What each reader emits is described in its module; the conventions they share are in
`kansli.minutes.blocks`. Two of them are worth repeating here:

- Source lines are the file's physical 1-based line numbers for text formats, the running
  index of paragraphs and table rows for DOCX, and the visual line on the page for PDF.
- A wrapped line keeps the kind of the block it continues and says ``continued=True``: the
  second line of a bullet is a BULLET with ``continued=True``, not a new bullet.
  `merge_continued` joins them for consumers that want one block per sentence.

Only the documented `MinutesError` subclasses leave these functions.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from kansli.minutes.blocks import Block, BlockKind, Document
from kansli.minutes.errors import (
    MAX_BYTES,
    EmptyDocumentError,
    MinutesError,
    OversizedDocumentError,
    UnreadableError,
    UnsupportedFormatError,
)
from kansli.minutes.readers._clean import join_lines
from kansli.minutes.readers._decode import decode, encoding_warnings
from kansli.minutes.readers._result import ReadResult
from kansli.minutes.readers._sniff import TEXT_FORMATS, Container, container, text_format

__all__ = ["TEXT_FORMATS", "merge_continued", "read_bytes", "read_file", "read_text"]


def read_file(path: str | Path) -> Document:
    """Read a document from disk; its size is checked before a byte is read."""
    file = Path(path)
    name = file.name
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise OversizedDocumentError(name, f"{size / 1_000_000:.0f} MB")
        data = file.read_bytes()
    except OSError as error:
        raise UnreadableError(name, error.strerror or type(error).__name__) from error
    return read_bytes(data, name)


def read_bytes(data: bytes, name: str | None = None) -> Document:
    """Read a document given as bytes (an upload); `name` is used in messages and as a hint."""
    return _guarded(name, lambda: _read_bytes(data, name))


def read_text(text: str, name: str | None = None, fmt: str = "auto") -> Document:
    """Read a text document: `fmt` is one of TEXT_FORMATS, or "auto" to tell from the content."""
    return _guarded(name, lambda: _read_text(text, name, fmt))


def merge_continued(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Join every `continued` block into the block it continues (one block per sentence)."""
    merged: list[Block] = []
    for block in blocks:
        previous = merged[-1] if merged else None
        if block.continued and previous is not None and previous.kind is block.kind:
            merged[-1] = replace(
                previous,
                text=join_lines(previous.text, block.text),
                source=previous.source.span(block.source),
            )
        else:
            merged.append(block)
    return tuple(merged)


def _guarded(name: str | None, read: Callable[[], Document]) -> Document:
    try:
        return read()
    except MinutesError:
        raise
    except RecursionError as error:
        raise UnreadableError(name, "för djupt nästlat dokument") from error
    except Exception as error:  # the contract: only documented errors leave the readers
        raise UnreadableError(name, f"oväntat fel: {type(error).__name__}") from error


def _read_bytes(data: bytes, name: str | None) -> Document:
    if len(data) > MAX_BYTES:
        raise OversizedDocumentError(name, f"{len(data) / 1_000_000:.0f} MB")
    if not data.strip(b" \t\r\n\f\v\x00"):
        raise EmptyDocumentError(name)
    kind = container(data)
    if kind is Container.TEXT:
        return _read_text(decode(data, name), name, "auto")
    # pypdfium2 and python-docx load only when a file needs them.
    if kind is Container.PDF:
        pdf_reader = importlib.import_module("kansli.minutes.readers.pdf_reader")
        return _document(pdf_reader.read(data, name), "pdf", name)
    if kind is Container.DOCX or kind is Container.OLE:
        docx_reader = importlib.import_module("kansli.minutes.readers.docx_reader")
        if kind is Container.OLE:
            docx_reader.refuse_ole(data, name)
        return _document(docx_reader.read(data, name), "docx", name)
    raise UnsupportedFormatError(name, str(kind))


def _read_text(text: str, name: str | None, fmt: str) -> Document:
    if len(text) > MAX_BYTES:
        raise OversizedDocumentError(name, f"{len(text) / 1_000_000:.0f} miljoner tecken")
    text = text.removeprefix("\ufeff")
    if fmt == "auto":
        fmt = text_format(text, name)
    reader = _text_reader(fmt)
    if reader is None:
        raise UnsupportedFormatError(name, f"okänt textformat {fmt!r}")
    if not text.strip():
        raise EmptyDocumentError(name)
    result = reader(text)
    result = replace(result, warnings=encoding_warnings(text) + result.warnings)
    return _document(result, fmt, name)


def _text_reader(fmt: str) -> Callable[[str], ReadResult] | None:
    """The reader of a text flavour; imported on first use so a text file never loads lxml."""
    module = _TEXT_MODULES.get(fmt)
    if module is None:
        return None
    read: Callable[[str], ReadResult] = importlib.import_module(module).read
    return read


_TEXT_MODULES = {
    "text": "kansli.minutes.readers.text",
    "markdown": "kansli.minutes.readers.markdown",
    "html": "kansli.minutes.readers.html",
    "org": "kansli.minutes.readers.org",
    "rst": "kansli.minutes.readers.rst",
    "typst": "kansli.minutes.readers.typst",
    "latex": "kansli.minutes.readers.latex",
}


def _document(result: ReadResult, fmt: str, name: str | None) -> Document:
    if not any(b.kind not in (BlockKind.BLANK, BlockKind.PAGE) for b in result.blocks):
        raise EmptyDocumentError(name, "ingen text")
    return Document(
        blocks=result.blocks,
        format=fmt,
        name=name,
        pages=result.pages,
        warnings=result.warnings,
        metadata=result.metadata,
    )
