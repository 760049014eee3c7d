"""The block stream: what every reader produces and the parser consumes.

A reader turns a file (text, Markdown, Org, reST, HTML, DOCX, PDF, ...) into one flat sequence
of `Block`s that keeps what the layout said: headings stay headings, bullets stay bullets, table
cells stay cells, pages are known, and each block knows its source lines. The parser never sees
the file format, only this stream.

Conventions every reader follows:
- `text` is clean, human text: markup removed (`**`, `\\[`, `<strong>`, `#`), entities decoded,
  whitespace collapsed, the bullet marker or heading hashes stripped (kept in `marker`).
  An item number that is part of a heading stays in `text` ("3. Årsredovisning ...", "§ 92").
- One block per visual line or logical unit. A paragraph that the source soft-wraps over several
  lines may be one PARAGRAPH block (DOCX, Markdown joined) or several with `continued=True` on
  the later ones (PDF, hard-wrapped text); the parser handles both.
- A BLANK block separates paragraphs where the source shows a gap (empty line, PDF vertical gap).
- Tables are consecutive ROW blocks with the same `table` id (> 0). Every row of one table has
  the same number of cells; empty cells are "" (so columns stay aligned: "Botkyrka", "x", "", ...).
  A key-value layout ("Tid<TAB>Fredag 25 januari ...", "Leif Eriksson<TAB>Botkyrka kommun") is a
  table of two columns too: the parser decides what a table means.
- PAGE marks the start of page `source.page` (emitted before the first block of every page, also
  page 1, for paged formats: PDF, DOCX page breaks when known, "<!-- sida 2 -->" markers).
- Running page headers/footers that repeat on every page are emitted once, on their first page,
  with `furniture=True` on later repetitions (the parser skips those).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kansli.minutes.model import ParseWarning, Source


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    ROW = "row"
    BLANK = "blank"
    PAGE = "page"


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str
    source: Source
    level: int = 0
    """HEADING: 1 for the top level ("#", Heading 1, "*" in Org, "=" in Typst, "====" under-line
    in reST), 2 below it, ... BULLET: nesting depth, 0 for the outermost list."""
    marker: str = ""
    """BULLET: the marker as written ("-", "*", "•", "1.", "a)"). HEADING: the markup ("##")."""
    cells: tuple[str, ...] = ()
    """ROW: the cells, cleaned like `text`."""
    table: int = 0
    """ROW: id of the table the row belongs to; consecutive rows with one id form one table."""
    emphasis: bool = False
    """The whole line is bold/strong in the source (a DOCX run, <strong>, **...**): often a
    heading that the format did not mark as one ("Beslut", "<strong>§1 Mötet öppnas</strong>")."""
    continued: bool = False
    """PARAGRAPH/BULLET: this line continues the previous block's sentence (a soft wrap)."""
    furniture: bool = False
    """A repetition of a running page header/footer: not content."""


@dataclass(frozen=True, slots=True)
class Document:
    """A read file: its blocks plus what the reader noticed about it."""

    blocks: tuple[Block, ...]
    format: str
    """"text", "markdown", "org", "rst", "html", "docx", "pdf", "typst", "latex"."""
    name: str | None = None
    pages: int | None = None
    warnings: tuple[ParseWarning, ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()
    """Document properties the format carries outside the text (Org #+TITLE/#+DATE, DOCX core
    properties, Markdown front matter keys), as (key, value) pairs in order. Not content: the
    parser may use them only as a fallback."""
