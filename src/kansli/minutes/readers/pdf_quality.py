"""Is a page's text layer damaged? A small, language-neutral score per page.

Some PDF producers embed fonts whose character maps are wrong: the page looks right but its text
says "protokojjet", "Vvllvrdsnvrndens beslut", "beslutörr", "-uropean". We count words whose
letter sequences real Swedish or English text does not have:

- a doubled j, v, w, h, q or x inside a word ("protokojjet", "Tijj");
- a word starting with a doubled consonant ("Vvllvrdsnvrndens", "rrbis");
- a lowercase word of three or more letters without a vowel ("tll", "fnns"), not followed by
  "." ":" "/" (abbreviations and URLs: "www.", "https:", "dvs.");
- a run of seven or more consonants ("funktinnshndrade" is fine, "Vvllvrdsnvrnd" is not);
- a lowercase word ending in one stray capital ("tilläggsärendenE");
- a word that starts with "-" followed by a lowercase letter ("-uropean", "-nligt").

A page is damaged when at least two such words make up 1.5 % of its words: clean pages score 0
or a single accidental hit, damaged ones several percent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kansli.minutes.model import ParseWarning

_VOWELS = "aeiouyåäöéèêëüáàâæøíìîóòôúùû"
_WORD = re.compile(r"(?<![\w-])-?[^\W\d_]+(?=(.?))", re.U)
_DOUBLED = re.compile(r".(jj|vv|ww|hh|qq|xx)")
_CONSONANT_RUN = re.compile(f"[^{_VOWELS}]{{7,}}")
_STRAY_CAPITAL = re.compile(r"^[a-zåäöéü]{3,}[A-ZÅÄÖ]$")
MIN_HITS = 2
MIN_SHARE = 0.015


@dataclass(frozen=True, slots=True)
class PageQuality:
    page: int
    words: int
    suspicious: tuple[str, ...]

    @property
    def score(self) -> float:
        return len(self.suspicious) / self.words if self.words else 0.0

    @property
    def damaged(self) -> bool:
        return len(self.suspicious) >= MIN_HITS and self.score >= MIN_SHARE


def suspicious(word: str, following: str) -> bool:
    if word.startswith("-"):
        return len(word) > 1 and word[1].islower()
    if len(word) < 3 or word.isupper():
        return False
    low = word.lower()
    if _DOUBLED.match(low) or _DOUBLED.search(low):
        return True
    if low[0] == low[1] and low[0] not in _VOWELS:
        return True
    if word.islower() and not any(c in _VOWELS for c in low) and following not in ".:/@":
        return True
    return bool(_CONSONANT_RUN.search(low) or _STRAY_CAPITAL.match(word))


def page_quality(page: int, text: str) -> PageQuality:
    words = 0
    hits: list[str] = []
    for match in _WORD.finditer(text):
        word = match[0]
        if len(word.lstrip("-")) < 2:
            continue
        words += 1
        if suspicious(word, match[1]):
            hits.append(word)
    return PageQuality(page, words, tuple(hits))


def damage_warning(qualities: list[PageQuality]) -> ParseWarning | None:
    pages = tuple(q.page for q in qualities if q.damaged)
    if not pages:
        return None
    where = f"sidan {pages[0]}" if len(pages) == 1 else f"sidorna {page_ranges(pages)}"
    return ParseWarning(
        code="damaged-text-layer",
        message=(
            f"Textlagret i PDF:en är skadat på {where}; texten där kan vara felstavad. "
            "Kontrollera mot originalet."
        ),
        pages=pages,
    )


def page_ranges(pages: tuple[int, ...]) -> str:
    """(3, 4, 5, 7) -> "3–5, 7"."""
    parts: list[str] = []
    start = previous = pages[0]
    for page in (*pages[1:], None):
        if page is not None and page == previous + 1:
            previous = page
            continue
        parts.append(str(start) if start == previous else f"{start}–{previous}")
        if page is not None:
            start = previous = page
    return ", ".join(parts)
