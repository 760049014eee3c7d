"""Events: dated future happenings — activity tables ("1-3 juli | Almedalen"), and sentences
with a date after the meeting ("Kommunikationscheferna träffas nästa gång den 20/2")."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import replace

from kansli.minutes.blocks import BlockKind
from kansli.minutes.dates import DateSpan, default_grammar
from kansli.minutes.model import Event
from kansli.minutes.parser.state import Section, State, Unit
from kansli.minutes.parser.text import clean, looks_like_person, strip_label, without_spans

EMPTY_PARENTHESES = re.compile(r"\(\s*\)")
YEAR = re.compile(r"(?<![\d/.-])(20\d{2})(?![\d/.-])")
CLAUSE_BREAK = re.compile(r"[,;]\s+|\s[-–]\s+")
STRONG_BREAK = re.compile(r";\s+")
NEXT_MEETING = (
    r"(?<!\w){words.next}\s+(?:\w+\s+)?(?:{words.meeting_suffixes}|{title.meeting_words})(?!\w)"
)


def date_table(
    state: State, rows: list[tuple[str, ...]], meeting: dt.date | None
) -> list[Event] | None:
    """Rows whose first cell is a date and the rest its title, or None if this is no such table."""
    if meeting is None:
        return None
    grammar = default_grammar()
    events: list[Event] = []
    for row in rows:
        cells = [c for c in row if c.strip()]
        if len(cells) < 2:
            continue
        span = grammar.parse_date(cells[0], meeting)
        if span is None:
            continue
        events.append(Event(clean(" ".join(cells[1:])), span.start, span.end, span.approximate))
    return events if events and len(events) >= 0.6 * len([r for r in rows if any(r)]) else None


def events(
    state: State,
    units: Iterable[tuple[Unit, str]],
    meeting: dt.date | None,
    *,
    day_month_dots: bool,
) -> list[Event]:
    """Events in `units`, each given with the title of its item (the title of an event whose
    sentence is only its date: "Kommande möte" / "9 april")."""
    if meeting is None:
        return []
    found: list[Event] = []
    for unit, item_title in units:
        if unit.kind == BlockKind.ROW:
            table = date_table(state, unit.rows, meeting)
            if table:
                found.extend(_with_source(table, unit))
            continue
        if unit.section != Section.HISTORY:
            found.extend(_events_in(state, unit, item_title, meeting, day_month_dots))
    unique: dict[tuple[dt.date, dt.date | None], Event] = {}
    for event in found:
        key = (event.start, event.end)
        if key not in unique or (is_next_meeting(state, event.title) and event.title != ""):
            unique[key] = event  # the same day named as the next meeting: that is what it is
    return list(unique.values())


def _with_source(events: list[Event], unit: Unit) -> list[Event]:
    return [Event(e.title, e.start, e.end, e.approximate, unit.source) for e in events]


def _events_in(
    state: State, unit: Unit, item_title: str, meeting: dt.date, day_month_dots: bool
) -> list[Event]:
    """Future dates in a unit, each titled by its sentence. The grammar reads the whole unit at
    once (it is the dearest call); the spans are then given to their sentences."""
    found = default_grammar().find_dates(unit.text, meeting, day_month_dots=day_month_dots)
    hint = _year_hint(f"{item_title} {unit.text}", meeting)
    spans = [
        span
        for span in (_in_year(s, hint) if hint and not s.has_year else s for s in found)
        if span.start > meeting or (span.end is not None and span.end > meeting)
    ]
    if not spans:
        return []
    result = []
    start = 0
    for sentence in state.vocab.sentences(unit.text):
        begin = unit.text.find(sentence, start)
        if begin < 0:
            continue
        start = begin + len(sentence)
        inside = [
            replace(span, begin=span.begin - begin, stop=span.stop - begin)
            for span in spans
            if begin <= span.begin < start
        ]
        if not inside or looks_like_person(sentence.split(",", maxsplit=1)[0].strip()):
            continue  # no date here, or a signature line: "Tua Backman, 21.09.2022"
        for span in inside:
            if span.approximate and not state.vocab["events.nouns"].search(sentence):
                continue
            title = _title(state, _clause(state, sentence, span, inside), inside) or item_title
            if is_next_meeting(state, item_title) and not names_next_meeting(state, title):
                # "Next meeting" / "Tuesday, April 15, 2025, Fellowship Hall"
                title = f"{item_title} ({title})" if title and title != item_title else item_title
            result.append(Event(title, span.start, span.end, span.approximate, unit.source))
    return result


def _year_hint(text: str, meeting: dt.date) -> int | None:
    """'Sammanträdesplan 2026: 16 februari, 11 maj ...': the one later year the text names,
    which its dates without a year belong to."""
    years = {int(y) for y in YEAR.findall(text)}
    years.discard(meeting.year)
    later = [y for y in years if y > meeting.year]
    return later[0] if len(later) == 1 and len(years) == 1 else None


def _in_year(span: DateSpan, year: int) -> DateSpan:
    try:
        start = span.start.replace(year=year)
        end = span.end.replace(year=year + (span.end.year - span.start.year)) if span.end else None
    except ValueError:  # 29 February
        return span
    return replace(span, start=start, end=end)


def _clause(state: State, sentence: str, span: DateSpan, spans: list[DateSpan]) -> str:
    """The part of `sentence` that a date belongs to: the whole sentence when it has one date,
    else the clause around the date ("Datum för årsstämma – onsdagen 9/4, kalla till årsmötet
    senast 19/3" -> "Datum för årsstämma – onsdagen 9/4"), with the clause before it when the
    date's own clause says nothing else."""
    breaks = STRONG_BREAK if len(spans) == 1 else CLAUSE_BREAK
    cuts = [0, *(m.end() for m in breaks.finditer(sentence)), len(sentence)]
    if len(cuts) == 2:
        return sentence
    for index, (begin, stop) in enumerate(itertools.pairwise(cuts)):
        if begin <= span.begin < stop:
            clause = sentence[begin:stop]
            if len(_title(state, clause, spans, offset=begin).split()) > 1:
                return clause if begin == 0 else " " * begin + clause
            # "16 februari, 11 maj, 14 september och 16 november": a list of dates; what they
            # are is said once, for all of them.
            return sentence if len(spans) > 2 or not index else sentence[cuts[index - 1] : stop]
    return sentence


def _title(state: State, sentence: str, spans: list[DateSpan], *, offset: int = 0) -> str:
    """The sentence without its dates and times, trimmed to something a calendar can show.
    `offset`: where `sentence` starts in the text the spans refer to."""
    grammar = default_grammar()
    cuts = [(s.begin - offset, s.stop - offset) for s in spans]
    cuts += [(t.begin, t.stop) for t in grammar.find_times(sentence)]
    text = without_spans(sentence, [(max(b, 0), e) for b, e in cuts if e > 0])
    text = strip_label(EMPTY_PARENTHESES.sub(" ", text))  # "Action: Jane to ..."
    glue = state.vocab["words.date_glue"]
    text = glue.strip_end(clean(text).strip(" .,;:–-"))
    while (lead := glue.prefix(text)) is not None and text[len(lead) :].lstrip()[:1] in ",;:":
        text = text[len(lead) :].lstrip(" .,;:–-")  # "at , Committee Room 2": a date was there
    if text.count("(") > text.count(")"):  # "senast 6/4 (beroende på offerterna" lost its ")"
        text = glue.strip_end(text[: text.rfind("(")])
    return text[:120].rstrip()


def next_meeting(state: State, found: list[Event], meeting: dt.date | None) -> dt.date | None:
    """The date of the next meeting, from an event titled so ("Nästa möte", "Next meeting")."""
    if meeting is None:
        return None
    # A day before a range: "Torsdag 15 januari 2026 (v. 3)" names the day, the week repeats it.
    for event in sorted(found, key=lambda e: (e.end is not None, e.start)):
        if (
            not event.approximate
            and event.start > meeting
            # "DATE OF NEXT MEETING (Committee Room 2)"; not "bordläggs till nästa möte med SSK"
            and is_next_meeting(state, event.title.split(" (")[0])
        ):
            return event.start
    return None


def is_next_meeting(state: State, title: str) -> bool:
    """'Nästa möte', 'NEXT MEETING', 'Date of next meeting', 'Next board meeting': a title
    naming the next meeting (a short one: a sentence that mentions it is no name)."""
    return len(title.split()) <= 6 and names_next_meeting(state, title)


def names_next_meeting(state: State, text: str) -> bool:
    return bool(state.vocab.regex(NEXT_MEETING).search(text))
