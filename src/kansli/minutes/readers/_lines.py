"""Line classification shared by the line-oriented readers (text, Markdown, Org, reST, ...).

Each helper answers one question about one physical line; the readers decide in which order
to ask. Nothing here knows a format's inline markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from kansli.minutes.readers._clean import BULLET_GLYPHS, first_word, strip_glyph

TAB_WIDTH = 4

_GLYPHS = re.escape("".join(sorted(BULLET_GLYPHS)))
_BULLET = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>[-*+–"
    + _GLYPHS
    + r"]|\d{1,3}[.)]|\(?[a-zA-Z]\))[ \t]+(?P<text>\S.*)$"
)
_RULE_ROW = re.compile(r"^[|+]?[\s:\-+=|]*-[\s:\-+=|]*[|+]?$")
_RULE_LINE = re.compile(r"^\s*(?:[-_=*~.…·–—]\s*){3,}$")
_WIDE_GAP = re.compile(r"\S(?: {3,}|\s*(?:\.\s?){4,}\s*|\s*…{2,}\s*)\S")
_GAP_SPLIT = re.compile(r" {3,}|\s*(?:\.\s?){4,}\s*|\s*…{2,}\s*")


@dataclass(frozen=True, slots=True)
class ListItem:
    indent: int
    marker: str
    text: str


def indent_width(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += TAB_WIDTH - width % TAB_WIDTH
        else:
            break
    return width


def list_item(line: str, *, numbered: str = ".)") -> ListItem | None:
    """A list item ("- x", "• x", "1) x", "a) x"); `numbered` says which number endings count.

    Plain text passes ")" only: there "1. Incheckning" is an agenda item's heading, not a list.
    """
    match = _BULLET.match(line)
    if match is None:
        return None
    marker = match["marker"]
    if marker[0].isalnum() and marker[-1] not in numbered:
        return None
    text = match["text"]
    if marker in "*-" and _RULE_LINE.match(line):
        return None
    return ListItem(indent_width(match["indent"]), marker, text)


class ListLevels:
    """Nesting depth of list items from their indentation (2 or 4 spaces, tabs)."""

    def __init__(self) -> None:
        self._indents: list[int] = []

    def level(self, indent: int) -> int:
        while self._indents and self._indents[-1] > indent:
            self._indents.pop()
        if not self._indents or self._indents[-1] < indent:
            self._indents.append(indent)
        return len(self._indents) - 1

    def reset(self) -> None:
        self._indents.clear()


def is_rule(line: str) -> bool:
    """A separator drawn with characters: "-----", "______", "* * *", "........"."""
    return bool(_RULE_LINE.match(line))


def pipe_cells(line: str) -> list[str] | None:
    """Cells of a pipe-table row, [] for a rule row (|---|---| or |---+---|), None otherwise.

    Also reads the pseudo-table a PDF-to-text tool leaves ("- | | |" before the rule and
    "| • 22 februari | Slutkonferens |"): a list marker before the pipes is dropped and so are
    bullet glyphs at the start of cells.
    """
    text = line.strip()
    if text[:2] in ("- ", "* ", "+ ") and text[2:].lstrip().startswith("|"):
        text = text[2:].strip()
    if not text.startswith("|") or len(text) < 2:
        return None
    if _RULE_ROW.match(text):
        return []
    body = text[1:-1] if text.endswith("|") and not text.endswith("\\|") else text[1:]
    cells = re.split(r"(?<!\\)\|", body)
    return [strip_glyph(cell.replace("\\|", "|")) for cell in cells]


def inner_pipe_cells(line: str, *, in_table: bool) -> list[str] | None:
    """Cells of a row drawn with pipes between the cells only ("Vad    | Vem   | När"): two
    pipes or more, or one inside a table already open; [] for its rule ("-----+-----")."""
    text = line.strip()
    if "|" not in text and not (in_table and "+" in text):
        return None
    if in_table and _RULE_ROW.match(text):
        return []
    if text.count("|") < (1 if in_table else 2):
        return None
    return [strip_glyph(cell) for cell in text.split("|")]


def tab_cells(line: str) -> list[str] | None:
    """Cells of a tab-separated line; empty cells are kept so columns stay aligned."""
    text = line.rstrip("\r\n")
    stripped = text.lstrip(" ")
    if "\t" not in stripped.strip("\t"):
        return None
    if stripped.startswith("\t"):
        # Leading tabs are indentation unless they leave an empty first column of a table.
        return None
    return [strip_glyph(cell) for cell in stripped.split("\t")]


def spaced_cells(line: str) -> list[str] | None:
    """Cells of a line laid out in columns with runs of spaces or dot leaders (text from a PDF)."""
    text = line.strip()
    if not _WIDE_GAP.search(text):
        return None
    return [cell for cell in _GAP_SPLIT.split(text) if cell]


class WrapWidth:
    """Tells whether a hard-wrapped text file broke a sentence at a line end.

    A file wrapped at a fill column has many lines close to that width. A line continues the
    previous one when the previous line had no room left for this line's first word.
    """

    def __init__(self, lines: list[str]) -> None:
        # Only lines followed by more text can show the fill column: a one-line list item
        # or a long unwrapped paragraph says nothing about wrapping.
        lengths = sorted(
            len(line.rstrip())
            for line, after in pairwise(lines)
            if len(line.strip()) > 20 and after.strip() and list_item(after) is None
        )
        self.width = 0
        if len(lengths) >= 4:
            p90 = lengths[int(len(lengths) * 0.9) - 1]
            if 40 <= p90 <= 100:
                self.width = max(n for n in lengths if n <= p90 * 1.1)

    def continues(self, previous: str, line: str) -> bool:
        length = len(previous.rstrip())
        if not self.width or length > self.width:
            return False  # a line longer than the fill column was not wrapped at it
        room = self.width - length - 1
        return len(first_word(line)) + 3 > room
