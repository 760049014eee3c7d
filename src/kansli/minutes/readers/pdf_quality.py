"""Is a page's text layer damaged? A small, language-neutral score per page.

Some PDF producers embed fonts whose character maps are wrong: the page looks right but its text
says "protokojjet", "Vvllvrdsnvrndens beslut", "beslutörr", "-uropean". We count words whose
letter sequences real Swedish or English text does not have:

- a doubled j, v, w, h, q or x inside a word ("protokojjet", "Tijj");
- a word starting with a doubled consonant ("Vvllvrdsnvrndens", "rrbis");
- a lowercase word of three or more letters without a vowel ("tll", "fnns"), not followed by
  "." ":" "/" (abbreviations: "dvs.");
- a run of seven or more consonants ("funktinnshndrade" is fine, "Vvllvrdsnvrnd" is not);
- a lowercase word ending in one stray capital ("tilläggsärendenE");
- a word that starts with "-" followed by a lowercase letter ("-uropean", "-nligt").

Words that are part of a URL, domain or e-mail address ("www.nykarleby.fi") are not judged.
A page is damaged when at least two such words make up 1.5 % of its words: clean pages score 0
or a single accidental hit, damaged ones several percent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kansli.minutes.model import ParseWarning

_VOWELS = "aeiouyåäöéèêëüáàâæøíìîóòôúùû"
_CONSONANT = r"[b-df-hj-np-tv-xzçñß]"
_WORDS = re.compile(r"(?<![\w-])-?[^\W\d_]{2,}")
# Short markers, one per kind of damage; each hit is then widened to its word. Markers keep
# the regex free of backtracking over whole words, which matters on the import's hot path.
_MARKERS = re.compile(
    r"(?<![\w-])-[a-zåäöéü]"
    rf"|(?<![\w-])([{_CONSONANT[1:-1]}B-DF-HJ-NP-TV-XZ])(?i:\1)(?=[^\W\d_])"
    rf"|(?<![\w-]){_CONSONANT}{{3,}}(?![\w.:/@-])"
    rf"|[^\W\d_{_VOWELS}{_VOWELS.upper()}]{{7,}}"
    r"|(?<![\w-])[a-zåäöéü]{3,}[A-ZÅÄÖ](?![\w-])"
)
# Doubled letters are searched for only on pages that have them: a substring test is far
# cheaper than one more regex alternative tried at every position.
_DOUBLED = ("jj", "vv", "ww", "hh", "qq", "xx")
_DOUBLED_MARKER = re.compile(r"(?<=[^\W\d_])(?:jj|vv|ww|hh|qq|xx)", re.IGNORECASE)
_WORD_START = re.compile(r"[\w-]*\Z")
_WORD_END = re.compile(r"[\w-]*")
_URL_PART = re.compile(r"[.:/@]\w")
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


def page_quality(page: int, text: str) -> PageQuality:
    hits: dict[int, str] = {}
    markers = list(_MARKERS.finditer(text))
    lowered = text.lower()
    if any(pair in lowered for pair in _DOUBLED):
        markers += _DOUBLED_MARKER.finditer(text)
    for marker in markers:
        if marker[0].isupper():
            continue  # "SSK-möte": capitals are an acronym, not a doubled letter
        before = _WORD_START.search(text, max(0, marker.start() - 60), marker.start())
        start = before.start() if before else marker.start()
        if start in hits:
            continue
        end = _WORD_END.match(text, marker.end())
        stop = end.end() if end else marker.end()
        word = text[start:stop]
        if word.isupper() or _URL_PART.match(text, stop):
            continue  # an acronym, or part of a URL, domain or e-mail address
        hits[start] = word
    return PageQuality(page, len(_WORDS.findall(text)), tuple(hits.values()))


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
