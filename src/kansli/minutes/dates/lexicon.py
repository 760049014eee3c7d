"""Regex fragments and word look-ups built once from a `Vocabulary`.

The rules are written against these fragments (`lex.month`, `lex.weekday`, ...) so that they
never name a word of any language themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kansli.minutes.dates.vocab import MonthPart, Season, Vocabulary

FLAGS = re.IGNORECASE

# Numbers, language-neutral. A day 1-31, a month 1-12, a year 1900-2099.
DAY = r"(?:3[01]|[12]\d|0?[1-9])"
MONTH = r"(?:1[0-2]|0?[1-9])"
YEAR = r"(?:19|20)\d\d"
DASH = r"\s*(?:--|[-‐‑‒–—])\s*"
NUMBER_START = r"(?<![\w.,/:+\-‐‑‒–—])"
"""Not inside a number, a decimal, a path or a case number ("KS-2024-00137", "4,53", "12.03.01")."""
NUMBER_END = r"(?![\w/]|[.,:]\d|-[^\W\d_])"
"""Not followed by more digits, a decimal part, a path or a hyphenated word ("3/6-månader")."""


def key(word: str) -> str:
    """The look-up form of a matched word: lower case, single spaces, no trailing dot."""
    return " ".join(word.lower().split()).rstrip(".")


def phrase(word: str) -> str:
    return r"\s+".join(re.escape(part) for part in word.split())


def alternation(
    words: Iterable[str], *, capitalized: frozenset[str] = frozenset(), dotted: bool = False
) -> str:
    """A non-capturing alternation of literal phrases, longest first (so "ännu i" beats "i").

    `capitalized` words match only as "May"/"MAY" even in an IGNORECASE pattern; `dotted`
    lets each word be followed by an optional dot (abbreviations: "Oct.", "sept.").
    """
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        body = phrase(word)
        if word in capitalized:
            body = f"(?-i:{phrase(word.capitalize())}|{phrase(word.upper())})"
        parts.append(body + (r"\.?" if dotted and not word.endswith(".") else ""))
    if not parts:
        return r"(?!)"  # a language without such words: matches nothing
    return "(?:" + "|".join(parts) + ")"


class Lexicon:
    """Fragments for the rules' patterns and the word -> meaning tables to resolve matches."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        caps = vocab.capitalized
        self.months_of: dict[str, int] = {}
        for number, words in _numbered(vocab.month_names, vocab.month_abbreviations):
            for word in words:
                self.months_of.setdefault(key(word), number)
        self.abbreviations = frozenset(key(w) for ws in vocab.month_abbreviations for w in ws)
        names = [w for ws in vocab.month_names for w in ws]
        short = [w for ws in vocab.month_abbreviations for w in ws]
        self.month = (
            "(?:"
            + alternation(names, capitalized=caps)
            + "|"
            + alternation(short, capitalized=caps, dotted=True)
            + ")"
        )
        first = [w for ws in vocab.month_first for w in ws]
        self.month_first = alternation(first, capitalized=caps, dotted=True)

        self.weekdays_of = {key(w): n for n, ws in enumerate(vocab.weekdays) for w in ws}
        self.weekday = alternation(self.weekdays_of, dotted=True)
        self.articles = alternation(vocab.articles)
        self.ordinal = alternation(vocab.ordinal_suffixes)
        self.joiner = alternation(vocab.day_joiners)

        self.month_prefix = alternation(vocab.month_prefixes)
        self.parts_of: dict[str, MonthPart] = {
            key(w): part for part in vocab.month_parts for w in part.words
        }
        self.month_part = alternation(w for part in vocab.month_parts for w in part.words)

        self.seasons_of: dict[str, tuple[Season, str]] = {}
        for season in vocab.seasons:
            for form in ("words", "definite", "past"):
                for word in getattr(season, form):
                    self.seasons_of.setdefault(key(word), (season, form))
        self.season = alternation(self.seasons_of)
        self.season_this = alternation(vocab.season_this)
        self.season_next = alternation(vocab.season_next)
        self.season_prefix = alternation(vocab.season_prefixes)

        self.week_word = alternation(vocab.week_words)
        self.relative_of = {key(w): days for w, days in vocab.relative_days}
        self.relative = alternation(self.relative_of)

        self.time_prefix = alternation(vocab.time_prefixes)
        self.time_preposition = alternation(vocab.time_prepositions)
        self.am_pm = alternation((*vocab.am, *vocab.pm))
        self.pm_words = frozenset(key(w) for w in vocab.pm)

        # Context checks run at a match's edges (see Scan).
        self.context_before = re.compile(
            rf"(?:(?<!\w)(?P<wd>{self.weekday}),?\s+)?(?:(?<!\w){self.articles}\s+)?$", FLAGS
        )
        self.not_before = re.compile(
            rf"(?<!\w){alternation((*vocab.not_before, *vocab.time_prefixes))}\s*$", FLAGS
        )
        self.not_after = re.compile(rf"\s*{alternation(vocab.not_after)}(?!\w)", FLAGS)
        self.not_dates = frozenset(key(w) for w in vocab.not_dates)
        self.forward_cue = re.compile(
            rf"(?<!\w){alternation(vocab.forward_cues)}(?!\w)[^.!?;\n]*$", FLAGS
        )
        followers = alternation(vocab.ambiguous_followers)
        self.season_follower = re.compile(rf"\s*(?:$|[.,;:!?)\]\-–—]|{followers}(?!\w))", FLAGS)


def _numbered(
    *tables: tuple[tuple[str, ...], ...],
) -> Iterable[tuple[int, tuple[str, ...]]]:
    """(1-based number, words) for month tables laid out January first."""
    for table in tables:
        for index, words in enumerate(table):
            yield index + 1, words
