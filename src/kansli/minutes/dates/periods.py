"""Rules for dates that name a period or a day relative to the meeting: months ("i oktober",
"October 2005"), seasons ("i höst", "hösten 2019", "Höst"), ISO weeks ("vecka 15") and
"idag"/"imorgon"."""

from __future__ import annotations

import re
from collections.abc import Callable

from kansli.minutes.dates.context import DateRule, Scan
from kansli.minutes.dates.lexicon import DASH, NUM, YEAR, YEAR_END, Lexicon, SeasonForm, key
from kansli.minutes.dates.resolve import (
    SeasonMode,
    add_days,
    resolve_months,
    resolve_season,
    resolve_weeks,
)
from kansli.minutes.dates.scan import Rule
from kansli.minutes.dates.spans import DateSpan

Resolver = Callable[[re.Match[str], Scan], DateSpan | None]

# -- Months: i oktober, in October, i mars/april, i slutet av maj, October 2005, (cell) oktober --


def _month_pattern(lex: Lexicon) -> str:
    return (
        rf"(?<!\w)(?:(?P<part>{lex.month_part})\s*|(?P<prep>{lex.month_prefix})\s+)?"
        rf"(?P<mon>{lex.month})(?!\w)"
        rf"(?:\s*[-–—/]\s*(?P<mon2>{lex.month})(?!\w))?"
        rf"(?:,?\s+(?P<y>{YEAR}){YEAR_END})?"
    )


def _bare_abbreviation(match: re.Match[str], scan: Scan) -> bool:
    """A month abbreviation with no dot after it in the text ("Okt", not "Okt.")."""
    if key(match["mon"]) not in scan.lex.abbreviations or match["mon2"]:
        return False
    low, stop = scan.text.low, match.end("mon")
    return not (low[stop - 1] == "." or low[stop : stop + 1] == ".")


_DAY_AFTER = re.compile(r"\s+[0-9]{1,2}(?![0-9])")


def _after_day(match: re.Match[str], scan: Scan) -> bool:
    head = scan.text.low[max(0, match.start() - 6) : match.start()].rstrip(" .")
    return head[-1:].isdigit() or head.endswith(tuple(scan.lex.vocab.ordinal_suffixes))


def _resolve_month(match: re.Match[str], scan: Scan) -> DateSpan | None:
    lex = scan.lex
    year = None if match["y"] is None else int(match["y"])
    first = scan.month(match, "mon")
    last = scan.month(match, "mon2") if match["mon2"] else first
    if first is None or last is None:
        return None
    if match["part"] is None and match["prep"] is None and _after_day(match, scan):
        return None  # the month of "25 januari 2019": the day-month rule reads it
    if match["y"] is None and _DAY_AFTER.match(scan.text.low, match.end()):
        return None  # "by April 1", "i maj 3": a day of the month, read by the day rules
    words = [key(match["mon"])] + ([key(match["mon2"])] if match["mon2"] else [])
    if not (scan.cell or year is not None):
        # In running text a month alone is no date ("mars" the planet, "jul" Christmas):
        # it needs a preposition, and an abbreviation needs a year.
        if match["part"] is None and match["prep"] is None:
            return None
        if any(word in lex.abbreviations for word in words):
            return None
    elif year is None and _bare_abbreviation(match, scan):
        return None  # a cell "Jul" is Christmas as often as July; "Jul." is July
    months = (first, last)
    days = (1, 31)
    if match["part"] is not None:
        part = lex.parts_of[key(match["part"])]
        days = (part.first_day, part.last_day)
    forward = scan.looks_forward(match.start())
    found = resolve_months(months, year, scan.ref, forward=forward, days=days)
    return scan.period_span(
        match.start(), match.end(), found, approximate=True, has_year=year is not None
    )


# -- Seasons: i höst, ännu i höst, senare i vår, hösten 2019, Hösten -22, nästa vår, i höstas ----


def _season_pattern(lex: Lexicon) -> str:
    return (
        rf"(?<!\w)(?:(?P<next>{lex.season_next})\s+|(?P<this>{lex.season_this})\s+"
        rf"|(?P<prep>{lex.season_prefix})\s+)?"
        rf"(?P<season>{lex.season})(?!\w)"
        rf"(?:\s+(?P<y>{YEAR})(?:\s*[/–-]\s*(?:{YEAR}|[0-9]{{2}}))?{YEAR_END}"
        r"|\s*[-'’](?P<yy>[0-9]{2})(?![0-9]))?"
    )


def _season_year(match: re.Match[str]) -> int | None:
    if match["y"] is not None:
        return int(match["y"])
    if match["yy"] is not None:
        return 2000 + int(match["yy"])
    return None


def _season_mode(match: re.Match[str], form: SeasonForm, scan: Scan) -> SeasonMode | None:
    """How the season is placed relative to the meeting, or None when it is no date here."""
    if match["next"] is not None:
        return SeasonMode.NEXT
    if match["this"] is not None:
        return SeasonMode.LAST if form is SeasonForm.PAST else SeasonMode.CURRENT_OR_NEXT
    if form is SeasonForm.PAST or (
        form is SeasonForm.WORD and match["prep"] is None and not scan.cell
    ):
        return None  # "höstas" needs "i"; a bare "höst" in running text is no date
    return SeasonMode.CURRENT_OR_NEXT if scan.looks_forward(match.start()) else SeasonMode.REF_YEAR


def _resolve_season(match: re.Match[str], scan: Scan) -> DateSpan | None:
    word = key(match["season"])
    season, form = scan.lex.seasons_of[word]
    year = _season_year(match)
    mode = SeasonMode.REF_YEAR if year is not None else _season_mode(match, form, scan)
    if mode is None:
        return None
    if (
        year is None
        and not scan.cell
        and word in scan.lex.vocab.ambiguous_seasons
        and scan.lex.season_follower.match(scan.text.low, match.end()) is None
    ):
        return None  # "i vår kommun" is "in our municipality"
    found = resolve_season((season.first_month, season.last_month), year, scan.ref, mode)
    return scan.period_span(
        match.start(), match.end(), found, approximate=True, has_year=year is not None
    )


# -- ISO weeks: vecka 15, v. 15, v 42, veckorna 15-16, week 15, vecka 15 2024 ------------------


def _week_pattern(lex: Lexicon) -> str:
    return (
        rf"(?<!\w)(?P<word>{lex.week_word})(?:\.\s*|\s+)(?P<w1>{NUM})"
        rf"(?:{DASH}(?P<w2>{NUM}))?"
        rf"(?:(?:\s*,\s*|\s+|/)(?P<y>{YEAR}))?"
        rf"{YEAR_END}"
    )


def _resolve_week(match: re.Match[str], scan: Scan) -> DateSpan | None:
    first = int(match["w1"])
    last = first if match["w2"] is None else int(match["w2"])
    year = None if match["y"] is None else int(match["y"])
    found = resolve_weeks((first, last), year, scan.ref, forward=scan.looks_forward(match.start()))
    return scan.period_span(
        match.start(), match.end(), found, approximate=False, has_year=year is not None
    )


# -- Relative days: idag, i dag, imorgon, today, tomorrow ---------------------------------------


def _resolve_relative(match: re.Match[str], scan: Scan) -> DateSpan | None:
    if scan.ref is None:
        return None
    day = add_days(scan.ref, scan.lex.relative_of[key(match["rel"])])
    if day is None:
        return None
    return DateSpan(day, None, False, match.start(), match.end(), False)


def _resolve_weekday(match: re.Match[str], scan: Scan) -> DateSpan | None:
    """'på lördag' -> the first Saturday after the meeting; 'nästa lördag' -> the Saturday of
    the week after the meeting's."""
    if scan.ref is None:
        return None
    weekday = scan.lex.weekdays_of[key(match["weekday"])]
    today = scan.ref.weekday()
    next_week = match["next"] is not None
    offset = 7 - today + weekday if next_week else (weekday - today) % 7 or 7
    day = add_days(scan.ref, offset)
    if day is None:
        return None
    return DateSpan(day, None, False, match.start(), match.end(), False)


def period_rules(lex: Lexicon) -> list[DateRule]:
    def rule(
        name: str, pattern: str, resolve: Resolver, triggers: frozenset[str], reach: int
    ) -> DateRule:
        return Rule(
            name, re.compile(pattern), resolve, needs_digit=False, triggers=triggers, reach=reach
        )

    return [
        rule("month", _month_pattern(lex), _resolve_month, lex.month_words, lex.month_reach),
        rule("season", _season_pattern(lex), _resolve_season, lex.season_words, lex.season_reach),
        Rule(
            "week",
            re.compile(_week_pattern(lex)),
            _resolve_week,
            triggers=lex.week_words,
            reach=0,
        ),
        rule(
            "relative",
            rf"(?<!\w)(?P<rel>{lex.relative})(?!\w)",
            _resolve_relative,
            lex.relative_words,
            lex.relative_reach,
        ),
        Rule(
            "relative-weekday",
            re.compile(
                rf"(?<!\w)(?:(?P<coming>{lex.weekday_coming})|(?P<next>{lex.weekday_next_week}))"
                rf"\s+(?P<weekday>{lex.weekday})(?!\w)"
            ),
            _resolve_weekday,
            needs_digit=False,
            triggers=lex.weekday_words,
        ),
    ]
