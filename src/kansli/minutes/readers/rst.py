"""reStructuredText: underlined (and overlined) section titles, lists, grid tables, inline roles.

Section levels follow the order in which title styles first appear, as docutils does: the first
style met is level 1. Directives and comments (".. xyz::" with their indented body) are
dropped; field lists (":Date: ...") stay as paragraphs.
"""

from __future__ import annotations

import re

from kansli.minutes.readers._clean import unescape
from kansli.minutes.readers._result import ReadResult
from kansli.minutes.readers.text import LineReader, split_lines

_ADORNMENT = re.compile(r"^([=\-~^\"'`#*+<>:._])\1{2,}\s*$")
_DIRECTIVE = re.compile(r"^(\s*)\.\.(?:\s|$)")
_LINE_BLOCK = re.compile(r"^\s*\| (?!.*\|\s*$)")
_NAMED_REFERENCE = re.compile(r"`([^`<]+?)\s*<[^>`]*>`__?")
_REFERENCE = re.compile(r"`([^`]+)`__?")
_ROLE = re.compile(r":[\w.+-]+:`([^`]+)`")
_LITERAL = re.compile(r"``(.+?)``")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_WORD_REFERENCE = re.compile(r"\b([A-Za-z][\w.-]*)__?(?=[\s.,;:!?)]|$)")
_WHOLE_BOLD = re.compile(r"^\s*\*\*(?=\S)(.+?)(?<=\S)\*\*\s*([:.]?)\s*$")


def rst_inline(text: str) -> str:
    text = _ROLE.sub(r"\1", text)
    text = _LITERAL.sub(r"\1", text)
    text = _NAMED_REFERENCE.sub(r"\1", text)
    text = _REFERENCE.sub(r"\1", text)
    text = _STRONG.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\1", text)
    text = _WORD_REFERENCE.sub(r"\1", text)
    if text.rstrip().endswith("::"):
        text = text.rstrip()[:-1]  # "Summary::" introduces a literal block: "Summary:"
    return unescape(text)


class RstReader(LineReader):
    numbered = ".)"

    def __init__(self, lines: list[str]) -> None:
        super().__init__(lines)
        self.titles: dict[int, int] = {}
        self.adornments: set[int] = set()
        self.directive_indent = -1
        self.find_titles()

    def find_titles(self) -> None:
        styles: list[tuple[str, bool]] = []
        lines = self.lines
        for index in range(len(lines) - 1):
            title, under = lines[index], lines[index + 1]
            match = _ADORNMENT.match(under)
            if (
                not match
                or not title.strip()
                or title[0].isspace()
                or _ADORNMENT.match(title)
                or len(under.rstrip()) < min(len(title.rstrip()), 4)
            ):
                continue
            over = index > 0 and lines[index - 1].rstrip() == under.rstrip()
            style = (match[1], over)
            if style not in styles:
                styles.append(style)
            self.titles[index + 1] = styles.index(style) + 1
            self.adornments.add(index + 2)
            if over:
                self.adornments.add(index)

    def inline(self, text: str) -> str:
        return rst_inline(text)

    def emphasised(self, text: str) -> tuple[str, bool]:
        bold = _WHOLE_BOLD.match(text)
        if bold and "**" not in bold[1]:
            return rst_inline(bold[1] + bold[2]), True
        return rst_inline(text), False

    def line(self, line: str, number: int) -> None:
        if self.directive_indent >= 0:
            indent = len(line) - len(line.lstrip())
            if not line.strip() or indent > self.directive_indent:
                return
            self.directive_indent = -1
        super().line(line, number)

    def special(self, line: str, number: int) -> bool:
        if number in self.adornments:
            return True
        level = self.titles.get(number)
        if level:
            self.heading(line.strip(), number, level=level, marker=self.lines[number].strip()[:1])
            return True
        directive = _DIRECTIVE.match(line)
        if directive:
            self.directive_indent = len(directive[1])
            return True
        if _LINE_BLOCK.match(line):
            self.text_line(line.strip()[2:], number)
            return True
        return False


def read(text: str) -> ReadResult:
    return RstReader(split_lines(text)).run()
