"""The header's labelled fields: sender, date, time and place ("Tid", "Plats och tid",
"Sammanträdesdatum"), and the labels that name people (ordförande, sekreterare, justerare)
wherever they stand; also date lines and letterheads. The title is read in `title.py`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from kansli.minutes.blocks import Block, BlockKind
from kansli.minutes.dates import default_grammar, parse_short_iso
from kansli.minutes.parser.rules.furniture import PAGE_NUMBER
from kansli.minutes.parser.state import State
from kansli.minutes.parser.text import (
    clean,
    fold,
    is_upper_word_line,
    looks_like_person,
    split_outside_parentheses,
    strip_label,
    without_parentheses,
    without_spans,
)

SHORT_ISO = re.compile(r"\b\d{2}-\d{2}-\d{2}\b")
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


def is_section_word(state: State, text: str) -> bool:
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


def date_line(state: State, block: Block) -> int:
    """A header line that is only a date and/or a time ("2019-01-25", "18 mars  Klockan 09:00")."""
    if not in_header(state):
        return 0
    text = clean(" ".join(block.cells) if block.kind == BlockKind.ROW else block.text)
    if fill_date_time(state, text, whole=True):
        return 1
    if _parts_line(state, text):
        return 1
    return _date_time_place(state, text)


def _parts_line(state: State, text: str) -> bool:
    """'Gråbergs kommun · torsdag 2025-11-27 · 09.00–10.30 · Kommunhuset, rum Kvarnen': parts
    set apart by dots or bars give the date, the time (bare, in a part of its own) and,
    after them, the place."""
    parts = [p.strip() for p in PART_BREAK.split(text)]
    if len(parts) < 3:
        return False
    last = -1
    for index, part in enumerate(parts):
        if fill_date_time(state, part, whole=True) or _time_part(state, part):
            last = index
    if last < 0:
        return False
    place = TRAILING_NOTE.sub("", ", ".join(parts[last + 1 :])).strip()
    if place and place[:1].isupper() and state.header.place is None:
        state.header.place = place
    return True


def _time_part(state: State, part: str) -> bool:
    """'09.00–10.30' alone in its part: a time range even without "kl"."""
    times = BARE_TIME.findall(part)
    if not times or BARE_TIME.sub("", part).strip(" –-") or state.header.start_time is not None:
        return False
    state.header.start_time = dt.time(int(times[0][0]), int(times[0][1]))
    if len(times) > 1:
        state.header.end_time = dt.time(int(times[1][0]), int(times[1][1]))
    return True


def _date_time_place(state: State, text: str) -> int:
    """'Monday 28 April 2025, 14:00-15:30, Boardroom, 12 Castle Street': a line that opens with
    the date gives the date, the time, and the place after them."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) < 2 or len(text.split()) > 14 or len(state.vocab.sentences(text)) > 1:
        return 0  # "igår, torsdag 5 mars, kl. 13.00. Med var ...": a sentence goes on
    if not fill_date_time(state, parts[0], whole=True):
        return 0
    rest = parts[1:]
    while rest and fill_date_time(state, rest[0], whole=True):
        rest = rest[1:]
    place = ", ".join(rest).strip(" .")
    if place and state.header.place is None and place[:1].isupper():
        state.header.place = place
    return 1


def fill_date_time(state: State, text: str, *, whole: bool) -> bool:
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


def cut_times_and_dates(state: State, text: str) -> str:
    grammar = default_grammar()
    spans = [(d.begin, d.stop) for d in grammar.find_dates(text, None)]
    spans += [(t.begin, t.stop) for t in grammar.find_times(text)]
    return state.vocab["words.date_glue"].remove(without_spans(text, spans)).strip(" ,-–")


TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
PART_BREAK = re.compile(r"\s[·•|]\s")


# --- labelled fields --------------------------------------------------------------------------

Setter = Callable[[State, str], None]


EMAIL = re.compile(r"\s*<[^<>@\s]+@[^<>\s]+>")


def _set_sender(state: State, value: str) -> None:
    value = EMAIL.sub("", value)  # "Hannah Greaves <hannah.greaves@example.org>"
    fill_date_time(state, value, whole=False)
    name = natural_name(cut_times_and_dates(state, value))
    if name and any(ch.isalpha() for ch in name) and state.header.sender is None:
        state.header.sender = name


def _set_time(state: State, value: str) -> None:
    fill_date_time(state, value, whole=False)
    _bare_time(state, value)


def _set_date(state: State, value: str) -> None:
    if not fill_date_time(state, value, whole=False):
        short = parse_short_iso(value.strip())
        if short and state.header.date is None:
            state.header.date = short
    _bare_time(state, value)


def _bare_time(state: State, value: str) -> None:
    """In a date/time field a time needs no "kl": "2025-03-13 19.00", "18:00-20:00"."""
    if state.header.start_time is not None:
        return
    rest = cut_times_and_dates(state, value)
    times = BARE_TIME.findall(rest)
    if times:
        state.header.start_time = dt.time(int(times[0][0]), int(times[0][1]))
        if len(times) > 1:
            state.header.end_time = dt.time(int(times[1][0]), int(times[1][1]))


def _set_place(state: State, value: str) -> None:
    fill_date_time(state, value, whole=False)
    place = cut_times_and_dates(state, value)
    connector = state.vocab["title.connectors"].prefix(place)
    if connector:
        place = place[len(connector) :].strip()
    remark = TRAILING_NOTE.search(place)
    if remark and place[: remark.start()].strip():
        place = place[: remark.start()].strip()  # "Hagnäs kommunhus (några via Teams)"
    if place and state.header.place is None:
        state.header.place = place


def _set_body(state: State, value: str) -> None:
    state.header.body = state.header.body or clean(value)


def _set_number(state: State, value: str) -> None:
    state.header.meeting_number = state.header.meeting_number or clean(value)


def _ignore(state: State, value: str) -> None:
    return None


def _set_sent(state: State, value: str) -> None:
    """'Skickat: den 6 mars 2026 08:47': when the mail was sent — not the meeting's date, but
    the year its dates without one belong to."""
    spans = [s for s in default_grammar().find_dates(value, None) if s.has_year]
    if spans and state.header.sent is None:
        state.header.sent = spans[0].start


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
    return label_of(state, word) is not None or is_section_word(state, word)


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
    ("header.email", _set_sent),
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
        parts = PART_BREAK.split(block.text.strip())
        if len(parts) > 1 and all(label_of(state, part) for part in parts):
            # "Ordförande: Henrik Åström · Antecknare: Johanna Lund": a label per part.
            for part in parts:
                _label_value(state, part)
            return 1
        found = label_of(state, block.text.strip())
        if found is None:
            return 0
        value = found[1]
    phrase, _, setter = found
    value = value.strip().lstrip(":.-– ").strip()
    if setter in PEOPLE_SETTERS and value and not only_names(state, value):
        return 0  # "Ordförande Lisa Andersson (M) prövar om ...": a sentence, not a field
    if not value and block.kind == BlockKind.HEADING and is_section_word(state, block.text):
        return 0  # "## Anteckningar", "## Notes": a section heading, not a field
    state.group = None
    if not value:
        if block.kind == BlockKind.HEADING and not in_header(state):
            return 0
        state.pending_label = phrase
        return 1
    setter(state, value)
    return 1


def _label_value(state: State, text: str) -> None:
    """One "Label: value" part of a line: its field set when the value fits it."""
    found = label_of(state, text.strip())
    if found is None:
        return
    _, raw, setter = found
    value = raw.strip().lstrip(":.-– ").strip()
    if value and not (setter in PEOPLE_SETTERS and not only_names(state, value)):
        setter(state, value)


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
    rest = cut_times_and_dates(state, text) if timed else text
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
        # DOCX/PDF header tables: "Söderström, Anna | 2019-01-25 | 1 (1)", "sida 1 (4)".
        page_number = state.vocab.regex(PAGE_NUMBER)
        for cell in block.cells:
            if cell.strip() and not page_number.match(cell.strip().lower()):
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
    if state.people or block.text.lstrip()[:1].isdigit():
        return 0  # past the attendance, or "1. APOLOGIES": the items have begun
    if in_header(state) and block.kind != BlockKind.ROW and is_upper_word_line(block.text):
        if state.vocab["kinds.all"].search(block.text):
            return 0
        state.header.letterheads.append(clean(block.text))
        return 1
    return 0


# "/Ulla (anteckningar)", "/Kim": a signature under informal notes.
SIGNATURE = re.compile(
    r"^/\s*(?P<name>[A-ZÅÄÖ][\wåäöé-]+(?:\s[A-ZÅÄÖ][\wåäöé-]+)?)\s*(?:\((?P<note>[^()]*)\))?$"
)


def signature(state: State, block: Block) -> int:
    """'/Ulla (anteckningar)': who wrote the notes, when nothing else has said."""
    match = SIGNATURE.match(clean(block.text))
    if match is None:
        return 0
    note = match.group("note")
    wrote = state.vocab.union("closing.author", "attendance.secretary")
    if note and not (wrote.search(note) or any(fold(note) in p for p in wrote.phrases)):
        return 0
    state.header.author = state.header.author or match.group("name")
    return 1
