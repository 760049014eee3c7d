"""The minutes parser: a block stream (from any reader) in, the `Minutes` model out.

Two passes. The structural pass (`structure.RULES`, an ordered table of small rules) finds the
header, attendance, items and the sections inside each item. The extraction pass reads meaning
out of that structure: decisions, actions, tabling, events, the next meeting's agenda, referrals,
and resolves first names and relative dates against the attendance and the meeting date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from kansli.minutes.blocks import BlockKind, Document
from kansli.minutes.dates import default_grammar
from kansli.minutes.model import (
    Item,
    Kind,
    Minutes,
    Table,
)
from kansli.minutes.parser import roster, structure
from kansli.minutes.parser.extract import actions, agenda, decisions, events, tabling
from kansli.minutes.parser.names import People
from kansli.minutes.parser.rules.title import read_title
from kansli.minutes.parser.state import ItemDraft, State
from kansli.minutes.parser.text import fold
from kansli.minutes.parser.vocab import Vocabulary, detect_language, load_vocabulary

__all__ = ["parse_document"]

# Formats whose paragraphs are written whole, never wrapped into several by hand.
WHOLE_PARAGRAPHS = frozenset({"docx"})
# Formats whose reader marks a line that wraps the one above (`continued`) from the layout.
MARKED_WRAPS = frozenset({"docx", "pdf"})
DOTTED_FULL_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}\b")


def parse_document(
    document: Document,
    vocabulary: Vocabulary | None = None,
    *,
    trace: structure.Trace | None = None,
) -> Minutes:
    """Parse a read document. `vocabulary` overrides the detected language's words; `trace`
    hears which structural rule took each block (`kansli parse --format trace`)."""
    texts = [b.text for b in document.blocks if b.kind != BlockKind.PAGE]
    language = vocabulary.language if vocabulary else detect_language(texts)
    state = State(blocks=document.blocks, vocab=vocabulary or load_vocabulary(language))
    state.whole_paragraphs = document.format in WHOLE_PARAGRAPHS
    state.marked_wraps = document.format in MARKED_WRAPS
    _use_metadata_title(state, document)
    structure.run(state, trace)
    return _assemble(state, document, language, "\n".join(texts))


def _use_metadata_title(state: State, document: Document) -> None:
    """Org's #+TITLE / #+DATE and similar: read like a title line, before the text itself."""
    for name, value in document.metadata:
        key = fold(name)
        if key == "title" and value.strip():
            state.header.title_seen = state.header.metadata_title = True
            state.header.title_text = value.strip()
            read_title(state, value.strip(), state.vocab["kinds.all"].search(value))
            state.header.body_expected = False  # the text's first line is not the title's tail
        elif key == "date" and state.header.date is None:
            spans = default_grammar().find_dates(value, None)
            state.header.date = spans[0].start if spans else None


def _assemble(state: State, document: Document, language: str, text: str) -> Minutes:
    header = state.header
    meeting = header.date
    participants, people = roster.settle(state, text)
    drafts = _discussed(state, [d for d in state.items if d.title or d.number])
    if not drafts:
        drafts = _implicit(state)
    built = [_item(state, draft, people, meeting) for draft in drafts]
    units = [(u, d.title) for d in state.items for u in d.units]
    units += [(u, "") for u in state.preamble]
    day_month_dots = bool(DOTTED_FULL_DATE.search(text))
    found_events = events.events(state, units, meeting, day_month_dots=day_month_dots)
    next_agenda = agenda.next_meeting_agenda(state, state.items, meeting)
    # The agenda's date is this body's next meeting only when it names no other body
    # ("Ärenden till SSK den 7/2" is SSK's meeting, not the next of this group).
    own_agenda = next_agenda is not None and next_agenda.body in (None, header.body)
    next_meeting = (
        next_agenda.date if next_agenda and own_agenda else None
    ) or events.next_meeting(state, found_events, meeting)
    if next_meeting is not None and meeting is not None:
        built = [actions.due_at_next_meeting(state, item, next_meeting, meeting) for item in built]
    secretary = header.secretary or header.author
    return Minutes(
        kind=_kind(state),
        language=language,
        body=header.body or (header.letterheads[-1] if header.letterheads else None),
        meeting_number=header.meeting_number,
        date=meeting,
        start_time=header.start_time,
        end_time=header.end_time,
        place=header.place,
        author=_full(people, header.author or header.sender or secretary),
        chair=_full(people, header.chair),
        secretary=_full(people, secretary),
        adjusters=tuple(people.resolve(a) or a for a in header.adjusters),
        participants=participants,
        items=tuple(built),
        events=tuple(found_events),
        next_meeting_agenda=(
            replace(next_agenda, body=header.body)
            if next_agenda and next_agenda.body is None
            else next_agenda
        ),
        referrals=tuple(agenda.referrals(state, state.items, meeting)),
        warnings=document.warnings,
        source_name=document.name,
        source_format=document.format,
    )


def _implicit(state: State) -> list[ItemDraft]:
    """Notes without item headings: their text (with what a "Beslut:" label opened) is one
    item, named by the document's title line (or the vocabulary's word for notes), so their
    decisions and actions are not lost."""
    units = [*state.preamble, *(u for d in state.items if d.implicit for u in d.units)]
    if not units:
        return []
    title = state.header.title_text or state.vocab.defaults.get("implicit_item", "")
    whole = ItemDraft(number=None, title=title, source=units[0].source, implicit=True)
    whole.units = units
    return [whole]


def _discussed(state: State, drafts: list[ItemDraft]) -> list[ItemDraft]:
    """A document with both an agenda and minutes section lists the points twice: the items are
    those of the minutes ("## Agenda" - plan, "## Minutes" - what happened)."""
    agenda = state.vocab["items.agenda_containers"]
    minutes = state.vocab["items.minutes_containers"]
    if not any(d.container and minutes.is_(d.container) for d in drafts):
        return drafts
    return [d for d in drafts if not (d.container and agenda.is_(d.container))]


def _item(state: State, draft: ItemDraft, people: People, meeting: dt.date | None) -> Item:
    text_units = [u for u in draft.units if u.kind != BlockKind.ROW]
    tables = tuple(
        Table(columns=u.rows[0], rows=tuple(u.rows[1:]), source=u.source)
        for u in draft.units
        if u.kind == BlockKind.ROW and len(u.rows) >= 2 and len(u.rows[0]) >= 2
    )
    source = draft.source
    for unit in draft.units:
        source = source.span(unit.source) if unit.source.page == source.page else source
    return Item(
        number=draft.number,
        title=draft.title,
        text="\n".join(u.text for u in text_units),
        subheadings=tuple(draft.subheadings),
        decisions=tuple(decisions.decisions(state, draft)),
        actions=tuple(actions.actions(state, draft, people, meeting)),
        tabled=tabling.tabling(state, draft, meeting),
        tables=tables,
        source=source,
    )


def _full(people: People, name: str | None) -> str | None:
    """'D. Goodger' -> 'David Goodger' when the attendance knows the full name."""
    return (people.resolve(name) or name) if name else None


def _kind(state: State) -> Kind | None:
    if state.header.kind:
        return Kind(state.header.kind)
    default = state.vocab.defaults.get("kind")
    if default:
        return Kind(default)
    # Without a title that says: adjusters or labelled decisions make a protocol.
    if state.header.adjusters or state.uses_decision_headings:
        return Kind.PROTOCOL
    return Kind.NOTES
