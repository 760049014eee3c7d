"""Inside an item: section labels ("Beslut", "Förslag till beslut", "Beslutsgång"), sub-headings,
and the content itself (paragraphs, bullets, tables) that later passes read."""

from __future__ import annotations

import re

from kansli.minutes.blocks import Block, BlockKind
from kansli.minutes.parser.state import ItemDraft, Section, State, Unit
from kansli.minutes.parser.text import clean, ends_sentence, fold, strip_label

LABEL = re.compile(r"^(?P<label>[^:]{1,60}):\s*(?P<rest>.*)$")


def section_of(state: State, label: str) -> Section | None:
    """The section a label opens, or None when it is not a section label."""
    vocab = state.vocab
    label = strip_label(label)
    if not label:
        return None
    if vocab["decisions.not_decisions"].is_(label):
        if vocab["decisions.proposal_headings"].is_(label):
            return Section.PROPOSAL
        return Section.HISTORY if vocab["decisions.history"].is_(label) else Section.TEXT
    if vocab["decisions.headings"].is_(label):
        return Section.DECISION
    if vocab["decisions.proposal_headings"].is_(label):
        return Section.PROPOSAL
    words = fold(label).split()
    if 1 < len(words) <= 5:
        folded = " ".join(words)
        if any(folded.endswith(f" {p}") for p in vocab["decisions.proposal_headings"].phrases):
            return Section.PROPOSAL  # "Förvaltningens förslag till beslut"
        if words[-1] in vocab["decisions.heading_suffixes"].phrases:
            return Section.DECISION  # "Välfärdsnämndens beslut"
        suffixes = vocab["decisions.proposal_suffixes"].phrases
        if vocab["decisions.proposal_headings"].is_(words[-1]) or words[-1].endswith(suffixes):
            return Section.PROPOSAL  # "Bildningsdirektörens förslag"
    if vocab["actions.headings"].is_(label):
        return Section.ACTIONS
    return None


def section_label(state: State, block: Block) -> int:
    """'Beslut', 'Beslut:', '=== Beslut', 'Beslut: Attsats bifalles', 'Att: Godkänna ...'."""
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING) or block.continued:
        return 0
    if state.items_paused or (state.item is None and state.items):
        return 0
    text = clean(block.text)
    labelled = _labelled(state, text)
    if labelled is None:
        return 0
    section, rest = labelled
    if state.item is None and section not in (Section.DECISION, Section.PROPOSAL, Section.ACTIONS):
        return 0  # "Anteckningar: ..." before any item says nothing of an item
    if state.item is None:
        # Notes without item headings so far: the label opens the meeting's implicit item.
        item = ItemDraft(number=None, title="", source=block.source, implicit=True)
        state.items.append(item)
    else:
        item = state.item
    if section == Section.DECISION:
        state.uses_decision_headings = True
    elif not rest and section in (Section.TEXT, Section.HISTORY):
        item.subheadings.append(strip_label(text))
        item.subheading = strip_label(text)
    item.section = section
    item.section_start = len(item.units)
    if rest:
        # "Beslut: Nämnden antar budgeten." labels only its own line; what follows is notes.
        if len(rest) > 2:  # "beslut:i" in a damaged text layer is no decision
            add_unit(state, block, rest, kind=BlockKind.PARAGRAPH)
            state.label_rest = not ends_sentence(rest)
        item.section = item.base_section
    return 1


def _labelled(state: State, text: str) -> tuple[Section, str] | None:
    """The section a label line opens, and the text after its colon ("Beslut: <rest>")."""
    if len(text) > 70 and ":" not in text[:60]:
        return None  # a sentence, not a label
    section = section_of(state, text)
    if section is not None:
        return section, ""
    match = LABEL.match(text)
    if match is None:
        return None
    label, rest = match.group("label"), match.group("rest").strip()
    section = section_of(state, label)
    if section is None and rest and fold(label) in state.vocab["decisions.att"].phrases:
        section = Section.PROPOSAL  # "Att: Godkänna ..."
    return (section, rest) if section is not None else None


def subheading_list(state: State, block: Block) -> int:
    """'Underrubriker: Organisation; Diskussion': an item's sub-headings listed under its
    heading, as Kansli's renderers write them where the model does not say where each stood."""
    item = state.item
    if item is None or block.kind != BlockKind.PARAGRAPH or block.continued:
        return 0
    match = LABEL.match(clean(block.text))
    if match is None or not state.vocab["items.subheading_lists"].is_(match.group("label")):
        return 0
    listed, consumed = match.group("rest"), 1
    for following in state.blocks[state.pos + 1 :]:
        if following.kind != BlockKind.PARAGRAPH or not following.continued:
            break
        listed = f"{listed} {clean(following.text)}"  # wrapped onto the next line
        consumed += 1
    item.subheadings.extend(part.strip() for part in listed.split("; ") if part.strip())
    return consumed


def subheading(state: State, block: Block) -> int:
    """A short title-like line inside an item ("Organisation", "Kraftförsörjning"), a deeper
    heading, or a bold line: remembered as a sub-heading; it ends a decision section."""
    item = state.item
    if item is None:
        return 0
    text = clean(block.text)
    if block.kind == BlockKind.HEADING:
        pass
    elif block.kind == BlockKind.PARAGRAPH and not block.continued:
        if not (block.emphasis or _looks_like_subheading(state, text)):
            return 0
        if item.section == Section.DECISION and len(item.units) == item.section_start:
            return (
                0  # "Kommunrevisionen noterar informationen" right under "Beslut" is the decision
            )
    else:
        return 0
    if not text:
        return 1
    item.subheadings.append(strip_label(text))
    item.subheading = strip_label(text)
    item.section = Section.TEXT if item.base_section == Section.AGENDA else item.base_section
    return 1


def _looks_like_subheading(state: State, text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 8 or len(text) > 70:
        return False
    if ends_sentence(text) or text.endswith(",") or not (text[0].isupper() or text[0].isdigit()):
        return False
    if not state.blank_before:
        return False
    following = state.next_content()
    if following is None or following.kind == BlockKind.ROW:
        return following is not None
    return not following.continued


def content(state: State, block: Block) -> int:
    """Everything else: a paragraph, bullet or table row of the current item (or the preamble)."""
    if block.kind == BlockKind.HEADING:
        return 0
    text = clean(block.text)
    if block.kind == BlockKind.ROW:
        add_row(state, block)
        return 1
    if not text:
        return 1
    target = _target(state)
    last = target[-1] if target else None
    if last is not None and _continues(state, block, last):
        glue = "" if last.text.endswith(("-", "\xad")) else " "
        last.text = clean(f"{last.text}{glue}{text}")
        last.source = last.source.span(block.source)
        return 1
    add_unit(state, block, text, kind=block.kind)
    return 1


def _continues(state: State, block: Block, last: Unit) -> bool:
    """Does this line continue the previous paragraph or bullet (a soft or hard wrap)?"""
    if state.after_label:
        return False
    item = state.item
    in_proposal = item is not None and item.section in (Section.PROPOSAL, Section.DECISION)
    if (
        in_proposal
        and state.vocab["decisions.att"].prefix(block.text.strip())
        and last.text.endswith(",")
    ):
        return False  # "att bygga ...," / "att ansöka ...": each att-sats stands alone
    text = block.text.strip()
    if last.kind not in (BlockKind.PARAGRAPH, BlockKind.BULLET):
        return False
    if state.blank_before:
        # A gap a conversion put inside a sentence: "Granskningsrapporten signeras" / "digitalt."
        return block.continued or (
            block.kind == BlockKind.PARAGRAPH
            and text[:1].islower()
            and not ends_sentence(last.text)
        )
    if block.continued:
        return True
    if block.kind != BlockKind.PARAGRAPH or state.whole_paragraphs:
        return False
    if in_proposal and state.vocab["decisions.att"].prefix(text):
        return False
    if text[:1].islower():
        return True
    # A hard-wrapped text file: the previous line is long and did not end its sentence.
    return len(last.text) >= 60 and not ends_sentence(last.text)


def _target(state: State) -> list[Unit]:
    item = state.item
    if item is None or state.items_paused:
        return state.preamble
    return item.units


def add_unit(state: State, block: Block, text: str, *, kind: BlockKind) -> None:
    item = state.item
    section = item.section if item is not None else Section.TEXT
    unit = Unit(
        section=section,
        kind=kind,
        text=text,
        source=block.source,
        level=block.level,
        subheading=item.subheading if item else None,
    )
    _target(state).append(unit)


def add_row(state: State, block: Block) -> None:
    target = _target(state)
    last = target[-1] if target else None
    cells = tuple(clean(c) for c in block.cells)
    if (
        last is not None
        and last.kind == BlockKind.ROW
        and last.level == block.table
        and not state.blank_before
    ) or (
        last is not None
        and last.kind == BlockKind.ROW
        and last.level == block.table
        and block.table
    ):
        last.rows.append(cells)
        last.source = last.source.span(block.source)
        return
    item = state.item
    unit = Unit(
        section=item.section if item is not None else Section.TEXT,
        kind=BlockKind.ROW,
        text=" | ".join(cells),
        source=block.source,
        level=block.table,
        rows=[cells],
        subheading=item.subheading if item else None,
    )
    target.append(unit)
