"""DOCX: the body in order (paragraphs and tables interleaved), page headers and footers first.

- "Heading N" (also "Rubrik N", outline levels, "Title") -> HEADING level N; a numbered heading
  gets Word's number in its text ("3. Årsredovisning").
- List paragraphs (a numbering property, or a "List ..." style) -> BULLET with Word's marker
  ("•", "1.", "a)") and the list level as depth.
- A paragraph whose runs are all bold -> emphasis. Tab-separated paragraphs ("Tid<TAB>Fredag")
  -> ROWs of one table. A line break inside a paragraph starts a new block.
- Tables -> ROWs, one table id per table; a merged cell is not repeated (its span is padded
  with empty cells, a vertical continuation is empty). A one-column table is a frame around
  text and is read as paragraphs.
- Section headers/footers (with their tables: "Avsändare", "2019-01-25", "1 (1)") come once,
  at the start, so the parser can read sender, date and page from them.
- Page breaks (explicit or as last rendered by Word) give PAGE blocks when the file has any.
Source lines are the running index of paragraphs and table rows.
"""

from __future__ import annotations

import io
import re
import weakref
import zipfile
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml.etree import _Element  # type: ignore[import-untyped]  # lxml ships no stubs

from kansli.minutes.errors import EncryptedDocumentError, UnreadableError, UnsupportedFormatError
from kansli.minutes.readers._build import BlockBuilder
from kansli.minutes.readers._clean import squash
from kansli.minutes.readers._result import ReadResult
from kansli.minutes.readers.docx_numbering import Numbering

T = TypeVar("T")

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
"""A member that inflates more than this (and past 1 MB) is a zip bomb, not a Word file."""

_HEADING_STYLE = re.compile(r"^(?:heading|rubrik|überschrift|titre|otsikko)\s*(\d)$", re.I)
_TITLE_STYLES = frozenset({"title", "rubrik", "titel", "otsikko"})
_P, _TBL, _SDT = qn("w:p"), qn("w:tbl"), qn("w:sdt")
_PAGE_BREAK = f".//{qn('w:br')}[@{qn('w:type')}='page']"
_RENDERED_BREAK = f".//{qn('w:lastRenderedPageBreak')}"


def refuse_ole(data: bytes, name: str | None) -> None:
    """An OLE compound file is either an encrypted DOCX or a pre-2007 Word file."""
    if "EncryptedPackage".encode("utf-16-le") in data or b"EncryptedPackage" in data:
        raise EncryptedDocumentError(name)
    raise UnsupportedFormatError(name, "äldre Word-format (.doc); spara som .docx eller PDF")


def guard_zip(data: bytes, name: str | None) -> None:
    """Refuse zip bombs and encrypted zips before python-docx inflates anything."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise UnreadableError(name, "trasigt zip-arkiv") from error
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED:
        raise UnreadableError(
            name, f"packas upp till {total / 1_000_000:.0f} MB (högst 200 MB): misstänkt zip-bomb"
        )
    for info in infos:
        if info.flag_bits & 0x1:
            raise EncryptedDocumentError(name)
        if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UnreadableError(
                name,
                f"{info.filename} packas upp {info.file_size // max(info.compress_size, 1)} "
                "gånger: misstänkt zip-bomb",
            )


def read(data: bytes, name: str | None) -> ReadResult:
    guard_zip(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors, ...
        raise UnreadableError(name, f"Word-filen är trasig ({type(error).__name__})") from error
    return DocxReader(document).read()


class DocxReader:
    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self.out = BlockBuilder()
        self.line = 0
        self.page = 0
        self.numbering = Numbering.from_part(_numbering_element(document))
        body = document.element.body
        self.paged = body.find(_PAGE_BREAK) is not None or body.find(_RENDERED_BREAK) is not None

    def read(self) -> ReadResult:
        if self.paged:
            self.new_page()
        for part in self.header_footer_parts():
            self.story(part)
        self.out.end_table()
        self.story(self.document.element.body)
        return ReadResult(self.out.build(), self.metadata(), self.page or None)

    def new_page(self) -> None:
        self.page += 1
        self.out.new_page(self.page, self.line + 1)

    def header_footer_parts(self) -> Iterator[_Element]:
        seen: set[str] = set()
        related = self.document.part.related_parts
        for tag in ("w:headerReference", "w:footerReference"):
            for section in self.document.sections:
                for reference in section._sectPr.iterfind(qn(tag)):
                    rid = reference.get(qn("r:id")) or ""
                    part = related.get(rid)
                    if part is None or str(part.partname) in seen:
                        continue
                    seen.add(str(part.partname))
                    element = getattr(part, "element", None)
                    if element is not None:
                        yield element

    def story(self, container: _Element) -> None:
        for child in container:
            if child.tag == _P:
                self.paragraph(child)
            elif child.tag == _TBL:
                self.table(child)
            elif child.tag == _SDT:
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self.story(content)

    def paragraph(self, p: _Element) -> None:
        self.line += 1
        breaks_before = self.paged and _break_before(p)
        if breaks_before:
            self.new_page()
        paragraph = Paragraph(p, self.document)
        text = paragraph.text
        style = _style_name(paragraph)
        level = _heading_level(paragraph, style)
        numbered = _num_pr(paragraph)
        marker = self.numbering.marker(*numbered) if numbered else ""
        if level:
            full = f"{marker} {text}" if marker and marker[-1:] in ".)" else text
            self.out.heading(full.replace("\t", " "), self.line, level=level, marker=style)
        elif numbered or style.lower().startswith(("list bullet", "list number", "punktlista")):
            # "List Bullet 2" often reuses level 0 of its own list: the style says the depth.
            depth = max(numbered[1] if numbered else 0, _style_depth(style))
            for index, line in enumerate(text.split("\n")):
                self.out.bullet(
                    line.replace("\t", " "),
                    self.line,
                    level=depth,
                    marker=marker or "•",
                    emphasis=_all_bold(paragraph),
                    continued=index > 0,
                )
        else:
            self.plain(text, paragraph)
        if self.paged and not breaks_before and _break_inside(p):
            self.new_page()

    def plain(self, text: str, paragraph: Paragraph) -> None:
        emphasis = _all_bold(paragraph)
        for line in text.split("\n"):
            cells = [cell for cell in re.split(r"\t+", line.strip("\t ")) if cell.strip()]
            if len(cells) > 1:
                # A key-value layout by tab stops ("Tid<TAB>Fredag ..."): a two-column table.
                self.out.row(cells, self.line)
            else:
                self.out.end_table()
                self.out.paragraph(line, self.line, emphasis=emphasis)

    def table(self, tbl: _Element) -> None:
        self.out.end_table()
        rows = [self.cells(tr) for tr in _rows(tbl)]
        if rows and max(len(row) for row in rows) == 1:
            for tc in (tc for tr in _rows(tbl) for tc in _cells(tr)):
                self.story(tc)
            return
        for cells in rows:
            for line in _label_lines(cells):
                self.line += 1
                self.out.row([" ".join(cell) for cell in line], self.line)
        self.out.end_table()

    def cells(self, tr: _Element) -> list[list[str]]:
        """Each cell's paragraphs (a merged cell's continuation and span padding are empty)."""
        cells: list[list[str]] = []
        for tc in _cells(tr):
            props = tc.find(qn("w:tcPr"))
            span, merged = 1, False
            if props is not None:
                grid = props.find(qn("w:gridSpan"))
                span = max(1, min(_int(grid.get(qn("w:val")) if grid is not None else None, 1), 64))
                vmerge = props.find(qn("w:vMerge"))
                merged = vmerge is not None and vmerge.get(qn("w:val"), "continue") == "continue"
            texts = [] if merged else [_text(p).replace("\t", " ") for p in tc.iter(_P)]
            cells.append([t for t in texts if t.strip()])
            cells.extend([[]] * (span - 1))
        return cells

    def metadata(self) -> tuple[tuple[str, str], ...]:
        props = self.document.core_properties
        pairs = [
            ("title", props.title),
            ("subject", props.subject),
            ("author", props.author),
            ("keywords", props.keywords),
            ("created", props.created.isoformat() if props.created else ""),
            ("modified", props.modified.isoformat() if props.modified else ""),
        ]
        return tuple((key, squash(value)) for key, value in pairs if value and squash(value))


def _label_lines(cells: list[list[str]]) -> list[list[list[str]]]:
    """A row as the rows it shows. "Beslutande | Anna Ek (S), ordförande / Per Holm (M) / ..."
    (a label and a cell of one person per paragraph) is a row per person, the label on the
    first; any other row is one row, each cell's paragraphs joined."""
    filled = [i for i, cell in enumerate(cells) if cell]
    if len(filled) == 2 and len(cells[filled[0]]) == 1 and len(cells[filled[1]]) > 1:
        label, values = filled
        lines = []
        for n, value in enumerate(cells[values]):
            line: list[list[str]] = [[] for _ in cells]
            line[label] = cells[label] if n == 0 else []
            line[values] = [value]
            lines.append(line)
        return lines
    return [cells]


def _numbering_element(document: DocxDocument) -> _Element | None:
    try:
        element: _Element = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return None
    return element


def _rows(tbl: _Element) -> Iterator[_Element]:
    for child in tbl:
        if child.tag == qn("w:tr"):
            yield child
        elif child.tag == _SDT:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from content.iterfind(qn("w:tr"))


def _cells(tr: _Element) -> Iterator[_Element]:
    for child in tr:
        if child.tag == qn("w:tc"):
            yield child
        elif child.tag == _SDT:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from content.iterfind(qn("w:tc"))


def _text(p: _Element) -> str:
    """Text of a paragraph: w:t runs, tabs and breaks (also inside hyperlinks and fields)."""
    parts: list[str] = []
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append("\t")
        elif node.tag == qn("w:noBreakHyphen"):
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts)


# python-docx finds a paragraph's style by scanning all styles on every `paragraph.style`; a
# document has few styles and many paragraphs, so each answer is kept per document part.
_STYLE_CACHE: weakref.WeakKeyDictionary[object, dict[tuple[str | None, str], object]] = (
    weakref.WeakKeyDictionary()
)


def _per_style(paragraph: Paragraph, what: str, compute: Callable[[Paragraph], T]) -> T:
    cache = _STYLE_CACHE.setdefault(paragraph.part, {})
    key = (paragraph._p.style, what)
    if key not in cache:
        cache[key] = compute(paragraph)
    return cache[key]  # type: ignore[return-value]


def _style(paragraph: Paragraph) -> Any:
    """The paragraph's style object, looked up once per style and document."""
    return _per_style(paragraph, "style", _lookup_style)


def _lookup_style(paragraph: Paragraph) -> Any:
    try:
        return paragraph.style
    except (KeyError, ValueError, AttributeError):
        return None


def _style_name(paragraph: Paragraph) -> str:
    return _per_style(paragraph, "name", _compute_style_name)


def _compute_style_name(paragraph: Paragraph) -> str:
    style = _style(paragraph)
    return (style.name or "") if style is not None else ""


def _heading_level(paragraph: Paragraph, style: str) -> int:
    match = _HEADING_STYLE.match(style.strip())
    if match:
        return max(1, int(match[1]))
    if style.strip().lower() in _TITLE_STYLES:
        return 1
    outline = _inherited(paragraph, "w:outlineLvl")
    if outline is not None:
        level = _int(outline.get(qn("w:val")), 9)
        return level + 1 if level < 9 else 0
    return 0


def _num_pr(paragraph: Paragraph) -> tuple[str, int] | None:
    num_pr = _inherited(paragraph, "w:numPr")
    if num_pr is None:
        return None
    num_id = num_pr.find(qn("w:numId"))
    value = num_id.get(qn("w:val")) if num_id is not None else None
    if not value or value == "0":
        return None  # numId 0 switches numbering off
    ilvl = num_pr.find(qn("w:ilvl"))
    return value, _int(ilvl.get(qn("w:val")) if ilvl is not None else None, 0)


def _inherited(paragraph: Paragraph, tag: str) -> _Element | None:
    """A paragraph property from the paragraph itself or its style chain."""
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.find(qn(tag)) is not None:
        found: _Element | None = p_pr.find(qn(tag))
        return found
    return _per_style(paragraph, tag, lambda p: _from_style(p, tag))


def _from_style(paragraph: Paragraph, tag: str) -> _Element | None:
    style = _style(paragraph)
    for _ in range(10):  # base-style chains are short; a cycle must not hang us
        if style is None:
            return None
        s_pr = style.element.find(qn("w:pPr"))
        if s_pr is not None and s_pr.find(qn(tag)) is not None:
            found = s_pr.find(qn(tag))
            return found
        style = style.base_style
    return None


def _style_depth(style: str) -> int:
    match = re.search(r"(\d)$", style.strip())
    return int(match[1]) - 1 if match else 0


def _all_bold(paragraph: Paragraph) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs:
        return False
    style_bold = _style_bold(paragraph)
    return all(run.bold or (run.bold is None and style_bold) for run in runs)


def _style_bold(paragraph: Paragraph) -> bool:
    return _per_style(paragraph, "bold", _compute_style_bold)


def _compute_style_bold(paragraph: Paragraph) -> bool:
    style = _style(paragraph)
    for _ in range(10):
        if style is None:
            return False
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False


def _break_before(p: _Element) -> bool:
    p_pr = p.find(qn("w:pPr"))
    if p_pr is not None and p_pr.find(qn("w:pageBreakBefore")) is not None:
        return True
    for node in p.iter(qn("w:t"), qn("w:br"), qn("w:lastRenderedPageBreak")):
        if node.tag == qn("w:t") and (node.text or "").strip():
            return False
        if node.tag == qn("w:lastRenderedPageBreak") or node.get(qn("w:type")) == "page":
            return True
    return False


def _break_inside(p: _Element) -> bool:
    return p.find(_PAGE_BREAK) is not None or p.find(_RENDERED_BREAK) is not None


def _int(value: str | None, default: int = 1) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
