"""Segments into visual lines, and visual lines into cells (what a wide gap separates)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import NamedTuple

from kansli.minutes.readers._clean import BULLET_GLYPHS
from kansli.minutes.readers.pdf_extract import SOFT_HYPHEN, Segment

_NOISE = re.compile(r"^[\s.·…_‒–—-]*$")
_LEADER = re.compile(r"\s*(?:[.·…_]\s?){4,}\s*$")
PDF_BULLETS = BULLET_GLYPHS | {"-", "–", "o", "*", "", "§"}
_INLINE_BULLET = re.compile(r"^([•\uf0b7\uf0a7▪◦●■‣➢➤►]|[-–])\s+(?=\S)")
_BULLET_STARTS = frozenset("•\uf0b7\uf0a7▪◦●■‣➢➤►-–")
CELL_GAP = 0.8
"""A gap wider than this many line heights separates two cells."""
ROW_GAP = 1.5
"""A line with a gap this wide (in line heights) is a table row: about three em spaces, which
justified text never stretches to, but a tab stop ("Närvarande:<TAB>Björn ...") does."""


class Cell(NamedTuple):
    """Text between two wide gaps of a line (a named tuple: there is one per line or more)."""

    x0: float
    x1: float
    text: str


@dataclass(slots=True)
class Line:
    """One visual line of a page: its segments left to right, grouped into cells."""

    number: int
    top: float
    bottom: float
    cells: list[Cell] = field(default_factory=list)
    marker: str = ""
    """A bullet glyph that opened the line ("•", "-", ...)."""
    marker_x: float = 0.0
    is_row: bool = False
    furniture: bool = False
    text: str = ""
    """The line's text, cells joined by a space (set once the cells are final)."""

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)

    @property
    def x0(self) -> float:
        return self.cells[0].x0

    @property
    def x1(self) -> float:
        return self.cells[-1].x1

    @property
    def raw_end(self) -> str:
        """The last cell as pdfium gave it (a trailing space means a word boundary)."""
        return self.cells[-1].text


def visual_lines(segments: tuple[Segment, ...]) -> list[Line]:
    """Group segments that overlap vertically; number the lines top to bottom from 1."""
    kept = [s for s in segments if not _is_noise(s)]
    kept.sort(key=lambda s: -(s.top + s.bottom))
    groups: list[list[Segment]] = []
    bands: list[tuple[float, float]] = []
    for segment in kept:
        if groups:
            top, bottom = bands[-1]
            overlap = min(top, segment.top) - max(bottom, segment.bottom)
            if overlap >= 0.5 * min(top - bottom, segment.height, 1e9):
                groups[-1].append(segment)
                bands[-1] = (max(top, segment.top), min(bottom, segment.bottom))
                continue
        groups.append([segment])
        bands.append((segment.top, segment.bottom))
    lines: list[Line] = []
    for (top, bottom), group in zip(bands, groups, strict=True):
        group.sort(key=lambda s: s.x0)
        line = _make_line(len(lines) + 1, top, bottom, group)
        if line is not None:
            lines.append(line)
    return lines


def _is_noise(segment: Segment) -> bool:
    """Dot leaders, rules drawn with underscores, stray dots."""
    text = segment.text.strip()
    if not text:
        return True
    return bool(_NOISE.match(text)) and (len(text) > 1 or text in "._")


def _make_line(number: int, top: float, bottom: float, group: list[Segment]) -> Line | None:
    if len(group) == 1 and not _needs_work(group[0].text):
        # Most lines are one plain fragment: no cells to split, no glyph, no leader.
        only = group[0]
        text = only.text.strip()
        return Line(number, top, bottom, [Cell(only.x0, only.x1, only.text)], text=text)
    height = max(top - bottom, 1.0)
    line = Line(number, top, bottom)
    segments = list(group)
    first = segments[0].text.strip()
    if len(segments) > 1 and first in PDF_BULLETS and segments[1].x0 > segments[0].x1:
        line.marker, line.marker_x = first, segments[0].x0
        segments = segments[1:]
    cells: list[list[Segment]] = [[segments[0]]]
    widest = 0.0
    for previous, segment in pairwise(segments):
        gap = segment.x0 - previous.x1
        if gap >= CELL_GAP * height:
            cells.append([segment])
            widest = max(widest, gap)
        else:
            cells[-1].append(segment)
    line.cells = [Cell(c[0].x0, c[-1].x1, _join_inline(c, height)) for c in cells]
    line.cells = [c for c in (_strip_leader(c) for c in line.cells) if c.text.strip()]
    if not line.cells:
        return None
    if not line.marker:
        match = _INLINE_BULLET.match(line.cells[0].text.lstrip())
        if match and len(line.cells[0].text.strip()) > 2:
            line.marker, line.marker_x = match[1], line.cells[0].x0
            first_cell = line.cells[0]
            line.cells[0] = Cell(
                first_cell.x0, first_cell.x1, first_cell.text.lstrip()[match.end() :]
            )
    line.is_row = len(line.cells) > 1 and widest >= ROW_GAP * height
    line.text = " ".join(c.text.strip() for c in line.cells)
    if len(line.cells) > 1 and not line.is_row:
        # Narrow gaps only (a number in the margin, a tab stop): one line of text.
        line.cells = [
            Cell(line.cells[0].x0, line.cells[-1].x1, line.text + _trailing(line.cells[-1]))
        ]
    return line


def _needs_work(text: str) -> bool:
    """Whether a lone fragment may open with a bullet or hold a dot leader."""
    stripped = text.lstrip()
    return stripped[:1] in _BULLET_STARTS or "...." in text or "…" in text or "____" in text


def _join_inline(segments: list[Segment], height: float) -> str:
    """Segments on one line: a visible gap is a space, touching fragments are one word."""
    text = segments[0].text
    for previous, segment in pairwise(segments):
        if text.endswith((" ", SOFT_HYPHEN)) or segment.text.startswith(" "):
            text = text.rstrip(SOFT_HYPHEN) + segment.text
        elif segment.x0 - previous.x1 > 0.15 * height:
            text += " " + segment.text
        else:
            text += segment.text
    return text


def _strip_leader(cell: Cell) -> Cell:
    if "...." not in cell.text and "…" not in cell.text and "____" not in cell.text:
        return cell
    text = _LEADER.sub(" ", cell.text)
    return Cell(cell.x0, cell.x1, text) if text != cell.text else cell


def _trailing(cell: Cell) -> str:
    text = cell.text
    return text[len(text.rstrip()) :]
