"""The rule table's moving parts: a rule, the state of one search, and choosing among matches.

Like markdown-it-py's rule tables: each rule is a name, one compiled pattern and a resolve
function that turns a match into a span (or None to drop it). Every rule runs over the text;
where matches overlap, the longest wins, then the earlier rule.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from kansli.minutes.dates.lexicon import Lexicon, key
from kansli.minutes.dates.resolve import Day, Range, resolve_day, resolve_range
from kansli.minutes.dates.spans import DateSpan

_CONTEXT = 24
"""How far before a match to look for a weekday, an article or an item word."""
_CUE_REACH = 48
"""How far before a date a forward cue ("nästa") still counts."""


class Scan:
    """One `find_dates`/`parse_date` call: the text, the reference date and the options."""

    __slots__ = ("cell", "day_month_dots", "forward", "lex", "ref", "text")

    def __init__(
        self,
        lex: Lexicon,
        text: str,
        ref: dt.date | None,
        *,
        forward: bool,
        day_month_dots: bool,
        cell: bool,
    ) -> None:
        self.lex = lex
        self.text = text
        self.ref = ref
        self.forward = forward
        self.day_month_dots = day_month_dots
        self.cell = cell
        """The text is one table cell: a bare month or season is a date there."""

    def context_before(self, begin: int) -> tuple[int, int | None]:
        """Where the date really begins, taking in a weekday and an article before it
        ("torsdag den 7 februari", "Monday, 8 May"), and that weekday (0 = Monday)."""
        found = self.lex.context_before.search(self.text, max(0, begin - _CONTEXT), begin)
        if found is None:  # pragma: no cover - the pattern can always match empty at the end
            return begin, None
        weekday = found.group("wd")
        return found.start(), (None if weekday is None else self.lex.weekdays_of.get(key(weekday)))

    def item_before(self, begin: int) -> bool:
        """An item, section or clock word right before a number ("§ 5.1", "kl. 10.11")."""
        return self.lex.not_before.search(self.text, max(0, begin - _CONTEXT), begin) is not None

    def amount_after(self, stop: int) -> bool:
        """A unit or "av" right after a number ("1/2 dag", "3.5 miljoner")."""
        return self.lex.not_after.match(self.text, stop) is not None

    def looks_forward(self, begin: int) -> bool:
        """The caller said so, or "nästa"/"next" comes earlier in the same clause."""
        if self.forward:
            return True
        return self.lex.forward_cue.search(self.text, max(0, begin - _CUE_REACH), begin) is not None

    def day_span(
        self, begin: int, stop: int, last: Day, first: Day | None = None
    ) -> DateSpan | None:
        """A day or a range of days written as `text[begin:stop]` (the weekday/article before
        it is taken in here)."""
        begin, weekday = self.context_before(begin)
        forward = self.looks_forward(begin)
        has_year = last.year is not None or (first is not None and first.year is not None)
        if first is None:
            day = resolve_day(last, self.ref, forward=forward, weekday=weekday)
            if day is None:
                return None
            return DateSpan(day, None, False, begin, stop, has_year)
        days = resolve_range(first, last, self.ref, forward=forward, weekday=weekday)
        if days is None:
            return None
        end = days[1] if days[1] != days[0] else None
        return DateSpan(days[0], end, False, begin, stop, has_year)

    def period_span(
        self, begin: int, stop: int, days: Range | None, *, approximate: bool, has_year: bool
    ) -> DateSpan | None:
        if days is None:
            return None
        return DateSpan(days[0], days[1], approximate, begin, stop, has_year)


class _Span(Protocol):
    @property
    def begin(self) -> int: ...
    @property
    def stop(self) -> int: ...


S = TypeVar("S", bound=_Span)
C = TypeVar("C")


@dataclass(frozen=True, slots=True)
class Rule(Generic[C, S]):
    """One named pattern of the table; `resolve` gets the match and the search's context."""

    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], C], S | None]
    needs_digit: bool = True
    """Skipped on texts without any digit (a cheap pre-filter)."""


DateRule = Rule[Scan, DateSpan]

_DIGIT = re.compile(r"\d")


def run_rules(
    rules: Iterable[Rule[C, S]], text: str, context: C, pos: int = 0, endpos: int | None = None
) -> list[tuple[int, S]]:
    """Every rule over `text[pos:endpos]`: (rule index, span) for each match that resolved."""
    end = len(text) if endpos is None else endpos
    has_digit = _DIGIT.search(text, pos, end) is not None
    found: list[tuple[int, S]] = []
    for order, rule in enumerate(rules):
        if rule.needs_digit and not has_digit:
            continue
        for match in rule.pattern.finditer(text, pos, end):
            span = rule.resolve(match, context)
            if span is not None:
                found.append((order, span))
    return found


def select(found: list[tuple[int, S]]) -> list[S]:
    """Non-overlapping spans, longest first, then by rule order; returned in text order."""
    if len(found) <= 1:
        return [span for _, span in found]
    ranked = sorted(found, key=lambda f: (f[1].begin - f[1].stop, f[0], f[1].begin))
    chosen: list[S] = []
    for _, span in ranked:
        if all(span.stop <= other.begin or other.stop <= span.begin for other in chosen):
            chosen.append(span)
    chosen.sort(key=lambda s: s.begin)
    return chosen
