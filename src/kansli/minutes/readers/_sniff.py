"""Which format a file is, from its content; a file name's extension is only a tie-breaker."""

from __future__ import annotations

import io
import re
import zipfile
from enum import StrEnum
from pathlib import PurePath


class Container(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    OLE = "ole"
    TEXT = "text"


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OTHER_BINARIES = {
    b"\x89PNG": "PNG-bild",
    b"\xff\xd8\xff": "JPEG-bild",
    b"GIF8": "GIF-bild",
    b"\x1f\x8b": "gzip-arkiv",
    b"7z\xbc\xaf": "7z-arkiv",
    b"Rar!": "RAR-arkiv",
    b"{\\rtf": "RTF (spara som DOCX eller PDF)",
    b"II*\x00": "TIFF-bild",
    b"MM\x00*": "TIFF-bild",
}


def container(data: bytes) -> Container | str:
    """The container format, or a Swedish description of an unsupported binary format."""
    head = data[:1024].lstrip(b"\x00\t\n\r\f ")
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return Container.PDF
    if data.startswith(_OLE_MAGIC):
        return Container.OLE
    if data.startswith(b"PK"):
        return _zip_kind(data)
    for magic, what in _OTHER_BINARIES.items():
        if data.startswith(magic):
            return what
    return Container.TEXT


def _zip_kind(data: bytes) -> Container | str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return Container.DOCX
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100].decode("ascii", "replace")
                if "opendocument.text" in mimetype:
                    return "OpenDocument-text (.odt; spara som DOCX eller PDF)"
                return f"OpenDocument ({mimetype})"
            if "xl/workbook.xml" in names:
                return "Excel-arbetsbok (.xlsx)"
            if "ppt/presentation.xml" in names:
                return "PowerPoint-presentation (.pptx)"
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return "trasigt zip-arkiv"
    return "zip-arkiv utan Word-dokument"


TEXT_FORMATS = ("text", "markdown", "org", "rst", "html", "typst", "latex")

_HINTS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".org": "org",
    ".rst": "rst",
    ".rest": "rst",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".typ": "typst",
    ".tex": "latex",
    ".txt": "text",
    ".text": "text",
}

_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)", re.I)
_HTML_TAG = re.compile(r"<(?:p|div|h[1-6]|table|tr|td|li|ul|ol|br|body|head|span)\b[^>]*>", re.I)


def _features(*patterns: str) -> tuple[re.Pattern[str], ...]:
    """Line-start patterns are written with a leading newline rather than `^` (the sample gets
    one in front): a pattern that starts with a literal is searched for fast, `^` is tried at
    every character. For the same reason alternatives are separate patterns."""
    return tuple(re.compile(pattern, re.M) for pattern in patterns)


_MD_HEADING = _features(r"\n#{1,6}[ \t]+\S")
_MD_FEATURE = _features(r"\]\([^)\s]*\)", r"\n```", "<!--", r"\n\|[ \t:|-]*-[ \t:|-]*\|[ \t]*$")
# Markup Markdown shares with reST and plain text: it only counts when nothing else does.
_SHARED_FEATURE = _features(
    r"\n[ \t]*[-*+][ \t]+\S", r"\n[ \t]*\d+\.[ \t]+\S", r"\n\|.*\|[ \t]*$", r"\*\*\S"
)
_STRONG_MARKDOWN = _features(r"\n#{1,6}[ \t]+\S", r"\]\([^)\s]*\)", r"\*\*\S", r"\n```")
_ORG_KEYWORD = _features(r"\n#\+[A-Za-z_]+:")
_ORG_HEADING = _features(r"\n\*{1,6} \S")
_ORG_DEEP_HEADING = _features(r"\n\*{2,6} \S")
_TYPST_KEYWORD = _features(r"\n#(?:import|let|set|show)\b")
_TYPST_CALL = _features(r"\n#[A-Za-z][\w.-]*[(\[]")
_TYPST_HEADING = _features(r"\n=+ \S")
_LATEX = _features(r"\\(?:documentclass|begin\{document\}|section\*?\{|subsection\*?\{)")
_RST_FEATURE = _features(r"\n\.\. [\w|-]+::", r"`_\b", "`__", r"\n:\w[\w ]*: ")
_UNDERLINE = re.compile(r"\n([=\-~^\"'`#*+<>:.])\1{2,}[ \t]*$", re.M)


def _count(patterns: tuple[re.Pattern[str], ...], sample: str) -> int:
    return sum(len(pattern.findall(sample)) for pattern in patterns)


def _found(patterns: tuple[re.Pattern[str], ...], sample: str) -> bool:
    return any(pattern.search(sample) for pattern in patterns)


def _rst_underlines(sample: str) -> int:
    """Titles underlined reST style: a line of one repeated punctuation mark under a text line."""
    count = 0
    for match in _UNDERLINE.finditer(sample):
        above = sample[sample.rfind("\n", 0, match.start()) + 1 : match.start()]
        count += bool(above[:1].strip())
    return count


def text_format(text: str, name: str | None) -> str:
    """The flavour of a text document: content decides, the extension only breaks ties."""
    hint = _HINTS.get(PurePath(name).suffix.lower(), "") if name else ""
    sample = text[:50_000]  # the flavour shows in the first pages
    if _HTML_START.match(sample):
        return "html"
    lines = "\n" + sample
    scores = {
        "org": 3 * _count(_ORG_KEYWORD, lines) + 2 * _count(_ORG_DEEP_HEADING, lines),
        "typst": 3 * _count(_TYPST_KEYWORD, lines)
        + (_count(_TYPST_CALL, lines) if _found(_TYPST_HEADING, lines) else 0),
        "latex": 3 * _count(_LATEX, lines),
        "rst": 2 * _rst_underlines(lines) + 2 * _count(_RST_FEATURE, lines),
        "markdown": 3 * _count(_MD_HEADING, lines)
        + 2 * _count(_MD_FEATURE, lines)
        + 10 * _front_matter(sample)
        + min(3, _count(_SHARED_FEATURE, lines)),
        "html": len(_HTML_TAG.findall(sample)) // 3,
    }
    if hint == "org" and _found(_ORG_HEADING, lines):
        scores["org"] += 5
    if hint in scores and scores[hint] > 0:
        scores[hint] += 5
    best = max(scores, key=lambda key: scores[key])
    if scores[best] <= 0:
        return hint or "text"
    if hint in ("text", "") and best == "markdown" and not _strong_markdown(sample):
        # Text exported from PDFs has "- " lists, "|" pseudo-tables and "1. Titel" item lines;
        # only real Markdown (headings, links, bold, front matter) makes it Markdown. Without
        # a name to go by, plain text is the safer reading: "1. Incheckning" stays a line.
        return "text"
    return best


def _front_matter(sample: str) -> int:
    return int(sample.startswith("---\n") and "\n---" in sample[4:4000])


def _strong_markdown(sample: str) -> bool:
    return bool(_front_matter(sample) or _found(_STRONG_MARKDOWN, "\n" + sample))
