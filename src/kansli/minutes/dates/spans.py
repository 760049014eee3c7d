"""What the date grammar returns: dates and times found in a text, with where they were."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date or a date range found at `text[begin:stop]`.

    `end` is None for a single day, else the inclusive last day. `approximate` marks seasons and
    whole months ("i höst", "i oktober"); `has_year` tells whether the text gave the year (else it
    came from the reference date).
    """

    start: dt.date
    end: dt.date | None
    approximate: bool
    begin: int
    stop: int
    has_year: bool

    @property
    def last(self) -> dt.date:
        """The last day covered: `end`, or `start` for a single day."""
        return self.end if self.end is not None else self.start


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A clock time or time range found at `text[begin:stop]`; `end` None for a single time."""

    start: dt.time
    end: dt.time | None
    begin: int
    stop: int
