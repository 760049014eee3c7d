"""Small text helpers shared by the rules: folding, sentences, names."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

SOFT_HYPHEN = re.compile(r"\xad\s*")
PARENTHESIS = re.compile(r"\s*\([^()]*\)")


# A case or file number standing for itself: "KS/2024:12", "SN-2024-17", "ÖP-24/3".
FILE_NUMBER = r"[A-ZÅÄÖ]{2,10}[/-]\d[\w./-]*"


def fold(text: str) -> str:
    """Case- and space-insensitive form of `text` (readers deliver NFC text)."""
    return " ".join(text.casefold().split())


def clean(text: str) -> str:
    """Collapse whitespace and strip; keep case and punctuation. Soft hyphens ("lag\xad ligt")
    that a wrap left behind are joined."""
    if "\xad" in text:
        text = SOFT_HYPHEN.sub("", text)
    return " ".join(text.split())


def strip_label(text: str) -> str:
    """'Beslut:' -> 'Beslut'; strips trailing colons, dashes and spaces."""
    return text.strip().rstrip(":：-–— ").strip()


_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"”»)]?\s+(?=[A-ZÅÄÖÉÜ0-9\"“”«(])"  # end punctuation, space, capital
)


@functools.lru_cache(maxsize=4096)
def split_sentences(text: str, abbreviation_end: re.Pattern[str]) -> tuple[str, ...]:
    """Split running text into sentences, not after a text that `abbreviation_end` matches
    Cached: the extraction passes ask for the same unit's sentences
    several times."""
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        head = text[start : match.start()].rstrip()
        if abbreviation_end.search(head):
            continue
        parts.append(head)
        start = match.end()
    parts.append(text[start:].strip())
    return tuple(clean(p) for p in parts if p.strip())


_NAME_TOKEN = re.compile(r"^[A-ZÅÄÖÉÈÜØÆ][\w'’.-]*$")
_PARTICLES = {
    "de",
    "da",
    "di",
    "von",
    "van",
    "der",
    "af",
    "av",
    "la",
    "le",
    "du",
    "del",
    "bin",
    "al",
}


def is_name_token(token: str) -> bool:
    return (bool(_NAME_TOKEN.match(token)) and any(ch.islower() for ch in token)) or (
        len(token) == 2 and token.endswith(".") and token[0].isupper()
    )


def looks_like_person(text: str) -> bool:
    """'Leif Eriksson', 'Bette Lundh Malmros', 'Chris de Almeida', 'Lundqvist-Eklund Terese'."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return False
    if not is_name_token(tokens[0]) or not is_name_token(tokens[-1]):
        return False
    return all(is_name_token(t) or t in _PARTICLES for t in tokens)


def without_parentheses(text: str) -> str:
    """'Lisa Andersson (M)' -> 'Lisa Andersson'."""
    return clean(PARENTHESIS.sub(" ", text))


SEPARATORS = {",;": re.compile("[,;]"), ",": re.compile(","), ";": re.compile(";")}


def split_outside_parentheses(text: str, separators: str = ",;") -> list[str]:
    """Split on separators that are not inside (...) or [...]."""
    if "(" not in text and "[" not in text:
        return [p for p in (clean(part) for part in SEPARATORS[separators].split(text)) if p]
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if ch in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [clean(p) for p in parts if clean(p)]


def is_upper_word_line(text: str) -> bool:
    """A letterhead line in capitals ('KUNGSBACKA KOMMUN')."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", ":", ";"))


def without_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with the (begin, stop) spans cut out, each leaving a space."""
    for begin, stop in sorted(spans, reverse=True):
        text = f"{text[:begin]} {text[stop:]}"
    return text
