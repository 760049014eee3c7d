"""Tabled and postponed items: "Frågan bordläggs till nästa möte med SSK den 7 februari",
"... pga. för få deltagare", "Not addressed today as ...", "Pending #1654"."""

from __future__ import annotations

import datetime as dt
import re

from kansli.minutes.blocks import BlockKind
from kansli.minutes.dates import default_grammar
from kansli.minutes.model import Tabling
from kansli.minutes.parser.extract.actions import SPEAKER
from kansli.minutes.parser.state import ItemDraft, Section, State
from kansli.minutes.parser.text import clean, strip_label

WORD = r"[A-ZÅÄÖ][\wÅÄÖåäö]*"
# "till nästa möte med styrelsen den 11 mars" -> "styrelsen"; "... med SSK" -> "SSK".
MEETING_OF = (
    r"(?<!\w){tabling.meeting_words}\s+{tabling.of}\s+"
    r"(?P<body>(?!{words.date_glue}\b)[\wÅÄÖåäö-]+(?:\s(?!{words.date_glue}\b)[\wÅÄÖåäö-]+){0,2}?)"
    r"(?=\s+(?:{words.date_glue}|{tabling.because}|\d)|[.,;]|$)"
)
# "... till SSK", "... to the Board": a capitalised name after a preposition.
BODY_AFTER = rf"(?<!\w){{tabling.of}}\s+(?P<body>{WORD}(?:[ -]{WORD})*)"


def tabling(state: State, item: ItemDraft, meeting: dt.date | None) -> Tabling | None:
    phrases = state.vocab["tabling.phrases"]
    for unit in item.units:
        if unit.kind == BlockKind.ROW or unit.section in (Section.HISTORY, Section.AGENDA):
            continue
        if not phrases.search(unit.text) and not state.vocab["tabling.openers"].search(unit.text):
            continue
        for sentence in state.vocab.sentences(unit.text):
            match = phrases.search(sentence) or _opener(state, sentence)
            if match is None:
                continue
            after = sentence[match.end() :]
            return Tabling(
                to_date=_target_date(after, meeting),
                to_body=_target_body(state, after),
                reason=_reason(state, sentence, after, item),
                source=unit.source,
            )
    return None


def _opener(state: State, sentence: str) -> re.Match[str] | None:
    """'Pending #1654.', 'Ryan: Taking this offline ...': words that table an item only when
    they open the sentence ("is pending with the county" tables nothing)."""
    said = SPEAKER.match(sentence)
    start = said.end() if said else 0
    pattern = state.vocab["tabling.openers"].pattern
    return pattern.match(sentence.lower(), start) if pattern else None


def _target_date(text: str, meeting: dt.date | None) -> dt.date | None:
    if meeting is None:
        return None
    for span in default_grammar().find_dates(text, meeting, forward=True):
        if not span.approximate and span.start > meeting:
            return span.start
    return None


def _target_body(state: State, after: str) -> str | None:
    """'till nästa möte med styrelsen den 11 mars' -> 'styrelsen'; '... med SSK' -> 'SSK'."""
    cut = state.vocab["tabling.because"].search(after)
    head = after[: cut.start()] if cut else after
    named = state.vocab.regex(MEETING_OF).search(head)
    if named:
        return named.group("body")
    match = state.vocab.regex(BODY_AFTER).search(head)
    if match is None:
        return None
    body = match.group("body")
    if default_grammar().find_dates(body, None) or state.vocab["words.date_glue"].prefix(body):
        return None
    return body


def _reason(state: State, sentence: str, after: str, item: ItemDraft) -> str | None:
    because = state.vocab["tabling.because"].search(after)
    if because:
        return strip_label(clean(after[because.end() :]).rstrip("."))
    # Otherwise the reason is what the item's notes said before the decision.
    for unit in item.units:
        if unit.section == Section.TEXT and unit.kind != BlockKind.ROW:
            first = state.vocab.sentences(unit.text)[0] if unit.text else ""
            first = state.vocab["words.therefore"].split(first)[0].strip()
            if first and first != sentence:
                return strip_label(clean(first).rstrip("."))
    return clean(sentence).rstrip(".") or None
