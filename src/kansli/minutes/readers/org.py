"""Org mode: "*" headings, "-"/"+"/"1." lists, "|" tables, "#+TITLE:"-style keywords.

#+TITLE, #+DATE, #+AUTHOR ... become `Document.metadata` (not blocks); other "#+" lines,
"# " comments, property drawers and LaTeX export commands (\\clearpage, \\makebox{...}) are
dropped. Table rules (|---+---|) are skipped, so a table's rows stay together.
"""

from __future__ import annotations

import re

from kansli.minutes.blocks import BlockKind
from kansli.minutes.readers._clean import unescape
from kansli.minutes.readers._result import ReadResult
from kansli.minutes.readers.text import LineReader, split_lines

_KEYWORD = re.compile(r"^\s*#\+([A-Za-z_]+):\s*(.*?)\s*$")
_METADATA_KEYS = frozenset({"title", "subtitle", "date", "author", "email", "language"})
_HEADING = re.compile(r"^(\*+)\s+(.*?)(?:\s+:[\w@#%:]+:)?\s*$")
# "TODO Elsy sammankallar ..." / "DONE ...": a heading that is a task.
_TASK = re.compile(r"^(TODO|DONE)\s+(?:\[#[A-C]\]\s+)?(.+)$")
# "DEADLINE: <2025-09-05 fre>", "SCHEDULED: <2025-09-05>": a task's date.
_PLANNING = re.compile(r"^\s*(DEADLINE|SCHEDULED):\s*<(\d{4}-\d{2}-\d{2})[^>]*>")
_COMMENT = re.compile(r"^\s*(?:#(?:\s|$)|#\+)")
_LATEX_COMMAND = re.compile(r"^\s*\\[A-Za-z]+")
_LINK = re.compile(r"\[\[([^\]]+)\](?:\[([^\]]+)\])?\]")
_MARKUP = re.compile(r"(?<![\w])([*/=~+_])(?=[^\s*/=~+_])(.+?)(?<=[^\s])\1(?![\w])")
_WHOLE_BOLD = re.compile(r"^\s*\*(?=\S)(.+?)(?<=\S)\*\s*([:.]?)\s*$")


def org_inline(text: str) -> str:
    text = _LINK.sub(lambda m: m[2] or m[1], text)
    text = _MARKUP.sub(r"\2", text)
    return unescape(text)


class OrgReader(LineReader):
    numbered = ".)"

    def __init__(self, lines: list[str]) -> None:
        super().__init__(lines)
        self.in_drawer = False

    def inline(self, text: str) -> str:
        return org_inline(text)

    def emphasised(self, text: str) -> tuple[str, bool]:
        bold = _WHOLE_BOLD.match(text)
        if bold and "*" not in bold[1]:
            return org_inline(bold[1] + bold[2]), True
        return org_inline(text), False

    def special(self, line: str, number: int) -> bool:
        stripped = line.strip()
        if self.in_drawer:
            self.in_drawer = stripped.upper() != ":END:"
            return True
        if stripped.upper() in (":PROPERTIES:", ":LOGBOOK:"):
            self.in_drawer = True
            return True
        keyword = _KEYWORD.match(line)
        if keyword:
            key = keyword[1].lower()
            if key in _METADATA_KEYS and keyword[2]:
                self.metadata.append((key, org_inline(keyword[2])))
            return True
        if _COMMENT.match(line) or _LATEX_COMMAND.match(line):
            return True
        planning = _PLANNING.match(line)
        if planning and self.open is not None and self.open.kind is BlockKind.BULLET:
            # "DEADLINE: <2025-09-05 fre>" under a task: its date goes with the task.
            self.out.bullet(
                f"({planning[1].lower()} {planning[2]})",
                number,
                level=self.open.level,
                marker=self.open.marker,
                continued=True,
            )
            return True
        heading = _HEADING.match(line)
        if heading:
            task = _TASK.match(heading[2])
            if task:
                # "*** TODO Elsy sammankallar arbetsgruppen": a task, not a section. A done one
                # is written as a ticked box.
                text = task[2] if task[1] == "TODO" else f"[x] {task[2]}"
                self.list_line(text, number, indent=0, marker="-")
                return True
            self.heading(heading[2], number, level=len(heading[1]), marker=heading[1])
            return True
        return False


def read(text: str) -> ReadResult:
    return OrgReader(split_lines(text)).run()
