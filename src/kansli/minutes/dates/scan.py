"""The rule table's moving parts: a rule, the text being searched, and choosing among matches.

Like markdown-it-py's rule tables: each rule is a name, one compiled pattern and a resolve
function that turns a match into a span (or None to drop it). Where matches overlap, the
longest wins, then the earlier rule.

Speed comes from not running most patterns at all. The patterns match the lower-cased text
(so none needs IGNORECASE, which makes Python's `re` several times slower); numeric patterns
start with a digit (so `re` skips to digits in C); a rule can name characters the text must
contain (`needs`), and a word rule names the words it hangs on (`triggers`): it runs only when
one of them is in the text, and then only at each of them (and at the words up to `reach`
characters before it, for prefixes such as "ännu i").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

_DIGIT = re.compile(r"[0-9]")
_WORD_START = re.compile(r"\b\w")


class Text:
    """A text to search: as given (`raw`), lower-cased with the same offsets (`low`), and the
    trigger words it contains (computed on first use)."""

    __slots__ = ("_token", "_triggers", "_words", "low", "raw")

    def __init__(self, raw: str, token: re.Pattern[str], triggers: frozenset[str]) -> None:
        self.raw = raw
        low = raw.lower()
        if len(low) != len(raw):  # "İ" lower-cases to two characters: keep offsets aligned
            low = "".join(lo if len(lo := ch.lower()) == 1 else ch for ch in raw)
        self.low = low
        self._token = token
        self._triggers = triggers
        self._words: frozenset[str] | None = None

    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = self._triggers.intersection(self._token.findall(self.low))
        return self._words

    def occurrences(self, words: Iterable[str], pos: int, endpos: int) -> list[int]:
        """Where the words stand as whole words in `low[pos:endpos]`, in order."""
        low = self.low
        found = []
        for word in words:
            i = low.find(word, pos, endpos)
            while i >= 0:
                after = i + len(word)
                if (i == 0 or not low[i - 1].isalpha()) and (
                    after >= len(low) or not low[after].isalpha()
                ):
                    found.append(i)
                i = low.find(word, i + 1, endpos)
        found.sort()
        return found


class _Span(Protocol):
    @property
    def begin(self) -> int: ...
    @property
    def stop(self) -> int: ...


S = TypeVar("S", bound=_Span)
C = TypeVar("C")


@dataclass(frozen=True, slots=True)
class Rule(Generic[C, S]):
    """One named pattern of a table; `resolve` gets the match (on the lower-cased text) and the
    search's context, and returns a span or None to drop the match."""

    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], C], S | None]
    needs: tuple[str, ...] = ()
    """The text must contain one of these strings (e.g. "/"), else the rule is skipped."""
    needs_digit: bool = True
    triggers: frozenset[str] = frozenset()
    """Words of which the text must contain one (month names for "25 januari")."""
    reach: int | None = None
    """With triggers: search only from `reach` characters before each trigger word (0: the
    match starts at the word). None: scan the whole text (for patterns that start with a
    digit, which is cheap)."""


def run_rules(
    rules: Iterable[Rule[C, S]], text: Text, context: C, pos: int = 0, endpos: int | None = None
) -> list[tuple[int, S]]:
    """Every rule over `text[pos:endpos]`: (rule index, span) for each match that resolved."""
    low = text.low
    end = len(low) if endpos is None else endpos
    has_digit = _DIGIT.search(low, pos, end) is not None
    found: list[tuple[int, S]] = []
    for order, rule in enumerate(rules):
        if (rule.needs_digit and not has_digit) or not _has_any(low, rule.needs):
            continue
        if rule.triggers:
            if rule.triggers.isdisjoint(text.words()):
                continue
            matches: Iterable[re.Match[str]] = (
                rule.pattern.finditer(low, pos, end)
                if rule.reach is None
                else _near(rule, text, pos, end)
            )
        else:
            matches = rule.pattern.finditer(low, pos, end)
        for match in matches:
            span = rule.resolve(match, context)
            if span is not None:
                found.append((order, span))
    return found


def _has_any(low: str, needs: tuple[str, ...]) -> bool:
    if not needs:
        return True
    for needed in needs:  # noqa: SIM110 - a plain loop is twice as fast as any() here
        if needed in low:
            return True
    return False


def _near(rule: Rule[C, S], text: Text, pos: int, end: int) -> Iterator[re.Match[str]]:
    """Matches of a word rule that take in one of its trigger words: tried at the trigger word
    and at the starts of the words up to `reach` characters before it (farthest first, so a
    longer prefix wins: "ännu i höst" over "i höst")."""
    assert rule.reach is not None
    low = text.low
    words = rule.triggers.intersection(text.words())
    last = pos
    for anchor in text.occurrences(words, pos, end):
        if anchor < last:
            continue
        starts = [anchor]
        if rule.reach:
            starts = [
                m.start() for m in _WORD_START.finditer(low, max(last, anchor - rule.reach), anchor)
            ]
            starts.append(anchor)
        for start in starts:
            match = rule.pattern.match(low, start, end)
            if match is not None and match.end() > anchor:
                yield match
                last = match.end()
                break


def select(found: list[tuple[int, S]]) -> list[S]:
    """Non-overlapping spans, longest first, then by rule order; returned in text order."""
    if len(found) <= 1:
        return [span for _, span in found]
    ranked = sorted(found, key=lambda f: (f[1].begin - f[1].stop, f[0], f[1].begin))
    begins: list[int] = []  # the chosen spans, kept in text order
    chosen: list[S] = []
    for _, span in ranked:
        i = bisect_right(begins, span.begin)
        if (i and chosen[i - 1].stop > span.begin) or (i < len(chosen) and begins[i] < span.stop):
            continue
        begins.insert(i, span.begin)
        chosen.insert(i, span)
    return chosen
