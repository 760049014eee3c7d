"""Small text helpers every reader shares: whitespace, bullet glyphs, joining wrapped fragments."""

from __future__ import annotations

import html
import re

_SPACE = re.compile(r"\s+")
# Zero-width characters and the soft hyphen carry no visible text; PDF and Word leave them in.
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS), None)
_INNER_SOFT_HYPHEN = re.compile("\u00ad(?=.)")

BULLET_GLYPHS = frozenset("•\uf0b7\uf0a7\uf076\uf0d8\uf0fc▪◦●○■□‣⁃∙·➢➤►→⇒➔")
"""Characters that only ever mark a list item (never start a word)."""

_LEADING_GLYPH = re.compile(r"^[" + re.escape("".join(sorted(BULLET_GLYPHS))) + r"]\s*")

SOFT_HYPHENS = ("\x02", "\ufffe", "\u00ad")
"""What PDF text layers put where a word was hyphenated at a line end."""


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space and trim; drop invisible characters.

    A soft hyphen survives only at the very end: there it says a word was split at a line end
    (PDF), which `join_lines` needs to know.
    """
    # The checks before the rewrites keep this cheap: it runs on every block of every file.
    if any(char in text for char in _INVISIBLE_CHARS):
        text = text.translate(_INVISIBLE)
    if "\u00ad" in text:
        text = _INNER_SOFT_HYPHEN.sub("", text)
    return " ".join(text.split())


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
    tail = tail.lstrip()
    if not head.strip():
        return tail
    if head[-1].isspace():
        return head.rstrip() + " " + tail
    if head.endswith(SOFT_HYPHENS):
        return head[:-1] + tail
    if head.endswith("-") or tail[0].islower():
        return head + tail
    return head + " " + tail


def join_lines(head: str, tail: str) -> str:
    """Join two clean blocks where the second continues the first (a soft wrap).

    Clean text has lost pdfium's trailing spaces, but a paragraph only ever wraps at a space,
    a soft hyphen (kept at the end of the text) or a hyphen before a lowercase letter.
    """
    if not head or not tail:
        return head or tail
    if head.endswith("\u00ad"):
        return head[:-1] + tail
    if head.endswith("-") and tail[0].islower():
        return head + tail
    return head + " " + tail


def first_word(text: str) -> str:
    parts = text.split(None, 1)
    return parts[0] if parts else ""


def ends_sentence(text: str) -> bool:
    """The line ends like a finished sentence or label ("beslut.", "Närvarande:")."""
    stripped = text.rstrip(" \t\"'”’)»*_")
    return stripped.endswith((".", "!", "?", ":", ";"))
