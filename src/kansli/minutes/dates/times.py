"""Rules for clock times: "kl 08.30-11.30", "Klockan 08:30-11:00", "kl. 19", "18:08 UTC",
"beginning at 18:08", "6 pm".

A bare "08.30" is no time (it is as often a number); after "kl"/"klockan" or with a colon it is.
"""

from __future__ import annotations

import datetime as dt
import re

from kansli.minutes.dates.lexicon import DASH, FLAGS, Lexicon, key
from kansli.minutes.dates.scan import Rule
from kansli.minutes.dates.spans import TimeSpan

_HOUR = r"(?:[01]?\d|2[0-3])"
_MINUTE = r"[0-5]\d"
_END = r"(?!\d|[.:]\d)"
_START = r"(?<![\w:.,/])"
_HALF_DAY = 12


TimeRule = Rule[Lexicon, TimeSpan]


def _clock(hour: str, minute: str | None, second: str | None = None, am_pm: str = "") -> dt.time:
    h = int(hour)
    if am_pm and h <= _HALF_DAY:
        h = h % _HALF_DAY + (_HALF_DAY if am_pm == "pm" else 0)
    return dt.time(h, int(minute or 0), int(second or 0))


def _am_pm(match: re.Match[str], lex: Lexicon) -> str:
    marker = match.groupdict().get("ap")
    if marker is None:
        return ""
    return "pm" if key(marker) in lex.pm_words else "am"


def _span(match: re.Match[str], lex: Lexicon, begin: int) -> TimeSpan | None:
    am_pm = _am_pm(match, lex)
    start = _clock(match["h1"], match["m1"], match.groupdict().get("s1"), am_pm)
    end = None
    if match["h2"] is not None:
        end = _clock(match["h2"], match["m2"], None, am_pm)
    return TimeSpan(start, end, begin, match.end())


def _resolve_marked(match: re.Match[str], lex: Lexicon) -> TimeSpan | None:
    """After "kl"/"klockan" the span takes in the marker, which is part of the notation."""
    return _span(match, lex, match.start())


def _resolve_plain(match: re.Match[str], lex: Lexicon) -> TimeSpan | None:
    """After a preposition ("at 18:08") the span starts at the hour."""
    return _span(match, lex, match.start("h1"))


def time_rules(lex: Lexicon) -> list[TimeRule]:
    sep = r"[.:]"
    ap = rf"(?:\s*(?P<ap>{lex.am_pm})(?!\w))?"
    marked = (
        rf"(?<!\w){lex.time_prefix}\s*(?P<h1>{_HOUR})(?:{sep}(?P<m1>{_MINUTE}))?"
        rf"(?:{DASH}(?:{lex.time_prefix}\s*)?(?P<h2>{_HOUR})(?:{sep}(?P<m2>{_MINUTE}))?)?{_END}"
    )
    after_preposition = (
        rf"(?<!\w){lex.time_preposition}\s+(?P<h1>{_HOUR}){sep}(?P<m1>{_MINUTE})"
        rf"(?:{DASH}(?P<h2>{_HOUR}){sep}(?P<m2>{_MINUTE}))?{_END}{ap}"
    )
    colon = (
        rf"{_START}(?P<h1>{_HOUR}):(?P<m1>{_MINUTE})(?::(?P<s1>{_MINUTE}))?"
        rf"(?:{DASH}(?P<h2>{_HOUR})[.:](?P<m2>{_MINUTE}))?{_END}{ap}"
    )
    am_pm = (
        rf"{_START}(?P<h1>1[0-2]|0?[1-9])(?:{sep}(?P<m1>{_MINUTE}))?"
        rf"(?:{DASH}(?P<h2>1[0-2]|0?[1-9])(?:{sep}(?P<m2>{_MINUTE}))?)?"
        rf"\s*(?P<ap>{lex.am_pm})(?!\w)"
    )
    return [
        Rule("clock-marker", re.compile(marked, FLAGS), _resolve_marked),
        Rule("after-preposition", re.compile(after_preposition, FLAGS), _resolve_plain),
        Rule("colon", re.compile(colon, FLAGS), _resolve_plain),
        Rule("am-pm", re.compile(am_pm, FLAGS), _resolve_plain),
    ]
