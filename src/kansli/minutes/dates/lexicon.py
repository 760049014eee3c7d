"""Regex fragments and word look-ups built once from a `Vocabulary`.

The rules are written against these fragments (`lex.month`, `lex.season`, ...) so that they
never name a word of any language themselves. All patterns run on lower-cased text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import Enum

from kansli.minutes.dates.vocab import MonthPart, Season, Vocabulary

# Numbers, language-neutral. Day and month numbers are checked when resolved, so that the
# patterns start with a digit class (which `re` skips to in C); a year is 1900-2099.
NUM = r"[0-9][0-9]?"
NUM_START = r"[0-9](?<![\w.,/:+\-‐‑‒–—][0-9])[0-9]?"
"""A number that is not the tail of a number, a decimal, a path or a case number
("KS-2024-00137", "4,53", "NKBY/497/12.03.01")."""
YEAR = r"(?:19|20)[0-9][0-9]"
DASH = r"\s*(?:--|[-‐‑‒–—])\s*"
NUMBER_END = r"(?![\w/]|[.,:][0-9]|-[^\W\d_])"
"""Not followed by more digits, a decimal part, a path or a hyphenated word ("3/6-månader")."""
YEAR_END = r"(?!\w|[.,:][0-9])"


def key(word: str) -> str:
    """The look-up form of a matched word: lower case, single spaces, no trailing dot."""
    word = word.lower().rstrip(".")
    return word if word.isalpha() else " ".join(word.split())


class _Node:
    __slots__ = ("children", "end")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.end: str | None = None
        """None when no word ends here, else what may follow it ("" or an optional dot)."""

    def pattern(self) -> str:
        branches = [
            (r"\s+" if ch == " " else re.escape(ch)) + child.pattern()
            for ch, child in sorted(self.children.items())
        ]
        if not branches:
            return self.end or ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if self.end is None:
            return body
        if self.end == "":
            return f"(?:{body})?"
        return f"(?:{body}|{self.end})"


def alternation(words: Iterable[str], *, dotted: Iterable[str] = ()) -> str:
    """A regex matching any of the phrases, as a trie ("jan(?:uari)?") so that a failing
    attempt costs one character test instead of one per word; longer words win. A space in a
    phrase matches any whitespace; the words in `dotted` (abbreviations: "oct", "sept") may be
    followed by a dot."""
    root = _Node()
    for word, end in [(w, "") for w in words] + [(w, r"\.?") for w in dotted]:
        node = root
        for ch in " ".join(word.split()):
            node = node.children.setdefault(ch, _Node())
        if node.end is None or end:
            node.end = end if not word.endswith(".") else ""
    if not root.children:
        return r"(?!)"  # a language without such words: matches nothing
    return "(?:" + root.pattern() + ")"


class SeasonForm(Enum):
    WORD = "word"
    """The bare form ("höst"): a date after a prefix, before a year or as a whole cell."""
    DEFINITE = "definite"
    """The definite form ("hösten"): a date on its own."""
    PAST = "past"
    """The past form ("höstas"): after "i", the latest one."""


class Lexicon:
    """Fragments for the rules' patterns and the word -> meaning tables to resolve matches."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self._days(vocab)
        self._periods(vocab)
        self._times(vocab)
        self._checks(vocab)

    def _days(self, vocab: Vocabulary) -> None:
        self.months_of: dict[str, int] = {}
        for number, words in _numbered(vocab.month_names, vocab.month_abbreviations):
            for word in words:
                self.months_of.setdefault(key(word), number)
        self.abbreviations = frozenset(key(w) for ws in vocab.month_abbreviations for w in ws)
        names = [w for ws in vocab.month_names for w in ws]
        short = [w for ws in vocab.month_abbreviations for w in ws]
        self.month = alternation(names, dotted=short)
        first_names = [w for ws in vocab.month_names for w in ws if w in _flat(vocab.month_first)]
        first = [w for ws in vocab.month_first for w in ws]
        self.month_first = alternation(first_names, dotted=set(first) - set(first_names))
        self.month_words = frozenset(key(w) for w in (*names, *short))
        self.month_first_words = frozenset(key(w) for w in first)

        self.weekdays_of = {key(w): n for n, ws in enumerate(vocab.weekdays) for w in ws}
        self.ordinal = alternation(vocab.ordinal_suffixes)
        self.joiner = alternation(vocab.day_joiners)

    def _periods(self, vocab: Vocabulary) -> None:
        self.month_prefix = alternation(vocab.month_prefixes)
        self.parts_of: dict[str, MonthPart] = {
            key(w): part for part in vocab.month_parts for w in part.words
        }
        self.month_part = alternation(w for part in vocab.month_parts for w in part.words)

        self.seasons_of: dict[str, tuple[Season, SeasonForm]] = {}
        for season in vocab.seasons:
            for form, words in (
                (SeasonForm.WORD, season.words),
                (SeasonForm.DEFINITE, season.definite),
                (SeasonForm.PAST, season.past),
            ):
                for word in words:
                    self.seasons_of.setdefault(key(word), (season, form))
        self.season = alternation(self.seasons_of)
        self.season_this = alternation(vocab.season_this)
        self.season_next = alternation(vocab.season_next)
        self.season_prefix = alternation(vocab.season_prefixes)
        self.season_words = frozenset(self.seasons_of)

        self.week_word = alternation(vocab.week_words)
        self.week_words = frozenset(key(w) for w in vocab.week_words)
        self.relative_of = {key(w): days for w, days in vocab.relative_days}
        self.relative = alternation(self.relative_of)
        self.weekday = alternation(self.weekdays_of)
        self.weekday_coming = alternation(vocab.weekday_coming)
        self.weekday_next_week = alternation(vocab.weekday_next_week)
        self.weekday_words = frozenset(self.weekdays_of)
        self.relative_words = frozenset(w.split()[-1] for w in self.relative_of)

    def _times(self, vocab: Vocabulary) -> None:
        self.time_prefix = alternation(vocab.time_prefixes)
        self.am_pm = alternation((*vocab.am, *vocab.pm))
        self.pm_words = frozenset(key(w) for w in vocab.pm)
        self.time_words = frozenset(key(w) for w in vocab.time_prefixes)
        self.preposition_words = frozenset(w.split()[-1] for w in vocab.time_prepositions)
        self.am_pm_words = tuple(key(w) for w in (*vocab.am, *vocab.pm))

    def _checks(self, vocab: Vocabulary) -> None:
        # Longest phrase before a trigger word that a rule may take in.
        self.month_reach = _reach((*vocab.month_prefixes, *self.parts_of))
        self.season_reach = _reach((*vocab.season_this, *vocab.season_next, *vocab.season_prefixes))
        self.relative_reach = _reach(self.relative_of)

        self.context_words = frozenset(
            (*self.weekdays_of, *(key(w) for w in vocab.articles), *vocab.forward_cues)
        )
        self.triggers = (
            self.context_words
            | self.month_words
            | self.season_words
            | self.week_words
            | self.relative_words
            | self.time_words
            | self.preposition_words
        )
        letters = sorted({ch for word in self.triggers for ch in word if ch.isalpha()})
        self.token = re.compile("[" + re.escape("".join(letters)) + "]+")
        """Runs of the letters trigger words are made of: finds which triggers a text has."""

        # Context checks run at a match's edges (see Scan); these words are single words.
        self.article_words = frozenset(key(w) for w in vocab.articles)
        self.not_before_words = frozenset((*vocab.not_before, *vocab.time_prefixes))
        self.not_after = re.compile(rf"\s*{alternation(vocab.not_after)}(?!\w)")
        self.not_dates = frozenset(key(w) for w in vocab.not_dates)
        self.cue_words = frozenset(vocab.forward_cues)
        followers = alternation(vocab.ambiguous_followers)
        self.season_follower = re.compile(rf"\s*(?:$|[.,;:!?)\]\-–—]|{followers}(?!\w))")


def _flat(groups: Iterable[Iterable[str]]) -> frozenset[str]:
    return frozenset(word for group in groups for word in group)


def _reach(phrases: Iterable[str]) -> int:
    """Characters a phrase before a trigger word may take, with room for extra spaces."""
    return max((len(p) for p in phrases), default=0) + 8


def _numbered(
    *tables: tuple[tuple[str, ...], ...],
) -> Iterable[tuple[int, tuple[str, ...]]]:
    """(1-based number, words) for month tables laid out January first."""
    for table in tables:
        for index, words in enumerate(table):
            yield index + 1, words
