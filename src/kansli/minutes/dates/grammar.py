"""`DateGrammar`: the rule tables for a set of languages, compiled once."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from kansli.minutes.dates.context import DateRule, Scan
from kansli.minutes.dates.days import day_rules
from kansli.minutes.dates.lexicon import Lexicon
from kansli.minutes.dates.periods import period_rules
from kansli.minutes.dates.scan import Text, run_rules, select
from kansli.minutes.dates.spans import DateSpan, TimeSpan
from kansli.minutes.dates.times import Clock, TimeRule, time_rules
from kansli.minutes.dates.vocab import load_vocabulary

# What a table cell may have around its date: a bullet or bracket before, punctuation after.
_CELL_LEAD = " \t\n\r\f\v\xa0•·*-–—(["
_CELL_TRAIL = " \t\n\r\f\v\xa0.,;:!?)]"


class DateGrammar:
    """Finds and resolves dates and times in Swedish and English text.

    `ref` is the meeting date: a date without a year takes its year, and with `ref=None` such
    dates are not returned at all. `forward=True` says the dates are future references ("nästa
    möte ..."): a yearless date before `ref` moves to the next year; "nästa"/"next" earlier in
    the same clause has the same effect on its date. `day_month_dots=True` reads "4.10" and
    "1.8 – 30.4" as dates (for documents that write D.M.YYYY); otherwise they are item numbers.
    """

    def __init__(self, languages: Sequence[str] = ("sv", "en")) -> None:
        self.languages = tuple(languages)
        self._lex = Lexicon(load_vocabulary(self.languages))
        self._date_rules: tuple[DateRule, ...] = (*day_rules(self._lex), *period_rules(self._lex))
        self._time_rules: tuple[TimeRule, ...] = tuple(time_rules(self._lex))

    def find_dates(
        self,
        text: str,
        ref: dt.date | None,
        *,
        forward: bool = False,
        day_month_dots: bool = False,
    ) -> list[DateSpan]:
        """Every date expression in `text`, in order, without overlaps."""
        source = self._text(text)
        scan = Scan(
            self._lex, source, ref, forward=forward, day_month_dots=day_month_dots, cell=False
        )
        return select(run_rules(self._date_rules, source, scan))

    def parse_date(
        self,
        text: str,
        ref: dt.date | None,
        *,
        forward: bool = False,
        day_month_dots: bool = False,
    ) -> DateSpan | None:
        """The whole string (stripped, ignoring a weekday prefix and trailing punctuation) is one
        date expression, e.g. a table cell: "22 februari", "1-3 juli", "Höst", "5-6 september".
        A bare month or season counts here ("oktober", "Höst"). Offsets refer to `text`."""
        lo = len(text) - len(text.lstrip(_CELL_LEAD))
        hi = len(text.rstrip(_CELL_TRAIL))
        if lo >= hi:
            return None
        source = self._text(text)
        scan = Scan(
            self._lex, source, ref, forward=forward, day_month_dots=day_month_dots, cell=True
        )
        found = run_rules(self._date_rules, source, scan, lo, hi)
        whole = [(order, span) for order, span in found if span.begin == lo and span.stop == hi]
        return min(whole, key=lambda f: f[0])[1] if whole else None

    def find_times(self, text: str) -> list[TimeSpan]:
        """Every clock time or time range in `text`, in order, without overlaps."""
        source = self._text(text)
        return select(run_rules(self._time_rules, source, Clock(self._lex, source)))

    def _text(self, text: str) -> Text:
        return Text(text, self._lex.token, self._lex.triggers)


_SHORT_ISO = re.compile(r"(?<![\w\-/.])([0-9]{2})-([0-9]{2})-([0-9]{2})(?![\w\-/]|[.,][0-9])")


def parse_short_iso(text: str) -> dt.date | None:
    """The first YY-MM-DD date in `text` ("Sammanfattning 24-09-16" -> 2024-09-16), read as
    20YY. Kept apart from `find_dates` because "24-09-16" in running text is as often a range or
    a phone number; call it where a heading or file name is expected to carry a date."""
    for match in _SHORT_ISO.finditer(text):
        year, month, day = (int(g) for g in match.groups())
        try:
            return dt.date(2000 + year, month, day)
        except ValueError:
            continue
    return None
