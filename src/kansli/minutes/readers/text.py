"""Plain text, and the line loop the other line-oriented readers build on.

One block per physical line (source lines are the file's 1-based line numbers). Tables come
from tab-separated lines, pipe rows and columns laid out with runs of spaces; "- " / "• " / "1)"
lines are bullets (but "1. Incheckning" stays a paragraph: in minutes that is an item heading).
A form feed starts a new page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kansli.minutes.blocks import BlockKind
from kansli.minutes.readers._build import BlockBuilder, mark_running_text
from kansli.minutes.readers._clean import squash
from kansli.minutes.readers._lines import (
    ListLevels,
    WrapWidth,
    indent_width,
    inner_pipe_cells,
    is_rule,
    list_item,
    pipe_cells,
    spaced_cells,
    tab_cells,
)
from kansli.minutes.readers._result import ReadResult

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """Physical lines; unlike str.splitlines, a form feed stays inside its line."""
    return _LINE_BREAK.split(text)


@dataclass(slots=True)
class _OpenText:
    """The text line the next line may continue."""

    line: str
    indent: int
    kind: BlockKind
    level: int
    marker: str


# "1.", "2.1", "§ 5": an item number standing apart from its title.
_ITEM_NUMBER = re.compile(r"(?:§\s*)?\d{1,3}(?:\.\d{1,3})*[.)]?")
# "Also present: Carla Mendes, ...": a label and the column its value starts at.
_LABEL_VALUE = re.compile(r"^\s*[^\s:][^:]{0,30}:\s+(?P<value>\S)")


def _starts(line: str, cells: list[str]) -> list[int]:
    """Where each cell of a spaced row begins in its line."""
    starts, at = [], 0
    for cell in cells:
        at = line.find(cell, at)
        starts.append(at)
        at += len(cell)
    return starts


class LineReader:
    """The shared loop: subclasses clean inline markup and claim format-specific lines first."""

    numbered = ")"
    """Which numbered list markers are list items: plain text keeps "1." for item headings."""
    running_heads = True
    """Whether pages are printed pages whose running headers/footers should be marked."""
    pipes_inside = True
    """Whether "a | b | c" (pipes between cells only) is a table row: plain text, not markup."""
    lazy_items = False
    """Whether any line right under a list item belongs to it (Markdown's lazy continuation)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.out = BlockBuilder()
        self.levels = ListLevels()
        self.wrap = WrapWidth(lines)
        self.open: _OpenText | None = None
        self.cell_column = 0
        self.columns: list[int] = []
        self.cell_line = ""
        """Where the last cell of the row just read starts (0: no row open): an indented line
        starting there wraps that cell."""
        self.pages = 0
        self.metadata: list[tuple[str, str]] = []

    # -- hooks -------------------------------------------------------------------------------

    def inline(self, text: str) -> str:
        """Turn a fragment of source text into clean text (markup formats override)."""
        return text

    def special(self, line: str, number: int) -> bool:
        """Handle a format-specific line; True when it was consumed."""
        return False

    # -- the loop ----------------------------------------------------------------------------

    def run(self) -> ReadResult:
        if any("\f" in line for line in self.lines):
            # Form feeds separate pages: page 1 starts before the first block.
            self.page_break(1, page=1)
        for index, raw in enumerate(self.lines):
            number = index + 1
            parts = raw.split("\f")
            for page_index, part in enumerate(parts):
                if page_index:
                    self.page_break(number)
                if part.strip() or len(parts) == 1:
                    self.line(part, number)
        blocks = self.out.build()
        if self.pages and self.running_heads:
            blocks = mark_running_text(blocks)
        return ReadResult(blocks, tuple(self.metadata), self.pages or None)

    def page_break(self, number: int, page: int | None = None) -> None:
        self.pages = page if page is not None else self.pages + 1
        self.out.new_page(self.pages, number)
        self.open = None

    def line(self, line: str, number: int) -> None:
        if not line.strip():
            self.blank(number)
            return
        if self.special(line, number):
            return
        self.generic(line, number)

    def blank(self, number: int) -> None:
        self.out.blank(number)
        self.open = None
        self.cell_column = 0

    def generic(self, line: str, number: int) -> None:
        if is_rule(line):
            if not self.out.in_table:
                self.blank(number)
            return  # a rule under a table's heading row ("Action  Owner  Due" / "------")
        if self.drawn_row(line, number):
            return
        item = list_item(line, numbered=self.numbered)
        if item is not None:
            self.list_line(item.text, number, indent=item.indent, marker=item.marker)
            return
        if self.continuation(line, number):
            return
        cells = spaced_cells(line)
        if cells is None and self.wrapped_cell(line, number):
            return
        self.cell_column = 0
        if cells is not None and not _ITEM_NUMBER.fullmatch(cells[0]):
            self.out.row([self.inline(cell) for cell in cells], number)
            self.open = None
            if len(cells) >= 2:
                self.columns = _starts(line, cells)
                self.cell_column = self.columns[-1]
                self.cell_line = line
            return
        if cells is not None:  # "1.   APOLOGIES": an item number set apart, not a table
            line = " " * indent_width(line) + " ".join(cells)
        self.text_line(line, number)

    def drawn_row(self, line: str, number: int) -> bool:
        """A table row drawn with pipes or tabs; a row that only wraps the cells above goes
        on with them."""
        cells = pipe_cells(line)
        if cells is None:
            cells = tab_cells(line)
        if cells is None and self.pipes_inside:
            cells = inner_pipe_cells(line, in_table=self.out.in_table)
        if cells is None:
            return False
        texts = [self.inline(cell) for cell in cells]
        if cells and not self.out.continue_row(texts, number):
            self.out.row(texts, number)
        self.open = None
        return True

    def wrapped_cell(self, line: str, number: int) -> bool:
        """A line indented to the last column of the row (or to the value of the "Label: value"
        line) above: a wrap goes on with that cell or value ("Present:  Denise Okafor, Jane
        Whitfield" / "            (Secretary), Luis Ortega"); otherwise it is the next row of
        that column, its first cell empty ("Members present:  Cllr Rosalind Hart" /
        "                    Graham Pike")."""
        indent = indent_width(line)
        text = line.strip()
        first = self.columns[:2]
        if (
            self.cell_column
            and len(first) == 2
            and first[0] >= 2
            and abs(indent - first[0]) <= 1
            and len(text) < first[1] - first[0]
        ):
            # "Report skate park lighting recommendation to   Ian   1 Jul 2025" / "Council":
            # the first column wrapped.
            return self.out.continue_cell(self.inline(text), number, column=0)
        if not self.cell_column or indent < 4 or abs(indent - self.cell_column) > 2:
            return False
        if self.open is not None and self.open.kind is BlockKind.PARAGRAPH:
            self.out.paragraph(self.inline(line), number, continued=True)
            return True
        wraps = text[:1] in "(" or text[:1].islower() or self.wrap.continues(self.cell_line, text)
        if wraps and self.out.continue_cell(self.inline(text), number):
            self.cell_line = line
            return True
        self.out.row(["", self.inline(text)], number)
        self.cell_line = line
        return True

    def list_line(self, text: str, number: int, *, indent: int, marker: str) -> None:
        level = self.levels.level(indent)
        clean, emphasis = self.emphasised(text)
        self.out.bullet(clean, number, level=level, marker=marker, emphasis=emphasis)
        self.open = _OpenText(text, indent, BlockKind.BULLET, level, marker)

    def continuation(self, line: str, number: int) -> bool:
        """A line that goes on with the list item or paragraph above it."""
        previous = self.open
        if previous is None:
            return False
        indent = indent_width(line)
        wrapped = self.wrap.continues(previous.line, line.strip())
        if previous.kind is BlockKind.BULLET:
            inside = self.lazy_items or indent > previous.indent or wrapped
            if not inside:
                return False
            self.out.bullet(
                self.inline(line),
                number,
                level=previous.level,
                marker=previous.marker,
                continued=True,
            )
            self.open = _OpenText(
                line, previous.indent, BlockKind.BULLET, previous.level, previous.marker
            )
            return True
        if not wrapped:
            return False
        self.out.paragraph(self.inline(line), number, continued=True)
        self.open = _OpenText(line, indent, BlockKind.PARAGRAPH, 0, "")
        return True

    def text_line(self, line: str, number: int) -> None:
        if indent_width(line) == 0:
            self.levels.reset()
        clean, emphasis = self.emphasised(line)
        self.out.paragraph(clean, number, emphasis=emphasis)
        self.open = _OpenText(line, indent_width(line), BlockKind.PARAGRAPH, 0, "")
        label = _LABEL_VALUE.match(line)
        self.cell_column = label.start("value") if label else 0

    def emphasised(self, text: str) -> tuple[str, bool]:
        """Clean text, and whether the whole of it was marked bold (formats override)."""
        return self.inline(text), False

    def heading(self, text: str, number: int, *, level: int, marker: str = "") -> None:
        self.out.heading(self.inline(text), number, level=level, marker=marker)
        self.open = None
        self.levels.reset()


def read(text: str) -> ReadResult:
    return LineReader(split_lines(text)).run()


def is_blank_document(text: str) -> bool:
    return not squash(text)
