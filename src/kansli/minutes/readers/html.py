"""HTML: headings, paragraphs, lists (nested), tables, <br> line breaks, page comments.

<h1>-<h6> are HEADINGs, <li> BULLETs with their nesting depth ("•" or "1." as marker), table
rows ROWs (a colspan keeps its empty cells so columns stay aligned), a paragraph whose text is
all <strong>/<b> has `emphasis`. <title> and <meta name=...> go to metadata. "<!-- sida 2 -->"
comments are PAGE blocks. Source lines are the lines of the HTML source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.etree  # type: ignore[import-untyped]  # lxml ships no stubs
import lxml.html  # type: ignore[import-untyped]

from kansli.minutes.readers._build import BlockBuilder
from kansli.minutes.readers._clean import squash
from kansli.minutes.readers._result import ReadResult

_SKIP = frozenset({"script", "style", "head", "noscript", "template", "svg", "math", "iframe"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "nav",
        "aside",
        "blockquote",
        "pre",
        "address",
        "dd",
        "dt",
        "dl",
        "figure",
        "figcaption",
        "caption",
        "form",
        "fieldset",
        "center",
        "body",
        "html",
        "hr",
        "details",
        "summary",
    }
)
_LISTS = frozenset({"ul", "ol", "menu"})
_BOLD = frozenset({"strong", "b"})
_PAGE_COMMENT = re.compile(r"^\s*(?:sida|sidan|page|p\.)\s*(\d{1,5})\s*$", re.I)
_META_NAMES = frozenset({"author", "date", "description", "dc.title", "dc.date", "dc.creator"})


@dataclass(slots=True)
class _Run:
    """Inline text gathered until the next block boundary, split into visual lines at <br>."""

    lines: list[list[tuple[str, bool]]] = field(default_factory=lambda: [[]])
    line: int = 0


@dataclass(slots=True)
class _Item:
    marker: str
    level: int
    started: bool = False


class HtmlReader:
    def __init__(self) -> None:
        self.items: list[_Item] = []
        self.out = BlockBuilder()
        self.run = _Run()
        self.metadata: list[tuple[str, str]] = []
        self.pages = 0

    def read(self, text: str) -> ReadResult:
        try:
            root = lxml.html.document_fromstring(text)
        except (lxml.etree.ParserError, ValueError):
            return ReadResult(())
        self.head(root)
        body = root.find("body")
        self.walk(body if body is not None else root, depth=0)
        self.flush()
        return ReadResult(self.out.build(), tuple(self.metadata), self.pages or None)

    def head(self, root: lxml.html.HtmlElement) -> None:
        title = root.find(".//title")
        if title is not None and squash(title.text_content()):
            self.metadata.append(("title", squash(title.text_content())))
        for meta in root.iterfind(".//meta"):
            name = (meta.get("name") or "").lower()
            if name in _META_NAMES and squash(meta.get("content") or ""):
                self.metadata.append((name, squash(meta.get("content") or "")))

    def walk(self, element: lxml.html.HtmlElement, *, depth: int, bold: bool = False) -> None:
        self.text(element.text, element, bold=bold)
        for child in element:
            self.node(child, depth=depth, bold=bold)
            self.text(child.tail, child, bold=bold)

    def node(self, node: lxml.html.HtmlElement, *, depth: int, bold: bool) -> None:
        if isinstance(node, lxml.etree._Comment):
            page = _PAGE_COMMENT.match(str(node.text or ""))
            if page:
                self.flush()
                self.pages = int(page[1])
                self.out.new_page(self.pages, _line(node))
            return
        if not isinstance(node.tag, str):
            return
        tag = node.tag.lower()
        if tag in _SKIP:
            return
        if tag == "br":
            self.run.lines.append([])
        elif tag in _HEADINGS:
            self.flush()
            self.out.heading(node.text_content(), _line(node), level=_HEADINGS[tag], marker=tag)
        elif tag in _LISTS:
            self.flush()
            self.walk(node, depth=depth + 1)
            self.flush()
        elif tag == "li":
            self.item(node, depth=depth)
        elif tag == "table":
            self.flush()
            self.table(node)
        elif tag in _BLOCKS or tag == "tr":
            self.flush()
            self.walk(node, depth=depth, bold=bold)
            self.flush()
        else:
            self.walk(node, depth=depth, bold=bold or tag in _BOLD)

    def item(self, node: lxml.html.HtmlElement, *, depth: int) -> None:
        self.flush()
        parent = node.getparent()
        ordered = parent is not None and parent.tag == "ol"
        self.items.append(_Item(f"{_position(node)}." if ordered else "•", max(0, depth - 1)))
        self.walk(node, depth=depth)
        self.flush()
        self.items.pop()

    def table(self, table: lxml.html.HtmlElement) -> None:
        for row in table.iter("tr"):
            if _enclosing_table(row) is not table:
                continue
            cells: list[str] = []
            for cell in row:
                if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
                    continue
                cells.append(cell.text_content())
                span = cell.get("colspan") or "1"
                cells.extend(
                    [""] * (min(int(span), 50) - 1 if span.isdigit() and int(span) > 1 else 0)
                )
            self.out.row(cells, _line(row))
        self.out.end_table()

    def text(self, text: str | None, element: lxml.html.HtmlElement, *, bold: bool) -> None:
        if not text:
            return
        if not self.run.line:
            self.run.line = _line(element)
        self.run.lines[-1].append((text, bold))

    def flush(self) -> None:
        """Emit the gathered inline text: as the open list item's bullet, or as paragraphs."""
        run, self.run = self.run, _Run()
        emphasis = _all_bold(run)
        for line in run.lines:
            text = squash("".join(t for t, _ in line))
            if not text:
                continue
            if self.items:
                item = self.items[-1]
                self.out.bullet(
                    text,
                    run.line,
                    level=item.level,
                    marker=item.marker,
                    emphasis=emphasis,
                    continued=item.started,
                )
                item.started = True
            else:
                self.out.paragraph(text, run.line, emphasis=emphasis)


def _all_bold(run: _Run) -> bool:
    pieces = [(t, b) for line in run.lines for t, b in line if t.strip()]
    return bool(pieces) and all(b for _, b in pieces)


def _line(node: lxml.html.HtmlElement) -> int:
    return int(getattr(node, "sourceline", None) or 1)


def _position(node: lxml.html.HtmlElement) -> int:
    parent = node.getparent()
    if parent is None:
        return 1
    start = parent.get("start") or "1"
    siblings = [c for c in parent if isinstance(c.tag, str) and c.tag.lower() == "li"]
    return siblings.index(node) + (int(start) if start.isdigit() else 1)


def _enclosing_table(node: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    parent = node.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def read(text: str) -> ReadResult:
    return HtmlReader().read(text)
