"""Another meeting's agenda ("Ärenden till SSK den 7/2 i Nykvarn") and referrals ("remisser")."""

from __future__ import annotations

import datetime as dt
import re

from kansli.minutes.blocks import BlockKind
from kansli.minutes.dates import default_grammar
from kansli.minutes.model import NextMeetingAgenda, Referral, Source
from kansli.minutes.parser.rules.items import ISSUE_REF
from kansli.minutes.parser.state import ItemDraft, Section, State
from kansli.minutes.parser.text import clean, fold, split_outside_parentheses, strip_label

# "... den 7/2 i Nykvarn": the place after its preposition, at the end.
PLACE_AT_END = (
    r"\s{agenda.place_prefix}\s+(?P<place>[A-ZÅÄÖ][\wÅÄÖåäö-]*(?:\s[A-ZÅÄÖ][\wÅÄÖåäö-]*)*)\s*$"
)
CLAUSE_END = re.compile(r"[,.;]")
SENDER = re.compile(r"\((?P<sender>[^()]+)\)")


def next_meeting_agenda(
    state: State, items: list[ItemDraft], meeting: dt.date | None
) -> NextMeetingAgenda | None:
    for item in items:
        if item.base_section != Section.AGENDA:
            continue
        titles = [
            strip_label(ISSUE_REF.sub("", unit.text)).strip()
            for unit in item.units
            if unit.section == Section.AGENDA and unit.kind == BlockKind.BULLET
        ]
        if not titles:
            continue
        body, date, place = _read_heading(state, item.title, meeting)
        return NextMeetingAgenda(body, date, place, tuple(t for t in titles if t), item.source)
    return None


def _read_heading(
    state: State, title: str, meeting: dt.date | None
) -> tuple[str | None, dt.date | None, str | None]:
    """'Ärenden till SSK den 7/2 i Nykvarn' -> ('SSK', 2019-02-07, 'Nykvarn')."""
    text = title
    prefix = state.vocab["agenda.headings"].prefix(text)
    if prefix:
        text = text[len(prefix) :]
    else:
        words = text.split()
        text = " ".join(
            words[2:] if len(words) > 2 and words[1].endswith(("'s", "s")) else words[1:]
        )
    date = None
    if meeting is not None:
        for span in default_grammar().find_dates(text, meeting, forward=True):
            date = span.start
            text = text[: span.begin] + " " + text[span.stop :]
            break
    place_match = state.vocab.regex(PLACE_AT_END).search(text)
    place = place_match.group("place") if place_match else None
    if place_match:
        text = text[: place_match.start()]
    body = state.vocab["words.date_glue"].remove(text).strip(" ,-–:")
    return body or None, date, place


_NOT_REFERRALS = (Section.AGENDA, Section.DECISION, Section.PROPOSAL, Section.HISTORY)


def referrals(state: State, items: list[ItemDraft], meeting: dt.date | None) -> list[Referral]:
    found: list[Referral] = []
    labels = state.vocab["referrals.headings"]
    for item in items:
        for unit in item.units:
            if unit.kind == BlockKind.ROW or unit.section in _NOT_REFERRALS:
                continue
            text = unit.text
            label = labels.prefix(text)
            if label and text[len(label) :].lstrip().startswith(":"):
                text = text[len(label) :].lstrip(" :")
            elif item.base_section != Section.REFERRALS:
                continue
            for part in split_outside_parentheses(text, ";"):
                referral = _referral(state, part, unit.source, meeting)
                if referral:
                    found.append(referral)
    return found


def _referral(state: State, text: str, source: Source, meeting: dt.date | None) -> Referral | None:
    if state.vocab["words.none"].prefix(text.strip()):
        return None  # "Inga remisser", "No consultations"
    sender_match = SENDER.search(text)
    if sender_match:
        title, sender = text[: sender_match.start()], sender_match.group("sender")
    else:
        parts = state.vocab["words.from"].split(text)
        title = parts[0]
        sender = clean(CLAUSE_END.split(parts[1])[0]) if len(parts) > 1 else None
    deadline = None
    cue = state.vocab["referrals.deadline"].search(text)
    if cue and meeting is not None:
        for span in default_grammar().find_dates(text[cue.start() :], meeting, forward=True):
            deadline = span.start
            break
    title = clean(title).strip(" .,:")
    if (
        not title
        or len(title.split()) > 14
        or fold(title) in state.vocab["referrals.headings"].phrases
    ):
        return None
    return Referral(title, sender, deadline, source)
