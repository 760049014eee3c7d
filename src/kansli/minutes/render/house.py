"""The house style of minutes, as a flat list of parts that the DOCX and HTML renderers lay out.

The founding document sets the style: a page header with "Avsändare", the writer, the date and
"sida (antal)"; the title "Minnesanteckningar från <body>, <nr>"; "Tid" and "Plats"; the
attendance as Deltagare / Frånvarande / Övriga deltagare, name beside organisation and role;
numbered items with their text, a bold "Beslut" over bulleted decisions; and "Vid
anteckningarna" with the writer's name at the end.

The model keeps what was read out of a text (actions, a tabling, events, the next meeting's
agenda, referrals) beside the text itself. The house document writes the text once and adds a
derived fact in a form of its own only where the text does not already say it, so that a reader
of the document — a person or the parser — meets every fact once.

What the model does not keep cannot be written back: where in an item its sub-headings stood
(they are listed under the item's heading, "Underrubriker: A; B", as the Markdown renderer does,
and the parser reads that line back), which part of an item a line stood in, and the text
before the first item. The vocabulary the parser reads is asked where the text must not be
misread ("Inbjudna: ..." in an item's text stays a point of a list, not an attendance list).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from kansli.minutes.model import (
    Action,
    Event,
    Item,
    Kind,
    Minutes,
    NextMeetingAgenda,
    Participant,
    Referral,
    Table,
    Tabling,
)
from kansli.minutes.parser.text import ends_sentence, looks_like_person
from kansli.minutes.parser.vocab import load_vocabulary
from kansli.minutes.render.summary import event_when, item_label
from kansli.minutes.render.wording import (
    LABELS,
    LANGUAGE_TAGS,
    SWEDISH,
    Labels,
    day_text,
    when_text,
)


class Style(StrEnum):
    PLAIN = "plain"
    LABEL = "label"
    """A bold label that opens a part of an item: "Beslut", "Åtgärder"."""
    NOTE = "note"
    """A note about the item, in italics: its sub-headings."""
    CLOSING = "closing"
    """The writer's line at the end: "Vid anteckningarna: Anna Söderström"."""


class GridKind(StrEnum):
    FIELDS = "fields"
    """Label | value, no rules: "Tid | Fredag 25 januari 2019 kl. 08.30–11.30"."""
    PEOPLE = "people"
    """Name | organisation and role, no rules: one attendance group."""
    DATA = "data"
    """A table of the minutes, ruled, its first row the column headings."""
    ACTIONS = "actions"
    """Nr | Åtgärd | Ansvarig | Klart, ruled, with a heading row. The number ("Å1") keeps the first
    column short and never empty: a PDF's reader takes a line whose first column is empty or
    that has text only there for the wrapped cells of the row above."""
    EVENTS = "events"
    """When | what, no heading row (the activities the text does not already name)."""


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int
    """1 the title, 2 an item or a part of the document, 3 an attendance group."""
    anchor: str = ""
    """An item's name in the document ("punkt-3"), for its entry in a list of contents."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    style: Style = Style.PLAIN
    gap: bool = False
    """Set off from the line above, which would otherwise read as going on in this one (it is
    long and ends without a full stop, or this one starts in lower case): a PDF shows the gap,
    a Word paragraph is whole anyway."""


@dataclass(frozen=True, slots=True)
class Bullet:
    text: str


@dataclass(frozen=True, slots=True)
class Grid:
    rows: tuple[tuple[str, ...], ...]
    kind: GridKind

    @property
    def has_heading_row(self) -> bool:
        return self.kind in (GridKind.DATA, GridKind.ACTIONS)


Part = Heading | Paragraph | Bullet | Grid


@dataclass(frozen=True, slots=True)
class HouseDocument:
    title: str
    language: str
    """BCP 47 tag of the document: "sv-SE", "en-GB"."""
    labels: Labels
    sender: str | None
    """The writer as the page header shows it: "Söderström, Anna"."""
    date: str | None
    """The meeting's date as the page header shows it: "2019-01-25"."""
    author: str | None
    parts: tuple[Part, ...]
    unnumbered_items: bool
    """Some item has no number ("Recap", "Laget runt")."""


_LABEL = re.compile(r"^([^:]{1,60}):\s*\S")
_MARKED = re.compile(r"^[-–•*]\s+(?=\S)")
# Labels a paragraph may open with that make it something other than text: a list of people,
# a part of an item ("Beslut: ...", "Förslag: ...").
LABEL_WORDS = (
    "attendance.present",
    "attendance.absent",
    "attendance.guest",
    "attendance.invited",
    "decisions.headings",
    "decisions.proposal_headings",
    "decisions.not_decisions",
    "decisions.history",
    "actions.headings",
)
_WORD = re.compile(r"\w+")


def house_document(minutes: Minutes) -> HouseDocument:
    labels = LABELS.get(minutes.language, SWEDISH)
    writer = minutes.author or minutes.secretary
    return HouseDocument(
        title=title(minutes, labels),
        language=LANGUAGE_TAGS.get(minutes.language, minutes.language),
        labels=labels,
        sender=surname_first(writer) if writer else None,
        date=minutes.date.isoformat() if minutes.date else None,
        author=writer,
        parts=tuple(_Writer(minutes, labels).parts()),
        unnumbered_items=any(not item.number for item in minutes.items),
    )


def title(minutes: Minutes, labels: Labels) -> str:
    """Like "Minnesanteckningar från Södertörnskommunernas ledningsgrupp, 1"."""
    kind = labels.kinds[minutes.kind or Kind.NOTES]
    head = f"{kind} {labels.connector} {minutes.body}" if minutes.body else kind
    return f"{head}, {minutes.meeting_number}" if minutes.meeting_number else head


def surname_first(name: str) -> str:
    """'Anna Söderström' -> 'Söderström, Anna', as a letterhead names its sender."""
    first, _, last = name.strip().rpartition(" ")
    return f"{last}, {first}" if first and "," not in name else name


class _Writer:
    """The parts of one document, in the founding document's order."""

    def __init__(self, minutes: Minutes, labels: Labels) -> None:
        self.m = minutes
        self.labels = labels
        self.vocab = load_vocabulary(minutes.language if minutes.language in LABELS else "sv")
        self.labels_read = self.vocab.union(*LABEL_WORDS)
        self.agenda_item = _agenda_item(minutes)
        self.plans = {id(item): self.plan(item) for item in minutes.items}
        self.said = [_words(t) for t in self.written()]

    def plan(self, item: Item) -> _Plan:
        """What of the item's text is written as text, and what as bullets."""
        lines = _without_decisions(_lines(item.text), [d.text for d in item.decisions])
        # A line that only says what an action says ("Meddela ... (Sambruk) - DIGG") is
        # written once, as the action's row, unless an event was read from it too.
        lines = [
            line
            for line in lines
            if not any(_is_action_line(line, a) for a in item.actions)
            or any(_names(line, e.title) for e in self.m.events)
        ]
        listed: list[str] = []
        agenda = self.m.next_meeting_agenda
        if agenda is not None and item is self.agenda_item:
            lines, listed = _take(lines, agenda.items)
        # A table of actions this renderer wrote is written again from the actions.
        tables = [t for t in item.tables if t.columns != self.labels.action_columns]
        return _Plan(lines, listed, tables)

    def written(self) -> Iterator[str]:
        """Every text the items write — lines, decisions, table rows — each with its item's
        title (an event of a line that is only a date is named by the item: "Nästa möte")."""
        for item in self.m.items:
            plan = self.plans[id(item)]
            texts = [*plan.lines, *plan.listed, *(d.text for d in item.decisions)]
            texts += [" ".join(row) for t in plan.tables for row in (t.columns, *t.rows)]
            yield from (f"{item.title} {text}" for text in texts or [""])

    def parts(self) -> Iterator[Part]:
        yield Heading(title(self.m, self.labels), 1)
        fields = self.fields()
        if fields:
            yield Grid(tuple(fields), GridKind.FIELDS)
        yield from self.attendance()
        for index, item in enumerate(self.m.items, start=1):
            yield from self.item(item, index)
        yield from self.events()
        yield from self.agenda()
        yield from self.referrals()
        writer = self.m.author or self.m.secretary
        if writer:
            label = (
                self.labels.closing_protocol
                if self.m.kind == Kind.PROTOCOL
                else self.labels.closing_notes
            )
            yield Paragraph(f"{label}: {writer}", Style.CLOSING)

    # --- the head ----------------------------------------------------------------------------

    def fields(self) -> list[tuple[str, str]]:
        m, labels = self.m, self.labels
        rows = []
        when = when_text(m, labels)
        if when:
            rows.append((labels.time, when))
        if m.place:
            rows.append((labels.place, m.place))
        # Officers the attendance already names by their role need no line of their own.
        if m.chair and not self._has_role(m.chair, "chair_role"):
            rows.append((labels.chair, m.chair))
        writer = m.author or m.secretary
        if m.secretary and (
            writer != m.secretary or not self._has_role(m.secretary, "secretary_role")
        ):
            rows.append((labels.secretary, m.secretary))
        if m.adjusters:
            rows.append((labels.adjusters, ", ".join(m.adjusters)))
        return rows

    def _has_role(self, name: str, role: str) -> bool:
        word = self.vocab.defaults.get(role, "")
        return bool(word) and any(
            p.name == name and p.role and word in p.role.casefold() for p in self.m.participants
        )

    def attendance(self) -> Iterator[Part]:
        for status, heading in self.labels.groups.items():
            people = [p for p in self.m.participants if p.status == status]
            if not people:
                continue
            yield Heading(heading, 3)
            if all(looks_like_person(p.name) for p in people):
                yield Grid(tuple(_person(p) for p in people), GridKind.PEOPLE)
            else:
                # Organisations named as participants ("Trafikverket"): a list, since a table's
                # first column is read as a person's name.
                yield from (Bullet(", ".join(x for x in _person(p) if x)) for p in people)

    # --- an item -----------------------------------------------------------------------------

    def item(self, item: Item, index: int) -> Iterator[Part]:
        plan = self.plans[id(item)]
        yield Heading(item_label(self.m, item), 2, anchor=f"{self.labels.item_anchor}-{index}")
        if item.subheadings:
            yield Paragraph(
                f"{self.labels.subheadings}: " + "; ".join(item.subheadings), Style.NOTE
            )
        above = item.title  # a line in lower case right under it would read as its tail
        for line in plan.lines:
            marked = _MARKED.match(line)
            if marked:
                yield Bullet(line[marked.end() :])  # "- Länsstyrelsen har ...": a point
            elif self._labelled(line):
                # "Inbjudna: MSB och Sambruk", "Beslut: ..." in the text was a point of a list,
                # or it would have been read as the label it starts with: it is one again.
                yield Bullet(line)
            else:
                yield Paragraph(line, gap=_runs_on(above, line))
            above = line
        yield from (Bullet(text) for text in plan.listed)
        yield from (Grid(_table_rows(table), GridKind.DATA) for table in plan.tables)
        if item.tabled is not None and not self._says_tabled(plan.lines, item):
            yield Paragraph(self.tabling(item.tabled), gap=True)
        if item.decisions:
            yield Paragraph(self.labels.decisions, Style.LABEL)
            yield from (Bullet(decision.text) for decision in item.decisions)
        if item.actions:
            yield Paragraph(self.labels.actions, Style.LABEL)
            rows = [
                self.labels.action_columns,
                *(self.action_row(n, a) for n, a in enumerate(item.actions, start=1)),
            ]
            yield Grid(tuple(rows), GridKind.ACTIONS)

    def _labelled(self, line: str) -> bool:
        match = _LABEL.match(line)
        return match is not None and self.labels_read.is_(match.group(1))

    def _says_tabled(self, lines: list[str], item: Item) -> bool:
        phrases = self.vocab["tabling.phrases"]
        texts = [*lines, *(d.text for d in item.decisions)]
        return any(phrases.search(text) for text in texts)

    def tabling(self, tabled: Tabling) -> str:
        """Like "Frågan bordläggs till SSK den 7 februari 2019 på grund av ...".'"""
        labels = self.labels
        text = labels.tabled
        if tabled.to_body:
            text += f" {labels.to_body} {tabled.to_body}"
        if tabled.to_date:
            text += f" {labels.on_date} {day_text(tabled.to_date, labels)}"
        if tabled.reason:
            reason = tabled.reason
            if reason[1:2].islower():
                reason = reason[:1].lower() + reason[1:]
            text += f" {labels.because} {reason}"
        return text.rstrip(".") + "."

    def action_row(self, number: int, action: Action) -> tuple[str, str, str, str]:
        when = ""
        if action.due is not None:
            when = day_text(action.due, self.labels)
            if action.due_body:
                # "nästa SSK, 7 februari 2019": whose meeting the deadline is.
                when = f"{self.labels.next_word} {action.due_body}, {when}"
        return (f"{self.labels.action_number}{number}", action.text, action.assignee or "", when)

    # --- what the items' text does not already say -------------------------------------------

    def events(self) -> Iterator[Part]:
        unsaid = [e for e in self.m.events if not self._said(e.title)]
        if unsaid:
            yield Heading(self.labels.events, 2)
            rows = [(self._event_when(e), e.title) for e in sorted(unsaid, key=lambda e: e.start)]
            yield Grid(tuple(rows), GridKind.EVENTS)

    def _event_when(self, event: Event) -> str:
        if self.labels is SWEDISH:
            return event_when(event).removeprefix("ungefär ")
        start, end = event.start, event.end
        if end is None or end == start:
            return day_text(start, self.labels)
        return f"{day_text(start, self.labels)}–{day_text(end, self.labels)}"

    def agenda(self) -> Iterator[Part]:
        agenda = self.m.next_meeting_agenda
        if agenda is None or self.agenda_item is not None or not agenda.items:
            return
        yield Heading(self.agenda_heading(agenda), 2)
        for text in agenda.items:
            yield Bullet(text)

    def agenda_heading(self, agenda: NextMeetingAgenda) -> str:
        """Like "Ärenden till SSK den 7 februari 2019 i Nykvarn"."""
        labels = self.labels
        parts = [labels.agenda]
        if agenda.body and labels is SWEDISH:
            parts.append(agenda.body)
        if agenda.date:
            parts.append(f"{labels.on_date} {day_text(agenda.date, labels)}")
        if agenda.place:
            parts.append(f"{labels.agenda_place} {agenda.place}")
        return " ".join(parts)

    def referrals(self) -> Iterator[Part]:
        unsaid = [r for r in self.m.referrals if not self._said(r.title)]
        if unsaid:
            yield Heading(self.labels.referrals, 2)
            for referral in unsaid:
                yield Paragraph(self.referral(referral))

    def referral(self, referral: Referral) -> str:
        text = referral.title
        if referral.sender:
            text += f" ({referral.sender})"
        if referral.deadline:
            text += f", {self.labels.deadline} {day_text(referral.deadline, self.labels)}"
        return text

    def _said(self, text: str) -> bool:
        return any(_names_words(said, text) for said in self.said)


@dataclass(slots=True)
class _Plan:
    lines: list[str]
    listed: list[str]
    tables: list[Table]


def _is_action_line(line: str, action: Action) -> bool:
    """Is `line` the action and no more: its task and who does it ("Tom - update the list",
    "Meddela ... (Sambruk) - DIGG", "[ ] Priya: book the venue")?"""
    task = action.text.strip().casefold()
    at = line.casefold().find(task)
    if not task or at < 0:
        return False
    rest = line[:at] + line[at + len(task) :]
    rest = re.sub(r"\[[ xX✓]?\]", " ", rest).strip(" -–:;,.()")
    return not rest or rest.casefold() in (action.assignee or "").casefold()


def _names(text: str, title: str) -> bool:
    return _names_words(_words(text), title)


def _names_words(words: frozenset[str], title: str) -> bool:
    """Does a text of these `words` name every word of `title` (an event's title, cut at a
    length, may end in part of a word)?"""
    wanted = [w.casefold() for w in _WORD.findall(title)]
    if not wanted:
        return False
    *whole, last = wanted
    return set(whole) <= words and any(w.startswith(last) for w in words)


def _person(person: Participant) -> tuple[str, str]:
    name = f"{person.name} ({person.party})" if person.party else person.name
    return (name, ", ".join(x for x in (person.organisation, person.role) if x))


# A paragraph of about this many characters fills one printed line (A4, 10.5 pt): the line
# under it, indented as a paragraph's first line, is indented as its own first line was.
ONE_FULL_LINE = range(60, 90)


def _runs_on(above: str, line: str) -> bool:
    """Would `line`, right under `above`, read as the rest of its sentence: a hard-wrapped
    text (the line above is long and open, or this one starts in lower case), or a printed
    line that wraps one that filled the width?"""
    return (
        line[:1].islower()
        or (len(above) >= 60 and not ends_sentence(above))
        or len(above) in ONE_FULL_LINE
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _without_decisions(lines: list[str], decisions: list[str]) -> list[str]:
    """The item's text without the lines its decisions are (they are written under "Beslut");
    a sentence with decision wording at the end of a line leaves the line's start."""
    kept = list(lines)
    for decision in (d.strip() for d in decisions):
        if decision in kept:
            kept.remove(decision)
            continue
        for index, line in enumerate(kept):
            if len(decision) > 20 and line.endswith(decision):
                kept[index] = line[: -len(decision)].rstrip()
                break
    return [line for line in kept if line]


def _take(lines: list[str], wanted: Iterable[str]) -> tuple[list[str], list[str]]:
    """`lines` without the `wanted` ones, and those lines (a point of an agenda may have lost
    a note at its end: "Review the charter #1467")."""
    kept = list(lines)
    taken = []
    for text in wanted:
        line = _line_of(kept, text)
        if line is not None:
            kept.remove(line)
            taken.append(line)
    return kept, taken


def _line_of(lines: list[str], text: str) -> str | None:
    if text in lines:
        return text
    return next((line for line in lines if line.startswith(f"{text} ")), None)


def _agenda_item(minutes: Minutes) -> Item | None:
    """The item the next meeting's agenda was read from: its points are lines of its text."""
    agenda = minutes.next_meeting_agenda
    if agenda is None or not agenda.items:
        return None
    for item in minutes.items:
        lines = _lines(item.text)
        if all(_line_of(lines, text) is not None for text in agenda.items):
            return item
    return None


def _table_rows(table: Table) -> tuple[tuple[str, ...], ...]:
    width = max([len(table.columns), *(len(r) for r in table.rows)])
    return tuple(tuple(row) + ("",) * (width - len(row)) for row in (table.columns, *table.rows))


def _words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD.findall(text))
