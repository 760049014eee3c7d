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
    r"\s{agenda.place_prefix}\s+(?P<place>[A-ZÅÄÖ][\wÅÄÖåäö-]*(?:\s[\wÅÄÖåäö-]+){0,3})\s*$"
)
NOTE = re.compile(r"\s*\([^()]*\)")
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
        if date is None:
            # "7. Nästa möte" / "Torsdag 13 november kl. 9–12 i Vikby kommunhus": the line
            # under the heading says when and where.
            sentences = [
                sentence
                for unit in item.units
                if unit.kind == BlockKind.PARAGRAPH
                for sentence in state.vocab.sentences(unit.text)
            ]
            for sentence in sentences:
                _, date, found_place = _read_heading(state, f"- {sentence}", meeting)
                if date is not None:
                    place = place or found_place
                    break
        if body and state.vocab.union("words.meeting_suffixes", "title.meeting_words").is_(body):
            body = None  # "Nästa möte": no body named; it is the same body's next meeting
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
    place_match = state.vocab.regex(PLACE_AT_END).search(NOTE.sub("", text).rstrip(" ."))
    place = place_match.group("place") if place_match else None
    if place_match:
        text = text[: place_match.start()]
    body = state.vocab["words.date_glue"].remove(text).strip(" ,-–:")
    return body or None, date, place


_NOT_REFERRALS = (Section.AGENDA, Section.DECISION, Section.PROPOSAL, Section.HISTORY)


def referrals(state: State, items: list[ItemDraft], meeting: dt.date | None) -> list[Referral]:
    found: list[Referral] = []
    for item in items:
        handled = _referral_item(state, item, meeting)
        if handled is not None:
            found.append(handled)
            continue
        for unit in item.units:
            if unit.kind == BlockKind.ROW or unit.section in _NOT_REFERRALS:
                continue
            if item.base_section == Section.REFERRALS:
                parts = split_outside_parentheses(_labelled(state, unit.text) or unit.text, ";")
            else:
                parts = [
                    labelled
                    for s in state.vocab.sentences(unit.text)
                    if (labelled := _labelled(state, s))
                ]
            for part in parts:
                referral = _referral(state, part, unit.source, meeting)
                if referral:
                    found.append(referral)
    return found


def _referral_item(state: State, item: ItemDraft, meeting: dt.date | None) -> Referral | None:
    """'§ 111 Yttrande över remiss – Regional vattenförsörjningsplan': an item that handles a
    referral; the sender is who "har skickat ... på remiss", the deadline the "senast" date."""
    prefix = state.vocab["referrals.item_prefixes"].prefix(item.title)
    title = item.title[len(prefix) :].strip(" –-:") if prefix else ""
    if not title:
        return None
    text = " ".join(u.text for u in item.units if u.kind != BlockKind.ROW)
    sender = None
    for sentence in state.vocab.sentences(text):
        sent = state.vocab["referrals.sent"].search(sentence)
        if sent and 0 < len(sentence[: sent.start()].split()) <= 8:
            sender = clean(sentence[: sent.start()])
            break
    deadline = None
    cue = state.vocab["referrals.deadline"].search(text)
    if cue and meeting is not None:
        spans = default_grammar().find_dates(text[cue.start() :], meeting, forward=True)
        deadline = spans[0].start if spans else None
    return Referral(clean(title), sender, deadline, item.source)


def _labelled(state: State, sentence: str) -> str | None:
    """'Remiss: Regional handlingsplan ..., svar senast 31 oktober.': the text after the label."""
    label = state.vocab["referrals.headings"].prefix(sentence)
    if label and sentence[len(label) :].lstrip().startswith(":"):
        return sentence[len(label) :].lstrip(" :")
    return None


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
    if cue and sender is None:
        # "Regional handlingsplan 2026–2028, Region Sjöbygden, svar senast 31 oktober": the
        # sender is the short capitalised part before the deadline.
        parts = [p.strip() for p in title[: cue.start()].split(",") if p.strip()]
        if len(parts) >= 2 and parts[-1][:1].isupper() and len(parts[-1].split()) <= 4:
            title, sender = ", ".join(parts[:-1]), parts[-1]
        elif len(parts) == 1:
            title = parts[0]
    title = clean(title).strip(" .,:")
    if (
        not title
        or len(title.split()) > 14
        or fold(title) in state.vocab["referrals.headings"].phrases
    ):
        return None
    return Referral(title, sender, deadline, source)
