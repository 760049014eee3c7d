"""Attendance: Deltagare / Närvarande / Beslutande / Frånvarande / Övriga deltagare / Present /
Absent ... blocks, with organisation, party and role split out of each line."""

from __future__ import annotations

import re

from kansli.minutes.blocks import Block, BlockKind
from kansli.minutes.model import Source, Status
from kansli.minutes.parser.rules.sections import add_unit
from kansli.minutes.parser.state import AttendanceGroup, ParticipantDraft, State
from kansli.minutes.parser.text import (
    clean,
    ends_sentence,
    fold,
    is_name_token,
    looks_like_person,
    split_outside_parentheses,
    strip_label,
    without_parentheses,
)

GROUPS = (
    ("attendance.invited", Status.ABSENT),
    ("attendance.guest", Status.GUEST),
    ("attendance.absent", Status.ABSENT),
    ("attendance.present", Status.PRESENT),
)
CHECKBOX = re.compile(r"(\[\s*[xX✓]?\s*\]|☒|☑|☐)")
PARTY = re.compile(r"\(([A-ZÅÄÖ]{1,4})\)")
HANDLE = re.compile(r"\s*\(@[\w.-]+\)")
# "Jonas Weber (@jweber, Kestrel Systems)": a handle and the organisation after it.
HANDLE_AND_MORE = re.compile(r"\(@[\w.-]+,\s*(?P<rest>[^()]+)\)")
# "§ 92", "§§ 92-93", "ärende 13": which items someone attended, not a role.
SECTION_REF = r"(?:§§?|(?<!\w){attendance.item_words})\s*\d"
# Where a second person starts on a line: after "ärende 13, 15" or "§ 92", at a capitalised
# first and last name.
NEXT_PERSON = (
    r"(?:\d|(?<!\w){attendance.item_words})\s+(?=[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäö]+)?"
    r"\s[A-ZÅÄÖ][a-zåäöé])"
)
ONLY_REFERENCES = re.compile(r"^[\d\s,§–-]+$")
BEFORE_REFERENCE = r"(?<!,)\s+(?=(?:§§?|(?<!\w){attendance.item_words})\s*\d)"
NOTE = re.compile(r"\(([^()]*)\)")
DASH = re.compile(r"\s+[-–—]\s+")


def group_of(state: State, text: str) -> tuple[str, AttendanceGroup] | None:
    """The longest attendance phrase `text` starts with, and the group it opens."""
    if not state.vocab.union(*(key for key, _ in GROUPS)).prefix(text):
        return None  # one regex rules out almost every line
    best: tuple[str, AttendanceGroup] | None = None
    for key, status in GROUPS:
        phrase = state.vocab[key].prefix(text)
        if phrase and (best is None or len(phrase) > len(best[0])):
            role = state.vocab.roles_by_heading.get(fold(phrase))
            best = (phrase, AttendanceGroup(status, role, invited=key == "attendance.invited"))
    return best


def heading(state: State, block: Block) -> int:
    """An attendance heading, with an inline list ("Närvarande: A, B") or a sub-label
    ("Beslutande  Ledamöter", "Övriga närvarande  Tjänstepersoner")."""
    if block.kind == BlockKind.BULLET:
        return 0
    cells = [c for c in block.cells if c.strip()]
    text = " ".join(cells) if block.kind == BlockKind.ROW else clean(block.text)
    found = group_of(state, text)
    if found is None:
        return 0
    if block.kind == BlockKind.HEADING and state.items and block.level == state.item_level:
        return 0  # "## Medverkande" among the items is an item; its lists are read inside it
    phrase, group = found
    if block.kind == BlockKind.ROW and len(cells) >= 2 and not cells[0][len(phrase) :].strip(" :"):
        return _label_cell(state, block, group, cells[1:])
    rest = text[len(phrase) :]
    consumed = 1
    if not rest.strip():
        phrase, group, consumed = _split_heading(state, text, phrase, group)
    elif not rest.lstrip().startswith(":"):
        label = rest.strip().endswith(":") and len(rest.split()) <= 3
        sub = None if state.items else group_of(state, rest.strip())
        about_items = state.vocab.regex(SECTION_REF).search(rest)  # "Gäst under punkt 4"
        if (
            not label
            and sub is None
            and not about_items
            and (state.items or not _is_sublabel(rest))
        ):
            return 0  # inside the items only "Närvarande" or "Närvarande: A, B" opens a list
        if sub is not None:
            group.role = group.role or sub[1].role
            rest = rest.strip()[len(sub[0]) :]
    state.group = group
    state.pending_label = None
    listed = strip_label(rest.lstrip(" :")) if rest.lstrip().startswith(":") else ""
    if listed:
        consumed = _inline_list(state, block, group, listed, consumed)
    return consumed


def _label_cell(state: State, block: Block, group: AttendanceGroup, values: list[str]) -> int:
    """'Övriga närvarande | Helena Strand, förvaltningschef': the heading in its own column and
    the first person (or a sub-label, "Beslutande | Ledamöter") beside it; the rows under it go
    on with the list."""
    state.group = group
    state.pending_label = None
    sub = group_of(state, values[0]) or (
        (
            values[0],
            AttendanceGroup(group.status, state.vocab.roles_by_heading.get(fold(values[0]))),
        )
        if len(values) == 1 and _is_sublabel(values[0]) and not looks_like_person(values[0])
        else None
    )
    if sub is not None and not values[0][len(sub[0]) :].strip(" :"):
        group.role = group.role or sub[1].role  # "Beslutande | Ledamöter"
        return 1
    listed = " ".join(values)
    if ";" in listed or _several_people(state, listed):
        add_list(state, listed, block.source)
    else:
        for entry in _name_and_details(state, group, block, values):
            add(state, entry)
    return 1


def _inline_list(
    state: State, block: Block, group: AttendanceGroup, listed: str, consumed: int
) -> int:
    """'Närvarande: A, B och C', wrapped onto continued lines; how many blocks it took."""
    while state.pos + consumed < len(state.blocks):
        following = state.blocks[state.pos + consumed]
        if following.kind != BlockKind.PARAGRAPH or not following.continued:
            break
        listed = f"{listed} {clean(following.text)}"  # the list wrapped onto the next line
        consumed += 1
    sentences = state.vocab.sentences(listed)
    if len(sentences) > 1 and len(" ".join(sentences[1:]).split()) >= 3:
        # "Deltog: A, B och C. Per Wall hade förhinder ...": the list is the first sentence,
        # the rest is prose (read for attendance later), which the next line may go on with.
        listed = sentences[0].rstrip(" .")
        prose = clean(" ".join(sentences[1:]))
        add_unit(state, block, prose, kind=BlockKind.PARAGRAPH)
        state.label_rest = not ends_sentence(prose)
    cells = [c for c in block.cells if c.strip()]
    if block.kind == BlockKind.ROW and len(cells) >= 2 and group_of(state, cells[0]):
        # "Members present: | Cllr Rosalind Hart (Chair)" with more names in the rows under
        # it: each row one person ("Helen Carver, Parks Manager"), unless it lists several.
        if _is_name_list(state, listed):
            add_list(state, listed, block.source)
        else:
            for entry in _name_and_details(state, group, block, [listed]):
                add(state, entry)
        return consumed
    if (
        "," in listed
        and not _several_people(state, listed)
        and not state.vocab["words.and"].search(listed)
    ):
        # "Adjungerad: Tove Ek, förvaltare, Norrbo AB": one person and their details.
        person = parse_entry(state, listed, block.source, group.status, group.role)
        if person is not None:
            add(state, person)
    else:
        add_list(state, listed, block.source)
    state.group = None  # "Frånvarande: A, B, C" is the whole list
    return consumed


def _split_heading(
    state: State, text: str, phrase: str, group: AttendanceGroup
) -> tuple[str, AttendanceGroup, int]:
    """'Övriga' / 'deltagare' split over two lines: read as the one heading they make."""
    following = state.next_content()
    if following is None:
        return phrase, group, 1
    joined = f"{text} {following.text.strip()}"
    longer = group_of(state, joined)
    if longer and len(longer[0]) > len(phrase) and not joined[len(longer[0]) :].strip(" :"):
        return longer[0], longer[1], 1 + _distance_to(state, following)
    return phrase, group, 1


def _distance_to(state: State, target: Block) -> int:
    for offset, block in enumerate(state.blocks[state.pos :]):
        if block is target:
            return offset + 1
    return 1


def _is_sublabel(rest: str) -> bool:
    """'Tjänstepersoner', 'ordinarie ersättare': one or two words, no name."""
    words = rest.split()
    return 0 < len(words) <= 2 and not looks_like_person(rest.strip())


def add_list(state: State, text: str, source: Source) -> None:
    """'Bolagsverket, Skatteverket, (eSam - synk)', 'Mark, Ryan, Eric Huss, Carol (second half)'."""
    assert state.group is not None
    if state.vocab["words.none"].is_(text.strip(" .")):
        return  # "Frånvarande: Inga", "Absent: None"
    joined = ", ".join(state.vocab["words.and"].split(text))  # "Ulla Ek, Bo Ström och Siv Nord"
    # "Carla Mendes, Executive Director; Tom Reilly, ...": semicolons part people, commas details.
    separators = ";" if ";" in joined else ",;"
    for written in split_outside_parentheses(joined, separators):
        part = _without_leading_and(state, written)
        if part.startswith("(") and part.endswith(")"):
            part = part[1:-1]
        part = DASH.split(part)[0]
        draft = parse_entry(state, part, source, state.group.status, state.group.role)
        if draft is not None:
            add(state, draft)


def _without_title(state: State, name: str) -> str:
    """'Vice Chair Daniel Reyes' -> 'Daniel Reyes'."""
    title = state.vocab["attendance.honorifics"].prefix(name)
    rest = name[len(title) :].strip() if title else name
    return rest if rest and looks_like_person(rest) else name


def _without_leading_and(state: State, text: str) -> str:
    """'och Jeremy Hylton' -> 'Jeremy Hylton' (the last name of a list)."""
    word = state.vocab["words.and"].prefix(text.strip())
    return text.strip()[len(word) :].strip() if word else text.strip()


def add(state: State, draft: ParticipantDraft) -> None:
    if state.group is not None and state.group.invited:
        draft.invited_only = True
    for existing in state.people:
        if fold(existing.name) == fold(draft.name):
            if existing.invited_only and not draft.invited_only:
                state.people.remove(existing)
                break
            if draft.invited_only:
                return
    state.people.append(draft)


def parse_entry(
    state: State, text: str, source: Source, status: Status, role: str | None
) -> ParticipantDraft | None:
    """One person (or organisation) with what follows the name: party, organisation, role."""
    text = HANDLE.sub("", clean(text))
    text = HANDLE_AND_MORE.sub(lambda m: f", {m.group('rest')}", text, count=1)
    box = CHECKBOX.search(text)
    if box and box.start() == 0:
        marked = fold(box.group(0)).strip("[] ")
        status = Status.PRESENT if marked in ("x", "✓") or box.group(0) in "☒☑" else Status.ABSENT
        text = text[box.end() :].strip()
    party = None
    party_match = PARTY.search(text)
    if party_match and state.vocab["attendance.parties"].is_(party_match.group(1)):
        party = party_match.group(1)
        text = clean(text[: party_match.start()] + text[party_match.end() :])
    # "Fanny Nilsson (EY) ärende 1-20": the items attended are a note of their own.
    text = state.vocab.regex(BEFORE_REFERENCE).sub(",", text)
    text = DASH.sub(", ", text, count=1)  # "Lena Fischer — joined at 15:20", "Anna Berg – Huddinge"
    segments = [s for s in split_outside_parentheses(text, ",") if s]
    if not segments:
        return None
    # "Karin Knutsson Friberg (EY) ärende" when the numbers wrapped to the next line.
    name = _name(state.vocab["attendance.item_words"].strip_end(segments[0], " ,"))
    if name is None:
        return None
    honorific = state.vocab["attendance.honorifics"].prefix(name)
    if honorific and looks_like_person(name[len(honorific) :].strip()):
        name = name[len(honorific) :].strip()  # "Cllr Rosalind Hart", "Vice Chair Daniel Reyes"
        if role is None and state.vocab["attendance.roles"].is_(honorific):
            role = fold(honorific)
    note = NOTE.search(segments[0])
    if note and (
        state.vocab["attendance.roles"].search(note.group(1)) or _is_role(state, note.group(1))
    ):
        segments.append(note.group(1))  # "Anna Berg (ordförande)": her role
    elif note and not party and note.group(1)[:1].isupper() and len(note.group(1)) <= 12:
        # "Fanny Nilsson (EY)": the firm they come from; "(PMO, notes)": and their role.
        segments[1:1] = [p.strip() for p in note.group(1).split(",") if p.strip()]
    organisation, role_text = split_organisation_role(state, segments[1:])
    return ParticipantDraft(
        name=name,
        organisation=organisation,
        party=party,
        role=role_text or role,
        status=status,
        source=source,
    )


def split_organisation_role(state: State, segments: list[str]) -> tuple[str | None, str | None]:
    """'Södertälje kommun', 'ordförande' -> organisation and role. The role starts at the first
    segment in lower case or naming a role; "§ 92" and "lämnade ..." notes end the line."""
    organisation_parts: list[str] = []
    role_parts: list[str] = []
    noted: list[str] = []
    for written in segments:
        segment = written
        note = NOTE.search(written)
        bare = without_parentheses(written)
        if note and bare and state.vocab["attendance.roles"].search(note.group(1)):
            noted.append(note.group(1))  # "Tallmo (ordf.)": a place, and the role in brackets
            segment = bare
        section_ref = state.vocab.regex(SECTION_REF)
        if section_ref.search(segment) or state.vocab["attendance.leaves"].search(segment):
            head = section_ref.split(segment, maxsplit=1)[0]
            leave = state.vocab["attendance.leaves"].search(head)
            head = head[: leave.start()] if leave else head
            if head.strip():
                (role_parts if role_parts else organisation_parts).append(head.strip())
            break
        if not role_parts and not organisation_parts and _is_organisation(state, segment):
            organisation_parts.append(segment)  # "kommunstyrelsen", "socialnämnden"
        elif role_parts or _is_role(state, segment):
            role_parts.append(segment)
        else:
            organisation_parts.append(segment)
    role_parts += noted
    role_text = ", ".join(role_parts) if role_parts else None
    if role_text and state.vocab["attendance.roles"].is_(role_text):
        role_text = fold(role_text)
    return ", ".join(organisation_parts) or None, role_text


def natural_name_of(cell: str) -> str:
    """The name in a cell without check-box, party or notes ("[X] Lindvall Mikael, ordf.")."""
    return without_parentheses(CHECKBOX.sub("", cell).split(",")[0])


def _is_organisation(state: State, segment: str) -> bool:
    words = fold(without_parentheses(segment)).split()
    endings = state.vocab["attendance.organisation_words"].phrases
    titles = state.vocab["attendance.title_endings"].phrases
    return (
        bool(words)
        and words[-1].endswith(endings)
        and not any(w.endswith(titles) for w in words)  # "rektor Tallbackaskolan": a role
        and not state.vocab["attendance.roles"].search(segment)
    )


def _is_role(state: State, segment: str) -> bool:
    words = fold(without_parentheses(segment)).split()
    last = words[-1] if words else ""
    return (
        segment[:1].islower()
        or segment[:1].isdigit()
        or bool(state.vocab["attendance.roles"].search(segment))
        or last.endswith(state.vocab["attendance.title_endings"].phrases)
        or state.vocab["attendance.title_starts"].prefix(segment) is not None
    )


def _name(text: str) -> str | None:
    text = without_parentheses(text).strip(" .,:")
    if not text or len(text.split()) > 6 or any(ch.isdigit() for ch in text):
        return None
    if text.endswith((".", "!", "?")):
        return None
    tokens = text.split()
    if looks_like_person(text) or (
        len(tokens) == 1 and (is_name_token(tokens[0]) or tokens[0][:1].isupper())
    ):
        return text
    # Organisations in a participants list ("Hav -o Vatten", "eSam"): short, capitalised somewhere.
    if len(tokens) <= 4 and any(t[:1].isupper() for t in tokens):
        return text
    if len(tokens) == 1 and any(ch.isupper() for ch in tokens[0]):
        return text
    return None


def line(state: State, block: Block) -> int:
    """A line inside an attendance group: one participant, a checkbox row of several, a comma
    list, or column headings that give roles ("ordinarie | ersättare")."""
    group = state.group
    if group is None:
        return 0
    if block.kind == BlockKind.HEADING:
        state.group = None
        return 0
    cells = [c.strip() for c in block.cells] if block.kind == BlockKind.ROW else []
    text = clean(block.text)
    if _column_roles(state, cells or text.split()):
        return 1
    if block.kind == BlockKind.PARAGRAPH and text.endswith(":") and len(text.split()) <= 4:
        # "TSC members:", "Ledamöter:": a label inside the list; the list goes on under it.
        sub = group_of(state, text)
        state.group = sub[1] if sub is not None else group
        return 1
    if cells and _column_headings(cells):
        group.columns = _column_kinds(state, cells)
        return 1  # "| Namn | Roll |": the list's own table heading
    if not cells and _text_line(state, group, block, text):
        return 1
    entries = _entries(state, group, block, cells, text)
    if not entries:
        state.group = None
        return 0
    for entry in entries:
        add(state, entry)
    return 1


def _text_line(state: State, group: AttendanceGroup, block: Block, text: str) -> bool:
    """Lines of text that name several people, or none: a comma list, a wrapped "1-20", and two
    columns read as one line ("Fanny Nilsson (EY) ärende 1-20 Christina Hermansson ärende 13")."""
    if _several_people(state, text):
        # "Anna, Ronja, Per"; a line of two ("Oliver Bäck, Region Sjöbygden") is one person.
        add_list(state, text, block.source)
        return True
    if ONLY_REFERENCES.match(text):
        return True  # "1-20": the end of the line above, wrapped under the names
    cuts = [m.end() for m in state.vocab.regex(NEXT_PERSON).finditer(text)]
    if not cuts:
        return False
    chunks = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    entries = [
        entry
        for chunk in chunks
        if (entry := parse_entry(state, chunk, block.source, group.status, group.role))
    ]
    if len(entries) != len(chunks):
        return False
    for entry in entries:
        add(state, entry)
    return True


def _entries(
    state: State, group: AttendanceGroup, block: Block, cells: list[str], text: str
) -> list[ParticipantDraft]:
    """The participants one attendance line names."""
    if cells and sum(1 for c in cells if CHECKBOX.match(c)) >= 2:
        columns = cells  # "[X] Lindvall Mikael, ordförande | [ ] Eklund Karita"
    elif not cells and len(CHECKBOX.findall(text)) >= 2:
        parts = [p for p in CHECKBOX.split(text) if p.strip()]
        columns = [parts[i] + parts[i + 1] for i in range(0, len(parts) - 1, 2)]
    elif cells:
        return _name_and_details(state, group, block, [c for c in cells if c])
    else:
        entry = parse_entry(state, text, block.source, group.status, group.role)
        plausible = entry and (
            block.kind == BlockKind.BULLET or looks_like_person(entry.name) or _plausible_line(text)
        )
        return [entry] if entry and plausible else []
    entries = []
    for index, column in enumerate(columns):
        role = group.column_roles[index] if index < len(group.column_roles) else group.role
        entry = parse_entry(state, column, block.source, group.status, role) if column else None
        if entry:
            entries.append(entry)
    return entries


def _name_and_details(
    state: State, group: AttendanceGroup, block: Block, filled: list[str]
) -> list[ParticipantDraft]:
    """'Rickard Sundbom | Södertälje kommun, ordförande': the name, then organisation and role."""
    if not filled or not looks_like_person(natural_name_of(filled[0])):
        return []  # "Personalföreträdare | Övriga": column headings, nobody
    if group.columns and len(group.columns) == len(block.cells):
        return _by_columns(state, group, block)
    first = parse_entry(state, filled[0], block.source, group.status, group.role)
    if first and len(filled) > 1:
        segments = split_outside_parentheses(", ".join(filled[1:]), ",")
        organisation, role = split_organisation_role(state, segments)
        first.organisation = first.organisation or organisation
        first.role = role or first.role
    return [first] if first else []


def _by_columns(state: State, group: AttendanceGroup, block: Block) -> list[ParticipantDraft]:
    """A row of a table whose heading said what each column holds."""
    cells = dict(zip(group.columns, (c.strip() for c in block.cells), strict=False))
    entry = parse_entry(state, cells.get("name", ""), block.source, group.status, group.role)
    if entry is None:
        return []
    entry.organisation = cells.get("organisation") or entry.organisation
    role = cells.get("role")
    if role:
        entry.role = fold(role) if state.vocab["attendance.roles"].is_(role) else role
    return [entry]


def _column_kinds(state: State, cells: list[str]) -> tuple[str, ...]:
    kinds = (
        ("name", "attendance.name_columns"),
        ("organisation", "attendance.organisation_columns"),
        ("role", "attendance.role_columns"),
    )
    return tuple(
        next((kind for kind, key in kinds if state.vocab[key].is_(cell)), "") for cell in cells
    )


def _column_headings(cells: list[str]) -> bool:
    """A row of one- or two-word headings and no name: "Namn | Organisation | Roll"."""
    filled = [c for c in cells if c]
    return len(filled) >= 2 and all(
        len(c.split()) <= 2 and not looks_like_person(c) and not CHECKBOX.match(c) for c in filled
    )


def _plausible_line(text: str) -> bool:
    """A participant line, not a sentence that happens to follow the list."""
    if text.rstrip().endswith((".", "!", "?")) and len(text.split()) > 4:
        return False
    head = without_parentheses(text.split(",", maxsplit=1)[0])
    return looks_like_person(head) or CHECKBOX.match(text) is not None


def _several_people(state: State, text: str) -> bool:
    """'Anna, Ronja, Per', 'Rebecca Tran (excused), Paul Lindgren': a line naming several
    people; "Oliver Bäck, Region Sjöbygden" is one person and where they come from."""
    parts = [without_parentheses(p) for p in split_outside_parentheses(text, ",")]
    if len(parts) < 2 or not _is_name_list(state, text):
        return False
    if len(parts) >= 3 or all(len(p.split()) == 1 for p in parts):
        return True
    endings = state.vocab["attendance.organisation_words"].phrases
    return all(
        looks_like_person(p) and not any(word.endswith(endings) for word in fold(p).split())
        for p in parts
    )


def _is_name_list(state: State, text: str) -> bool:
    parts = split_outside_parentheses(text, ",")
    names = [
        _without_title(state, _without_leading_and(state, without_parentheses(p))) for p in parts
    ]
    # "Anna Berg, Per Holm", "Anna, Ronja"; but "Mats Ekholm, Tallmo" is a name and a place.
    if len(names) == 2 and len(names[0].split()) >= 2 and len(names[1].split()) == 1:
        return False
    return len(names) >= 2 and all(
        n
        and len(n.split()) <= 4
        and n[:1].isupper()
        and not n.endswith(".")
        and not state.vocab["attendance.roles"].search(n)
        and not _is_role(state, n)  # "Helen Carver, Parks Manager": a name and a job title
        for n in names
    )


def _column_roles(state: State, words: list[str]) -> bool:
    """'ordinarie  ersättare' over two columns of check-boxes: the role of each column."""
    group = state.group
    words = [w for w in words if w]
    if group is None or not 2 <= len(words) <= 4:
        return False
    roles = [state.vocab.roles_by_heading.get(fold(w)) for w in words]
    if not all(roles):
        return False
    group.column_roles = tuple(roles)
    return True


def presence_row(state: State, block: Block) -> int:
    """A roll call without a heading: rows of a name and yes/no ("Samuel Hammersberg | Ja",
    "Josefin Kokkinakis | Nej") before the first item."""
    if state.items or state.group is not None or block.kind != BlockKind.ROW:
        return 0
    cells = [c.strip() for c in block.cells if c.strip()]
    if len(cells) != 2 or not looks_like_person(cells[0]):
        return 0
    vocab = state.vocab
    if vocab["attendance.yes"].prefix(cells[1]):
        status = Status.PRESENT
    elif vocab["attendance.no"].prefix(cells[1]):
        status = Status.ABSENT
    else:
        return 0
    add(state, ParticipantDraft(cells[0], None, None, None, status, block.source))
    return 1
