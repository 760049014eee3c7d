"""The document's title: the kind of record ("Protokoll", "Minutes"), the body whose meeting it
is, the meeting's number and date — from a title line, a first heading, a letterhead row, or a
short dated first line; and the lines around a title that name the body or the number."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from kansli.minutes.blocks import Block, BlockKind
from kansli.minutes.dates import default_grammar, parse_short_iso
from kansli.minutes.parser.rules.attendance import group_of
from kansli.minutes.parser.rules.header import (
    PAGE_OF,
    SHORT_ISO,
    cut_times_and_dates,
    in_header,
    is_section_word,
    label_of,
)
from kansli.minutes.parser.state import State
from kansli.minutes.parser.text import (
    clean,
    ends_sentence,
    fold,
    is_upper_word_line,
    strip_label,
    without_spans,
)

# "... ledningsgrupp, 1", "..., möte nr 3": the meeting's number after the body.
NUMBER_AFTER_TITLE = r",\s*(?:{title.number_words}\.?\s*)?(\d{1,3}(?:/\d{2,4})?)\s*$"
# "Styrelsemöte nr 11": a number after a number word anywhere in a short line.
NUMBER_IN_LINE = r"(?<!\w){title.number_words}\.?\s*(\d{1,3}(?:/\d{2,4})?)\b"
# "Protokoll 5/2022", "Protokoll nr 3": the number right after the kind.
KIND_NUMBER = r"^\s*(?:{title.number_words}\.?\s*)?(\d{1,3}(?:/\d{2,4})?)\b(?![-./]\d)"
EMAIL_FIELD = r"^{header.email}\s*:"
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def title(state: State, block: Block) -> int:
    """The document's title: a line naming the kind ("Minnesanteckningar från X, 1"), or the
    first top-level heading."""
    header = state.header
    text = clean(" ".join(block.cells) if block.kind == BlockKind.ROW else block.text)
    # "Subject: Beacon SteerCo - notes and actions": the mail's subject, not the minutes' title.
    if not in_header(state) or state.vocab.regex(EMAIL_FIELD).match(text):
        return 0
    kinds = state.vocab["kinds.all"]
    match = kinds.search(text)
    if header.title_seen and (match is None or header.kind is not None):
        return _repeated_title(state, block, text)
    if block.kind == BlockKind.BULLET:
        return 0
    if is_section_word(state, text) and (header.title_seen or block.kind == BlockKind.HEADING):
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
    text, consumed = _wrapped(state, block, text)
    if match is not None and _sentence_like(state, text):
        return 0  # a sentence that mentions "mötesanteckningar", not a title
    header.title_seen = True
    header.title_text = header.title_text or text
    read_title(state, text, kinds.search(text))
    _body_above(state)
    return consumed


def _wrapped(state: State, block: Block, text: str) -> tuple[str, int]:
    """A title wrapped over lines ("... från Södertörnskommunernas" + "ledningsgrupp, 1"):
    the whole of it, and how many blocks it takes."""
    consumed = 1
    while state.pos + consumed < len(state.blocks):
        following = state.blocks[state.pos + consumed]
        tail = following.text.strip()
        if following.kind != block.kind or not tail:
            break
        if not (following.continued or tail[:1].islower()):
            break
        text = f"{text} {tail}"
        consumed += 1
    return text, consumed


def _sentence_like(state: State, text: str) -> bool:
    return (
        len(cut_times_and_dates(state, text).split()) > 12
        or text.startswith("(")
        or text.endswith((".", ")"))
        or len(state.vocab.sentences(text)) > 1
    )


def _repeated_title(state: State, block: Block, text: str) -> int:
    """'<h1>Minnesanteckningar – Samverkansgruppen ...</h1>' under a <title> that said it
    already: the page's first heading is the title again, not the first item."""
    first = not state.preamble and not state.people and block.kind == BlockKind.HEADING
    said = state.header.title_text or ""
    if not first or block.level > 1 or not state.header.metadata_title:
        return 0
    if SequenceMatcher(None, fold(text), fold(said)).ratio() < 0.6:
        return 0  # "* Närvarande" under "#+TITLE: Protokoll ...": the text's own first part
    if any(b.kind == BlockKind.HEADING for b in state.blocks[: state.pos]):
        return 0
    read_title(state, text, state.vocab["kinds.all"].search(text))
    return 1


def _dated_first_line(state: State, block: Block, text: str) -> bool:
    """'Styrelsemöte Brf Solrosen 2024-03-12': a document's first line, short and dated, is its
    title even without a kind word."""
    if state.header.title_seen or state.header.date or state.preamble or state.people:
        return False
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING) or ends_sentence(text):
        return False
    if any(b.kind not in (BlockKind.BLANK, BlockKind.PAGE) for b in state.blocks[: state.pos]):
        return False
    dated = default_grammar().find_dates(text, None) or SHORT_ISO.search(text)
    rest = cut_times_and_dates(state, text)
    return bool(dated) and 0 < len(rest.split()) <= 8 and label_of(state, text) is None


def _body_above(state: State) -> None:
    """'Stenålderns samfällighet' / 'PROTOKOLL': a title that names only the kind has the body
    on the line just above it."""
    if state.header.body is not None or not state.preamble:
        return
    above = state.preamble[-1]
    text = above.text.strip()
    words = text.split()
    if 0 < len(words) <= 6 and not any(ch.isdigit() for ch in text) and not ends_sentence(text):
        state.header.body = _body_name(state, text) or text  # "Board – Regular Meeting"
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
    elif (anywhere := state.vocab.regex(NUMBER_IN_LINE).search(after)) is not None:
        header.meeting_number = header.meeting_number or anywhere.group(1)  # "of Meeting No. 6"
        after = after[: anywhere.start()] + after[anywhere.end() :]
    body = _body_name(state, YEAR.sub(" ", after))  # "Årsmötesprotokoll 2020": a year
    if not body and before and not is_upper_word_line(before):
        body = before
    if body and not body.isdigit() and not is_upper_word_line(body):
        if header.body and header.body_untitled and match is not None:
            # "The Python Software Foundation" / "Minutes of a Regular Meeting of the Board of
            # Directors": the organisation above, its body in the title.
            if fold(header.body) not in fold(body):
                body = f"{header.body} {body}"
            header.body = None
        elif match is not None and state.vocab["title.organs"].prefix(body):
            # "Board of Directors" names an organ, not whose: the organisation is the short
            # line above the title ("The Python Software Foundation").
            above = _organisation_above(state)
            body = f"{above} {body}" if above else body
        header.body = header.body or body
        header.body_untitled = match is None
    else:
        header.body_expected = header.body is None


def _organisation_above(state: State) -> str | None:
    if not state.preamble:
        return None
    text = clean(state.preamble[-1].text)
    words = text.split()
    if not 0 < len(words) <= 6 or ends_sentence(text) or any(ch.isdigit() for ch in text):
        return None
    small = state.vocab.union("title.connectors", "title.articles").phrases
    if not all(w[:1].isupper() or w in small for w in words[1:]):
        return None
    state.preamble.pop()
    return _body_name(state, text) or None


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
    folded = fold(first.rstrip(" ,."))
    if any(folded.endswith(w) and folded != w for w in ends):
        return first  # alone too: "Protokoll fört vid styrelsemöte nr 4" names no body
    return None


def body_line(state: State, block: Block) -> int:
    """After a title without the body ("KUNGSBACKA KOMMUN SAMMANTRÄDESPROTOKOLL"), the next plain
    line names the body ("Kommunstyrelsens arbetsutskott"); in a letterhead laid out in columns
    its first cell does ("Barn- och utbildningsnämnden | Sammanträdesdatum"), and the other
    cells are left to the labels."""
    header = state.header
    if not header.body_expected or not in_header(state):
        return 0
    header.body_expected = False
    row = block.kind == BlockKind.ROW
    text = clean(block.cells[0] if row and block.cells else block.text)
    if (
        len(text.split()) > 10
        or ends_sentence(text)
        or sum(ch.isdigit() for ch in text) > 3  # a date or a number; "Lärkträdet 3" is a name
        or is_upper_word_line(text)
        or label_of(state, text) is not None
        or is_section_word(state, text)
        or (row and group_of(state, text) is not None)
    ):
        return 0
    header.body = text
    return 0 if row else 1
