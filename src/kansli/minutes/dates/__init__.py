"""The core's Swedish/English date grammar: dates, ranges, seasons, weeks and clock times.

    from kansli.minutes.dates import default_grammar
    grammar = default_grammar()
    grammar.find_dates("nästa SSK 7/2", date(2019, 1, 25))  # [DateSpan(2019-02-07, ...)]
    grammar.parse_date("Höst", date(2019, 1, 25))  # 2019-09-01..2019-11-30, approximate
    grammar.find_times("kl 08.30-11.30")  # [TimeSpan(08:30, 11:30, ...)]

Words are data (`lang/<code>/dates.toml`); the rules (`days`, `periods`, `times`) are
language-neutral tables of named patterns, compiled once per `DateGrammar`.
"""

from __future__ import annotations

from functools import cache

from kansli.minutes.dates.grammar import DateGrammar, parse_short_iso
from kansli.minutes.dates.spans import DateSpan, TimeSpan
from kansli.minutes.dates.vocab import VocabularyError

__all__ = [
    "DateGrammar",
    "DateSpan",
    "TimeSpan",
    "VocabularyError",
    "default_grammar",
    "parse_short_iso",
]


@cache
def default_grammar() -> DateGrammar:
    """The Swedish + English grammar, built on first use and shared."""
    return DateGrammar(("sv", "en"))
