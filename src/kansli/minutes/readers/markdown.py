"""Markdown (CommonMark/GFM as written in practice, including the HTML people put in it).

One block per physical line, like plain text: "#" headings and setext underlines are HEADINGs,
list items (also "1.") BULLETs with their nesting depth, pipe tables ROWs. YAML front matter
becomes `Document.metadata`; "<!-- sida 2 -->" / "<!-- page 2 -->" comments are PAGE blocks.
Inline HTML is read too: <h1> headings, <li> bullets, whole-line <strong> as emphasis, <br>.
"""

from __future__ import annotations

import re

from kansli.minutes.readers._lines import list_item, pipe_cells
from kansli.minutes.readers._markup import markdown_inline, whole_line_bold
from kansli.minutes.readers._result import ReadResult
from kansli.minutes.readers.text import LineReader, split_lines

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-{2,})[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_PAGE_COMMENT = re.compile(r"<!--\s*(?:sida|sidan|page|p\.)\s*(\d{1,5})\s*-->", re.I)
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_QUOTE = re.compile(r"^ {0,3}> ?")
_HTML = re.compile(r"<(/?)(h[1-6]|p|ul|ol|li|strong|b|br|div|table|tr|td|th|span|em|i)\b", re.I)
_BR = re.compile(r"<br\s*/?>", re.I)
_LIST_TAG = re.compile(r"<(/?)(?:ul|ol)\b[^>]*>", re.I)
_HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)(?:</h\1>)?\s*$", re.I | re.S)
_HTML_ITEM = re.compile(r"^\s*<li\b[^>]*>(.*?)(?:</li>)?\s*$", re.I | re.S)
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w.-]*)\s*:\s*(.*?)\s*$")


class MarkdownReader(LineReader):
    numbered = ".)"
    lazy_items = True

    def __init__(self, lines: list[str]) -> None:
        super().__init__(lines)
        self.fence = ""
        self.in_comment = False
        self.skip_line = 0
        self.html_depth = 0
        self.start = self.front_matter()

    def front_matter(self) -> int:
        """Read YAML front matter into metadata; returns the number of lines it took."""
        if not self.lines or self.lines[0].strip() != "---":
            return 0
        for index in range(1, len(self.lines)):
            if self.lines[index].strip() in ("---", "..."):
                for raw in self.lines[1:index]:
                    match = _FRONT_KEY.match(raw)
                    if match and match[2] and match[2] not in ("null", "~", "[]", "{}"):
                        self.metadata.append((match[1], match[2].strip("\"'")))
                return index + 1
        return 0

    def line(self, line: str, number: int) -> None:
        if number <= self.start or number == self.skip_line:
            return
        super().line(line, number)

    def inline(self, text: str) -> str:
        return markdown_inline(text)

    def emphasised(self, text: str) -> tuple[str, bool]:
        bold = whole_line_bold(text)
        if bold is not None:
            return markdown_inline(bold), True
        return markdown_inline(text), False

    def special(self, line: str, number: int) -> bool:
        if self.fence:
            if line.strip().startswith(self.fence):
                self.fence = ""
            else:
                self.generic(line, number)
            return True
        if self.in_comment:
            self.in_comment = "-->" not in line
            return True
        fence = _FENCE.match(line)
        if fence:
            self.fence = fence[1]
            return True
        stripped = line.strip()
        if stripped.startswith("<!--"):
            page = _PAGE_COMMENT.search(stripped)
            if page:
                self.page_break(number, int(page[1]))
            self.in_comment = "-->" not in stripped
            return True
        if _REFERENCE.match(line):
            return True
        atx = _ATX.match(line)
        if atx:
            self.heading(atx[2] or "", number, level=len(atx[1]), marker=atx[1])
            return True
        quote = _QUOTE.match(line)
        if quote:
            self.line(line[quote.end() :], number)
            return True
        if self.setext(line, number):
            return True
        if _HTML.search(line):
            self.html_line(line, number)
            return True
        return False

    def setext(self, line: str, number: int) -> bool:
        if number >= len(self.lines) or self.open is not None:
            return False
        underline = _SETEXT.match(self.lines[number])
        if underline is None or list_item(line) is not None or pipe_cells(line) is not None:
            return False
        self.heading(line, number, level=1 if underline[1][0] == "=" else 2, marker=underline[1][0])
        self.skip_line = number + 1
        return True

    def html_line(self, line: str, number: int) -> None:
        """A line of HTML inside Markdown: split at <br>, follow <ul> nesting for <li>."""
        for piece in _BR.split(line):
            depth = self.html_depth
            for tag in _LIST_TAG.finditer(piece):
                self.html_depth = max(0, self.html_depth + (-1 if tag[1] else 1))
            html = _LIST_TAG.sub("", piece)
            if not markdown_inline(html).strip():
                continue
            heading = _HTML_HEADING.match(html)
            item = _HTML_ITEM.match(html)
            if heading:
                self.heading(heading[2], number, level=int(heading[1]), marker=f"h{heading[1]}")
            elif item:
                clean, emphasis = self.emphasised(item[1])
                level = max(0, max(depth, self.html_depth) - 1)
                self.out.bullet(clean, number, level=level, marker="•", emphasis=emphasis)
                self.open = None
            else:
                self.generic(html, number)


def read(text: str) -> ReadResult:
    return MarkdownReader(split_lines(text)).run()
