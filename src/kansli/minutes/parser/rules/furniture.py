"""Noise: page furniture, rules, page numbers, signature lines, tables of contents."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from kansli.minutes.blocks import Block, BlockKind
from kansli.minutes.parser.rules.items import split_item_number
from kansli.minutes.parser.rules.sections import section_of
from kansli.minutes.parser.state import State
from kansli.minutes.parser.text import FILE_NUMBER, clean, ends_sentence, fold
from kansli.minutes.parser.vocab import Vocabulary

# "1 (4)", "Sida 2 av 5", "Page 3 of 7", "2/5": a page number.
PAGE_NUMBER = (
    r"^(?:{header.page_words}\s*)?\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|(?:{header.page_of}|/)\s*\d{1,3})$"
)
# The same inside a running header ("KUNGSBACKA KOMMUN  SAMMANTRÄDESPROTOKOLL  2 (5)").
PAGE_NUMBER_IN_LINE = (
    r"(?:(?<!\w){header.page_words}\s*)?\b\d{1,3}\s*"
    r"(?:\(\s*\d{1,3}\s*\)|(?:{header.page_of}|/)\s*\d{1,3})|(?:\s|^)\d{1,3}$"
)
BREADCRUMB = re.compile(r"\s+[/>›»]\s+")
FILE_NUMBER_LINE = re.compile(rf"^{FILE_NUMBER}$")
PAGE_CELL = re.compile(r"\d{1,3}")
ONLY_RULE = re.compile(r"^[\s_\-–—=.*·•|~]*$")
TOC_DOTS = re.compile(
    r"^(?P<text>.*?\S)\s*(?:\.\s?){4,}\s*(?P<page>\d{1,3})$|^(?P<text2>.*?\S)\s*…+\s*(?P<page2>\d{1,3})$"
)
TOC_SPACES = re.compile(r"^(?P<text>.*\S)\s+(?P<page>\d{1,3})$")


def repeated_page_lines(blocks: Sequence[Block], vocab: Vocabulary) -> set[int]:
    """Indices of blocks that repeat a running header/footer line of an earlier page.

    Readers mark running headers of PDF and DOCX themselves; text converted from PDF
    ("<!-- sida 2 -->") still carries them, so the parser finds them too: a line at the same
    place among the first or last lines of at least half the pages is furniture from its second
    appearance on.
    """
    pages: dict[int, list[int]] = defaultdict(list)
    for index, block in enumerate(blocks):
        if block.kind in (BlockKind.BLANK, BlockKind.PAGE) or block.source.page is None:
            continue
        pages[block.source.page].append(index)
    if len(pages) < 2:
        return set()
    page_number = vocab.regex(PAGE_NUMBER_IN_LINE)
    seen_on: dict[tuple[int, str], set[int]] = defaultdict(set)
    places: list[tuple[int, tuple[int, str]]] = []
    for page, indices in pages.items():
        edges = [(place, i) for place, i in enumerate(indices[:6])]
        edges += [(-1 - place, i) for place, i in enumerate(reversed(indices[-3:]))]
        for place, index in edges:
            text = fold(blocks[index].text)
            if place >= 0 and text.isdigit():
                continue  # a number alone near the top is an item number ("5"), not a page's
            key = (place, page_number.sub("#", text))
            if key[1]:
                seen_on[key].add(page)
                places.append((index, key))
    needed = max(2, (len(pages) + 1) // 2)
    repeated = {key for key, on in seen_on.items() if len(on) >= needed}
    first_page: dict[tuple[int, str], int] = {}
    result: set[int] = set()
    for index, key in sorted(places):
        if key not in repeated:
            continue
        page = blocks[index].source.page or 0
        if first_page.setdefault(key, page) != page:
            result.add(index)
    return result


def restart_lines(state: State, skip: set[int]) -> tuple[Block, ...]:
    """The blocks, with a line no longer marked as going on with the line above when that line
    ended its sentence and this one stands at the top of a page, or is a label ("Beslut") or a
    numbered heading ("3. Ekonomi") by itself: a new paragraph, heading or label whose line
    above happened to fill the width (a reader of the layout sees a wrap)."""
    result = list(state.blocks)
    last: Block | None = None
    paged = False
    for index, block in enumerate(state.blocks):
        if block.kind == BlockKind.PAGE:
            paged = True
            continue
        if block.kind == BlockKind.BLANK or block.furniture or index in skip:
            continue
        if (
            block.continued
            and last is not None
            and last.kind != BlockKind.ROW
            and ends_sentence(last.text)
            and (paged or _opens_anew(state, block.text))
        ):
            result[index] = replace(block, continued=False)
        last, paged = block, False
    return tuple(result)


def _opens_anew(state: State, text: str) -> bool:
    text = clean(text)
    if len(text.split()) <= 2 and section_of(state, text) is not None:
        return True  # "Beslut", "Action items"
    number, title = split_item_number(text)
    return number is not None and title[:1].isupper()


def is_noise(state: State, block: Block) -> bool:
    if block.furniture:
        return True
    text = block.text.strip()
    if not state.items and len(BREADCRUMB.split(text)) >= 3 and not text.endswith("."):
        return True  # "Brandsjö kommun / Kommun och politik / Protokoll": a web page's path
    if len(text) > 40 and block.kind != BlockKind.ROW:
        return False  # page numbers, file numbers and stamps are short
    page_number = state.vocab.regex(PAGE_NUMBER)
    if ONLY_RULE.match(text) or page_number.match(text):
        return True
    if FILE_NUMBER_LINE.match(text):
        return True  # a file number alone ("NKBY/497/12.03.01/2022", "KS-2024/123")
    if block.kind == BlockKind.ROW and all(
        not cell.strip() or page_number.match(cell.strip()) for cell in block.cells
    ):
        return True
    return state.vocab["header.ignore"].is_(text)


def skip_noise(state: State, block: Block) -> int:
    return 1 if is_noise(state, block) else 0


def toc_entry(text: str, *, loose: bool) -> tuple[str, str] | None:
    """'Information om Kungsbacka Live ........ 3' -> ('Information om Kungsbacka Live', '3')."""
    match = TOC_DOTS.match(text)
    if match:
        return clean(match.group("text") or match.group("text2")), match.group(
            "page"
        ) or match.group("page2")
    if loose:
        match = TOC_SPACES.match(text)
        if match:
            return clean(match.group("text")), match.group("page")
    return None


def contents_list(state: State, block: Block) -> int:
    """A table of contents: remember the titles by item number, emit nothing.

    Starts at a contents heading ("Innehåll") or at a first dot-leader entry; ends after the last
    entry that follows the previous one within three lines.
    """
    if state.items:
        return 0
    text = block.text.strip()
    if block.kind == BlockKind.ROW:
        text = " ".join(c.strip() for c in block.cells if c.strip())
    headed = state.vocab["header.contents"].is_(text)
    if not headed and not toc_entry(text, loose=False) and not _row_entries(state):
        return 0
    index = state.pos + (1 if headed else 0)
    last_entry = state.pos
    pending: list[str] = []
    pending_number: str | None = None
    gap = 0
    while index < len(state.blocks) and gap <= 3:
        candidate = state.blocks[index]
        index += 1
        if candidate.kind in (BlockKind.BLANK, BlockKind.PAGE) or candidate.furniture:
            continue
        line = candidate.text.strip()
        if candidate.kind == BlockKind.ROW:
            # "Information om Kungsbacka Live | 3": the page number in its own column.
            line = " ".join(c.strip() for c in candidate.cells if c.strip())
        entry = toc_entry(line, loose=headed or candidate.kind == BlockKind.ROW)
        if entry is None:
            number, rest = split_item_number(line)
            if number and not rest.strip():
                pending_number = number
            elif number and headed:
                pending_number, pending = number, [_strip_case_number(state, rest)]
            else:
                pending.append(line)
            gap += 1
            continue
        title = clean(" ".join([*pending, entry[0]]))
        number, rest = split_item_number(title)
        if number is None:
            number = pending_number
            rest = title
        state.contents[number or f"#{len(state.contents) + 1}"] = clean(rest) or title
        pending, pending_number, gap = [], None, 0
        last_entry = index - 1
    return last_entry - state.pos + 1


def _row_entries(state: State) -> bool:
    """Two rows in a row whose last cell is a page number: a contents list laid out as a table."""
    rows = 0
    for block in state.blocks[state.pos :]:
        if block.kind in (BlockKind.BLANK, BlockKind.PAGE) or block.furniture:
            continue
        cells = [c.strip() for c in block.cells if c.strip()]
        if block.kind != BlockKind.ROW or len(cells) < 2 or not PAGE_CELL.fullmatch(cells[-1]):
            break
        rows += 1
        if rows >= 2:
            return True
    return False


def _strip_case_number(state: State, text: str) -> str:
    match = state.vocab["items.case_number"].search(text)
    return text[: match.start()].strip() if match else text
