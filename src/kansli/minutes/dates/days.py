"""Rules for dates that name a day: numeric ("2019-01-25", "15.9.2022", "7/2", "17-18/1") and
with a month name ("25 januari 2019", "1-3 juli", "November 8, 2005", "Oct. 16")."""

from __future__ import annotations

import re

from kansli.minutes.dates.context import DateRule, Scan
from kansli.minutes.dates.lexicon import (
    DASH,
    NUM,
    NUM_START,
    NUMBER_END,
    YEAR,
    YEAR_END,
    Lexicon,
)
from kansli.minutes.dates.resolve import Day
from kansli.minutes.dates.scan import Rule
from kansli.minutes.dates.spans import DateSpan

_NO_THOUSANDS = r"(?!\s[0-9]{3}(?![0-9]))"
"""Not a thousands group after a day ("March 12 000")."""
_DAY_REACH = 24
"""How far before its (first) month name a day-month date starts ("30:e juni – 2 juli")."""
_FIRST_OR_RANGE = r"(?(m1)|(?(d2)|(?!)))"
"""A conditional: the first number needs its month, or a range must follow ("12-21.8")."""


def _year(match: re.Match[str], group: str) -> int | None:
    """The group as a number; None when it did not match or the pattern has no such group."""
    if group not in match.re.groupindex:
        return None
    value = match[group]
    return None if value is None else int(value)


def _numeric_span(match: re.Match[str], scan: Scan, year: int | None = None) -> DateSpan | None:
    """A numeric day or range with groups d1 m1 y1 [d2 m2 y2]; `year` is written after it all
    ("7/2 2019")."""
    d1, m1 = int(match["d1"]), match["m1"]
    if match["d2"] is None:
        last, first = Day(d1, int(m1), _year(match, "y1") or year), None
    else:
        last = Day(int(match["d2"]), int(match["m2"]), _year(match, "y2") or year)
        first = Day(d1, int(m1) if m1 else last.month, _year(match, "y1"))
    return scan.day_span(match.start(), match.end(), last, first)


# -- ISO 8601: 2019-01-25, 2019-01-25 – 2019-01-27 ---------------------------------------------

_ISO = (
    rf"(?P<y1>(?:19|20)(?<![\w.,/:+\-‐‑‒–—][0-9][0-9])[0-9][0-9])-(?P<m1>{NUM})-(?P<d1>{NUM})"
    rf"(?:{DASH}(?P<y2>{YEAR})-(?P<m2>{NUM})-(?P<d2>{NUM}))?"
    r"(?![0-9]|[-./][0-9])"
)


def _resolve_iso(match: re.Match[str], scan: Scan) -> DateSpan | None:
    return _numeric_span(match, scan)


# -- D.M.YYYY (Finland-Swedish), D.M with day_month_dots: 15.9.2022, 1.8 – 30.4, 12-21.8.2022 ----

_DOTS = (
    rf"(?P<d1>{NUM_START})(?:\.(?P<m1>{NUM})(?:\.(?P<y1>{YEAR}))?)?"
    rf"(?:\.?{DASH}(?P<d2>{NUM})\.(?P<m2>{NUM})(?:\.(?P<y2>{YEAR}))?)?"
    rf"{_FIRST_OR_RANGE}{NUMBER_END}"
)


def _resolve_dots(match: re.Match[str], scan: Scan) -> DateSpan | None:
    begin, stop = match.start(), match.end()
    if scan.item_before(begin) or scan.amount_after(stop):
        return None
    # Without a year, "5.1" is an item number in most texts; the caller's day_month_dots or a
    # weekday before it ("tisdag 16.8") makes it a date.
    yearless = match["y1"] is None and match["y2"] is None
    if yearless and not scan.day_month_dots and scan.context_before(begin)[1] is None:
        return None
    return _numeric_span(match, scan)


# -- D/M (Swedish): 7/2, den 20/2, 17-18/1, 30/1-2/2, 7/2 2019, 7/2-19, 25/1/2019 --------------

_SLASH = (
    rf"(?P<d1>{NUM_START})(?:/(?P<m1>{NUM}))?(?:{DASH}(?P<d2>{NUM})/(?P<m2>{NUM}))?"
    rf"{_FIRST_OR_RANGE}"
    rf"(?:(?:/|-|\s)(?P<y>{YEAR})(?![0-9])|-(?P<yy>[0-9][0-9])(?![0-9]))?"
    rf"{NUMBER_END}"
)


def _resolve_slash(match: re.Match[str], scan: Scan) -> DateSpan | None:
    begin, stop = match.start(), match.end()
    if match.group(0) in scan.lex.not_dates:
        return None
    if scan.item_before(begin) or scan.amount_after(stop):
        return None
    year = _year(match, "y")
    if year is None and match["yy"] is not None:
        year = 2000 + int(match["yy"])
    return _numeric_span(match, scan, year)


# -- Day and month name: 25 januari 2019, den 7 februari, 1-3 juli, 30 juni – 2 juli, 8th of May


def _day_month_pattern(lex: Lexicon) -> str:
    gap = rf"(?:\.\s*|\s+)(?:{lex.joiner}\s+)?"
    return (
        rf"(?P<d1>{NUM_START})(?:{lex.ordinal})?"
        rf"(?:(?:{gap}(?P<mon1>{lex.month})(?!\w))?\.?{DASH}(?P<d2>{NUM})(?:{lex.ordinal})?)?"
        rf"{gap}(?P<mon>{lex.month})(?!\w)"
        rf"(?:,?\s+(?P<y>{YEAR}){YEAR_END})?"
    )


def _resolve_day_month(match: re.Match[str], scan: Scan) -> DateSpan | None:
    begin, stop = match.start(), match.end()
    month = scan.month(match, "mon")
    if month is None:
        return None
    year = _year(match, "y")
    if match["d2"] is None:
        return scan.day_span(begin, stop, Day(int(match["d1"]), month, year))
    first_month = scan.month(match, "mon1") if match["mon1"] else month
    if first_month is None:
        return None
    first = Day(int(match["d1"]), first_month)
    return scan.day_span(begin, stop, Day(int(match["d2"]), month, year), first)


# -- Month name first (English): November 8, 2005; Oct. 16; Sept 30th; October 16–18, 2025


def _month_day_pattern(lex: Lexicon) -> str:
    gap = r"(?:(?<=\.)\s*|\s+)"
    return (
        rf"(?<!\w)(?P<mon>{lex.month_first}){gap}(?P<d>{NUM})(?:{lex.ordinal})?"
        rf"(?:{DASH}(?:(?P<mon2>{lex.month_first}){gap})?(?P<d2>{NUM})(?:{lex.ordinal})?)?"
        rf"(?:,?\s+(?P<y>{YEAR}))?"
        rf"(?!\w|[.,:][0-9]){_NO_THOUSANDS}"
    )


def _resolve_month_day(match: re.Match[str], scan: Scan) -> DateSpan | None:
    month = scan.month(match, "mon")
    if month is None:
        return None
    year = _year(match, "y")
    begin, stop = match.start(), match.end()
    if match["d2"] is None:
        return scan.day_span(begin, stop, Day(int(match["d"]), month, year))
    last_month = scan.month(match, "mon2") if match["mon2"] else month
    if last_month is None:
        return None
    first = Day(int(match["d"]), month)
    return scan.day_span(begin, stop, Day(int(match["d2"]), last_month, year), first)


def day_rules(lex: Lexicon) -> list[DateRule]:
    rules: list[DateRule] = [
        Rule("iso", re.compile(_ISO), _resolve_iso, needs=("-",)),
        Rule("day-month-dots", re.compile(_DOTS), _resolve_dots, needs=(".",)),
        Rule(
            "day-month-name",
            re.compile(_day_month_pattern(lex)),
            _resolve_day_month,
            triggers=lex.month_words,
            reach=_DAY_REACH,
        ),
    ]
    if lex.vocab.day_slash_month:
        rules.append(Rule("day-slash-month", re.compile(_SLASH), _resolve_slash, needs=("/",)))
    if lex.month_first_words:
        rules.append(
            Rule(
                "month-day",
                re.compile(_month_day_pattern(lex)),
                _resolve_month_day,
                triggers=lex.month_first_words,
                reach=0,
            )
        )
    return rules
