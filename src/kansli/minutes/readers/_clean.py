"""Small text helpers every reader shares: whitespace, bullet glyphs, joining wrapped fragments."""

from __future__ import annotations

import html
import re

_SPACE = re.compile(r"\s+")
# Zero-width characters and the soft hyphen carry no visible text; PDF and Word leave them in.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)

BULLET_GLYPHS = frozenset("•\uf0b7\uf0a7\uf076\uf0d8\uf0fc▪◦●○■□‣⁃∙·➢➤►")
"""Characters that only ever mark a list item (never start a word)."""

_LEADING_GLYPH = re.compile(r"^[" + re.escape("".join(sorted(BULLET_GLYPHS))) + r"]\s*")

SOFT_HYPHENS = ("\x02", "\ufffe", "\u00ad")
"""What PDF text layers put where a word was hyphenated at a line end."""


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space and trim; drop invisible characters."""
    return _SPACE.sub(" ", text.translate(_INVISIBLE)).strip()


def strip_glyph(text: str) -> str:
    """Remove a leading bullet glyph ("• 22 februari" -> "22 februari")."""
    return _LEADING_GLYPH.sub("", text.strip(), count=1)


def unescape(text: str) -> str:
    """Decode HTML entities (&quot; &amp; &#228; ...), which also leak into Markdown and reST."""
    return html.unescape(text) if "&" in text else text


def join_wrapped(head: str, tail: str) -> str:
    """Join a fragment with the one that continues it on the next visual line.

    pdfium keeps the trailing space of a fragment that ended at a word boundary, so: a trailing
    space means a new word; a soft hyphen or "-" means the word goes on without a space; no
    space before a lowercase letter is a mid-word break ("Verkställigh" + "et KD"); anything
    else starts a new word ("Information" + "KS").
    """
    if not tail.strip():
        return head
    if not head.strip():
        return tail.strip()
    tail = tail.lstrip()
    if head[-1].isspace():
        return head.rstrip() + " " + tail
    if head.endswith(SOFT_HYPHENS):
        return head[:-1] + tail
    if head.endswith("-") or tail[0].islower():
        return head + tail
    return head + " " + tail


def first_word(text: str) -> str:
    parts = text.split(None, 1)
    return parts[0] if parts else ""


def ends_sentence(text: str) -> bool:
    """The line ends like a finished sentence or label ("beslut.", "Närvarande:")."""
    stripped = text.rstrip(" \t\"'”’)»*_")
    return stripped.endswith((".", "!", "?", ":", ";"))
