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
_MD_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)
_MD_FEATURE = re.compile(r"\]\([^)\s]*\)|^```|<!--|^\|[\s:|-]*-[\s:|-]*\|\s*$", re.M)
# Markup Markdown shares with reST and plain text: it only counts when nothing else does.
_SHARED_FEATURE = re.compile(r"^\s*[-*+]\s+\S|^\s*\d+\.\s+\S|^\|.*\|\s*$|\*\*\S", re.M)
_ORG_KEYWORD = re.compile(r"^#\+[A-Za-z_]+:", re.M)
_ORG_HEADING = re.compile(r"^\*{1,6} \S", re.M)
_ORG_DEEP_HEADING = re.compile(r"^\*{2,6} \S", re.M)
_TYPST_KEYWORD = re.compile(r"^#(?:import|let|set|show)\b", re.M)
_TYPST_CALL = re.compile(r"^#[A-Za-z][\w.-]*[(\[]", re.M)
_TYPST_HEADING = re.compile(r"^=+ \S", re.M)
_LATEX = re.compile(r"\\(?:documentclass|begin\{document\}|section\*?\{|subsection\*?\{)")
_RST_UNDERLINE = re.compile(r"^(\S[^\n]*)\n([=\-~^\"'`#*+<>:.])\2{2,}[ \t]*$", re.M)
_RST_FEATURE = re.compile(r"^\.\. [\w|-]+::|`_\b|`__|^:\w[\w ]*: ", re.M)


def text_format(text: str, name: str | None) -> str:
    """The flavour of a text document: content decides, the extension only breaks ties."""
    hint = _HINTS.get(PurePath(name).suffix.lower(), "") if name else ""
    sample = text[:50_000]  # the flavour shows in the first pages
    if _HTML_START.match(sample):
        return "html"
    scores = {
        "org": 3 * len(_ORG_KEYWORD.findall(sample)) + 2 * len(_ORG_DEEP_HEADING.findall(sample)),
        "typst": 3 * len(_TYPST_KEYWORD.findall(sample))
        + (len(_TYPST_CALL.findall(sample)) if _TYPST_HEADING.search(sample) else 0),
        "latex": 3 * len(_LATEX.findall(sample)),
        "rst": 2 * len(_RST_UNDERLINE.findall(sample)) + 2 * len(_RST_FEATURE.findall(sample)),
        "markdown": 3 * len(_MD_HEADING.findall(sample))
        + 2 * len(_MD_FEATURE.findall(sample))
        + 10 * _front_matter(sample)
        + min(3, len(_SHARED_FEATURE.findall(sample))),
        "html": len(_HTML_TAG.findall(sample)) // 3,
    }
    if _ORG_HEADING.search(sample) and hint == "org":
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
    return bool(
        _front_matter(sample)
        or _MD_HEADING.search(sample)
        or re.search(r"\]\([^)\s]*\)|\*\*\S|^```", sample, re.M)
    )
