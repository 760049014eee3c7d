"""The minutes as readable Markdown with Swedish headings (a preview, an export, a diff).

Dates in running text are ISO ("senast 2019-02-07") so the Markdown stays greppable and
sortable; the header and the activities use the Swedish wording shared with the summary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kansli.minutes.model import Action, Item, Kind, Minutes, Participant, Referral, Status, Table
from kansli.minutes.render.summary import (
    agenda_heading,
    attendance,
    document_title,
    event_when,
    item_label,
    long_date,
    time_span,
)

# The house style of Swedish minutes: "Deltagare", not the summary's "Närvarande".
_STATUS_HEADINGS = {
    Status.PRESENT: "Deltagare",
    Status.ABSENT: "Frånvarande",
    Status.GUEST: "Övriga deltagare",
}

# Characters that would turn a name or title into emphasis, code, a link or HTML.
_INLINE = re.compile(r"([\\`*_\[\]<])")
_LIST_LINE = re.compile(r"\s*([-*+•]|\d+[.)])\s")


def to_markdown(minutes: Minutes) -> str:
    parts = [
        f"# {_inline(document_title(minutes))}",
        _header(minutes),
        *_attendance(minutes),
        *(_item(minutes, item) for item in minutes.items),
        _events(minutes),
        _next_agenda(minutes),
        _referrals(minutes),
        _signature(minutes),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


def _inline(text: str) -> str:
    return _INLINE.sub(r"\\\1", text)


def _header(m: Minutes) -> str:
    day = long_date(m.date) if m.date else None
    when = ", ".join(x for x in (day, time_span(m.start_time, m.end_time)) if x)
    fields = (
        ("Tid", when),
        ("Plats", m.place),
        ("Ordförande", m.chair),
        ("Sekreterare", m.secretary),
        ("Justerare", ", ".join(m.adjusters)),
    )
    # Two trailing spaces are a Markdown line break: one field per line, one paragraph.
    return "  \n".join(f"**{label}:** {_inline(value)}" for label, value in fields if value)


def _participant(person: Participant) -> str:
    name = f"{person.name} ({person.party})" if person.party else person.name
    return ", ".join(_inline(x) for x in (name, person.organisation, person.role) if x)


def _attendance(m: Minutes) -> Iterator[str]:
    for status, people in attendance(m):
        yield f"## {_STATUS_HEADINGS[status]}\n\n" + "\n".join(
            f"- {_participant(p)}" for p in people
        )


def _item(m: Minutes, item: Item) -> str:
    parts = [f"## {_inline(item_label(m, item))}"]
    if item.subheadings:
        parts.append("*Underrubriker: " + "; ".join(_inline(s) for s in item.subheadings) + "*")
    if item.text.strip():
        parts.append(_paragraphs(item.text))
    parts += [_table(t) for t in item.tables]
    if item.decisions:
        parts.append("**Beslut**\n\n" + "\n".join(f"- {_inline(d.text)}" for d in item.decisions))
    if item.actions:
        parts.append("**Åtgärder**\n\n" + "\n".join(_action(a) for a in item.actions))
    if item.tabled is not None:
        tabled = item.tabled
        target = " ".join(
            x for x in (tabled.to_body, tabled.to_date.isoformat() if tabled.to_date else None) if x
        )
        line = f"**Bordläggs** till {_inline(target)}." if target else "**Bordläggs.**"
        if tabled.reason:
            line += f" Skäl: {_inline(tabled.reason)}"
        parts.append(line)
    return "\n\n".join(parts)


def _paragraphs(text: str) -> str:
    """One paragraph per source line, but consecutive list lines stay one list."""
    out: list[str] = []
    previous_listed = False
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip():
            continue
        listed = bool(_LIST_LINE.match(line))
        if out:
            out.append("\n" if listed and previous_listed else "\n\n")
        # A line that starts with "#" is notes text, not a heading of this document.
        out.append("\\" + line if line.lstrip().startswith("#") else line)
        previous_listed = listed
    return "".join(out)


def _cell(text: str) -> str:
    return _inline(" ".join(text.split())).replace("|", "\\|")


def _table(table: Table) -> str:
    width = max([len(table.columns), *(len(r) for r in table.rows)])
    if width == 0:
        return ""

    def row(cells: tuple[str, ...]) -> str:
        padded = [_cell(c) for c in cells] + [""] * (width - len(cells))
        return "| " + " | ".join(padded) + " |"

    lines = [row(table.columns), "|" + " --- |" * width, *(row(r) for r in table.rows)]
    return "\n".join(lines)


def _action(action: Action) -> str:
    who = f"{_inline(action.assignee)}: " if action.assignee else ""
    due = f" (senast {action.due.isoformat()})" if action.due else ""
    return f"- {who}{_inline(action.text)}{due}"


def _events(m: Minutes) -> str:
    if not m.events:
        return ""
    events = sorted(m.events, key=lambda e: e.start)
    lines = [f"- {event_when(e)}: {_inline(e.title)}" for e in events]
    return "## Aktiviteter\n\n" + "\n".join(lines)


def _next_agenda(m: Minutes) -> str:
    agenda = m.next_meeting_agenda
    if agenda is None:
        return ""
    heading = f"## {_inline(agenda_heading(agenda))}"
    if not agenda.items:
        return heading
    lines = [f"{n}. {_inline(title)}" for n, title in enumerate(agenda.items, start=1)]
    return heading + "\n\n" + "\n".join(lines)


def _referral(ref: Referral) -> str:
    details = [f"från {ref.sender}" if ref.sender else None]
    details.append(f"svar senast {ref.deadline.isoformat()}" if ref.deadline else None)
    shown = ", ".join(x for x in details if x)
    return f"- {_inline(ref.title)}" + (f" ({_inline(shown)})" if shown else "")


def _referrals(m: Minutes) -> str:
    if not m.referrals:
        return ""
    return "## Remisser\n\n" + "\n".join(_referral(r) for r in m.referrals)


def _signature(m: Minutes) -> str:
    writer = m.author or m.secretary
    if not writer:
        return ""
    label = "Vid protokollet" if m.kind == Kind.PROTOCOL else "Vid anteckningarna"
    return f"{label}: {_inline(writer)}"
