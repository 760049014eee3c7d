"""The header: title (kind, body, number), sender, date, time, place, and the labelled fields
that name people (ordförande, sekreterare, justerare) wherever they stand."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from kansli.minutes.blocks import Block, BlockKind
from kansli.minutes.dates import default_grammar, parse_short_iso
from kansli.minutes.parser.state import State
from kansli.minutes.parser.text import (
    clean,
    ends_sentence,
    fold,
    is_upper_word_line,
    looks_like_person,
    split_outside_parentheses,
    strip_label,
    without_parentheses,
    without_spans,
)

# "... ledningsgrupp, 1", "..., möte nr 3": the meeting's number after the body.
NUMBER_AFTER_TITLE = r",\s*(?:{title.number_words}\.?\s*)?(\d{1,3}(?:/\d{2,4})?)\s*$"
# "Styrelsemöte nr 11": a number after a number word anywhere in a short line.
NUMBER_IN_LINE = r"(?<!\w){title.number_words}\.?\s*(\d{1,3}(?:/\d{2,4})?)\b"
# "Protokoll 5/2022", "Protokoll nr 3": the number right after the kind.
KIND_NUMBER = r"^\s*(?:{title.number_words}\.?\s*)?(\d{1,3}(?:/\d{2,4})?)\b(?![-./]\d)"
SHORT_ISO = re.compile(r"\b\d{2}-\d{2}-\d{2}\b")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
BARE_TIME = re.compile(r"(?<![\d.:])([01]?\d|2[0-3])[.:]([0-5]\d)(?![\d.:])")
PAGE_OF = re.compile(r"\d{1,3}\s*\(\s*\d{1,3}\s*\)")
LAST_FIRST = re.compile(
    r"^([A-ZÅÄÖ][\w-]+(?:\s[A-ZÅÄÖ][\w-]+)?),\s*([A-ZÅÄÖ][\w-]+(?:\s[A-ZÅÄÖ][\w-]+)?)$"
)


def natural_name(text: str) -> str:
    """'Söderström, Anna' -> 'Anna Söderström'."""
    match = LAST_FIRST.match(clean(text))
    return f"{match.group(2)} {match.group(1)}" if match else clean(text)


def in_header(state: State) -> bool:
    return not state.items


def title(state: State, block: Block) -> int:
    """The document's title: a line naming the kind ("Minnesanteckningar från X, 1"), or the
    first top-level heading."""
    header = state.header
    if not in_header(state):
        return 0
    text = clean(" ".join(block.cells) if block.kind == BlockKind.ROW else block.text)
    kinds = state.vocab["kinds.all"]
    match = kinds.search(text)
    if header.title_seen and (match is None or header.kind is not None):
        return 0
    if block.kind == BlockKind.BULLET:
        return 0
    if _is_section_word(state, text) and (header.title_seen or block.kind == BlockKind.HEADING):
        return 0  # "## Minutes", "## Notes": the list of items ("PROTOKOLL" alone is a title)
    is_heading = (
        block.kind == BlockKind.HEADING and block.level <= 1 and _alone_at_level(state, block)
    )
    if match is None and not is_heading and not _dated_first_line(state, block, text):
        return 0
    if block.kind == BlockKind.ROW:
        # A letterhead row: "KUNGSBACKA KOMMUN | SAMMANTRÄDESPROTOKOLL | 2 (5)": the kind, and the
        # body when a cell other than the organisation's capitals names it.
        cells = [c for c in block.cells if c.strip() and not PAGE_OF.fullmatch(c.strip())]
        text = " ".join(c for c in cells if not is_upper_word_line(c) or kinds.search(c))
        match = kinds.search(text)
        if match is None:
            return 0
    if match is None and (state.vocab["items.not_items"].is_(text) or len(text.split()) > 14):
        return 0
    if match is not None and (
        len(_cut_times_and_dates(state, text).split()) > 12
        or text.startswith("(")
        or text.endswith((".", ")"))
    ):
        return 0  # a sentence that mentions "mötesanteckningar", not a title
    header.title_seen = True
    consumed = 1
    # A title wrapped over lines ("... från Södertörnskommunernas" + "ledningsgrupp, 1").
    while state.pos + consumed < len(state.blocks):
        following = state.blocks[state.pos + consumed]
        tail = following.text.strip()
        if (
            following.kind != block.kind
            or not tail
            or not (following.continued or tail[:1].islower())
        ):
            break
        text = f"{text} {tail}"
        consumed += 1
    read_title(state, text, kinds.search(text))
    _body_above(state)
    return consumed


def _dated_first_line(state: State, block: Block, text: str) -> bool:
    """'Styrelsemöte Brf Solrosen 2024-03-12': a document's first line, short and dated, is its
    title even without a kind word."""
    if state.header.title_seen or state.header.date or state.preamble or state.people:
        return False
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING) or ends_sentence(text):
        return False
    if any(b.kind not in (BlockKind.BLANK, BlockKind.PAGE) for b in state.blocks[: state.pos]):
        return False
    rest = _cut_times_and_dates(state, text)
    return rest != clean(text) and 0 < len(rest.split()) <= 8 and label_of(state, text) is None


def _body_above(state: State) -> None:
    """'Stenålderns samfällighet' / 'PROTOKOLL': a title that names only the kind has the body
    on the line just above it."""
    if state.header.body is not None or not state.preamble:
        return
    above = state.preamble[-1]
    text = above.text.strip()
    words = text.split()
    if 0 < len(words) <= 6 and not any(ch.isdigit() for ch in text) and not ends_sentence(text):
        state.header.body = text
        state.header.body_expected = False
        state.preamble.pop()


def number_line(state: State, block: Block) -> int:
    """'Styrelsemöte nr 11': a short header line that gives the meeting's number."""
    text = clean(block.text)
    if state.header.meeting_number is not None or len(text.split()) > 4:
        return 0
    match = state.vocab.regex(NUMBER_IN_LINE).search(text)
    if match is None:
        return 0
    state.header.meeting_number = match.group(1)
    return 1


def _is_section_word(state: State, text: str) -> bool:
    """'Agenda', 'Minutes', 'Present', 'Links': a section of the document, not its title/body."""
    vocab = state.vocab
    return any(
        vocab[key].is_(text) or (key.startswith("attendance") and vocab[key].prefix(text))
        for key in (
            "items.containers",
            "items.not_items",
            "attendance.present",
            "attendance.absent",
            "attendance.guest",
        )
    )


def _alone_at_level(state: State, block: Block) -> bool:
    """A first heading is the title when no other heading shares its level, or it gives a date
    ("# Möte 2023-02-07"); "= Öppnande av möte" among its siblings is the first item."""
    if default_grammar().find_dates(block.text, None) or SHORT_ISO.search(block.text):
        return True
    if state.vocab["meeting.open"].search(block.text):
        return False
    same = sum(1 for b in state.blocks if b.kind == BlockKind.HEADING and b.level == block.level)
    return same == 1


def read_title(state: State, text: str, match: re.Match[str] | None) -> None:
    """'Minnesanteckningar från Södertörnskommunernas ledningsgrupp, 1' -> kind, body, number;
    'OpenJS Foundation Cross Project Council Meeting 2025-09-30' -> body and date."""
    header = state.header
    if match is not None:
        header.kind = header.kind or state.vocab.kind_of(match.group(0))
        before, after = text[: match.start()].strip(" -–,"), text[match.end() :].strip(" -–,")
        number = state.vocab.regex(KIND_NUMBER).match(after)
        if number:
            header.meeting_number = header.meeting_number or number.group(1)
            after = after[number.end() :]
    else:
        before, after = "", text
    after = _take_dates(state, after)
    numbered = state.vocab.regex(NUMBER_AFTER_TITLE).search(after.rstrip(" ,"))
    if numbered:
        header.meeting_number = header.meeting_number or numbered.group(1)
        after = after[: numbered.start()]
    body = _body_name(state, YEAR.sub(" ", after))  # "Årsmötesprotokoll 2020": a year
    if not body and before and not is_upper_word_line(before):
        body = before
    if body and not body.isdigit() and not is_upper_word_line(body):
        header.body = header.body or body
    else:
        header.body_expected = header.body is None


def _take_dates(state: State, text: str) -> str:
    """The meeting date from a title; returns the title without it."""
    header = state.header
    spans = default_grammar().find_dates(text, None)
    if spans:
        header.date = header.date or spans[0].start
        text = without_spans(text, ((s.begin, s.stop) for s in spans))
    short = SHORT_ISO.search(text)
    if short and header.date is None:
        header.date = parse_short_iso(short.group(0))
        text = text.replace(short.group(0), " ")
    return text


def _body_name(state: State, text: str) -> str:
    """The body in what a title says besides its kind and date: "fört vid styrelsemöte i
    Föreningen X" -> "Föreningen X", "of the Board of Directors meeting" -> "Board of
    Directors", "OpenJS Foundation Cross Project Council Meeting" -> "OpenJS Foundation Cross
    Project Council"."""
    vocab = state.vocab
    lead = vocab.union("title.fillers", "title.connectors", "title.articles")
    meeting = vocab["title.meeting_words"]
    tail = vocab.union("title.fillers", "title.connectors", "title.meeting_words")
    body = strip_label(clean(text)).strip(" ,-–")
    while body:
        before = body
        if word := lead.prefix(body) or meeting.prefix(body) or _meeting_compound(state, body):
            body = body[len(word) :].strip(" ,-–")
        body = tail.strip_end(body, " ,-–")
        if body == before:
            break
    return body[:1].upper() + body[1:]  # "Protokoll från kommunstyrelsens arbetsutskott"


def _meeting_compound(state: State, text: str) -> str | None:
    """'Styrelsemöte' in "Styrelsemöte i Brf X" / "Styrelsemöte Brf X": a word that ends in a
    meeting word, standing first in the title's rest."""
    first = text.split(maxsplit=1)[0]
    ends = [w for w in state.vocab["title.meeting_words"].phrases if len(w) >= 4 and " " not in w]
    folded = fold(first)
    if len(text.split()) > 1 and any(folded.endswith(w) and folded != w for w in ends):
        return first
    return None


def body_line(state: State, block: Block) -> int:
    """After a title without the body ("KUNGSBACKA KOMMUN SAMMANTRÄDESPROTOKOLL"), the next plain
    line names the body ("Kommunstyrelsens arbetsutskott")."""
    header = state.header
    if not header.body_expected or not in_header(state) or block.kind == BlockKind.ROW:
        return 0
    header.body_expected = False
    text = clean(block.text)
    if (
        len(text.split()) > 6
        or any(ch.isdigit() for ch in text)
        or is_upper_word_line(text)
        or label_of(state, text) is not None
        or _is_section_word(state, text)
    ):
        return 0
    header.body = text
    return 1


def date_line(state: State, block: Block) -> int:
    """A header line that is only a date and/or a time ("2019-01-25", "18 mars  Klockan 09:00")."""
    if not in_header(state):
        return 0
    text = clean(" ".join(block.cells) if block.kind == BlockKind.ROW else block.text)
    if not _fill_date_time(state, text, whole=True):
        return 0
    return 1


def _fill_date_time(state: State, text: str, *, whole: bool) -> bool:
    """Set the meeting date and times from `text`; with `whole`, only if that is all it says."""
    grammar = default_grammar()
    dates = [d for d in grammar.find_dates(text, state.header.date) if not d.approximate]
    times = grammar.find_times(text)
    if whole:
        rest = without_spans(text, [(d.begin, d.stop) for d in dates + times])
        rest = state.vocab["words.date_glue"].remove(rest.replace(",", " ").replace("-", " "))
        if not dates and not times:
            short = parse_short_iso(text.strip())
            if short and state.header.date is None:
                state.header.date = short
                return True
            return False
        if len(rest.split()) > 1:
            return False
    header = state.header
    if dates and header.date is None:
        header.date = dates[0].start
    if times and header.start_time is None:
        header.start_time = times[0].start
        header.end_time = times[0].end
    return bool(dates or times)


def _cut_times_and_dates(state: State, text: str) -> str:
    grammar = default_grammar()
    spans = [(d.begin, d.stop) for d in grammar.find_dates(text, None)]
    spans += [(t.begin, t.stop) for t in grammar.find_times(text)]
    return state.vocab["words.date_glue"].remove(without_spans(text, spans)).strip(" ,-–")


# --- labelled fields --------------------------------------------------------------------------

Setter = Callable[[State, str], None]


def _set_sender(state: State, value: str) -> None:
    _fill_date_time(state, value, whole=False)
    name = natural_name(_cut_times_and_dates(state, value))
    if name and any(ch.isalpha() for ch in name) and state.header.sender is None:
        state.header.sender = name


def _set_time(state: State, value: str) -> None:
    _fill_date_time(state, value, whole=False)
    _bare_time(state, value)


def _set_date(state: State, value: str) -> None:
    if not _fill_date_time(state, value, whole=False):
        short = parse_short_iso(value.strip())
        if short and state.header.date is None:
            state.header.date = short
    _bare_time(state, value)


def _bare_time(state: State, value: str) -> None:
    """In a date/time field a time needs no "kl": "2025-03-13 19.00", "18:00-20:00"."""
    if state.header.start_time is not None:
        return
    rest = _cut_times_and_dates(state, value)
    times = BARE_TIME.findall(rest)
    if times:
        state.header.start_time = dt.time(int(times[0][0]), int(times[0][1]))
        if len(times) > 1:
            state.header.end_time = dt.time(int(times[1][0]), int(times[1][1]))


def _set_place(state: State, value: str) -> None:
    _fill_date_time(state, value, whole=False)
    place = _cut_times_and_dates(state, value)
    connector = state.vocab["title.connectors"].prefix(place)
    if connector:
        place = place[len(connector) :].strip()
    if place and state.header.place is None:
        state.header.place = place


def _set_body(state: State, value: str) -> None:
    state.header.body = state.header.body or clean(value)


def _set_number(state: State, value: str) -> None:
    state.header.meeting_number = state.header.meeting_number or clean(value)


def _ignore(state: State, value: str) -> None:
    return None


def only_names(state: State, value: str) -> bool:
    """Is `value` nothing but a list of names (with parties and a "Paragrafer" note)?"""
    if value.rstrip().endswith(":"):
        return False  # "Mötessekreterare:": the next label of a signature block
    cut = state.vocab["header.items_range"].search(value)
    if cut:
        value = value[: cut.start()]
    value = ", ".join(state.vocab["words.and"].split(without_parentheses(value)))
    parts = split_outside_parentheses(value, ",;")
    return bool(parts) and all(
        looks_like_person(p)
        or looks_like_person(natural_name(p))
        or (len(p.split()) == 1 and p[:1].isupper() and not _is_vocabulary_word(state, p))
        for p in parts
    )


def _is_vocabulary_word(state: State, word: str) -> bool:
    """'Justeras', 'Ordförande': a label of a signature block, not a one-word name."""
    return label_of(state, word) is not None or _is_section_word(state, word)


def names_in(state: State, value: str) -> list[str]:
    """'Johanna Norrbygård och Tua Backman' -> both names; drops what follows a name."""
    cut = state.vocab["header.items_range"].search(value)
    if cut:
        value = value[: cut.start()]
    value = ", ".join(state.vocab["words.and"].split(value))
    names = []
    for written in split_outside_parentheses(value, ",;"):
        part = without_parentheses(written)
        if looks_like_person(part) or (len(part.split()) == 1 and part[:1].isupper()):
            names.append(natural_name(part))
        elif "," not in part and looks_like_person(" ".join(part.split()[:2])):
            names.append(" ".join(part.split()[:2]))
    return names


def _set_chair(state: State, value: str) -> None:
    names = names_in(state, value)
    if names and state.header.chair is None:
        state.header.chair = names[0]


def _set_secretary(state: State, value: str) -> None:
    names = names_in(state, value)
    if names and state.header.secretary is None:
        state.header.secretary = names[0]


def _set_author(state: State, value: str) -> None:
    names = names_in(state, value)
    if names and state.header.author is None:
        state.header.author = names[0]


def _set_adjusters(state: State, value: str) -> None:
    for name in names_in(state, value):
        if name not in state.header.adjusters:
            state.header.adjusters.append(name)


HEADER_LABELS: tuple[tuple[str, Setter], ...] = (
    ("header.place_and_time", _set_place),
    ("header.sender", _set_sender),
    ("header.date", _set_date),
    ("header.time", _set_time),
    ("header.place", _set_place),
    ("header.body", _set_body),
    ("header.number", _set_number),
    ("header.items_range", _ignore),
)
# On a tie ("Sekreterare" is both), the office wins: the author defaults to the secretary.
PEOPLE_LABELS: tuple[tuple[str, Setter], ...] = (
    ("attendance.secretary", _set_secretary),
    ("attendance.chair", _set_chair),
    ("attendance.adjusters", _set_adjusters),
    ("closing.author", _set_author),
)


ALL_LABELS = tuple(key for key, _ in HEADER_LABELS + PEOPLE_LABELS)
PEOPLE_SETTERS = (_set_author, _set_adjusters, _set_chair, _set_secretary)


def label_of(state: State, text: str) -> tuple[str, str, Setter] | None:
    """(label, value, setter) when `text` starts with a known label."""
    if not state.vocab.union(*ALL_LABELS).prefix(text.lstrip()):
        return None  # one regex rules out almost every line
    groups = HEADER_LABELS + PEOPLE_LABELS if in_header(state) else PEOPLE_LABELS
    best: tuple[str, str, Setter] | None = None
    for key, setter in groups:
        phrase = state.vocab[key].prefix(text)
        if phrase and (best is None or len(phrase) > len(best[0])):
            best = (phrase, text[len(phrase) :], setter)
    return best


def labels(state: State, block: Block) -> int:
    """'Tid Fredag 25 januari ...', 'Plats: X', a ROW ('Plats', 'X'), or a label alone whose
    value is on the next line ('Datum' / '2024-03-12')."""
    if block.kind == BlockKind.ROW:
        cells = [c for c in block.cells if c.strip()]
        if not cells:
            return 0
        if len(cells) >= 2 and _column_labels(state, cells):
            return 1
        found = label_of(state, cells[0])
        # "Datum och | 2025-03-13 19.00" / "tid:": a label wrapped in its column.
        wrapped = strip_label(found[1]) if found else ""
        if found is None or (wrapped and not state.vocab["words.and"].is_(wrapped)):
            return 0
        value = " ".join(cells[1:])
    else:
        found = label_of(state, block.text.strip())
        if found is None:
            return 0
        value = found[1]
    phrase, _, setter = found
    value = value.strip().lstrip(":.-– ").strip()
    if setter in PEOPLE_SETTERS and value and not only_names(state, value):
        return 0  # "Ordförande Lisa Andersson (M) prövar om ...": a sentence, not a field
    state.group = None
    if not value:
        if block.kind == BlockKind.HEADING and not in_header(state):
            return 0
        state.pending_label = phrase
        return 1
    setter(state, value)
    return 1


def _column_labels(state: State, cells: list[str]) -> bool:
    """'Datum | Plats' over '2023-07-25 kl 09.00 | Kilagårds Gröna': labels of columns whose
    values are on the next line."""
    labels = []
    for cell in cells:
        found = label_of(state, cell)
        if found is None or strip_label(found[1]):
            return False
        labels.append(found[0])
    state.pending_columns = labels
    return True


def column_values(state: State, block: Block) -> int:
    """The line under a row of column labels: each cell to its label; a line the layout did not
    split gives the dates and times to the date/time label and the rest to the other one."""
    if not state.pending_columns:
        return 0
    labels, state.pending_columns = state.pending_columns, []
    line = " ".join(block.cells) if block.kind == BlockKind.ROW else block.text
    if label_of(state, line.strip()) is not None:
        return 0  # the next label, not values: the columns had none
    if block.kind not in (BlockKind.ROW, BlockKind.PARAGRAPH):
        return 0
    setters = [found[2] for label in labels if (found := label_of(state, label))]
    if block.kind == BlockKind.ROW:
        values = [c for c in block.cells if c.strip()]
        for setter, value in zip(setters, values, strict=False):
            if setter not in PEOPLE_SETTERS or only_names(state, value):
                setter(state, value)
        return 1
    if any(setter in PEOPLE_SETTERS for setter in setters):
        return 0  # names under signature labels come as a row, one per column
    text = clean(block.text)
    timed = [s for s in setters if s in (_set_date, _set_time)]
    for setter in timed:
        setter(state, text)
    rest = _cut_times_and_dates(state, text) if timed else text
    for setter in setters:
        if setter not in timed and rest:
            setter(state, rest)
    return 1


def pending_value(state: State, block: Block) -> int:
    """The value of a label that stood alone on the previous line."""
    phrase = state.pending_label
    if phrase is None:
        return 0
    state.pending_label = None
    found = label_of(state, phrase)
    if found is None:
        return 0
    text = (
        " ".join(c for c in block.cells if c.strip()) if block.kind == BlockKind.ROW else block.text
    )
    if label_of(state, text.strip()) is not None:
        return 0
    setter = found[2]
    if setter in PEOPLE_SETTERS and block.kind == BlockKind.ROW:
        # Signature blocks: one name per column ("Johanna Norrbygård | Tua Backman").
        cells = [c for c in block.cells if c.strip()]
        if not cells or not all(only_names(state, c) for c in cells):
            return 0
        for cell in cells:
            setter(state, cell)
        return 1
    if setter in PEOPLE_SETTERS and not only_names(state, text):
        return 0
    if block.kind == BlockKind.ROW and setter is _set_sender:
        # DOCX/PDF header tables: "Söderström, Anna | 2019-01-25 | 1 (1)".
        for cell in block.cells:
            if cell.strip():
                _set_sender(state, cell)
        return 1
    setter(state, text)
    if setter in (_set_adjusters, _set_author) and not in_header(state):
        state.pending_label = phrase  # a list of names, one per line
    return 1


def label_tail(state: State, block: Block) -> int:
    """'sammanträde' alone: the end of a label a two-column layout split ("Plats och tid för")."""
    if in_header(state) and state.vocab["header.label_tails"].is_(block.text.strip()):
        return 1
    return 0


def letterhead(state: State, block: Block) -> int:
    """A line in capitals before the title: the organisation's letterhead ("KUNGSBACKA KOMMUN")."""
    if in_header(state) and block.kind != BlockKind.ROW and is_upper_word_line(block.text):
        if state.vocab["kinds.all"].search(block.text):
            return 0
        return 1
    return 0
