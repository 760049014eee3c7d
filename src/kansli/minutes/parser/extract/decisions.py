"""Decisions: the units under a decision label, att-satser approved by "bifalles", and — in
documents that never label decisions — sentences with decision wording ("Mötet väljer ...",
"It was agreed that ...", "RESOLVED")."""

from __future__ import annotations

from kansli.minutes.blocks import BlockKind
from kansli.minutes.model import Decision
from kansli.minutes.parser.state import ItemDraft, Section, State, Unit
from kansli.minutes.parser.text import clean, fold

# "attsats 2 bifalles": the numbered part of the proposal an approval picks.
NUMBERED_APPROVAL = r"(?<!\w){decisions.numbered_parts}\s*(\d+)\b"


def decisions(state: State, item: ItemDraft) -> list[Decision]:
    found: list[Decision] = []
    proposals: list[Unit] = []
    last_subheading: str | None = None
    for unit in item.units:
        if unit.kind == BlockKind.ROW:
            continue
        if unit.section == Section.PROPOSAL:
            proposals.append(unit)
            continue
        if unit.section == Section.DECISION:
            if found and found[-1].text.endswith(":") and unit.subheading == last_subheading:
                # "Kommunrevisionen beslutar att ge:" and the list that follows: one decision.
                found[-1] = Decision(f"{found[-1].text} {unit.text}", found[-1].source)
                continue
            found.extend(_resolve_approval(state, unit, proposals))
            last_subheading = unit.subheading
            proposals = []
    if found or (state.uses_decision_headings and not item.paragraph_sign):
        return found  # notes that label decisions: unlabelled text is discussion
    for unit in item.units:
        if unit.section in (Section.TEXT, Section.ACTIONS) and unit.kind != BlockKind.ROW:
            text = _decision_part(state, unit.text)
            if text:
                found.append(Decision(text, unit.source))
    return found


def _resolve_approval(state: State, unit: Unit, proposals: list[Unit]) -> list[Decision]:
    """'bifalles' / 'Attsats bifalles' / 'attsats 2 bifalles' / 'Enligt förslag.' refer to the
    proposal above; the decision is what was proposed."""
    text = unit.text.strip()
    approvals = state.vocab["decisions.approvals"]
    match = approvals.search(text)
    if match is None or not proposals or len(fold(text).split()) > 6:
        return [Decision(text, unit.source)]
    numbered = state.vocab.regex(NUMBERED_APPROVAL).search(text)
    if numbered and int(numbered.group(1)) <= len(proposals):
        chosen = [proposals[int(numbered.group(1)) - 1]]
    else:
        chosen = proposals
    according = state.vocab["decisions.according"].prefix(text)
    prefix = clean(text.rstrip(".")) if according else ""
    return [
        Decision(f"{prefix}: {p.text}" if prefix else p.text, unit.source.span(p.source))
        for p in chosen
    ]


def _decision_part(state: State, text: str) -> str | None:
    """The decision in a unit: from the sentence with decision wording to the unit's end."""
    parts = state.vocab.sentences(text)
    phrases = state.vocab["decisions.phrases"]
    starts = state.vocab["decisions.sentence_starts"]
    for index, sentence in enumerate(parts):
        worded = phrases.search(sentence) or starts.prefix(sentence)
        if worded and not sentence.rstrip().endswith("?"):
            return clean(" ".join(parts[index:]))
    return None
