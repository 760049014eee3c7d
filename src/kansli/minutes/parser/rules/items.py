"""Item headings in every numbering style: "3. Titel", "§ 92", "39 §", "5.1", "§1 Titel",
a number alone on its line, Markdown/Org/reST headings, and top-level bullets under a container
heading ("Agenda", "openjs-foundation/cross-project-council")."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from kansli.minutes.blocks import Block, BlockKind
from kansli.minutes.parser.rules.sections import add_unit, section_of
from kansli.minutes.parser.state import ItemDraft, Section, State
from kansli.minutes.parser.text import FILE_NUMBER, clean, fold, is_upper_word_line, strip_label

PARAGRAPH_FIRST = re.compile(r"^(?:§§?|\ufffd)\s*(\d{1,4}[a-z]?)(?![\d.,:/-])\s*[.:]?\s*(.*)$")
PARAGRAPH_AFTER = re.compile(r"^(\d{1,4}[a-z]?)\s*§(?!§)\s*[.:]?\s*(.*)$")
DOTTED = re.compile(r"^(\d{1,3}(?:\.\d{1,2}){0,2})(?:\.|\))?\s+(\S.*)$")
BARE = re.compile(r"^(\d{1,3})\.?$")
ISSUE_REF = re.compile(r"\s*\(?\[?#\d+\]?\)?\s*$")
FIRST_CLAUSE_END = re.compile(r"(?<=[^\s.])\.\s+(?=[A-ZÅÄÖ])|\s+[-–]\s+|:\s+")
TRAILING_NOTE = re.compile(r"\s*\(([^()]*)\)\s*$")
NUMBER_CELL = re.compile(r"\d{1,3}[.)]?")
# "(Eric Holk Time: 5 Minutes)", "(15 min)": a presenter and time note, not part of the title.
DURATION = r"\d+\s*{items.duration_units}(?!\w)|(?<!\w){items.duration_labels}"
PATH_LIKE = re.compile(r"^[a-z0-9][\w.-]*/[\w./-]+$")


LEADING_FILE_NUMBER = re.compile(rf"^{FILE_NUMBER}(?:\s+|$)")


def split_item_number(text: str) -> tuple[str | None, str]:
    """'§ 92 Dnr X' -> ('92', 'Dnr X'); '3. Titel' -> ('3', 'Titel'); '39 §' -> ('39', '').
    A file number in front ("NKBY/458/06.01.02.02/2022 45 § ...") is not part of it."""
    text = LEADING_FILE_NUMBER.sub("", text.strip(), count=1)
    for pattern in (PARAGRAPH_FIRST, PARAGRAPH_AFTER):
        match = pattern.match(text)
        if match:
            return match.group(1), match.group(2).strip()
    match = DOTTED.match(text)
    if match:
        return match.group(1), match.group(2).strip()
    match = BARE.match(text)
    if match:
        return match.group(1), ""
    return None, text


def uses_paragraph_sign(text: str) -> bool:
    return bool(PARAGRAPH_FIRST.match(text.strip()) or PARAGRAPH_AFTER.match(text.strip()))


def clean_title(state: State, title: str) -> str:
    """Drop what is not the title: case numbers, issue links, attachment notes, dot leaders."""
    case = state.vocab["items.case_number"].search(title)
    if case and case.start() > 0:
        title = title[: case.start()]
    elif case:
        return ""
    title = ISSUE_REF.sub("", title)
    note = TRAILING_NOTE.search(title)
    if note and (
        state.vocab["items.attachment_notes"].search(note.group(1))
        or state.vocab.regex(DURATION).search(note.group(1))
    ):
        title = title[: note.start()]
    return strip_label(clean(title.rstrip(". ")) if title.endswith("..") else clean(title))


def _expected_next(state: State) -> set[str]:
    """Numbers that may follow the last numbered item: n+1, n.1, (n+1).1 ... (lettered points
    "A.", "B." under "7. NEW BUSINESS" do not count: "8." follows 7)."""
    numbered = [i.number for i in state.items if i.number and i.number[:1].isdigit()]
    last = numbered[-1] if numbered else (state.item.number if state.item else None)
    if last is None:
        return {"0", "1", "2"}
    parts = last.split(".")
    if not parts[0].isdigit():
        return set()
    major = int(parts[0])
    # One number may be skipped (a point struck from the agenda, a list that counts in twos).
    expected = {str(major + 1), str(major + 2), f"{major}.1", f"{major + 1}.1"}
    if len(parts) > 1 and parts[-1].isdigit():
        expected.add(".".join([*parts[:-1], str(int(parts[-1]) + 1)]))
    return expected


def _title_ok(title: str) -> bool:
    words = title.split()
    return (
        0 < len(words) <= 18
        and len(title) <= 160
        and (title[0].isupper() or title[0].isdigit() or title[0] in "\"'[(«“")
        and not title.rstrip().endswith((",", ";"))
    )


def open_item(state: State, number: str | None, title: str, block: Block) -> None:
    if state.item is not None and state.item.implicit:
        # A label ("Beslut:") opened an item for notes without headings; real items follow,
        # so what it holds was preamble after all.
        state.preamble.extend(state.items.pop().units)
    # The same point listed under "Agenda" and again under "Minutes": keep it once, where it
    # was discussed.
    for earlier in state.items:
        if not earlier.units and earlier.number == number and fold(earlier.title) == fold(title):
            state.items.remove(earlier)
            break
    draft = ItemDraft(
        number=number,
        title=title,
        source=block.source,
        container=state.container,
    )
    draft.base_section = section_for_title(state, title)
    draft.section = draft.base_section
    draft.title_open = not title
    state.items.append(draft)
    state.group = None
    state.pending_label = None


def section_for_title(state: State, title: str) -> Section:
    """An item whose title says what it holds ("Ärenden till SSK ...", "Actionpoints ...")."""
    vocab = state.vocab
    if vocab["agenda.headings"].prefix(title) or _is_next_meeting_title(state, title):
        return Section.AGENDA
    if vocab["actions.headings"].prefix(title):
        return Section.ACTIONS
    if vocab["decisions.headings"].is_(title):
        return Section.DECISION  # "## Beslut" / "## Decisions" as a part of its own
    if vocab["referrals.headings"].is_(title):
        return Section.REFERRALS
    if vocab["events.headings"].prefix(title):
        return Section.EVENTS
    return Section.TEXT


def _is_next_meeting_title(state: State, title: str) -> bool:
    """'Nästa möte', 'Kommande sammanträde' (not "Kommande händelser")."""
    words = fold(title).split()
    meeting = state.vocab.union("words.meeting_suffixes", "title.meeting_words")
    return (
        bool(words)
        and words[0] in state.vocab["agenda.next_words"].phrases
        and len(words) <= 6
        and meeting.search(title) is not None
    )


def is_container(state: State, text: str) -> bool:
    return state.vocab["items.containers"].is_(text) or bool(PATH_LIKE.match(text.strip()))


def heading_item(state: State, block: Block) -> int:
    """A HEADING at the item level, a numbered heading, or a heading right under a container
    ("Beslutspunkter" / "### Gamejam") opens an item; a container opens none itself."""
    if block.kind != BlockKind.HEADING:
        return 0
    text = block.text.strip()
    number, rest = split_item_number(text)
    if number and rest[:1].islower():
        return 0  # "25 september 2019": a date, not item 25
    if state.container_level is not None and block.level <= state.container_level:
        state.container_level = state.container = None
    not_item = state.vocab["items.not_items"].is_(text)
    if is_container(state, text) or (number is None and _opens_group(state, block)):
        state.container_level, state.container = block.level, fold(text)
        state.bullet_items = not not_item
        state.group = None
        state.items_paused = not_item
        return 1
    if not_item:
        state.group = None
        state.items_paused = True
        return 1
    under_container = state.container_level is not None and block.level == state.container_level + 1
    if under_container and state.items_paused:
        return 1  # "** Ordförande" under "* Signaturer"
    level = state.item_level
    if (
        not under_container
        and (level is None or block.level > level)
        and (number is None or state.item is None or block.level > (level or 0))
    ):
        return 0
    state.items_paused = False
    state.bullet_items = state.lead_bullets = False
    open_item(state, number, clean_title(state, rest if number else text), block)
    return 1


LETTERED = re.compile(r"^(?P<letter>[A-Z])[.)]\s+(?P<title>[A-ZÅÄÖ0-9]\S*\s+\S.*)$")


def letter_item(state: State, block: Block) -> int:
    """'A. Award of Contract – ...', 'B. Residential Parking ...': lettered points under a
    heading ("NEW BUSINESS") are items of their own, when the letters follow one another."""
    if block.continued or not state.blank_before or not state.items:
        return 0
    match = LETTERED.match(clean(block.text))
    if match is None or len(match.group("title")) > 160:
        return 0
    letter = match.group("letter")
    if letter == "A":
        following = any(
            LETTERED.match(b.text.strip()) and b.text.lstrip()[:1] == "B"
            for b in state.blocks[state.pos + 1 :]
        )
        if not following:
            return 0
    elif state.item is None or state.item.number != chr(ord(letter) - 1):
        return 0
    open_item(state, letter, clean_title(state, match.group("title")), block)
    return 1


def capitals_item(state: State, block: Block) -> int:
    """'CALL TO ORDER', 'APPROVAL OF MINUTES': in a plain text whose items are headings in
    capitals (at least three such lines, each alone after a gap), such a line opens an item."""
    if not state.capital_headings or block.kind != BlockKind.PARAGRAPH:
        return 0
    if state.items and not state.item_by_capitals:
        return 0  # numbered items: a line in capitals among them is a sub-heading
    if not (state.header.title_seen or state.people) or not is_capital_heading(state, block):
        return 0
    text = clean(block.text)
    if state.vocab["items.not_items"].is_(text) or is_container(state, text):
        state.items_paused = True
        return 1
    state.items_paused = False
    state.item_by_capitals = True
    open_item(state, None, clean_title(state, _capitalised(text)), block)
    return 1


def capital_headings(state: State) -> bool:
    """Does the text write its items as headings in capitals (three lines or more)?"""
    gap = True
    found = 0
    for block in state.blocks:
        if block.kind in (BlockKind.BLANK, BlockKind.PAGE):
            gap = True
            continue
        if gap and block.kind == BlockKind.PARAGRAPH and _capital_line(state, block.text):
            found += 1
        gap = False
    return found >= 3


def is_capital_heading(state: State, block: Block) -> bool:
    return state.blank_before and not block.continued and _capital_line(state, block.text)


def _capital_line(state: State, text: str) -> bool:
    text = clean(text)
    words = text.split()
    return (
        1 <= len(words) <= 10
        and text[:1].isalpha()  # "1. APOLOGIES" is a numbered item
        and is_upper_word_line(text)
        and not text.endswith((":", ".", ","))
        and section_of(state, text) is None
    )


def _capitalised(text: str) -> str:
    """'APPROVAL OF MINUTES' -> 'Approval of minutes' (capitals are layout, not spelling)."""
    return text[:1] + text[1:].lower()


def _opens_group(state: State, block: Block) -> bool:
    """An unnumbered heading followed at once by deeper headings ("Formalia" / "Styrelsens
    beslutbarhet", "Mötesfunktionärer" / "Val av mötesordförande") groups items; it is none."""
    following = state.next_content()
    return (
        following is not None
        and following.kind == BlockKind.HEADING
        and following.level > block.level
        and section_of(state, following.text) is None
        and not state.vocab["kinds.all"].search(block.text)
    )


def numbered_item(state: State, block: Block) -> int:
    """'3. Titel', '§ 92 Dnr ...', '39 §', '§1 Titel', or a number alone followed by its title."""
    first = (block.cells[0] if block.kind == BlockKind.ROW and block.cells else block.text)[:1]
    if block.kind == BlockKind.BULLET and block.marker[:1].isdigit():
        first = block.marker[:1]
    if not (
        first.isdigit()
        or first in "§\ufffd"
        or (first.isupper() and LEADING_FILE_NUMBER.match(block.text))
    ):
        return 0
    text = _heading_text(block)
    if text is None:
        return 0
    number, rest = split_item_number(text)
    if number is None:
        return 0
    paragraph_sign = uses_paragraph_sign(text)
    if number in {i.number for i in state.items}:
        # "39 §" repeated at the foot of its own page, or a reference: not a new item.
        return 1 if paragraph_sign and not rest else 0
    if block.kind == BlockKind.BULLET and not paragraph_sign and not _heading_like(state, block):
        return 0  # a numbered list of points, not items (under a container: bullet_item)
    if not paragraph_sign and not _plausible_number(state, number, rest):
        return 0
    title = clean_title(state, rest)
    listed = state.contents.get(number) or state.contents.get(f"#{number}", "")
    open_item(state, number, title or listed, block)
    if not title:
        # The title follows on the next line(s); the contents list's title is a fallback.
        state.items[-1].title_open = True
    return 1


def _heading_text(block: Block) -> str | None:
    """The text a numbered heading may be in: a line, a top-level bullet, or a row whose first
    cell is "§ 92" ("§ 92 | Dnr KS-2024-00137", a heading laid out in columns)."""
    if block.kind == BlockKind.BULLET and block.level > 0:
        return None
    if block.continued and not uses_paragraph_sign(block.text):
        return None  # a wrapped line; "13 § Motion" under a file number is still a heading
    if block.kind == BlockKind.BULLET and block.marker[:1].isdigit():
        return f"{block.marker} {block.text.strip()}"  # Markdown keeps "1." in the marker
    if block.kind in (BlockKind.PARAGRAPH, BlockKind.BULLET):
        return block.text.strip()
    if block.kind != BlockKind.ROW:
        return None
    cells = [c.strip() for c in block.cells if c.strip()]
    if len(cells) >= 2 and NUMBER_CELL.fullmatch(cells[0]):
        # "8. | Förberedelse inför stämman Mötet ägnas åt ...": the number in its own column, the
        # title running on into the notes; the title ends where a new sentence starts.
        words = cells[1].split()
        cut = next((i for i, w in enumerate(words) if i >= 2 and w[:1].isupper()), len(words))
        return f"{cells[0].rstrip('.)')}. {' '.join(words[:cut])}"
    return " ".join(cells) if cells and uses_paragraph_sign(cells[0]) else None


def _heading_like(state: State, block: Block) -> bool:
    """'1. Incheckning' that Markdown calls a list item but that stands like a heading: not under a
    container, and followed by text rather than by the next point of a list."""
    if state.bullet_items or not block.marker[:1].isdigit():
        return False
    following = state.next_content()
    return (
        following is None
        or following.kind != BlockKind.BULLET
        or following.level > 0
        or not following.marker[:1].isdigit()  # "9. Ärenden till ..." over a "- " list
    )


def _plausible_number(state: State, number: str, rest: str) -> bool:
    """A plain number opens an item only in sequence and with a title-like text (or alone, with
    the title on the next line): "1. Incheckning" yes, "3. The board then voted ..." no."""
    if number not in _expected_next(state):
        return False
    if not rest:
        return _next_is_title(state)
    return _title_ok(rest) and not (rest.rstrip().endswith(".") and len(rest.split()) > 8)


def _next_is_title(state: State) -> bool:
    following = state.next_content()
    if following is None or following.kind not in (
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.ROW,
    ):
        return False
    text = _line_text(following)
    return _title_ok(text) and not text.endswith(".")


def _line_text(block: Block) -> str:
    """A line's text; a row's cells joined (a title a conversion split into columns)."""
    if block.kind == BlockKind.ROW:
        return clean(" ".join(block.cells))
    return block.text.strip()


def contents_item(state: State, block: Block) -> int:
    """A line that repeats a title of the table of contents opens that item (PDFs that print the
    item number in the margin, after the text). A heading wrapped over lines is matched whole."""
    return _open_contents_item(state, block, numbered=True)


def contents_heading(state: State, block: Block) -> int:
    """A line that repeats an unnumbered title of the contents, in a text without headings (a
    PDF): the contents list is what tells that item's heading from a line of text, or from a
    label ("Protokolljusterare", "Medverkande") that the line would otherwise be read as."""
    if state.item_level is not None or (state.item and state.item.title_open):
        return 0  # not as the title an item that gave only its number ("§ 1") waits for
    return _open_contents_item(state, block, numbered=False)


def _open_contents_item(state: State, block: Block, *, numbered: bool) -> int:
    if not state.contents or block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING):
        return 0
    if len(block.text.strip()) < 4:
        return 0
    wrapped = []
    for following in state.blocks[state.pos + 1 :]:
        if following.kind != BlockKind.PARAGRAPH or not following.continued:
            break
        wrapped.append(following.text)
    tries = [(fold(" ".join([block.text, *wrapped])), 1 + len(wrapped))] if wrapped else []
    for text, consumed in [*tries, (fold(block.text), 1)]:
        key = _contents_entry(state, text, numbered=numbered)
        if key is not None:
            # "#3": the third entry, which had no number of its own.
            open_item(state, key if numbered else None, state.contents[key], block)
            state.contents_opened.add(key)
            return consumed
    return 0


def _contents_entry(state: State, text: str, *, numbered: bool) -> str | None:
    """The entry of the contents whose title `text` repeats: a numbered one not yet open, or
    (`numbered=False`) the next unnumbered one — the contents' order is the text's, so a title
    mentioned in an earlier item's text opens nothing."""
    done = {i.number for i in state.items} | state.contents_opened
    entries = list(state.contents.items())
    if not numbered:
        waiting = [e for e in entries if e[0].startswith("#") and e[0] not in done]
        entries = waiting[:1]
    for number, title in entries:
        if number in done or (numbered and number.startswith("#")):
            continue
        known = state.contents_matchers.get(number)
        if known is None:
            # The title is the second sequence: SequenceMatcher indexes it once, not per line.
            listed_title = fold(title)
            known = (SequenceMatcher(None, "", listed_title), len(listed_title))
            state.contents_matchers[number] = known
        matcher, listed = known
        # Lengths bound the ratio (2·shorter/total): most lines are ruled out without diffing.
        if 2 * min(len(text), listed) < 0.8 * (len(text) + listed):
            continue
        matcher.set_seq1(text)
        if matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8:
            return number
    return None


def bullet_item(state: State, block: Block) -> int:
    """Top-level bullets that are items: under a container heading, or a label with sub-bullets
    ("* Recap:" followed by indented bullets)."""
    if block.kind != BlockKind.BULLET or block.level != 0 or block.continued:
        return 0
    text = block.text.strip()
    following = state.next_content()
    nested = following is not None and following.kind == BlockKind.BULLET and following.level > 0
    label = text.endswith(":") and len(text.split()) <= 6
    if state.bullet_items and state.container_level is not None and not label:
        if state.group is not None:
            return 0
        number, rest = split_item_number(text) if block.marker[:1].isdigit() else (None, text)
        title = clean_title(state, rest)
        if not title:
            return 0
        open_item(
            state,
            block.marker.rstrip(".)") if block.marker[:1].isdigit() else number,
            title,
            block,
        )
        return 1
    if label and nested and state.group is None:
        open_item(state, None, clean_title(state, strip_label(text)), block)
        return 1
    if _lead_bullet(state, text, nested=nested):
        # Notes that open with a list of points before their headings ("* Genomgång av
        # arbetsrepot på GitHub. Det är helt valfritt ..."): each point is an item, titled by
        # its first clause.
        title, rest = _first_clause(text)
        open_item(state, None, clean_title(state, title), block)
        state.lead_bullets = True
        if rest:
            add_unit(state, block, rest, kind=BlockKind.PARAGRAPH)
        return 1
    return 0


def _lead_bullet(state: State, text: str, *, nested: bool) -> bool:
    return (
        (not state.items or state.lead_bullets)
        and state.group is None
        and not state.items_paused
        and state.item_level is not None
        and (nested or len(text.split()) >= 6)
    )


def _first_clause(text: str) -> tuple[str, str]:
    """'Genomgång av arbetsrepot på GitHub. Det är ...' -> title and the rest."""
    match = FIRST_CLAUSE_END.search(text)
    if match is None:
        return text.rstrip("."), ""
    return text[: match.start()].rstrip("."), text[match.end() :].strip()


def title_continuation(state: State, block: Block) -> int:
    """The title of an item whose heading gave only its number, or a title wrapped over lines."""
    item = state.item
    if item is None or block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.ROW):
        return 0
    if item.units or (block.kind == BlockKind.ROW and not item.title_open):
        return 0
    if item.section != item.base_section or item.subheadings:
        return 0  # after "Förslag" the lines are the proposal's, not the title's
    text = _line_text(block)
    if item.title_open:
        if state.vocab["items.case_number"].prefix(text):
            return 1
        if not _title_ok(text) and item.title:
            item.title_open = False
            return 0
        item.title = clean_title(state, text)
        item.title_open = False
        item.source = item.source.span(block.source)
        return 1
    # A wrapped title: the heading line did not end a sentence and this line starts lowercase,
    # or the contents list shows the title goes on ("... väsentlighetsanalys" + "2024 för ...").
    listed = state.contents.get(item.number or "") or state.contents.get(f"#{item.number}", "")
    longer = bool(listed) and fold(listed).startswith(fold(f"{item.title} {text}"))
    wrapped = text[:1].islower() and not (state.blank_before or state.marked_wraps)
    if longer or block.continued or wrapped:
        item.title = clean_title(state, f"{item.title} {text}")
        item.source = item.source.span(block.source)
        return 1
    return 0
