"""Rules for dates that name a day: numeric ("2019-01-25", "15.9.2022", "7/2", "17-18/1") and
with a month name ("25 januari 2019", "1-3 juli", "November 8, 2005", "Oct. 16")."""

from __future__ import annotations

import re

from kansli.minutes.dates.lexicon import (
    DASH,
    DAY,
    FLAGS,
    MONTH,
    NUMBER_END,
    NUMBER_START,
    YEAR,
    Lexicon,
    key,
)
from kansli.minutes.dates.resolve import Day
from kansli.minutes.dates.scan import DateRule, Rule, Scan
from kansli.minutes.dates.spans import DateSpan

# The text after a year must not continue the number ("2019.5", "20190").
_YEAR_END = r"(?![\w]|[.,:]\d)"
# Not a thousands group after a day ("mars 12 000 kr").
_NO_THOUSANDS = r"(?!\s\d{3}(?!\d))"


def _int(match: re.Match[str], group: str) -> int | None:
    """The group as a number; None when it did not take part (or the rule has no such group)."""
    value = match.groupdict().get(group)
    return None if value is None else int(value)


def _year(match: re.Match[str], group: str = "y", short: str = "") -> int | None:
    year = _int(match, group)
    if year is None and short:
        two = _int(match, short)
        return None if two is None else 2000 + two
    return year


# -- ISO 8601: 2019-01-25, 2019-01-25 – 2019-01-27 ---------------------------------------------

_ISO = (
    rf"{NUMBER_START}(?P<y>{YEAR})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})"
    rf"(?:{DASH}(?P<y2>{YEAR})-(?P<m2>\d{{1,2}})-(?P<d2>\d{{1,2}}))?"
    r"(?!\d|[-./]\d)"
)


def _resolve_iso(match: re.Match[str], scan: Scan) -> DateSpan | None:
    first = Day(int(match["d"]), int(match["m"]), int(match["y"]))
    if match["d2"] is None:
        return scan.day_span(match.start(), match.end(), first)
    last = Day(int(match["d2"]), int(match["m2"]), int(match["y2"]))
    return scan.day_span(match.start(), match.end(), last, first)


# -- D.M.YYYY (Finland-Swedish), D.M with day_month_dots: 15.9.2022, 1.8 – 30.4, 12-21.8.2022 ----

_DOTS = (
    rf"{NUMBER_START}"
    rf"(?:(?P<d1>{DAY})(?:\.(?P<m1>{MONTH})(?:\.(?P<y1>{YEAR}))?)?\.?{DASH})?"
    rf"(?P<d>{DAY})\.(?P<m>{MONTH})(?:\.(?P<y>{YEAR}))?"
    rf"{NUMBER_END}"
)


def _resolve_dots(match: re.Match[str], scan: Scan) -> DateSpan | None:
    begin, stop = match.start(), match.end()
    if scan.item_before(begin) or scan.amount_after(stop):
        return None
    # Without a year, "5.1" is an item number in most texts; the caller's day_month_dots or a
    # weekday before it ("tisdag 16.8") makes it a date.
    yearless = match["y"] is None and match["y1"] is None
    if yearless and not scan.day_month_dots and scan.context_before(begin)[1] is None:
        return None
    return _numeric(match, scan)


def _numeric(match: re.Match[str], scan: Scan) -> DateSpan | None:
    last = Day(int(match["d"]), int(match["m"]), _year(match, "y", "yy"))
    if match["d1"] is None:
        return scan.day_span(match.start(), match.end(), last)
    m1 = _int(match, "m1")
    first = Day(int(match["d1"]), m1 if m1 is not None else last.month, _year(match, "y1"))
    return scan.day_span(match.start(), match.end(), last, first)


# -- D/M (Swedish): 7/2, den 20/2, 17-18/1, 30/1-2/2, 7/2 2019, 7/2-19 --------------------------

_SLASH = (
    rf"{NUMBER_START}"
    rf"(?:(?P<d1>{DAY})(?:/(?P<m1>{MONTH}))?{DASH})?"
    rf"(?P<d>{DAY})/(?P<m>{MONTH})"
    rf"(?:(?:/|-|\s)(?P<y>{YEAR})(?!\d)|-(?P<yy>\d\d)(?!\d))?"
    rf"{NUMBER_END}"
)


def _resolve_slash(match: re.Match[str], scan: Scan) -> DateSpan | None:
    begin, stop = match.start(), match.end()
    if key(match.group(0)) in scan.lex.not_dates:
        return None
    if scan.item_before(begin) or scan.amount_after(stop):
        return None
    return _numeric(match, scan)


# -- Day and month name: 25 januari 2019, den 7 februari, 1-3 juli, 30 juni – 2 juli, 8th of May


def _day_month_pattern(lex: Lexicon) -> str:
    gap = rf"(?:\.\s*|\s+)(?:{lex.joiner}\s+)?"
    return (
        rf"{NUMBER_START}"
        rf"(?:(?P<d1>{DAY})(?:{lex.ordinal})?(?:{gap}(?P<mon1>{lex.month})(?!\w))?\.?{DASH})?"
        rf"(?P<d>{DAY})(?:{lex.ordinal})?{gap}(?P<mon>{lex.month})(?!\w)"
        rf"(?:,?\s+(?P<y>{YEAR}){_YEAR_END})?"
    )


def _resolve_day_month(match: re.Match[str], scan: Scan) -> DateSpan | None:
    months = scan.lex.months_of
    month = months[key(match["mon"])]
    last = Day(int(match["d"]), month, _int(match, "y"))
    if match["d1"] is None:
        return scan.day_span(match.start(), match.end(), last)
    first_month = months[key(match["mon1"])] if match["mon1"] else month
    first = Day(int(match["d1"]), first_month)
    return scan.day_span(match.start(), match.end(), last, first)


# -- Month name first (English): November 8, 2005; Oct. 16; Sept 30th; October 16–18, 2025


def _month_day_pattern(lex: Lexicon) -> str:
    gap = r"(?:(?<=\.)\s*|\s+)"
    return (
        rf"(?<!\w)(?P<mon>{lex.month_first}){gap}(?P<d>{DAY})(?:{lex.ordinal})?"
        rf"(?:{DASH}(?:(?P<mon2>{lex.month_first}){gap})?(?P<d2>{DAY})(?:{lex.ordinal})?)?"
        rf"(?:,?\s+(?P<y>{YEAR}))?"
        rf"(?!\w|[.,:]\d){_NO_THOUSANDS}"
    )


def _resolve_month_day(match: re.Match[str], scan: Scan) -> DateSpan | None:
    months = scan.lex.months_of
    month = months[key(match["mon"])]
    year = _int(match, "y")
    if match["d2"] is None:
        return scan.day_span(match.start(), match.end(), Day(int(match["d"]), month, year))
    last_month = months[key(match["mon2"])] if match["mon2"] else month
    first = Day(int(match["d"]), month)
    return scan.day_span(match.start(), match.end(), Day(int(match["d2"]), last_month, year), first)


def day_rules(lex: Lexicon) -> list[DateRule]:
    rules = [
        Rule("iso", re.compile(_ISO, FLAGS), _resolve_iso),
        Rule("day-month-dots", re.compile(_DOTS, FLAGS), _resolve_dots),
        Rule("day-month-name", re.compile(_day_month_pattern(lex), FLAGS), _resolve_day_month),
    ]
    if lex.vocab.day_slash_month:
        rules.append(Rule("day-slash-month", re.compile(_SLASH, FLAGS), _resolve_slash))
    if any(lex.vocab.month_first):
        rules.append(
            Rule("month-day", re.compile(_month_day_pattern(lex), FLAGS), _resolve_month_day)
        )
    return rules
