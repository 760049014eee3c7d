"""Words, stems and snippets: the language side of search, the same on every database.

SQLite's FTS5 has no Swedish stemmer, so the text is stemmed here (Snowball's Swedish stemmer
through PyStemmer) before it is indexed, and the query the same way. PostgreSQL stems with its
own `swedish` configuration — the same Snowball algorithm and the same stop words — so the
stems computed here also find the words to highlight in a snippet on both.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterable

import Stemmer

# A word is a run of letters and digits: what FTS5's unicode61 tokenizer also calls a token, so
# the stems written here are read back by FTS5 as exactly these tokens.
WORD = re.compile(r"[^\W_]+")

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

SNIPPET_WORDS = 30  # words around the first match
SNIPPET_BEFORE = 8  # of them before it
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
    """About SNIPPET_WORDS words of `text` around the first word whose stem is searched for,
    HTML-escaped, each matching word in <mark>. Without a match, the text's beginning."""
    wanted = frozenset(stems)
    words = list(WORD.finditer(text[:SNIPPET_SCAN]))
    if not words:
        return ""
    marked = [_matches(m.group(), wanted) for m in words]
    first = marked.index(True) if True in marked else 0
    start = max(0, first - SNIPPET_BEFORE) if True in marked else 0
    end = min(len(words), start + SNIPPET_WORDS)
    parts = ["… " if start > 0 else ""]
    position = words[start].start() if start > 0 else 0
    for word, hit in zip(words[start:end], marked[start:end], strict=True):
        parts.append(html.escape(text[position : word.start()]))
        parts.append(
            f"<mark>{html.escape(word.group())}</mark>" if hit else html.escape(word.group())
        )
        position = word.end()
    if end < len(words) or len(text) > SNIPPET_SCAN:
        parts.append(" …")
    else:
        parts.append(html.escape(text[position : position + 20]))  # the closing stop
    return " ".join("".join(parts).split())


def _matches(word: str, wanted: frozenset[str]) -> bool:
    lower = word.lower()
    # Snowball's Swedish stems are prefixes of the word: most words are ruled out unstemmed.
    if lower in STOP_WORDS or not any(lower.startswith(stem) for stem in wanted):
        return False
    return _stemmer().stemWord(lower) in wanted
