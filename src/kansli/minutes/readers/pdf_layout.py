"""Visual lines of PDF pages into blocks: tables aligned by column, wrapped text, gaps, bullets.

- Table rows are lines with a wide gap; consecutive ones form a table whose cells are placed in
  the columns found from the left edges of all its cells. A line whose first column is empty
  but whose text starts at a column continues the row above ("Tillväxt- och" +
  "regionplaneförvaltningen, Region" + "Stockholm" is one cell).
- Text lines are one PARAGRAPH or BULLET each; a line that wraps the previous one (no gap, same
  left edge, and the previous line had no room left for this line's first word) has
  `continued=True`, also across a page break. A gap clearly larger than the line spacing is a
  BLANK.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median

from kansli.minutes.blocks import Block, BlockKind
from kansli.minutes.readers._build import BlockBuilder
from kansli.minutes.readers._clean import first_word, join_wrapped
from kansli.minutes.readers.pdf_lines import Line


@dataclass(slots=True)
class _Row:
    first: int
    last: int
    cells: dict[int, str] = field(default_factory=dict)


@dataclass(slots=True)
class _Previous:
    """The last text line, for deciding whether the next one continues it."""

    kind: BlockKind
    x0: float
    x1: float
    marker: str
    level: int
    char_width: float
    height: float


class PdfLayout:
    def __init__(self, right_margin: float) -> None:
        self.out = BlockBuilder()
        self.right_margin = right_margin
        self.previous: _Previous | None = None
        self.bullet_xs: list[float] = []

    def page(self, number: int, lines: list[Line]) -> None:
        self.out.new_page(number, 1)
        content = [line for line in lines if not line.furniture]
        gap_limit = _blank_gap(content)
        table: list[Line] = []
        last: Line | None = None
        for line in lines:
            if line.furniture:
                self.furniture(line)
                continue
            same_table = bool(table) and line.is_row and _aligned(table, line)
            if last is not None and last.bottom - line.top > gap_limit and not same_table:
                self.flush_table(table)
                self.out.blank(line.number)
                self.previous = None
            if line.is_row or (table and _continues_table(table, line)):
                if not table:
                    self.previous = None
                table.append(line)
            else:
                self.flush_table(table)
                self.text(line)
            last = line
        self.flush_table(table)

    # -- text ----------------------------------------------------------------------------------

    def text(self, line: Line) -> None:
        text = line.text
        width = (line.x1 - line.x0) / max(len(text), 1)
        if line.marker:
            level = self.bullet_level(line.marker_x, line.height)
            self.out.bullet(text, line.number, level=level, marker=line.marker)
            self.previous = _Previous(
                BlockKind.BULLET, line.x0, line.x1, line.marker, level, width, line.height
            )
            return
        previous = self.previous
        if previous is not None and self.wraps(previous, line):
            if previous.kind is BlockKind.BULLET:
                self.out.bullet(
                    text, line.number, level=previous.level, marker=previous.marker, continued=True
                )
            else:
                self.out.paragraph(text, line.number, continued=True)
            previous.x1 = line.x1
            return
        self.bullet_xs.clear()
        self.out.paragraph(text, line.number)
        self.previous = _Previous(BlockKind.PARAGRAPH, line.x0, line.x1, "", 0, width, line.height)

    def wraps(self, previous: _Previous, line: Line) -> bool:
        if abs(line.height - previous.height) > 0.35 * max(line.height, previous.height):
            return False  # another font size: a title over its subtitle, not a wrapped line
        tolerance = max(3.0, 0.4 * line.height)
        if abs(line.x0 - previous.x0) > tolerance and not (
            previous.kind is BlockKind.PARAGRAPH and line.x0 < previous.x0
        ):
            return False
        if previous.kind is BlockKind.BULLET:
            return True
        word = first_word(line.text)
        return previous.x1 + (len(word) + 1) * previous.char_width >= self.right_margin - tolerance

    def bullet_level(self, x: float, height: float) -> int:
        tolerance = max(3.0, 0.5 * height)
        self.bullet_xs = [b for b in self.bullet_xs if b <= x + tolerance]
        if not self.bullet_xs or x > self.bullet_xs[-1] + tolerance:
            self.bullet_xs.append(x)
        return len(self.bullet_xs) - 1

    def furniture(self, line: Line) -> None:
        """A repeated page header/footer: emitted in place, marked, and not part of the text."""
        if line.is_row:
            self.out.end_table()
            self.out.row([cell.text for cell in line.cells], line.number, furniture=True)
            self.out.end_table()
        else:
            self.out.paragraph(line.text, line.number, furniture=True)

    # -- tables --------------------------------------------------------------------------------

    def flush_table(self, table: list[Line]) -> None:
        if not table:
            return
        columns = _columns(table)
        rows: list[_Row] = []
        for line in table:
            placed = [(_column(columns, cell.x0), cell.text) for cell in line.cells]
            if rows and placed and placed[0][0] > 0 and _continues_row(rows[-1], placed):
                row = rows[-1]
                row.last = line.number
            else:
                row = _Row(line.number, line.number)
                rows.append(row)
            for column, text in placed:
                row.cells[column] = join_wrapped(row.cells.get(column, ""), text)
        for row in rows:
            cells = [row.cells.get(i, "").strip() for i in range(len(columns))]
            self.out.row(cells, row.first, end=row.last)
        self.out.end_table()
        table.clear()
        self.previous = None

    def build(self) -> tuple[Block, ...]:
        return self.out.build()


def _blank_gap(lines: list[Line]) -> float:
    """How much vertical space between two lines means an empty line in the source."""
    gaps = [a.bottom - b.top for a, b in pairwise(lines) if a.bottom > b.top]
    heights = [line.height for line in lines]
    if not heights:
        return 1e9
    height = median(heights)
    normal = median(gaps) if gaps else 0.3 * height
    return max(1.8 * normal, normal + 0.45 * height)


def _continues_table(table: list[Line], line: Line) -> bool:
    """A line under a table row whose text starts in a later column: the row's cells wrap."""
    last = table[-1]
    if last.bottom - line.top > 1.2 * max(line.height, last.height):
        return False
    starts = sorted({round(cell.x0) for row in table for cell in row.cells})
    tolerance = max(4.0, 0.6 * line.height)
    first = starts[0]
    if line.x0 <= first + tolerance:
        return False
    return all(any(abs(cell.x0 - x) <= tolerance for x in starts[1:]) for cell in line.cells)


def _aligned(table: list[Line], line: Line) -> bool:
    """A row that starts in the table's first column and shares another column with it."""
    starts = sorted({cell.x0 for row in table for cell in row.cells})
    tolerance = max(4.0, 0.6 * line.height)
    if abs(line.x0 - starts[0]) > tolerance:
        return False
    return any(abs(cell.x0 - x) <= tolerance for cell in line.cells[1:] for x in starts[1:])


def _columns(table: list[Line]) -> list[float]:
    """Left edges of the table's columns: cell starts clustered with a small tolerance."""
    tolerance = max(4.0, 0.6 * median(line.height for line in table))
    columns: list[float] = []
    last = -1e9
    for x in sorted(cell.x0 for line in table for cell in line.cells):
        if x - last > tolerance:  # single linkage: right-aligned numbers drift a few points
            columns.append(x)
        last = x
    return columns


def _column(columns: list[float], x: float) -> int:
    best = 0
    for index, start in enumerate(columns):
        if start <= x + 4.0:
            best = index
    return best


def _continues_row(row: _Row, placed: list[tuple[int, str]]) -> bool:
    """The first column is empty: the text continues cells of the row above."""
    return all(column in row.cells or column > 0 for column, _ in placed)
