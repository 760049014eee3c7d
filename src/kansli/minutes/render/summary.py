"""A Swedish plain-text summary of what was understood: what `kansli parse --format summary` and
`make run` print, for a secretary to check against the document.

Empty sections are left out and an unknown value is never shown as "None". The Swedish date,
time and attendance wording lives here and is shared with the Markdown renderer.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable, Sequence

from kansli.minutes.model import (
    Action,
    Event,
    Item,
    Kind,
    Minutes,
    NextMeetingAgenda,
    Participant,
    Status,
    Tabling,
)

WIDTH = 100

WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)

KIND_LABELS = {
    Kind.NOTES: "Minnesanteckningar",
    Kind.PROTOCOL: "Protokoll",
    Kind.SUMMARY: "Sammanfattning",
    Kind.MINUTES: "Protokoll (minutes)",
}

STATUS_LABELS = {
    Status.PRESENT: "Närvarande",
    Status.ABSENT: "Frånvarande",
    Status.GUEST: "Övriga deltagare",
}
"""Attendance groups in the order Swedish minutes list them, as the summary names them."""

# An approximate event is a month range; these ranges have a name of their own ("Höst").
_SEASONS = {
    (3, 5): "våren",
    (6, 8): "sommaren",
    (9, 11): "hösten",
    (1, 6): "första halvåret",
    (7, 12): "andra halvåret",
    (1, 12): "hela",
}

_FORMAT_LABELS = {
    "text": "text",
    "markdown": "Markdown",
    "org": "Org",
    "rst": "reST",
    "html": "HTML",
    "docx": "DOCX",
    "pdf": "PDF",
    "typst": "Typst",
    "latex": "LaTeX",
}

_LANGUAGE_LABELS = {"sv": "svenska", "en": "engelska"}


# --- shared wording --------------------------------------------------------------------------


def day_month_year(day: dt.date) -> str:
    """Like "25 januari 2019"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def long_date(day: dt.date) -> str:
    """Like "fredag 25 januari 2019"."""
    return f"{WEEKDAYS[day.weekday()]} {day_month_year(day)}"


def clock(time: dt.time) -> str:
    """Swedish clock style, "08.30"."""
    return time.strftime("%H.%M")


def time_span(start: dt.time | None, end: dt.time | None) -> str | None:
    """Like "kl. 08.30–11.30", or what there is of it."""
    if start is not None and end is not None:
        return f"kl. {clock(start)}–{clock(end)}"
    if start is not None:
        return f"kl. {clock(start)}"
    if end is not None:
        return f"slut kl. {clock(end)}"
    return None


def event_when(event: Event) -> str:
    """Like "22 februari 2019", "1–3 juli 2019", "hösten 2019", "juli 2019"."""
    start, end = event.start, event.end or event.start
    if event.approximate:
        return _approximate_when(start, end)
    if end == start:
        return day_month_year(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day_month_year(end)}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]}–{day_month_year(end)}"
    return f"{day_month_year(start)}–{day_month_year(end)}"


def _approximate_when(start: dt.date, end: dt.date) -> str:
    first, last = MONTHS[start.month - 1], MONTHS[end.month - 1]
    if start.year == end.year:
        if start.month == end.month:
            return f"{first} {start.year}"
        season = _SEASONS.get((start.month, end.month))
        if season is not None:
            return f"{season} {start.year}"
        return f"ungefär {first}–{last} {start.year}"
    if (start.month, end.month) == (12, 2) and end.year == start.year + 1:
        return f"vintern {start.year}/{end.year}"
    return f"ungefär {first} {start.year}–{last} {end.year}"


def document_title(minutes: Minutes) -> str:
    """Like "Minnesanteckningar – Södertörnskommunernas ledningsgrupp, möte 1"."""
    number = f"möte {minutes.meeting_number}" if minutes.meeting_number else None
    what = ", ".join(x for x in (minutes.body, number) if x)
    kind = KIND_LABELS[minutes.kind] if minutes.kind is not None else None
    if kind and what:
        return f"{kind} – {what}"
    if kind:
        return kind
    return what[:1].upper() + what[1:] if what else "Mötesdokument"


def describe_participant(person: Participant) -> str:
    """Like "Rickard Sundbom (Södertälje kommun, ordförande)"; a party goes first: "(M, …)"."""
    details = [x for x in (person.party, person.organisation, person.role) if x]
    return f"{person.name} ({', '.join(details)})" if details else person.name


def attendance(minutes: Minutes) -> list[tuple[Status, list[Participant]]]:
    """The non-empty attendance groups in the usual order: present, absent, others."""
    groups = []
    for status in STATUS_LABELS:
        people = [p for p in minutes.participants if p.status == status]
        if people:
            groups.append((status, people))
    return groups


def item_label(minutes: Minutes, item: Item) -> str:
    """Like "3. Incheckning"; "§ 92 Title" in a protocol; the bare title when unnumbered."""
    number = item.number
    if not number:
        return item.title
    if minutes.kind == Kind.PROTOCOL:
        return f"§ {number} {item.title}"
    if number[-1].isdigit() and "." not in number:
        return f"{number}. {item.title}"
    return f"{number} {item.title}"


def tabling_text(tabled: Tabling) -> str:
    """Like "bordlagd till SSK torsdag 7 februari 2019. Skäl: Årsredovisningen är försenad"."""
    target = " ".join(
        x for x in (tabled.to_body, long_date(tabled.to_date) if tabled.to_date else None) if x
    )
    text = f"bordlagd till {target}" if target else "bordlagd (nytt möte anges inte)"
    if tabled.reason:
        text += f". Skäl: {tabled.reason}"
    return text


def agenda_heading(agenda: NextMeetingAgenda) -> str:
    """Like "Ärenden till nästa möte – SSK, torsdag 7 februari 2019, Nykvarn"."""
    when = long_date(agenda.date) if agenda.date else None
    what = ", ".join(x for x in (agenda.body, when, agenda.place) if x)
    return f"Ärenden till nästa möte – {what}" if what else "Ärenden till nästa möte"


def pages_text(pages: Sequence[int]) -> str:
    if not pages:
        return ""
    listed = ", ".join(str(p) for p in pages)
    return f"sidan {listed}" if len(pages) == 1 else f"sidorna {listed}"


# --- the summary -----------------------------------------------------------------------------


def to_summary(minutes: Minutes) -> str:
    sections = (
        _header(minutes),
        _attendance(minutes),
        _items(minutes),
        _decisions(minutes),
        _actions(minutes),
        _tabled(minutes),
        _events(minutes),
        _next_agenda(minutes),
        _referrals(minutes),
        _warnings(minutes),
    )
    return "\n\n".join(s for s in sections if s) + "\n"


def _wrap(text: str, first: str = "", rest: str = "    ") -> str:
    """Fill to WIDTH; `first` starts the first line, `rest` the continuation lines."""
    return textwrap.fill(
        text,
        WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _section(heading: str, count: int, lines: Iterable[str]) -> str:
    return "\n".join([f"{heading} ({count}):", *lines])


def _header(m: Minutes) -> str:
    day = long_date(m.date) if m.date else None
    when = ", ".join(x for x in (day, time_span(m.start_time, m.end_time)) if x)
    fields = (
        ("Datum", when),
        ("Plats", m.place),
        ("Ordförande", m.chair),
        ("Sekreterare", m.secretary),
        ("Justerare", ", ".join(m.adjusters)),
        # The author is worth a line only when it is not the secretary already shown.
        ("Skrivet av", m.author if m.author != m.secretary else None),
        ("Källa", _source(m)),
    )
    lines = [document_title(m)]
    lines += [_wrap(f"{label}: {value}") for label, value in fields if value]
    return "\n".join(lines)


def _source(m: Minutes) -> str | None:
    details = [
        _FORMAT_LABELS.get(m.source_format, m.source_format) if m.source_format else None,
        _LANGUAGE_LABELS.get(m.language, m.language),
    ]
    shown = ", ".join(x for x in details if x)
    return f"{m.source_name} ({shown})" if m.source_name else None


def _attendance(m: Minutes) -> str:
    return "\n".join(
        _wrap(
            f"{STATUS_LABELS[status]} ({len(people)}): "
            + ", ".join(describe_participant(p) for p in people)
        )
        for status, people in attendance(m)
    )


def _items(m: Minutes) -> str:
    if not m.items:
        return ""
    lines = []
    for item in m.items:
        notes = []
        if item.tables:
            notes.append("tabell" if len(item.tables) == 1 else f"{len(item.tables)} tabeller")
        if item.tabled is not None:
            notes.append("bordlagd")
        suffix = f" [{', '.join(notes)}]" if notes else ""
        lines.append(_wrap(item_label(m, item) + suffix, "  ", "      "))
        if item.subheadings:
            lines.append(
                _wrap("Underrubriker: " + "; ".join(item.subheadings), "      ", "        ")
            )
    return _section("Punkter", len(m.items), lines)


def _decisions(m: Minutes) -> str:
    with_decisions = [i for i in m.items if i.decisions]
    if not with_decisions:
        return ""
    lines = []
    for item in with_decisions:
        lines.append(_wrap(item_label(m, item), "  ", "      "))
        lines += [_wrap(f"- {d.text}", "    ", "      ") for d in item.decisions]
    count = sum(len(i.decisions) for i in with_decisions)
    return _section("Beslut", count, lines)


def _actions(m: Minutes) -> str:
    lines = [
        _wrap(_action_text(item, action), "  - ", "    ")
        for item in m.items
        for action in item.actions
    ]
    return _section("Åtgärder", len(lines), lines) if lines else ""


def _action_text(item: Item, action: Action) -> str:
    who = action.assignee or "(ingen ansvarig angiven)"
    due = " ".join(x for x in (action.due_body, long_date(action.due) if action.due else None) if x)
    deadline = f" – senast {due}" if due else ""
    where = f"punkt {item.number}" if item.number else item.title
    return f"{who}: {action.text}{deadline} ({where})"


def _tabled(m: Minutes) -> str:
    lines = [
        _wrap(f"{item_label(m, item)}: {tabling_text(item.tabled)}", "  - ", "    ")
        for item in m.items
        if item.tabled is not None
    ]
    return _section("Bordlagda punkter", len(lines), lines) if lines else ""


def _events(m: Minutes) -> str:
    # A calendar reads best in date order; sorted() is stable, so equal dates keep document order.
    events = sorted(m.events, key=lambda e: e.start)
    lines = [_wrap(f"{event_when(e)}: {e.title}", "  - ", "    ") for e in events]
    return _section("Aktiviteter", len(lines), lines) if lines else ""


def _next_agenda(m: Minutes) -> str:
    agenda = m.next_meeting_agenda
    if agenda is None:
        return ""
    lines = [_wrap(title, "  - ", "    ") for title in agenda.items]
    if not lines:
        return agenda_heading(agenda)
    return _section(agenda_heading(agenda), len(lines), lines)


def _referrals(m: Minutes) -> str:
    lines = []
    for ref in m.referrals:
        text = ref.title
        if ref.sender:
            text += f" – från {ref.sender}"
        if ref.deadline:
            text += f", svar senast {long_date(ref.deadline)}"
        lines.append(_wrap(text, "  - ", "    "))
    return _section("Remisser", len(lines), lines) if lines else ""


def _warnings(m: Minutes) -> str:
    lines = []
    for warning in m.warnings:
        where = pages_text(warning.pages)
        text = f"{warning.message} ({where})" if where else warning.message
        lines.append(_wrap(text, "  - ", "    "))
    return _section("Varningar", len(lines), lines) if lines else ""
