"""Rules for clock times: "kl 08.30-11.30", "Klockan 08:30-11:00", "kl. 19", "18:08 UTC",
"beginning at 18:08", "6 pm".

A bare "08.30" is no time (it is as often a number); after "kl"/"klockan" or with a colon it is.
"""

from __future__ import annotations

import datetime as dt
import re

from kansli.minutes.dates.lexicon import DASH, NUM, NUM_START, Lexicon, key
from kansli.minutes.dates.scan import Rule, Text
from kansli.minutes.dates.spans import TimeSpan

_MINUTE = r"[0-5][0-9]"
_END = r"(?![0-9]|[.:][0-9])"
_HALF_DAY = 12
_PREPOSITION_REACH = 12
_NUMBER_GLUE = frozenset(":.,/+-‐‑‒–—")


class Clock:
    """What the time rules' resolve functions know about one `find_times` call."""

    __slots__ = ("lex", "text")

    def __init__(self, lex: Lexicon, text: Text) -> None:
        self.lex = lex
        self.text = text

    def number_starts(self, begin: int) -> bool:
        """Not the tail of a number, a ratio, a path or a UTC offset ("1:30" from "21:30",
        "v1.18:30", "+00:00"); the "T" of an ISO timestamp may come before it."""
        if begin == 0:
            return True
        low = self.text.low
        before = low[begin - 1]
        if before == "t" and begin >= 2 and low[begin - 2].isdigit():
            return True  # 2026-10-08T08:58:33
        return not (before.isalnum() or before in _NUMBER_GLUE)


TimeRule = Rule[Clock, TimeSpan]


def _clock(hour: str, minute: str | None, second: str | None, am_pm: str) -> dt.time | None:
    h = int(hour)
    if am_pm:
        if not 1 <= h <= _HALF_DAY:
            return None
        h = h % _HALF_DAY + (_HALF_DAY if am_pm == "pm" else 0)
    try:
        return dt.time(h, int(minute or 0), int(second or 0))
    except ValueError:
        return None


def _am_pm(match: re.Match[str], lex: Lexicon) -> str:
    marker = match.groupdict().get("ap")
    if marker is None:
        return ""
    return "pm" if key(marker) in lex.pm_words else "am"


def _span(match: re.Match[str], clock: Clock, begin: int) -> TimeSpan | None:
    am_pm = _am_pm(match, clock.lex)
    start = _clock(match["h1"], match["m1"], match.groupdict().get("s1"), am_pm)
    if start is None:
        return None
    end = None
    if match["h2"] is not None:
        end = _clock(match["h2"], match["m2"], None, am_pm)
        if end is None:
            return None
    return TimeSpan(start, end, begin, match.end())


def _resolve_marked(match: re.Match[str], clock: Clock) -> TimeSpan | None:
    """After "kl"/"klockan" the span takes in the marker, which is part of the notation."""
    return _span(match, clock, match.start())


def _resolve_after_preposition(match: re.Match[str], clock: Clock) -> TimeSpan | None:
    """A dotted time right after a preposition ("at 18.30"); the span starts at the hour."""
    head = clock.text.low[max(0, match.start() - _PREPOSITION_REACH) : match.start()]
    words = head.split()
    if not (head[-1:].isspace() and words and words[-1] in clock.lex.preposition_words):
        return None
    return _span(match, clock, match.start())


def _resolve_bare(match: re.Match[str], clock: Clock) -> TimeSpan | None:
    """A time standing on its own ("18:08", "6 pm"), not the tail of another number."""
    if not clock.number_starts(match.start()):
        return None
    return _span(match, clock, match.start())


def time_rules(lex: Lexicon) -> list[TimeRule]:
    sep = r"[.:]"
    ap = rf"(?:\s*(?P<ap>{lex.am_pm})(?!\w))?"
    marked = (
        rf"(?<!\w){lex.time_prefix}\s*(?P<h1>{NUM})(?:{sep}(?P<m1>{_MINUTE}))?"
        rf"(?:{DASH}(?:{lex.time_prefix}\s*)?(?P<h2>{NUM})(?:{sep}(?P<m2>{_MINUTE}))?)?{_END}"
    )
    after_preposition = (
        rf"(?P<h1>{NUM_START})\.(?P<m1>{_MINUTE})"
        rf"(?:{DASH}(?P<h2>{NUM})[.:](?P<m2>{_MINUTE}))?{_END}{ap}"
    )
    colon = (
        rf"(?P<h1>{NUM}):(?P<m1>{_MINUTE})(?::(?P<s1>{_MINUTE}))?"
        rf"(?:{DASH}(?P<h2>{NUM})[.:](?P<m2>{_MINUTE}))?{_END}{ap}"
    )
    am_pm = (
        rf"(?P<h1>{NUM})(?:{sep}(?P<m1>{_MINUTE}))?"
        rf"(?:{DASH}(?P<h2>{NUM})(?:{sep}(?P<m2>{_MINUTE}))?)?"
        rf"\s*(?P<ap>{lex.am_pm})(?!\w)"
    )
    return [
        Rule(
            "clock-marker",
            re.compile(marked),
            _resolve_marked,
            triggers=lex.time_words,
            reach=0,
        ),
        Rule(
            "after-preposition",
            re.compile(after_preposition),
            _resolve_after_preposition,
            needs=(".",),
            triggers=lex.preposition_words,
        ),
        Rule("colon", re.compile(colon), _resolve_bare, needs=(":",)),
        Rule("am-pm", re.compile(am_pm), _resolve_bare, needs=lex.am_pm_words or ("\0",)),
    ]
