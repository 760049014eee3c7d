"""The date grammar: what it reads, what it must not read, and how it resolves years."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kansli.minutes.dates import (
    DateGrammar,
    DateSpan,
    TimeSpan,
    VocabularyError,
    default_grammar,
    parse_short_iso,
)

D = dt.date
SODERTORN = D(2019, 1, 25)  # the founding document's meeting
KUNGSBACKA = D(2024, 3, 12)
NYKARLEBY = D(2022, 9, 15)
OPENJS = D(2025, 9, 30)
CORPUS = Path(__file__).parent.parent / "corpus"


@pytest.fixture(scope="module")
def grammar() -> DateGrammar:
    return default_grammar()


def only(spans: list[DateSpan]) -> DateSpan:
    assert len(spans) == 1, spans
    return spans[0]


# -- What it reads -------------------------------------------------------------------------------


class Read(NamedTuple):
    text: str
    written: str
    """The part of `text` the span covers."""
    start: dt.date
    end: dt.date | None = None
    ref: dt.date | None = None


READS = [
    Read("2019-01-25", "2019-01-25", D(2019, 1, 25)),
    Read("Tid Fredag 25 januari 2019 kl 08.30-11.30", "Fredag 25 januari 2019", D(2019, 1, 25)),
    Read("fredag 25 januari", "fredag 25 januari", D(2019, 1, 25), ref=SODERTORN),
    Read(
        "bordläggs till nästa möte med SSK den 7 februari.",
        "den 7 februari",
        D(2019, 2, 7),
        ref=SODERTORN,
    ),
    Read("torsdag den 7 februari", "torsdag den 7 februari", D(2019, 2, 7), ref=SODERTORN),
    Read("22 februari", "22 februari", D(2019, 2, 22), ref=SODERTORN),
    Read("presenterar 7/2.", "7/2", D(2019, 2, 7), ref=SODERTORN),
    Read("Förslag presenteras på nästa SSK 7/2.", "7/2", D(2019, 2, 7), ref=SODERTORN),
    Read("träffas nästa gång den 20/2.", "den 20/2", D(2019, 2, 20), ref=SODERTORN),
    Read(
        "Uppföljning från SSK 17-18/1 angående",
        "17-18/1",
        D(2019, 1, 17),
        end=D(2019, 1, 18),
        ref=SODERTORN,
    ),
    Read("1-3 juli", "1-3 juli", D(2019, 7, 1), end=D(2019, 7, 3), ref=SODERTORN),
    Read("1–3 juli", "1–3 juli", D(2019, 7, 1), end=D(2019, 7, 3), ref=SODERTORN),
    Read("5-6 september", "5-6 september", D(2019, 9, 5), end=D(2019, 9, 6), ref=SODERTORN),
    Read("25 september", "25 september", D(2019, 9, 25), ref=SODERTORN),
    Read("30 juni – 2 juli", "30 juni – 2 juli", D(2019, 6, 30), end=D(2019, 7, 2), ref=SODERTORN),
    Read("den 1:a maj", "den 1:a maj", D(2019, 5, 1), ref=SODERTORN),
    Read("15 sept. 2020", "15 sept. 2020", D(2020, 9, 15)),
    Read("Sammanträdestid 15.9.2022 kl. 18.00", "15.9.2022", D(2022, 9, 15)),
    Read("senast 21.9.2022 kl. 16.00", "21.9.2022", D(2022, 9, 21)),
    Read("Mikael Lindvall, 21.09.2022", "21.09.2022", D(2022, 9, 21)),
    Read("Nykarlebyveckan 12-21.8.2022", "12-21.8.2022", D(2022, 8, 12), end=D(2022, 8, 21)),
    Read(
        "1.9.2022–17.5.2023 är museet öppet",
        "1.9.2022–17.5.2023",
        D(2022, 9, 1),
        end=D(2023, 5, 17),
    ),
    Read(
        "kommer att behandlas på kommunstyrelsen den 19 mars.",
        "den 19 mars",
        D(2024, 3, 19),
        ref=KUNGSBACKA,
    ),
    Read("November 8, 2005", "November 8, 2005", D(2005, 11, 8)),
    Read("beginning at 18:08 UTC, 8 November 2005.", "8 November 2005", D(2005, 11, 8)),
    Read("Decisions announced at JS Conf (Oct. 16).", "Oct. 16", D(2025, 10, 16), ref=OPENJS),
    Read("Sept 30th", "Sept 30th", D(2025, 9, 30), ref=OPENJS),
    Read("Monday, 8 May 2023", "Monday, 8 May 2023", D(2023, 5, 8)),
    Read("on the 8th of May 2023", "the 8th of May 2023", D(2023, 5, 8)),
    Read("October 16–18, 2025", "October 16–18, 2025", D(2025, 10, 16), end=D(2025, 10, 18)),
    Read("Datum: 2024-03-12 12:41:42", "2024-03-12", D(2024, 3, 12)),
    Read("2019-01-25 – 2019-01-27", "2019-01-25 – 2019-01-27", D(2019, 1, 25), end=D(2019, 1, 27)),
    Read("den 7/2 2019", "den 7/2 2019", D(2019, 2, 7)),
    Read("onsdagen 9/4, kalla till årsmötet", "onsdagen 9/4", D(2025, 4, 9), ref=D(2025, 3, 13)),
]


@pytest.mark.parametrize("case", READS, ids=[case.text for case in READS])
def test_it_reads(grammar: DateGrammar, case: Read) -> None:
    span = only(grammar.find_dates(case.text, case.ref))
    assert (span.start, span.end, span.approximate) == (case.start, case.end, False)
    assert case.text[span.begin : span.stop] == case.written


# Seasons and months are approximate ranges.
APPROXIMATE = [
    Read(
        "Senare i vår och bjuder vi in",
        "Senare i vår",
        D(2019, 3, 1),
        end=D(2019, 5, 31),
        ref=SODERTORN,
    ),
    Read(
        "sammankallar arbetsgruppen ännu i höst.",
        "ännu i höst",
        D(2022, 9, 1),
        end=D(2022, 11, 30),
        ref=NYKARLEBY,
    ),
    Read(
        "under våren är samverkan", "under våren", D(2019, 3, 1), end=D(2019, 5, 31), ref=SODERTORN
    ),
    Read("hösten 2019", "hösten 2019", D(2019, 9, 1), end=D(2019, 11, 30)),
    Read("vi ses på höstens möte", "höstens", D(2019, 9, 1), end=D(2019, 11, 30), ref=SODERTORN),
    Read("Hösten -22: öppet", "Hösten -22", D(2022, 9, 1), end=D(2022, 11, 30)),
    Read("vintern 2019/2020", "vintern 2019/2020", D(2019, 12, 1), end=D(2020, 2, 29)),
    Read("this autumn", "this autumn", D(2025, 9, 1), end=D(2025, 11, 30), ref=OPENJS),
    Read("in the fall", "in the fall", D(2025, 9, 1), end=D(2025, 11, 30), ref=OPENJS),
    Read(
        "I oktober ska organen behandla",
        "I oktober",
        D(2022, 10, 1),
        end=D(2022, 10, 31),
        ref=NYKARLEBY,
    ),
    Read(
        "i november håller stadsstyrelsen",
        "i november",
        D(2022, 11, 1),
        end=D(2022, 11, 30),
        ref=NYKARLEBY,
    ),
    Read(
        "project director terms end in September",
        "in September",
        D(2023, 9, 1),
        end=D(2023, 9, 30),
        ref=D(2023, 8, 14),
    ),
    Read("The October 2005 minutes", "October 2005", D(2005, 10, 1), end=D(2005, 10, 31)),
    Read(
        "ett helhelgs-jam i mars/april.",
        "i mars/april",
        D(2019, 3, 1),
        end=D(2019, 4, 30),
        ref=D(2019, 9, 25),
    ),
    Read("i slutet av mars", "i slutet av mars", D(2019, 3, 21), end=D(2019, 3, 31), ref=SODERTORN),
    Read("mid-October", "mid-October", D(2025, 10, 11), end=D(2025, 10, 20), ref=OPENJS),
]


@pytest.mark.parametrize("case", APPROXIMATE, ids=[case.text for case in APPROXIMATE])
def test_it_reads_seasons_and_months_as_approximate_ranges(
    grammar: DateGrammar, case: Read
) -> None:
    span = only(grammar.find_dates(case.text, case.ref))
    assert (span.start, span.end, span.approximate) == (case.start, case.end, True)
    assert case.text[span.begin : span.stop] == case.written


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Måltidsveckan vecka 15", "vecka 15"),
        ("v. 15", "v. 15"),
        ("v 15", "v 15"),
        ("week 15", "week 15"),
    ],
)
def test_it_reads_iso_weeks_as_exact_ranges(grammar: DateGrammar, text: str, written: str) -> None:
    span = only(grammar.find_dates(text, KUNGSBACKA))
    assert (span.start, span.end, span.approximate) == (D(2024, 4, 8), D(2024, 4, 14), False)
    assert text[span.begin : span.stop] == written


def test_it_reads_a_range_of_weeks_with_its_own_year(grammar: DateGrammar) -> None:
    span = only(grammar.find_dates("veckorna 15-16 2025", KUNGSBACKA))
    assert (span.start, span.end, span.has_year) == (D(2025, 4, 7), D(2025, 4, 20), True)


@pytest.mark.parametrize(
    ("text", "days"),
    [("idag", 0), ("i dag", 0), ("today", 0), ("imorgon", 1), ("i morgon", 1), ("tomorrow", 1)],
)
def test_it_reads_today_and_tomorrow_from_the_meeting_date(
    grammar: DateGrammar, text: str, days: int
) -> None:
    span = only(grammar.find_dates(f"Vi ses {text}.", SODERTORN))
    assert span.start == SODERTORN + dt.timedelta(days=days)
    assert grammar.find_dates(f"Vi ses {text}.", None) == []


# A Wednesday meeting (2019-09-25): "på lördag" is that week's Saturday, "nästa lördag" the
# next week's, "samma tid nästa vecka" a week later.
WEDNESDAY = D(2019, 9, 25)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Övningstävlingen hålls på lördag.", D(2019, 9, 28)),
        ("Själva tävlingen hålls nästa lördag.", D(2019, 10, 5)),
        ("Samma tid nästa vecka.", D(2019, 10, 2)),
        ("På onsdag ses vi igen.", D(2019, 10, 2)),
        ("We meet next Monday.", D(2019, 9, 30)),
        ("The board meets on Friday.", D(2019, 9, 27)),
    ],
)
def test_it_reads_weekdays_relative_to_the_meeting(
    grammar: DateGrammar, text: str, expected: dt.date
) -> None:
    assert only(grammar.find_dates(text, WEDNESDAY)).start == expected
    assert grammar.find_dates(text, None) == []


@pytest.mark.parametrize("text", ["by April 1", "until April 1", "before April 1"])
def test_a_month_with_its_day_after_a_preposition_is_that_day(
    grammar: DateGrammar, text: str
) -> None:
    span = only(grammar.find_dates(f"Alice sends it {text}.", D(2024, 3, 12)))
    assert (span.start, span.end, span.approximate) == (D(2024, 4, 1), None, False)


def test_a_weekday_without_on_or_next_is_no_date(grammar: DateGrammar) -> None:
    assert grammar.find_dates("Lördag är en bra dag för städning.", WEDNESDAY) == []


# -- D.M without a year: only when the document writes D.M.YYYY ----------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Välfärdsnämndens möte 4.10", D(2022, 10, 4), None),
        ("ersätts med ett nytt datum 6.10", D(2022, 10, 6), None),
        ("flyttas till 13.10.", D(2022, 10, 13), None),
        ("1.8 – 30.4", D(2022, 8, 1), D(2023, 4, 30)),
        ("27.6–28.7", D(2022, 6, 27), D(2022, 7, 28)),
        ("31.8 - 12.10", D(2022, 8, 31), D(2022, 10, 12)),
    ],
)
def test_it_reads_day_month_dots_only_when_told(
    grammar: DateGrammar, text: str, start: dt.date, end: dt.date | None
) -> None:
    assert grammar.find_dates(text, NYKARLEBY) == []
    span = only(grammar.find_dates(text, NYKARLEBY, day_month_dots=True))
    assert (span.start, span.end) == (start, end)


def test_a_weekday_makes_day_month_dots_a_date(grammar: DateGrammar) -> None:
    span = only(grammar.find_dates("bjöd på författarkväll tisdag 16.8", NYKARLEBY))
    assert span.start == D(2022, 8, 16)
    assert span.begin == len("bjöd på författarkväll ")


def test_it_reads_short_iso_only_on_request(grammar: DateGrammar) -> None:
    assert grammar.find_dates("Sammanfattning 24-09-16", None) == []
    assert parse_short_iso("Sammanfattning 24-09-16") == D(2024, 9, 16)
    assert parse_short_iso("ring 08-107700") is None
    assert parse_short_iso("Sammanfattning 24-13-16") is None


# -- What it must not read -----------------------------------------------------------------------

NOT_DATES = [
    "Presentation och diskussion RUF5 2050",
    "50-60 anställda",
    "eventuellt Södertörn 500 000 invånare 2019",
    "Karl Persson, förvaltningschef, §§ 92-93",
    "The October minutes were approved by a 3-0-2 vote.",
    "inom sig fördelar 1 500 kr plus 15 kr/betalande medlem",
    "5.1 Ekonomi",
    "se punkt 2.3 ovan",
    "4,53 m€ -4,9 -232",
    "24,86 m€ -57,1 -33 055",
    "ISO 27000-serien hos organisationer",
    "Wait on outcome of #1654",
    "08-107700 är ett bra nummer?",
    "§ 92 Dnr KS-2024-00137",
    "NKBY/497/12.03.01/2022",
    "Python version 3.2",
    "Årsredovisning och bokslut 2018",
    "Trafikplan 2020",
    "Tid kl 08.30",
    "31/2",
    "30 februari",
    "3/6-månader istället för 3 år",
    "Ylva: 1/5 h",
    "i vår kommun",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_it_does_not_read(grammar: DateGrammar, text: str) -> None:
    assert grammar.find_dates(text, SODERTORN) == []


@pytest.mark.parametrize(
    "text",
    ["Python version 3.2", "§ 5.1", "kl. 10.11-11.12", "4,53 m€", "12.03.01/2022", "1.5 miljoner"],
)
def test_items_and_clock_times_stay_numbers_even_with_day_month_dots(
    grammar: DateGrammar, text: str
) -> None:
    assert grammar.find_dates(text, NYKARLEBY, day_month_dots=True) == []


def test_a_month_name_alone_in_running_text_is_no_date(grammar: DateGrammar) -> None:
    assert grammar.find_dates("Budgetsonderingar förs september och oktober", NYKARLEBY) == []
    assert grammar.find_dates("we may go", OPENJS) == []
    assert grammar.find_dates("they march on", OPENJS) == []


def test_a_year_alone_is_no_date_but_a_month_with_it_is(grammar: DateGrammar) -> None:
    assert grammar.find_dates("Aktiviteter 2019", SODERTORN) == []
    span = only(grammar.find_dates("Mars 2050", None))
    assert (span.start, span.end, span.approximate, span.has_year) == (
        D(2050, 3, 1),
        D(2050, 3, 31),
        True,
        True,
    )


def test_without_a_reference_date_yearless_dates_are_left_out(grammar: DateGrammar) -> None:
    text = "Nästa möte den 7 februari, 7/2, i höst, vecka 15 eller i oktober; 2019-01-25."
    assert [s.start for s in grammar.find_dates(text, None)] == [D(2019, 1, 25)]


# -- Resolving the year --------------------------------------------------------------------------


def test_a_yearless_date_takes_the_meetings_year(grammar: DateGrammar) -> None:
    span = only(grammar.find_dates("Mötet den 7 januari", D(2019, 12, 10)))
    assert (span.start, span.has_year) == (D(2019, 1, 7), False)


def test_forward_moves_a_date_before_the_meeting_to_the_next_year(grammar: DateGrammar) -> None:
    span = only(grammar.find_dates("Mötet den 7 januari", D(2019, 12, 10), forward=True))
    assert span.start == D(2020, 1, 7)


def test_nasta_earlier_in_the_clause_looks_forward(grammar: DateGrammar) -> None:
    ref = D(2019, 12, 10)
    assert only(grammar.find_dates("Nästa möte 7/1 i Nykvarn", ref)).start == D(2020, 1, 7)
    assert only(grammar.find_dates("Next meeting on January 7", ref)).start == D(2020, 1, 7)
    # A full stop ends the clause: the second sentence is not about the next meeting.
    text = "Nästa möte i Nykvarn. Förra mötet hölls 7/1."
    assert only(grammar.find_dates(text, ref)).start == D(2019, 1, 7)


def test_a_range_over_new_year_ends_in_the_next_year(grammar: DateGrammar) -> None:
    span = only(grammar.find_dates("perioden 20.12–5.1.2023", None))
    assert (span.start, span.end, span.has_year) == (D(2022, 12, 20), D(2023, 1, 5), True)


def test_a_written_weekday_picks_the_year_it_fits(grammar: DateGrammar) -> None:
    # 7 February is a Friday in 2020, a Thursday in 2019.
    assert only(grammar.find_dates("fredag 7 februari", D(2019, 12, 10))).start == D(2020, 2, 7)
    assert only(grammar.find_dates("torsdag 7 februari", D(2019, 12, 10))).start == D(2019, 2, 7)


def test_seasons_after_i_are_this_or_the_coming_one(grammar: DateGrammar) -> None:
    autumn = D(2022, 10, 20)
    assert only(grammar.find_dates("i vår.", autumn)).start == D(2023, 3, 1)
    assert only(grammar.find_dates("i höst", autumn)).start == D(2022, 9, 1)
    assert only(grammar.find_dates("i höstas", D(2023, 1, 10))).start == D(2022, 9, 1)
    assert only(grammar.find_dates("nästa höst", autumn)).start == D(2023, 9, 1)


def test_winter_runs_over_new_year(grammar: DateGrammar) -> None:
    span = only(grammar.find_dates("i vinter", D(2019, 1, 25)))
    assert (span.start, span.end) == (D(2018, 12, 1), D(2019, 2, 28))
    span = only(grammar.find_dates("i vinter", D(2019, 10, 1)))
    assert (span.start, span.end) == (D(2019, 12, 1), D(2020, 2, 29))


def test_var_is_a_season_only_where_it_cannot_mean_our(grammar: DateGrammar) -> None:
    assert grammar.find_dates("Det gäller i vår kommun och i vår region", SODERTORN) == []
    assert len(grammar.find_dates("Vi ses i vår, kanske i vår och sommar", SODERTORN)) == 2
    assert len(grammar.find_dates("besök på deras kontor i vår", SODERTORN)) == 1


def test_a_week_before_the_meeting_moves_forward_only_when_asked(grammar: DateGrammar) -> None:
    assert only(grammar.find_dates("vecka 2", KUNGSBACKA)).start == D(2024, 1, 8)
    assert only(grammar.find_dates("vecka 2", KUNGSBACKA, forward=True)).start == D(2025, 1, 6)


# -- Whole table cells ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "start", "end", "approximate"),
    [
        ("• 22 februari", D(2019, 2, 22), None, False),
        ("10 april", D(2019, 4, 10), None, False),
        ("1-3 juli", D(2019, 7, 1), D(2019, 7, 3), False),
        ("5-6 september", D(2019, 9, 5), D(2019, 9, 6), False),
        ("25 september", D(2019, 9, 25), None, False),
        ("Höst", D(2019, 9, 1), D(2019, 11, 30), True),
        ("oktober", D(2019, 10, 1), D(2019, 10, 31), True),
        ("Okt.", D(2019, 10, 1), D(2019, 10, 31), True),
        ("Fredag 25 januari 2019.", D(2019, 1, 25), None, False),
        ("(Oct. 16)", D(2019, 10, 16), None, False),
    ],
)
def test_a_cell_is_one_date(
    grammar: DateGrammar, cell: str, start: dt.date, end: dt.date | None, approximate: bool
) -> None:
    span = grammar.parse_date(cell, SODERTORN)
    assert span is not None
    assert (span.start, span.end, span.approximate) == (start, end, approximate)
    assert cell[span.begin : span.stop].strip("•() .") == cell.strip("•() .")


@pytest.mark.parametrize(
    "cell",
    ["", "  ", "Slutkonferens Systemanalys", "22 februari Slutkonferens", "2019", "5.1", "Jul"],
)
def test_a_cell_with_more_or_less_than_a_date_is_none(grammar: DateGrammar, cell: str) -> None:
    assert grammar.parse_date(cell, SODERTORN) is None


def test_a_cell_needs_day_month_dots_for_a_dotted_range(grammar: DateGrammar) -> None:
    assert grammar.parse_date("1.8 – 30.4", NYKARLEBY) is None
    span = grammar.parse_date("1.8 – 30.4", NYKARLEBY, day_month_dots=True)
    assert span is not None
    assert (span.start, span.end) == (D(2022, 8, 1), D(2023, 4, 30))


# -- Times ---------------------------------------------------------------------------------------

T = dt.time


@pytest.mark.parametrize(
    ("text", "start", "end", "written"),
    [
        ("Tid Fredag 25 januari 2019 kl 08.30-11.30", T(8, 30), T(11, 30), "kl 08.30-11.30"),
        ("Sammanträdestid 15.9.2022 kl. 18.00 – 19.37", T(18, 0), T(19, 37), "kl. 18.00 – 19.37"),
        ("Kungsbackarummet Klockan 08:30-11:00", T(8, 30), T(11, 0), "Klockan 08:30-11:00"),
        ("senast 21.9.2022 kl. 16.00.", T(16, 0), None, "kl. 16.00"),
        ("held over Internet Relay Chat beginning at 18:08 UTC", T(18, 8), None, "18:08"),
        ("12:10-ish", T(12, 10), None, "12:10"),
        ("Mötet öppnades 17:23", T(17, 23), None, "17:23"),
        ("vernissage 4.10.kl. 19 och", T(19, 0), None, "kl. 19"),
        ("starting at 6 pm", T(18, 0), None, "6 pm"),
        ("at 9.30 a.m.", T(9, 30), None, "9.30 a.m."),
        ("hamtad: 2026-10-08T08:58:33+00:00", T(8, 58, 33), None, "08:58:33"),
    ],
)
def test_it_reads_times(
    grammar: DateGrammar, text: str, start: dt.time, end: dt.time | None, written: str
) -> None:
    spans = grammar.find_times(text)
    assert len(spans) == 1, spans
    assert (spans[0].start, spans[0].end) == (start, end)
    assert text[spans[0].begin : spans[0].stop] == written


@pytest.mark.parametrize(
    "text", ["08.30", "version 3.2", "1:e vice ordförande", "59:e årsmötet", "kl 25.00", "4,53 m€"]
)
def test_it_does_not_read_numbers_as_times(grammar: DateGrammar, text: str) -> None:
    assert grammar.find_times(text) == []


def test_a_clock_time_is_not_a_date(grammar: DateGrammar) -> None:
    assert grammar.find_dates("kl 08.30", SODERTORN, day_month_dots=True) == []
    assert grammar.find_dates("kl. 10.11", SODERTORN, day_month_dots=True) == []


# -- Languages are data --------------------------------------------------------------------------


def test_one_language_reads_only_its_own_words() -> None:
    english = DateGrammar(("en",))
    assert english.find_dates("den 7 februari", SODERTORN) == []
    assert english.find_dates("7/2", SODERTORN) == []  # D/M is a Swedish habit
    assert only(english.find_dates("on February 7", SODERTORN)).start == D(2019, 2, 7)
    swedish = DateGrammar(("sv",))
    assert swedish.find_dates("on February 7", SODERTORN) == []
    assert only(swedish.find_dates("den 7 februari", SODERTORN)).start == D(2019, 2, 7)


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(VocabularyError, match="xx"):
        DateGrammar(("xx",))
    with pytest.raises(VocabularyError):
        DateGrammar(())


def test_default_grammar_is_built_once() -> None:
    assert default_grammar() is default_grammar()


# -- The founding document -----------------------------------------------------------------------


def test_the_founding_document_gives_its_dates(grammar: DateGrammar) -> None:
    text = (CORPUS / "sv" / "sodertorn-ledningsgrupp-2019-01-25.txt").read_text()
    found = [
        (line[s.begin : s.stop], s.start, s.end, s.approximate)
        for line in text.splitlines()
        for s in grammar.find_dates(line, SODERTORN)
    ]
    cells = [
        grammar.parse_date(cell, SODERTORN)
        for line in text.splitlines()
        if line.startswith("|") and "---" not in line
        for cell in line.strip("|").split("|")[:1]
        if cell.strip()
    ]
    assert ("Fredag 25 januari 2019", D(2019, 1, 25), None, False) in found
    assert ("den 7 februari", D(2019, 2, 7), None, False) in found
    assert ("17-18/1", D(2019, 1, 17), D(2019, 1, 18), False) in found
    assert [f for f in found if f[0] == "7/2"] == [("7/2", D(2019, 2, 7), None, False)] * 3
    assert ("den 20/2", D(2019, 2, 20), None, False) in found
    assert ("Senare i vår", D(2019, 3, 1), D(2019, 5, 31), True) in found
    assert not any("2050" in f[0] or "500" in f[0] for f in found)
    assert [(c.start, c.end, c.approximate) if c else None for c in cells] == [
        (D(2019, 2, 22), None, False),
        (D(2019, 4, 10), None, False),
        (D(2019, 7, 1), D(2019, 7, 3), False),
        (D(2019, 9, 5), D(2019, 9, 6), False),
        (D(2019, 9, 25), None, False),
        (D(2019, 9, 1), D(2019, 11, 30), True),
    ]


# -- Never raises --------------------------------------------------------------------------------

# Pieces of date expressions glued at random reach far more of the grammar than random text.
DATEISH = st.lists(
    st.sampled_from(
        [
            *"0123456789./-–: ,§()kKlLiIvV\n",
            *("den ", "januari", "Oct.", "höst", "vår", "vecka ", "nästa ", "i ", "kl. ", "idag"),
            "İ",  # lower-cases to two characters
        ]
    ),
    max_size=40,
).map("".join)
REFS = st.one_of(st.none(), st.dates(), st.sampled_from([D(1, 1, 1), D(9999, 12, 31)]))


def _check_spans(text: str, spans: list[DateSpan] | list[TimeSpan]) -> None:
    assert isinstance(spans, list)
    for span in spans:
        assert 0 <= span.begin < span.stop <= len(text)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(), DATEISH), ref=REFS, forward=st.booleans(), dots=st.booleans())
def test_it_never_raises(text: str, ref: dt.date | None, forward: bool, dots: bool) -> None:
    grammar = default_grammar()
    dates = grammar.find_dates(text, ref, forward=forward, day_month_dots=dots)
    _check_spans(text, dates)
    for span in dates:
        assert span.end is None or span.end >= span.start
    for before, after in pairwise(dates):
        assert before.stop <= after.begin  # in text order, without overlaps
    _check_spans(text, grammar.find_times(text))
    cell = grammar.parse_date(text, ref, forward=forward, day_month_dots=dots)
    assert cell is None or 0 <= cell.begin < cell.stop <= len(text)
    assert parse_short_iso(text) is None or isinstance(parse_short_iso(text), dt.date)


def test_long_runs_of_spaces_and_digits_stay_fast(grammar: DateGrammar) -> None:
    # Backtracking patterns would take seconds here; the grammar answers in milliseconds.
    text = "1" + " " * 5000 + "- " * 2000 + "7" + "." * 3000 + "kl" + " " * 3000
    assert grammar.find_dates(text, SODERTORN, day_month_dots=True) == []
    assert grammar.find_times(text) == []
