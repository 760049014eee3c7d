"""BlockBuilder: the one place that appends blocks, so every reader keeps the stream's rules.

Rules kept here rather than in each reader: text is squashed and empty blocks are dropped;
consecutive ROWs become one table whose rows are padded to the widest; a BLANK never starts
the stream nor follows another BLANK; `continued` is only kept after a PARAGRAPH or BULLET.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from kansli.minutes.blocks import Block, BlockKind
from kansli.minutes.model import Source
from kansli.minutes.readers._clean import squash

_TEXT_KINDS = (BlockKind.PARAGRAPH, BlockKind.BULLET)


class BlockBuilder:
    def __init__(self, *, page: int | None = None) -> None:
        self.page = page
        self._blocks: list[Block] = []
        self._rows: list[tuple[tuple[str, ...], Source, bool]] = []
        self._tables = 0
        self._last_kind: BlockKind | None = None
        self._last_text_kind: BlockKind | None = None
        """The kind of the last block that was content (not a page, gap or running header)."""

    # -- what readers call -------------------------------------------------------------------

    def heading(self, text: str, line: int, *, level: int, marker: str = "", end: int = 0) -> None:
        self._text_block(BlockKind.HEADING, text, line, end, level=max(1, level), marker=marker)

    def paragraph(
        self,
        text: str,
        line: int,
        *,
        end: int = 0,
        emphasis: bool = False,
        continued: bool = False,
        furniture: bool = False,
    ) -> None:
        self._text_block(
            BlockKind.PARAGRAPH,
            text,
            line,
            end,
            emphasis=emphasis,
            continued=continued,
            furniture=furniture,
        )

    def bullet(
        self,
        text: str,
        line: int,
        *,
        level: int = 0,
        marker: str = "-",
        end: int = 0,
        emphasis: bool = False,
        continued: bool = False,
    ) -> None:
        self._text_block(
            BlockKind.BULLET,
            text,
            line,
            end,
            level=max(0, level),
            marker=marker,
            emphasis=emphasis,
            continued=continued,
        )

    def row(
        self, cells: Sequence[str], line: int, *, end: int = 0, furniture: bool = False
    ) -> None:
        """Add a table row; rows whose cells are all empty are layout, not data, and are dropped."""
        cleaned = tuple(squash(cell) for cell in cells)
        if not any(cleaned):
            return
        self._rows.append((cleaned, self._source(line, end), furniture))

    @property
    def in_table(self) -> bool:
        return bool(self._rows)

    def continue_cell(self, text: str, line: int, column: int | None = None) -> bool:
        """Append a wrapped line to a cell (the last filled one unless `column` says) of the
        open table's last row ("Present:  Denise Okafor, ..." / "   (Secretary), Luis
        Ortega"); False if no row is open."""
        if not self._rows or not squash(text):
            return False
        cells, source, furniture = self._rows[-1]
        last = max(i for i, cell in enumerate(cells) if cell) if column is None else column
        if last >= len(cells):
            return False
        joined = squash(f"{cells[last]} {text}")
        moved = Source(source.page, source.line_start, max(source.line_end, line))
        self._rows[-1] = ((*cells[:last], joined, *cells[last + 1 :]), moved, furniture)
        return True

    def continue_row(self, cells: Sequence[str], line: int) -> bool:
        """A row that only goes on with the cells of the row above ("trygghetslarm |  |" under
        "Sammanställa kommunernas avtalstider för | Lena | 2025-09-26"): every filled cell
        starts in lower case. Appends them there; False when this is a row of its own."""
        filled = [(i, squash(c)) for i, c in enumerate(cells) if squash(c)]
        if not self._rows or not filled or any(not text[:1].islower() for _, text in filled):
            return False
        previous, source, furniture = self._rows[-1]
        if len(cells) > len(previous) or any(not previous[i] for i, _ in filled):
            return False
        merged = list(previous)
        for index, text in filled:
            merged[index] = f"{merged[index]} {text}"
        moved = Source(source.page, source.line_start, max(source.line_end, line))
        self._rows[-1] = (tuple(merged), moved, furniture)
        return True

    def end_table(self) -> None:
        if not self._rows:
            return
        self._tables += 1
        width = max(len(cells) for cells, _, _ in self._rows)
        for cells, source, furniture in self._rows:
            padded = cells + ("",) * (width - len(cells))
            self._append(
                Block(
                    BlockKind.ROW,
                    " | ".join(cell for cell in padded if cell),
                    source,
                    cells=padded,
                    table=self._tables,
                    furniture=furniture,
                )
            )
        self._rows.clear()

    def blank(self, line: int) -> None:
        self.end_table()
        if self._last_kind in (None, BlockKind.BLANK, BlockKind.PAGE):
            return
        self._append(Block(BlockKind.BLANK, "", self._source(line, 0)))

    def new_page(self, page: int, line: int) -> None:
        self.end_table()
        self.page = page
        self._append(Block(BlockKind.PAGE, "", self._source(line, 0)))

    def add(self, block: Block) -> None:
        """Append a block built elsewhere (the PDF reader builds its own)."""
        self.end_table()
        self._append(block)

    @property
    def last_kind(self) -> BlockKind | None:
        return self._last_kind

    def build(self) -> tuple[Block, ...]:
        self.end_table()
        blocks = self._blocks
        while blocks and blocks[-1].kind is BlockKind.BLANK:
            blocks.pop()
        return tuple(blocks)

    # -- internals ---------------------------------------------------------------------------

    def _source(self, line: int, end: int) -> Source:
        return Source(self.page, line, max(line, end))

    def _text_block(
        self,
        kind: BlockKind,
        text: str,
        line: int,
        end: int,
        *,
        level: int = 0,
        marker: str = "",
        emphasis: bool = False,
        continued: bool = False,
        furniture: bool = False,
    ) -> None:
        clean = squash(text)
        if not clean:
            return
        self.end_table()
        self._append(
            Block(
                kind,
                clean,
                self._source(line, end),
                level=level,
                marker=marker,
                emphasis=emphasis,
                continued=continued and self._continues(),
                furniture=furniture,
            )
        )

    def _continues(self) -> bool:
        """A wrap may continue across a page break and the running header under it."""
        return (
            self._last_kind not in (None, BlockKind.BLANK) and self._last_text_kind in _TEXT_KINDS
        )

    def _append(self, block: Block) -> None:
        self._blocks.append(block)
        self._last_kind = block.kind if not block.furniture else self._last_kind
        if block.kind is not BlockKind.PAGE and not block.furniture:
            self._last_text_kind = block.kind


_PAGE_NUMBER = re.compile(r"(?i)\b(?:sida|page|sid\.?|s\.)\s*\d+|\b\d+\s*\(\s*\d+\s*\)|^\d+$")


def mark_running_text(blocks: Iterable[Block], *, band: int = 4) -> tuple[Block, ...]:
    """Mark the running page headers/footers of a paged text document as furniture.

    A running header is text that opens (a footer: closes) at least half of the pages, page
    numbers aside. Scanning from the page edge, blocks are furniture until the first one that
    is not such text, and the first page keeps its copy: a "Beslut" that merely happens to
    open two pages is never touched.
    """
    pages: list[list[Block]] = [[]]
    for block in blocks:
        if block.kind is BlockKind.PAGE and pages[-1]:
            pages.append([])
        pages[-1].append(block)
    edges: list[tuple[list[int], list[int]]] = []
    top_count: Counter[str] = Counter()
    bottom_count: Counter[str] = Counter()
    for page in pages:
        content = [i for i, b in enumerate(page) if b.kind not in (BlockKind.PAGE, BlockKind.BLANK)]
        edges.append((content[:band], content[-band:][::-1]))
        top_count.update({_key(page[i]) for i in content[:band]})
        bottom_count.update({_key(page[i]) for i in content[-band:]})
    needed = max(2, (len(pages) + 1) // 2)
    running_top = {key for key, n in top_count.items() if n >= needed}
    running_bottom = {key for key, n in bottom_count.items() if n >= needed}
    out: list[Block] = []
    seen: set[str] = set()
    for page, (top, bottom) in zip(pages, edges, strict=True):
        edge = _edge_run(top, page, running_top) + _edge_run(bottom, page, running_bottom)
        marked = {i for i in edge if _key(page[i]) in seen}
        seen.update(_key(page[i]) for i in top + bottom)
        out.extend(_furniture(b) if i in marked else b for i, b in enumerate(page))
    return tuple(out)


def _edge_run(indexes: list[int], page: list[Block], running: set[str]) -> list[int]:
    run: list[int] = []
    for index in indexes:
        if _key(page[index]) not in running:
            break
        run.append(index)
    return run


def _key(block: Block) -> str:
    return f"{block.kind}:{_PAGE_NUMBER.sub('#', block.text)}"


def _furniture(block: Block) -> Block:
    return replace(block, furniture=True)
