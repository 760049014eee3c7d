"""Typst, read as text with light cleanup.

"= " / "== " headings are HEADINGs; "#let name = "value"" variables are substituted where
the text says "#name"; set/show/import rules are dropped; a function call's content blocks are
unwrapped to their text (`#attSatser([ bifalles ])` -> "bifalles"), and a line holding several
content blocks (`[Samuel Hammersberg], [Ja],`) is a table row. #pagebreak() starts a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kansli.minutes.readers._clean import unescape
from kansli.minutes.readers._result import ReadResult
from kansli.minutes.readers.text import LineReader, split_lines

_HEADING = re.compile(r"^\s*(=+)\s+(.*)$")
_LET_STRING = re.compile(r'^#let\s+([\w-]+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*$')
_RULE = re.compile(r"^#(?:let|set|show|import|include)\b")
_CALL = re.compile(r"^\s*#[A-Za-z_][\w.-]*\s*[(\[]")
_REFERENCE = re.compile(r"^\s*#[A-Za-z_][\w.-]*\s*$")
_PAGEBREAK = re.compile(r"^\s*#pagebreak\(\s*(?:weak:\s*\w+\s*)?\)\s*$")
_DATETIME = re.compile(
    r"datetime\(\s*year:\s*(?P<year>\d{4})\s*,\s*month:\s*(?P<month>\d{1,2})\s*,"
    r"\s*day:\s*(?P<day>\d{1,2})\s*\)"
)
_TITLE_SETTING = re.compile(r'\btitle:\s*"((?:[^"\\]|\\.)*)"')
_LINE_COMMENT = re.compile(r"(?<!:)//.*$")
_STRONG = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_EMPH = re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])")
_VARIABLE = re.compile(r"#([A-Za-z_][\w-]*)(?:\.[\w.-]+)?(?:\([^()]*\))?")


@dataclass(slots=True)
class _Group:
    line: int
    text: str


class TypstReader(LineReader):
    numbered = ".)"
    running_heads = False

    def __init__(self, lines: list[str]) -> None:
        super().__init__(lines)
        self.variables: dict[str, str] = {}
        self.call: list[tuple[int, str]] = []
        self.depth = 0
        self.in_comment = False

    def run(self) -> ReadResult:
        if any(_PAGEBREAK.match(line) for line in self.lines):
            self.page_break(1, page=1)
        return super().run()

    def inline(self, text: str) -> str:
        text = _STRONG.sub(r"\1", text)
        text = _EMPH.sub(r"\1", text)
        text = _VARIABLE.sub(lambda m: self.variables.get(m[1], ""), text)
        text = text.replace("\\ ", " ").rstrip("\\ ")
        return unescape(text)

    def line(self, line: str, number: int) -> None:
        if self.in_comment or "/*" in line:
            self.in_comment = "*/" not in line.rsplit("/*", maxsplit=1)[-1]
            return
        line = _LINE_COMMENT.sub("", line)
        if self.call:
            self.continue_call(line, number)
            return
        super().line(line, number)

    def special(self, line: str, number: int) -> bool:
        stripped = line.strip()
        if _PAGEBREAK.match(line):
            self.page_break(number)
            return True
        variable = _LET_STRING.match(stripped)
        if variable:
            self.variables[variable[1]] = variable[2]
            return True
        if _RULE.match(stripped) or _CALL.match(line):
            self.call = []
            self.depth = 0
            self.continue_call(line, number)
            return True
        if _REFERENCE.match(line):
            return True
        heading = _HEADING.match(line)
        if heading:
            self.heading(heading[2], number, level=len(heading[1]), marker=heading[1])
            return True
        return False

    def continue_call(self, line: str, number: int) -> None:
        self.call.append((number, line))
        self.depth += sum(line.count(c) for c in "([{") - sum(line.count(c) for c in ")]}")
        if self.depth <= 0:
            call, self.call = self.call, []
            self.document_settings(" ".join(text for _, text in call))
            if not _RULE.match(call[0][1].strip()):
                self.emit_call(call)

    def document_settings(self, call: str) -> None:
        """A template's settings: `date: datetime(year: 2024, month: 10, day: 10)` and a
        non-empty `title: "..."` are the document's date and title (metadata)."""
        date = _DATETIME.search(call)
        if date and not any(key == "date" for key, _ in self.metadata):
            year, month, day = (int(date[name]) for name in ("year", "month", "day"))
            self.metadata.append(("date", f"{year:04d}-{month:02d}-{day:02d}"))
        title = _TITLE_SETTING.search(call)
        if title and title[1].strip() and not any(key == "title" for key, _ in self.metadata):
            self.metadata.append(("title", self.inline(title[1])))

    def emit_call(self, call: list[tuple[int, str]]) -> None:
        """Each content block of a call becomes text; several on one line become a row."""
        by_line: dict[int, list[_Group]] = {}
        for group in _content_blocks(call):
            by_line.setdefault(group.line, []).append(group)
        for number, groups in by_line.items():
            if len(groups) > 1 and all("\n" not in g.text.strip() for g in groups):
                self.out.row([self.inline(g.text) for g in groups], number)
                continue
            for group in groups:
                first = number + (group.text[:1] == "\n")
                for offset, text in enumerate(group.text.strip("\n").split("\n")):
                    if text.strip():
                        self.text_line(text.strip(), first + offset)
        self.open = None


def _content_blocks(call: list[tuple[int, str]]) -> list[_Group]:
    """The top-level [...] blocks of a call, each with the line it starts on."""
    groups: list[_Group] = []
    depth = 0
    for number, line in call:
        for char in line:
            opens, closes = char == "[", char == "]"
            depth += opens - closes
            if (opens and depth == 1) or (closes and depth == 0):
                if opens:
                    groups.append(_Group(number, ""))
                continue
            if depth >= 1 and groups:
                groups[-1].text += char
        if depth >= 1 and groups:
            groups[-1].text += "\n"
    return groups


def read(text: str) -> ReadResult:
    return TypstReader(split_lines(text)).run()
