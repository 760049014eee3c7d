"""The parser's working state: drafts that the structural rules fill in, block by block.

Drafts are mutable on purpose (they are built up line by line); `assemble` turns them into the
frozen model at the end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum

from kansli.minutes.blocks import Block, BlockKind
from kansli.minutes.model import Source, Status
from kansli.minutes.parser.vocab import Vocabulary


class Section(StrEnum):
    """Which part of an item a piece of content stands in."""

    TEXT = "text"
    DECISION = "decision"
    PROPOSAL = "proposal"
    HISTORY = "history"  # earlier decisions quoted, "Beslutsgång": not this meeting's decisions
    ACTIONS = "actions"
    AGENDA = "agenda"
    REFERRALS = "referrals"
    EVENTS = "events"


@dataclass(slots=True)
class Unit:
    """One paragraph, bullet or table of an item, with the section it stands in."""

    section: Section
    kind: BlockKind
    text: str
    source: Source
    level: int = 0
    rows: list[tuple[str, ...]] = field(default_factory=list)
    subheading: str | None = None


@dataclass(slots=True)
class ItemDraft:
    number: str | None
    title: str
    source: Source
    section: Section = Section.TEXT
    base_section: Section = Section.TEXT
    units: list[Unit] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)
    subheading: str | None = None
    section_start: int = 0
    """How many units the item had when its current section began."""
    container: str | None = None
    """The container heading the item stands under ("agenda", "minutes"), if any."""
    title_open: bool = False
    """The heading gave only a number ("§ 92", "4"): the next line(s) are the title."""
    implicit: bool = False
    """Opened by a section label ("Beslut:") in notes without item headings: the whole
    meeting's item, or nothing when real items follow."""


@dataclass(slots=True)
class ParticipantDraft:
    name: str
    organisation: str | None
    party: str | None
    role: str | None
    status: Status
    source: Source
    invited_only: bool = False


@dataclass(slots=True)
class AttendanceGroup:
    status: Status
    role: str | None
    invited: bool = False
    column_roles: tuple[str | None, ...] = ()
    columns: tuple[str, ...] = ()
    """What each column of the list's table holds, from its heading row: "name",
    "organisation", "role" or "" ("Namn | Förvaltning | Roll")."""


@dataclass(slots=True)
class HeaderDraft:
    kind: str | None = None
    body: str | None = None
    meeting_number: str | None = None
    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str | None = None
    sender: str | None = None
    author: str | None = None
    chair: str | None = None
    secretary: str | None = None
    adjusters: list[str] = field(default_factory=list)
    letterheads: list[str] = field(default_factory=list)
    """Lines in capitals above the title ("EAST FERRIN TOWNSHIP COUNCIL" / "PARKS AND
    RECREATION ADVISORY COMMITTEE"): the last names the body when nothing else does."""
    title_seen: bool = False
    sent: dt.date | None = None
    """The date an e-mail carrying the minutes was sent (its header's "Skickat:"/"Sent:")."""
    metadata_title: bool = False
    """The title came from the document's properties (an HTML <title>, Org's #+TITLE)."""
    title_text: str | None = None
    """The title line as written (the name of the one item of notes without item headings)."""
    body_untitled: bool = False
    """The body came from a title line without a kind word (an organisation's name above
    the title proper)."""
    body_expected: bool = False
    """The title named the kind but not the body: the next plain line may be the body."""


@dataclass(slots=True)
class State:
    blocks: Sequence[Block]
    vocab: Vocabulary
    pos: int = 0
    header: HeaderDraft = field(default_factory=HeaderDraft)
    people: list[ParticipantDraft] = field(default_factory=list)
    group: AttendanceGroup | None = None
    items: list[ItemDraft] = field(default_factory=list)
    preamble: list[Unit] = field(default_factory=list)
    contents: dict[str, str] = field(default_factory=dict)
    """Item number -> title from a table of contents ("39 § Sammanträdets laglighet ... 1")."""
    contents_opened: set[str] = field(default_factory=set)
    """The entries of the contents whose items are open ("#3" for an entry without a number)."""
    contents_matchers: dict[str, tuple[SequenceMatcher[str], int]] = field(default_factory=dict)
    """Per contents title: a matcher that has indexed it, and its length."""
    item_level: int | None = None
    container_level: int | None = None
    """Inside a container heading ("Agenda", "Formalia" over its sub-headings, a repository
    path): the headings one level below it are items."""
    container: str | None = None
    """The container heading's text, folded ("agenda", "minutes")."""
    capital_headings: bool = False
    """The text writes its items as headings in capitals ("CALL TO ORDER")."""
    item_by_capitals: bool = False
    """The items so far were opened by headings in capitals."""
    bullet_items: bool = False
    """Right under a container heading: its top-level bullets are items."""
    lead_bullets: bool = False
    """The items so far are the bullets the notes open with (before any item heading)."""
    pending_columns: list[str] = field(default_factory=list)
    """Labels of a header row ("Datum | Plats") whose values are on the next line."""
    pending_label: str | None = None
    """A header label alone on its line ("Avsändare", "Datum"): the next line is its value."""
    blank_before: bool = True
    """The block before the current one was a gap (BLANK, PAGE or the start)."""
    uses_decision_headings: bool = False
    after_label: bool = False
    """The previous block was a heading or section label: the next line starts a new unit."""
    label_rest: bool = False
    """The label line just taken ended in text of its own ("Beslut: Vi hyr en container till")
    that the next line may go on with: it does not count as a label for `after_label`."""
    items_paused: bool = False
    """Under a heading that is not an item ("Links", "Upcoming Meetings"): content is no item's."""
    whole_paragraphs: bool = False
    """The format's paragraphs are whole (a Word paragraph): one never goes on with the one
    before unless the reader says so (`continued`), as lines of a hard-wrapped text do."""
    marked_wraps: bool = False
    """The reader marks a line that wraps the one above (`continued`, from a PDF's layout): a
    heading is not taken to go on in a line the reader did not mark."""

    @property
    def item(self) -> ItemDraft | None:
        return self.items[-1] if self.items else None

    @property
    def block(self) -> Block:
        return self.blocks[self.pos]

    def next_content(self, offset: int = 1) -> Block | None:
        """The `offset`-th block after the current one that is content (no BLANK/PAGE/furniture)."""
        seen = 0
        for index in range(self.pos + 1, len(self.blocks)):
            block = self.blocks[index]
            if block.kind in (BlockKind.BLANK, BlockKind.PAGE) or block.furniture:
                continue
            seen += 1
            if seen == offset:
                return block
        return None

    def next_is_gap(self) -> bool:
        following = self.blocks[self.pos + 1] if self.pos + 1 < len(self.blocks) else None
        return following is None or following.kind in (BlockKind.BLANK, BlockKind.PAGE)
