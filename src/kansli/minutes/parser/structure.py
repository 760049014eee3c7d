"""The structural pass: an ordered table of small named rules run over the block stream.

Each rule looks at the current block (and may peek ahead), and returns how many blocks it
consumed — 0 when it does not apply, so the next rule gets its turn. The first rule that applies
wins; `content` at the end takes the paragraphs, bullets and rows that are left (a heading
no rule takes is passed over). Order is behaviour: read it top to bottom.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from kansli.minutes.blocks import Block, BlockKind
from kansli.minutes.parser.rules import attendance, furniture, header, items, prose, sections, title
from kansli.minutes.parser.rules.sections import section_of
from kansli.minutes.parser.state import State

Rule = Callable[[State, Block], int]

# The rules in order, each with the block kinds it can apply to (P paragraph, H heading,
# B bullet, R table row).
RULES: tuple[tuple[str, Rule, str], ...] = (
    ("noise", furniture.skip_noise, "PHBR"),
    ("meeting_times", prose.meeting_times, "PHB"),
    ("contents", furniture.contents_list, "PHR"),
    ("column_values", header.column_values, "PR"),
    ("pending_value", header.pending_value, "PHBR"),
    ("title", title.title, "PHR"),
    ("body_line", title.body_line, "PHR"),
    ("capitals_item", items.capitals_item, "P"),
    ("letterhead", header.letterhead, "PH"),
    ("label_tail", header.label_tail, "P"),
    ("contents_heading", items.contents_heading, "PH"),
    ("labels", header.labels, "PHBR"),
    ("attendance_heading", attendance.heading, "PHR"),
    ("heading_item", items.heading_item, "H"),
    ("numbered_item", items.numbered_item, "PBR"),
    ("letter_item", items.letter_item, "PH"),
    ("contents_item", items.contents_item, "PH"),
    ("bullet_item", items.bullet_item, "B"),
    ("attendance_line", attendance.line, "PHBR"),
    ("presence_row", attendance.presence_row, "R"),
    ("title_continuation", items.title_continuation, "PHR"),
    ("date_line", header.date_line, "PHR"),
    ("number_line", title.number_line, "PH"),
    ("signature", header.signature, "P"),
    ("subheading_list", sections.subheading_list, "P"),
    ("section_label", sections.section_label, "PH"),
    ("subheading", sections.subheading, "PH"),
    ("content", sections.content, "PBR"),
)
# Rules that only apply before the first item: once an item is open they are not asked.
HEADER_ONLY = frozenset(
    {
        "contents",
        "title",
        "body_line",
        "letterhead",
        "label_tail",
        "date_line",
        "number_line",
        "presence_row",
    }
)
_KIND_LETTERS = {
    BlockKind.PARAGRAPH: "P",
    BlockKind.HEADING: "H",
    BlockKind.BULLET: "B",
    BlockKind.ROW: "R",
}
# The rule table for each block kind, before and after the first item: a block is offered only
# to the rules that can take it.
TABLES: dict[tuple[bool, BlockKind], tuple[tuple[str, Rule], ...]] = {
    (in_items, kind): tuple(
        (name, rule)
        for name, rule, kinds in RULES
        if letter in kinds and not (in_items and name in HEADER_ONLY)
    )
    for in_items in (False, True)
    for kind, letter in _KIND_LETTERS.items()
}


Trace = Callable[[Block, str], None]


# Rules whose block is a heading or label: the line after it never continues the line before.
LABEL_RULES = frozenset(
    {
        "title",
        "labels",
        "attendance_heading",
        "heading_item",
        "capitals_item",
        "numbered_item",
        "letter_item",
        "contents_item",
        "contents_heading",
        "bullet_item",
        "title_continuation",
        "subheading_list",
        "section_label",
        "subheading",
    }
)


def run(state: State, trace: Trace | None = None) -> None:
    """Run the rules over all blocks; `trace` (for debugging) hears which rule took each block."""
    skip = furniture.repeated_page_lines(state.blocks, state.vocab)
    state.blocks = furniture.restart_lines(state, skip)
    state.item_level = item_level(state)
    state.capital_headings = items.capital_headings(state)
    while state.pos < len(state.blocks):
        block = state.blocks[state.pos]
        if block.kind in (BlockKind.BLANK, BlockKind.PAGE):
            state.blank_before = True
            state.pos += 1
            continue
        if state.pos in skip:
            state.pos += 1
            continue
        consumed = 0
        name = ""
        in_items = bool(state.items) and not state.items[-1].implicit
        for name, rule in TABLES[in_items, block.kind]:
            consumed = rule(state, block)
            if consumed:
                if trace is not None:
                    trace(block, name)
                break
        state.pos += max(consumed, 1)
        state.blank_before = False
        state.after_label = consumed > 0 and name in LABEL_RULES and not state.label_rest
        state.label_rest = False


def item_level(state: State) -> int | None:
    """The heading level that items are written at: the shallowest level with at least two
    headings that are not the title, a container, attendance or a section label."""
    vocab = state.vocab
    levels: Counter[int] = Counter()
    first = True
    for block in state.blocks:
        if block.kind != BlockKind.HEADING:
            continue
        text = block.text.strip()
        is_title = first and (block.level <= 1 or vocab["kinds.all"].search(text))
        first = False
        if (
            is_title
            or items.is_container(state, text)
            or vocab["items.not_items"].is_(text)
            or attendance.group_of(state, text) is not None
            or section_of(state, text) is not None
            or header.label_of(state, text) is not None
        ):
            continue
        levels[block.level] += 1
    if not levels:
        return None
    for level in sorted(levels):
        if levels[level] >= 2:
            return level
    return min(levels)
