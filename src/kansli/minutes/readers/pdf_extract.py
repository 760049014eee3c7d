"""Positioned text from a PDF with pdfium: one `Segment` per text rectangle, fast.

pypdfium2's `get_text_bounded()` per rectangle rescans the page for each call and halves the
import speed. Instead we take the page text once (`FPDFText_GetText`, the same call as a raw
`get_text_range()`), split it at pdfium's line breaks, and ask pdfium how many rectangles each
line has; when a line has several, the character where each rectangle starts is found by
counting the rectangles of growing prefixes. Every character lands in exactly one segment, in
pdfium's order, and a fragment that ended at a word boundary keeps its trailing space.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kansli.minutes.errors import EncryptedDocumentError, UnreadableError

SOFT_HYPHEN = "\u00ad"
# pdfium marks a hyphen that split a word at a line end as U+FFFE (or \x02 in bounded text).
_HYPHEN_MARKS = str.maketrans({"\ufffe": SOFT_HYPHEN, "\x02": SOFT_HYPHEN, "\x00": None})


class Segment(NamedTuple):
    """A run of text in one rectangle; PDF coordinates, y grows upwards.

    A named tuple rather than a dataclass: a page has hundreds and creating them is on the
    import's hot path.
    """

    x0: float
    bottom: float
    x1: float
    top: float
    text: str

    @property
    def height(self) -> float:
        return self.top - self.bottom


_CHUNK = 8
"""Lines asked about at once: most pages need one call per chunk, tables a few more."""
_LEADER = re.compile(r"(?:\. ?){4,}|_{5,}")


@dataclass(frozen=True, slots=True)
class PageText:
    number: int
    width: float
    height: float
    segments: tuple[Segment, ...]
    has_images: bool = False


def open_pdf(data: bytes, name: str | None) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise EncryptedDocumentError(name) from error
        raise UnreadableError(name, "PDF-filen är trasig") from error


def extract(pdf: pdfium.PdfDocument, name: str | None) -> list[PageText]:
    # pdfium's C API directly: the helper objects' finalizer bookkeeping costs more than the
    # text of a short page.
    pages: list[PageText] = []
    document = pdf.raw
    for index in range(len(pdf)):
        page = pdfium_c.FPDF_LoadPage(document, index)
        if not page:
            raise UnreadableError(name, f"sidan {index + 1} kunde inte läsas")
        try:
            textpage = pdfium_c.FPDFText_LoadPage(page)
            if not textpage:
                raise UnreadableError(name, f"texten på sidan {index + 1} kunde inte läsas")
            try:
                segments = tuple(_segments(textpage))
            finally:
                pdfium_c.FPDFText_ClosePage(textpage)
            width = pdfium_c.FPDF_GetPageWidthF(page)
            height = pdfium_c.FPDF_GetPageHeightF(page)
            pages.append(PageText(index + 1, width, height, segments))
        finally:
            pdfium_c.FPDF_ClosePage(page)
    return pages


def has_images(pdf: pdfium.PdfDocument) -> bool:
    """Whether any page draws an image: tells a scan from an empty document (slow; rare path)."""
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            if any(
                True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3)
            ):
                return True
        finally:
            page.close()
    return False


class _Rect:
    """Reused ctypes out-parameters for FPDFText_GetRect."""

    def __init__(self) -> None:
        self.left, self.top = ctypes.c_double(), ctypes.c_double()
        self.right, self.bottom = ctypes.c_double(), ctypes.c_double()
        self.refs = (
            ctypes.byref(self.left),
            ctypes.byref(self.top),
            ctypes.byref(self.right),
            ctypes.byref(self.bottom),
        )


def _segments(handle: object) -> list[Segment]:
    count = pdfium_c.FPDFText_CountChars(handle)
    if count <= 0:
        return []
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(handle, 0, count, buffer)
    raw = memoryview(buffer).cast("B")[: 2 * max(written - 1, 0)]
    text = bytes(raw).decode("utf-16-le", errors="replace")
    if len(text) != count:
        return []  # pdfium's text and character lists disagree: positions would be wrong
    ranges: list[tuple[int, str]] = []
    position = 0
    for line in text.split("\r\n"):
        start, position = position, position + len(line) + 2
        if not line.strip():
            continue
        if "...." not in line and "_____" not in line:
            ranges.append((start, line))
            continue
        # Dot leaders and underscore rules are drawn one rectangle per character: skip them
        # instead of locating dozens of rectangles that carry no text.
        offset = 0
        for leader in _LEADER.finditer(line):
            if line[offset : leader.start()].strip():
                ranges.append((start + offset, line[offset : leader.start()]))
            offset = leader.end()
        if line[offset:].strip():
            ranges.append((start + offset, line[offset:]))
    segments: list[Segment] = []
    _ranges_segments(handle, ranges, _Rect(), segments)
    return segments


def _ranges_segments(
    handle: object, ranges: list[tuple[int, str]], rect: _Rect, out: list[Segment]
) -> None:
    """Segments of consecutive text lines, asking pdfium as few times as possible.

    Most lines are one rectangle, so a run of lines with exactly as many rectangles as lines is
    taken whole (a few calls for a page of plain text); in a run with more, each line is asked
    on its own and the lines with several rectangles are cut by `_line_segments`.
    """
    count_rects, get_rect, refs = pdfium_c.FPDFText_CountRects, pdfium_c.FPDFText_GetRect, rect.refs
    for chunk_start in range(0, len(ranges), _CHUNK):
        chunk = ranges[chunk_start : chunk_start + _CHUNK]
        first, last = chunk[0][0], chunk[-1][0] + len(chunk[-1][1])
        if count_rects(handle, first, last - first) == len(chunk):
            for index, (_, line) in enumerate(chunk):
                get_rect(handle, index, *refs)
                out.append(_segment(rect, line))
            continue
        for start, line in chunk:
            out.extend(_line_segments(handle, start, line, rect))


def _segment(rect: _Rect, text: str) -> Segment:
    if "\ufffe" in text or "\x02" in text or "\x00" in text:
        text = text.translate(_HYPHEN_MARKS)
    return Segment(rect.left.value, rect.bottom.value, rect.right.value, rect.top.value, text)


def _line_segments(handle: object, start: int, line: str, rect: _Rect) -> list[Segment]:
    length = len(line)
    rects = pdfium_c.FPDFText_CountRects(handle, start, length)
    if rects <= 0:
        return []
    cuts = [0]
    if rects > 1:
        cuts += _rect_starts(handle, start, length, rects)
        pdfium_c.FPDFText_CountRects(handle, start, length)  # GetRect reads the last count
    cuts.append(length)
    if "\ufffe" in line or "\x02" in line or "\x00" in line:
        line = line.translate(_HYPHEN_MARKS)
        cuts[-1] = len(line)
    out: list[Segment] = []
    get_rect, refs = pdfium_c.FPDFText_GetRect, rect.refs
    left, bottom, right, top = rect.left, rect.bottom, rect.right, rect.top
    for index in range(rects):
        piece = line[cuts[index] : cuts[index + 1]]
        if piece.strip():
            get_rect(handle, index, *refs)
            out.append(Segment(left.value, bottom.value, right.value, top.value, piece))
    return out


def _rect_starts(handle: object, start: int, length: int, rects: int) -> list[int]:
    """Where rectangles 1.. begin: the shortest prefix that already has one more rectangle.

    Galloping search from the previous start: a dot leader's one-character rectangles cost one
    or two calls each, a table line's few long cells a binary search each.
    """
    count = pdfium_c.FPDFText_CountRects
    starts: list[int] = []
    low = 0  # the prefix of `low + 1` characters has `wanted` rectangles
    for wanted in range(1, rects):
        step = 1
        lo, hi = low + 1, low + 1
        while hi < length and count(handle, start, hi + 1) <= wanted:
            lo = hi + 1
            hi = min(length, hi + step)
            step *= 2
        # The smallest size in [lo, hi + 1] whose prefix has more than `wanted` rectangles.
        hi = min(length, hi + 1)
        while lo < hi:
            mid = (lo + hi) // 2
            if count(handle, start, mid) > wanted:
                hi = mid
            else:
                lo = mid + 1
        starts.append(lo - 1)
        low = lo - 1
    return starts
