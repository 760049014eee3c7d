"""Decisions: the units under a decision label, att-satser approved by "bifalles", and — in
items without a labelled decision — sentences with decision wording ("Mötet väljer ...",
"It was agreed that ...", "RESOLVED"), with "Carried." making the motion above the decision."""

from __future__ import annotations

import re

from kansli.minutes.blocks import BlockKind
from kansli.minutes.model import Decision, Source
from kansli.minutes.parser.state import ItemDraft, Section, State, Unit
from kansli.minutes.parser.text import clean, fold, split_outside_parentheses

# "attsats 2 bifalles": the numbered part of the proposal an approval picks.
NUMBERED_APPROVAL = r"(?<!\w){decisions.numbered_parts}\s*(\d+)\b"


OUTCOME_HEAD = re.compile(r"[,(;]")


def decisions(state: State, item: ItemDraft) -> list[Decision]:
    found: list[Decision] = []
    proposals: list[Unit] = []
    last_subheading: str | None = None
    for unit in item.units:
        if unit.kind == BlockKind.ROW:
            continue
        if unit.section == Section.PROPOSAL:
            if proposals and _adopts(state, unit.text):
                # "Valberedningens förslag:" ... "Årsmötet beslutade enligt valberedningens
                # förslag.": the sentence under the proposal adopts it.
                found.append(_adopted(unit, proposals))
                proposals = []
                continue
            proposals.append(unit)
            continue
        if unit.section == Section.DECISION:
            if found and found[-1].text.endswith(":") and unit.subheading == last_subheading:
                # "Kommunrevisionen beslutar att ge:" and the list that follows: one decision.
                found[-1] = Decision(f"{found[-1].text} {unit.text}", found[-1].source)
                continue
            found.extend(_resolve_approval(state, unit.text, unit.source, proposals))
            last_subheading = unit.subheading
            proposals = []
    # An item without a labelled decision may still say what was decided ("Anteckningarna
    # godkändes", "Gruppen enades om att ..."), even where other items label theirs.
    return found or _worded_decisions(state, item)


def _worded_decisions(state: State, item: ItemDraft) -> list[Decision]:
    """Decisions in notes that do not label them: sentences with decision wording ("RESOLVED
    that ...", "Mötet beslutar att ..."); "Carried." after a motion makes the motion the
    decision, unless a resolution was written out since ("MOTION:" / "RESOLVED ..." /
    "Carried"), and a failed motion decides nothing."""
    found: list[Decision] = []
    proposals: list[Unit] = []
    for unit in item.units:
        if unit.kind == BlockKind.ROW:
            continue
        if unit.section == Section.PROPOSAL:
            proposals.append(unit)
            continue
        if unit.section not in (Section.TEXT, Section.ACTIONS):
            continue
        if state.vocab["decisions.rejections"].search(unit.text):
            proposals = []  # "Motion failed (2 in favor, 4 opposed)"
            continue
        outcome = _outcome(state, unit.text) if proposals else None
        if outcome is not None:
            found.extend(_resolve_approval(state, outcome, unit.source, proposals))
            proposals = []
            continue
        moved = _carried_motion(state, unit.text)
        if moved is not None:
            found.append(Decision(moved, unit.source))
            proposals = []
            continue
        text = _decision_part(state, unit.text)
        if text is not None:
            found.append(Decision(text, unit.source))
            proposals = []
    return found


def _adopts(state: State, text: str) -> bool:
    """'Årsmötet beslutade enligt valberedningens förslag.': a short sentence deciding as
    proposed."""
    words = state.vocab
    return (
        len(text.split()) <= 8
        and words["decisions.approvals"].search(text) is not None
        and words["decisions.phrases"].search(text) is not None
    )


def _adopted(unit: Unit, proposals: list[Unit]) -> Decision:
    listed = " ".join(p.text for p in proposals)
    source = unit.source
    for proposal in proposals:
        source = source.span(proposal.source)
    return Decision(f"{unit.text.strip().rstrip('.')}: {listed}", source)


def _carried_motion(state: State, text: str) -> str | None:
    """'Motion by Vice Chair Reyes, seconded by Councilmember Liu, to approve the minutes as
    presented. Motion carried 4-0.' -> 'to approve the minutes as presented': what a motion
    carried in the same paragraph moved (who moved and seconded it is no part of it)."""
    sentences = state.vocab.sentences(text)
    motions = state.vocab["decisions.motions"]
    for index, sentence in enumerate(sentences):
        if not motions.prefix(sentence.strip()):
            continue
        after = " ".join(sentences[index + 1 :])
        if not _outcome(state, after) or state.vocab["decisions.rejections"].search(after):
            return None
        parts = split_outside_parentheses(sentence, ",")
        seconded = state.vocab["decisions.seconded"]
        content = [
            p for p in parts if not (motions.prefix(p.strip()) or seconded.prefix(p.strip()))
        ]
        moved = clean(", ".join(content)).rstrip(".")
        return moved or None
    return None


def _outcome(state: State, text: str) -> str | None:
    """'Carried unanimously.', 'Moved: L. Ortega. Seconded: H. Boone. Carried.': a vote's
    outcome alone, without the motion it carries."""
    for sentence in state.vocab.sentences(text):
        head = OUTCOME_HEAD.split(clean(sentence))[0]  # "Motion carried 4-0 (Bell opposed)"
        if state.vocab["decisions.approvals"].prefix(head) and len(head.split()) <= 3:
            return clean(sentence)
    return None


def _resolve_approval(
    state: State, text: str, source: Source, proposals: list[Unit]
) -> list[Decision]:
    """'bifalles' / 'Attsats bifalles' / 'attsats 2 bifalles' / 'Enligt förslag.' refer to the
    proposal above; the decision is what was proposed."""
    text = text.strip()
    approvals = state.vocab["decisions.approvals"]
    match = approvals.search(text)
    if match is None or not proposals or len(fold(text).split()) > 6:
        return [Decision(text, source)]
    numbered = state.vocab.regex(NUMBERED_APPROVAL).search(text)
    if numbered and int(numbered.group(1)) <= len(proposals):
        chosen = [proposals[int(numbered.group(1)) - 1]]
    else:
        chosen = proposals
    according = state.vocab["decisions.according"].prefix(text)
    prefix = clean(text.rstrip(".")) if according else ""
    return [
        Decision(f"{prefix}: {p.text}" if prefix else p.text, source.span(p.source)) for p in chosen
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
