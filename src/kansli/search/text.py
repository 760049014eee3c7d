"""Words, stems and snippets: the language side of search, the same on every database.

SQLite's FTS5 has no Swedish stemmer, so the text is stemmed here (Snowball's Swedish stemmer
through PyStemmer) before it is indexed, and the query the same way. PostgreSQL stems with its
own `swedish` configuration — the same Snowball algorithm and the same stop words — so the
stems computed here also find the words to highlight in a snippet on both.
"""

from __future__ import annotations

import functools
import html
import re
import threading
from collections.abc import Iterable

import Stemmer

# A word is a run of letters and digits: what FTS5's unicode61 tokenizer also calls a token, so
# the stems written here are read back by FTS5 as exactly these tokens.
WORD = re.compile(r"[^\W_]+")
SPACE = re.compile(r"\s+")

# Snowball's Swedish stop words (as PostgreSQL's `swedish.stop`): left out of the index and the
# query on SQLite, as PostgreSQL does, so a search for "och" means the same on both.
STOP_WORDS = frozenset(
    """och det att i en jag hon som han på den med var sig för så till är men ett om hade de av
    icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något
    från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller
    allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa
    några deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje
    vilka ditt vem vilket sitta sådana vart dina vars vårt våra ert era vilkas""".split()  # noqa: SIM905
)

SNIPPET_CHARS = 220  # characters around the first match
SNIPPET_BEFORE = 60  # of them before it
SNIPPET_SCAN = 200_000  # characters of a long text searched for the first match

_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    # One per thread: a Stemmer keeps state between calls and is not safe to share.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("swedish")
    return stemmer


def terms(text: str) -> list[str]:
    """The stems of the text's words, in order, lower case, without stop words."""
    words = [w for w in (m.lower() for m in WORD.findall(text)) if w not in STOP_WORDS]
    return _stemmer().stemWords(words) if words else []


def stemmed(text: str) -> str:
    """The text as FTS5 indexes it: its stems separated by spaces."""
    return " ".join(terms(text))


def words(text: str) -> str:
    """The text's words, separated by spaces: what PostgreSQL stems (it splits "bild.png" or
    an address differently on its own)."""
    return " ".join(WORD.findall(text))


def query_terms(query: str) -> list[str]:
    """The distinct stems of a query, in the order typed."""
    return list(dict.fromkeys(terms(query)))


def snippet_html(text: str, stems: Iterable[str]) -> str:
    """About SNIPPET_CHARS characters of `text` around the first word whose stem is searched
    for, HTML-escaped, each matching word in <mark>. Without a match, the text's beginning."""
    wanted = frozenset(stems)
    scanned = text[:SNIPPET_SCAN]
    # Snowball's Swedish stems are prefixes of their words: a regular expression finds the
    # candidates in C, and only they are stemmed to confirm.
    candidates = _candidates(wanted).finditer(scanned) if wanted else iter(())
    marks = [m for m in candidates if _matches(m.group(), wanted)]
    first = marks[0].start() if marks else 0
    start = _word_start(scanned, max(0, first - SNIPPET_BEFORE), first)
    end = max(_word_end(scanned, min(len(scanned), start + SNIPPET_CHARS)), first + 1)
    parts = ["… " if start > 0 else ""]
    position = start
    for mark in marks:
        if mark.start() < start or mark.end() > end:
            continue
        parts += [html.escape(scanned[position : mark.start()]), "<mark>"]
        parts += [html.escape(mark.group()), "</mark>"]
        position = mark.end()
    parts.append(html.escape(scanned[position:end]))
    if end < len(text):
        parts.append(" …")
    return " ".join("".join(parts).split())


@functools.lru_cache(maxsize=256)
def _candidates(stems: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(stem) for stem in sorted(stems, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*", re.IGNORECASE)


def _word_start(text: str, index: int, limit: int) -> int:
    """`index`, moved forward past a word cut in two (but never past `limit`)."""
    if index == 0 or text[index - 1].isspace():
        return index
    space = SPACE.search(text, index, limit)
    return space.end() if space else index


def _word_end(text: str, index: int) -> int:
    """`index`, moved back before a word cut in two."""
    if index >= len(text) or text[index].isspace():
        return index
    space = text.rfind(" ", 0, index)
    return index if space <= 0 else space


def _matches(word: str, wanted: frozenset[str]) -> bool:
    lower = word.lower()
    return lower not in STOP_WORDS and _stemmer().stemWord(lower) in wanted
