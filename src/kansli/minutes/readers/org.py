"""Org mode: "*" headings, "-"/"+"/"1." lists, "|" tables, "#+TITLE:"-style keywords.

#+TITLE, #+DATE, #+AUTHOR ... become `Document.metadata` (not blocks); other "#+" lines,
"# " comments, property drawers and LaTeX export commands (\\clearpage, \\makebox{...}) are
dropped. Table rules (|---+---|) are skipped, so a table's rows stay together.
"""

from __future__ import annotations

import re

from kansli.minutes.readers._clean import unescape
from kansli.minutes.readers._result import ReadResult
from kansli.minutes.readers.text import LineReader, split_lines

_KEYWORD = re.compile(r"^\s*#\+([A-Za-z_]+):\s*(.*?)\s*$")
_METADATA_KEYS = frozenset({"title", "subtitle", "date", "author", "email", "language"})
_HEADING = re.compile(r"^(\*+)\s+(.*?)(?:\s+:[\w@#%:]+:)?\s*$")
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
        heading = _HEADING.match(line)
        if heading:
            self.heading(heading[2], number, level=len(heading[1]), marker=heading[1])
            return True
        return False


def read(text: str) -> ReadResult:
    return OrgReader(split_lines(text)).run()
