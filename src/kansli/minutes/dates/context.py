"""`Scan`: what the date rules' resolve functions know about one search, and the checks they
share (a weekday before the date, an item number, a unit after it, a "nästa" earlier on)."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

from kansli.minutes.dates.lexicon import Lexicon, key
from kansli.minutes.dates.resolve import Day, Range, resolve_day, resolve_range
from kansli.minutes.dates.scan import Rule, Text
from kansli.minutes.dates.spans import DateSpan

_CONTEXT = 24
"""How far before a match to look for a weekday, an article or an item word."""
_CUE_REACH = 48
"""How far before a date a forward cue ("nästa") still counts."""
_CLAUSE_END = re.compile(r"[.!?;\n]")
_OPENERS = "([\"'“«"
# The one or two words right before a date, read backwards (on the reversed text), so that one
# anchored match finds them: "den", "fredag den", "monday,".
_WORDS_BEFORE = re.compile(
    rf"\s+(?P<a>[^\s{_OPENERS}]+)[{_OPENERS}]*(?:\s+(?P<b>[^\s{_OPENERS}]+))?"
)


class Scan:
    """One `find_dates`/`parse_date` call: the text, the reference date and the options."""

    __slots__ = ("_cues", "cell", "day_month_dots", "forward", "lex", "ref", "text")

    def __init__(
        self,
        lex: Lexicon,
        text: Text,
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
        self._cues: list[int] | None = None

    def month(self, match: re.Match[str], group: str) -> int | None:
        """The month a matched name stands for; None for a word that counts only capitalised
        ("May") and is not."""
        word = match[group]
        if word is None:
            return None
        name = key(word)
        if name in self.lex.vocab.capitalized:
            written = self.text.raw[match.start(group) : match.end(group)].rstrip(".")
            if written not in (written.capitalize(), written.upper()):
                return None
        return self.lex.months_of.get(name)

    def context_before(self, begin: int) -> tuple[int, int | None]:
        """Where the date really begins, taking in a weekday and an article before it
        ("torsdag den 7 februari", "Monday, 8 May"), and that weekday (0 = Monday)."""
        lex = self.lex
        if lex.context_words.isdisjoint(self.text.words()):
            return begin, None
        found = _WORDS_BEFORE.match(self.text.low[max(0, begin - _CONTEXT) : begin][::-1])
        if found is None:
            return begin, None
        group = "a"
        if found["a"][::-1] in lex.article_words:
            if found["b"] is None:
                return begin - found.end("a"), None
            group = "b"
        weekday = lex.weekdays_of.get(key(found[group][::-1].rstrip(",")))
        if weekday is not None:
            return begin - found.end(group), weekday
        return (begin - found.end("a") if group == "b" else begin), None

    def item_before(self, begin: int) -> bool:
        """An item, section or clock word right before a number ("§ 5.1", "kl. 10.11")."""
        head = self.text.low[max(0, begin - _CONTEXT) : begin].split()
        return bool(head) and head[-1].lstrip("([") in self.lex.not_before_words

    def amount_after(self, stop: int) -> bool:
        """A unit or "av" right after a number ("1/2 dag", "3.5 miljoner")."""
        return self.lex.not_after.match(self.text.low, stop) is not None

    def looks_forward(self, begin: int) -> bool:
        """The caller said so, or "nästa"/"next" comes earlier in the same clause."""
        if self.forward:
            return True
        text = self.text
        if self._cues is None:
            words = self.lex.cue_words.intersection(text.words())
            self._cues = text.occurrences(words, 0, len(text.low)) if words else []
        cues = self._cues
        for i in range(bisect_left(cues, begin - _CUE_REACH), bisect_left(cues, begin)):
            if not _CLAUSE_END.search(text.low, cues[i], begin):
                return True
        return False

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
        # A weekday before a range may name either end ("fredag–söndag 5–7 juli"): it only
        # widens the span here, it does not choose the year.
        days = resolve_range(first, last, self.ref, forward=forward)
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


DateRule = Rule[Scan, DateSpan]
