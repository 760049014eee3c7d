"""Inline markup to clean text: Markdown (also used for HTML fragments inside Markdown)."""

from __future__ import annotations

import re

from kansli.minutes.readers._clean import unescape

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_PROTECTED = re.compile("\ue000(\\d+)\ue001")
_CODE = re.compile(r"(`+)(.+?)\1")
_COMMENT = re.compile(r"<!--.*?-->")
_IMAGE = re.compile(r"!\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>", re.I)
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_STRIKE = re.compile(r"~~(.+?)~~")
_WHOLE_BOLD = re.compile(r"^\s*(\*\*|__)(?=\S)(.+?)(?<=\S)\1\s*([:.]?)\s*$")
_WHOLE_STRONG_TAG = re.compile(r"^\s*<(strong|b)>(.*?)</\1>\s*([:.]?)\s*$", re.I)


_MARKUP_CHARS = frozenset("\\`<[*_~&")


def markdown_inline(text: str) -> str:
    """Markdown inline markup removed: emphasis, links, code, inline HTML, escapes, entities."""
    if _MARKUP_CHARS.isdisjoint(text):
        return text  # most lines carry no markup: twelve substitutions saved
    escapes: list[str] = []

    def protect(match: re.Match[str]) -> str:
        escapes.append(match[1])
        return f"\ue000{len(escapes) - 1}\ue001"

    text = _ESCAPE.sub(protect, text)
    text = _CODE.sub(lambda m: m[2].strip(), text)
    text = _COMMENT.sub(" ", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _EM_STAR.sub(r"\1", text)
    text = _EM_UNDERSCORE.sub(r"\1", text)
    text = _STRIKE.sub(r"\1", text)
    text = _PROTECTED.sub(lambda m: escapes[int(m[1])], text)
    return unescape(text)


def whole_line_bold(text: str) -> str | None:
    """The inner text when the whole line is bold (**x**, __x__, <strong>x</strong>), else None.

    A trailing ":" or "." outside the markup still counts ("**Beslut**:").
    """
    match = _WHOLE_BOLD.match(text) or _WHOLE_STRONG_TAG.match(text)
    if match is None:
        return None
    inner = match[2]
    if "**" in inner or "<strong" in inner.lower():
        return None  # "**a** and **b**": two bold runs, not one bold line
    return inner + match[3]
