"""Attendance and officers written as sentences, as board minutes often do:

"The following members ... were present at the meeting: Tim Peters, Stephan Deibel, and Jeremy
Hylton. Kurt B. Kaiser (Treasurer) ... were also in attendance." / "Stephan Deibel presided." /
"D. Goodger prepared these minutes." / "Närvarande var A, B och C."
"""

from __future__ import annotations

import re

from kansli.minutes.blocks import Block, BlockKind
from kansli.minutes.dates import TimeSpan, default_grammar
from kansli.minutes.model import Status
from kansli.minutes.parser.rules.attendance import add
from kansli.minutes.parser.rules.header import fill_date_time
from kansli.minutes.parser.state import ParticipantDraft, Section, State, Unit
from kansli.minutes.parser.text import clean, fold, without_spans

WORD = r"[A-ZÅÄÖ][\wåäöé'’-]+"
NAME = rf"{WORD}(?:\s(?:[A-ZÅÄÖ]\.|{WORD}|de|von|van|af))*\s{WORD}"
PERSON = re.compile(rf"(?P<name>{NAME})(?:\s*\((?P<role>[^()]{{1,40}})\))?")
# A unit without any of these words says nothing about who chaired or wrote.
OFFICE_WORDS = ("attendance.chair_acts", "attendance.secretary_acts", "attendance.chair")
FIRST_NAME = re.compile(rf"^(?P<name>{WORD})\s")
CLAUSE_SPLIT = re.compile(r"[,;]\s+")
INITIAL_NAME = re.compile(r"^(?P<name>(?:[A-ZÅÄÖ]\.\s?)+[A-ZÅÄÖ][\wåäöé-]+|" + NAME + r")\s")


def prose_attendance(state: State, units: list[Unit], *, only: Status | None = None) -> None:
    """Sentences that list who was present, absent or also attended, and "X presided", in the
    text before the items and in an item about attendance ("1 Attendance"); with `only`,
    sentences of that status alone."""
    for unit in units:
        if unit.kind == BlockKind.ROW:
            continue
        for sentence in state.vocab.sentences(clean(unit.text)):
            status = _status_of(state, sentence)
            if status is None or (only is not None and status != only):
                continue
            listed = sentence.split(":", 1)[1] if ":" in sentence else sentence
            for match in PERSON.finditer(listed):
                name = match.group("name")
                if _is_phrase(state, name) or _is_organisation_name(state, name):
                    continue
                role = match.group("role")
                draft = ParticipantDraft(
                    name=match.group("name"),
                    organisation=None,
                    party=None,
                    role=fold(role) if role else None,
                    status=status,
                    source=unit.source,
                )
                add(state, draft)


def _is_organisation_name(state: State, name: str) -> bool:
    """'Byggbolaget Västmyra AB', 'Region Kustlandet': an organisation, not a person."""
    words = state.vocab["attendance.organisation_words"].phrases
    return any(
        word == org or (len(org) >= 6 and word.endswith(org))
        for word in fold(name).split()
        for org in words
    )


def attendance_units(state: State) -> list[Unit]:
    """The preamble and the items whose title is about attendance."""
    units = list(state.preamble)
    for item in state.items:
        if _is_attendance_title(state, item.title):
            units.extend(item.units)
    return units


def _is_attendance_title(state: State, title: str) -> bool:
    return any(
        state.vocab[key].is_(title)
        for key in ("attendance.present", "attendance.absent", "attendance.guest")
    )


def _status_of(state: State, sentence: str) -> Status | None:
    vocab = state.vocab
    if vocab["attendance.absent"].search(sentence):
        return Status.ABSENT
    if not (
        vocab["attendance.present"].search(sentence) or vocab["attendance.nouns"].search(sentence)
    ):
        return None
    if state.vocab["words.also"].search(sentence):
        return Status.GUEST
    return Status.PRESENT


def officers(state: State, units: list[Unit]) -> None:
    """Who chaired and who wrote, from what the text says they did: "Stephan Deibel presided",
    "Ryan facilitates, Mark to scribe", "D. Goodger prepared these minutes", or from a title
    before a name: "Ordförande Birgitta Litsegård hälsar ...". Only fills what is missing."""
    hint = state.vocab.union(*OFFICE_WORDS)
    for unit in units:
        if unit.kind == BlockKind.ROW or not hint.search(unit.text):
            continue
        for sentence in state.vocab.sentences(unit.text):
            for clause in CLAUSE_SPLIT.split(sentence):
                _officers(state, clause.strip())
            if state.header.chair and state.header.secretary:
                return


def _officers(state: State, clause: str) -> None:
    header = state.header
    vocab = state.vocab
    start = INITIAL_NAME.match(clause) or FIRST_NAME.match(clause)
    if start is not None and not _is_phrase(state, start.group("name")):
        rest = clause[start.end() :]
        if header.chair is None and vocab["attendance.chair_acts"].prefix(rest):
            header.chair = start.group("name")
        elif header.secretary is None and vocab["attendance.secretary_acts"].prefix(rest):
            header.secretary = start.group("name")
            header.author = header.author or start.group("name")
        return
    role = vocab["attendance.chair"].prefix(clause)
    if role and header.chair is None and not vocab["attendance.deputy"].search(clause[:40]):
        titled = INITIAL_NAME.match(clause[len(role) :].lstrip())
        if titled is not None:
            header.chair = titled.group("name")


def _is_phrase(state: State, name: str) -> bool:
    """'Board of Directors', 'The Python Software Foundation': capitalised, but nobody."""
    words = name.split()
    return state.vocab["words.articles"].is_(words[0]) or any(
        state.vocab["attendance.roles"].is_(w) for w in words
    )


# "was held over Internet Relay Chat beginning at ...": the capitalised words after "held".
HELD_AT = (
    r"(?<!\w){meeting.held}\s+(?P<place>[A-ZÅÄÖ][\wÅÄÖåäö&-]*"
    r"(?:\s+[A-ZÅÄÖ][\wÅÄÖåäö&-]*)*)"
)


# "... in Committee Room 2, Township Offices,": the place after its preposition.
PLACE_AFTER = r"(?<!\w){agenda.place_prefix}\s+(?P<place>[A-ZÅÄÖ0-9].*)$"


def meeting_times(state: State, block: Block) -> int:
    """'Mötet öppnades 17:23', 'beginning at 18:08 UTC', 'Kim Lindberger avslutar mötet 20:34':
    the meeting's start and end when the header did not give them; before the items, its place
    ("was held over Internet Relay Chat"). Never consumes the block."""
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.BULLET):
        return 0
    header = state.header
    text = block.text
    if header.start_time is None and state.vocab["meeting.open"].search(text):
        times = _times_at(state, text)
        if times:
            header.start_time = times[0].start
    if header.end_time is None and state.vocab["meeting.close"].search(text):
        times = _times_at(state, text)
        if times:
            header.end_time = times[-1].end or times[-1].start
    if not state.items and state.vocab["meeting.held"].search(text):
        _held(state, clean(text))
    if not state.items and header.date is None and header.sent is not None:
        _told_when(state, clean(text))
    return 0


def _told_when(state: State, text: str) -> None:
    """'Här kommer anteckningar från ... igår, torsdag 5 mars, kl. 13.00–13.45 på Teams': in a
    mail, the sentence that gives a day and a time is the meeting's (its year the mail's)."""
    header = state.header
    grammar = default_grammar()
    for sentence in state.vocab.sentences(text):
        days = [d for d in grammar.find_dates(sentence, header.sent) if not d.approximate]
        times = grammar.find_times(sentence)
        # "igår, torsdag 5 mars": two ways of saying one day
        one_day = len({d.start for d in days}) == 1
        if one_day and times and not state.vocab["words.next"].search(sentence):
            header.date = days[0].start
            header.start_time = header.start_time or times[0].start
            header.end_time = header.end_time or times[0].end
            return


def _held(state: State, text: str) -> None:
    """'held on Tuesday 10 June 2025 at 7.00 pm in Committee Room 2, Township Offices,' / 'was
    held over Internet Relay Chat beginning at 18:08 UTC': when and where, in one sentence."""
    header = state.header
    fill_date_time(state, text, whole=False)
    if header.place is not None:
        return
    grammar = default_grammar()
    spans = [(d.begin, d.stop) for d in grammar.find_dates(text, None)]
    undated = clean(
        without_spans(text, spans + [(t.begin, t.stop) for t in grammar.find_times(text)])
    )
    held = state.vocab.regex(HELD_AT).search(undated)
    if held:
        header.place = held.group("place")
        return
    at = state.vocab.regex(PLACE_AFTER).search(undated)
    if at is None:
        return
    place = at.group("place")
    for offset in range(1, 4):  # "... Township Offices," / "Market Street"
        following = state.next_content(offset)
        if following is None or not following.continued or not place.endswith(","):
            break
        place = f"{place} {clean(following.text)}"
    header.place = place.strip(" ,.")


def _times_at(state: State, text: str) -> list[TimeSpan]:
    """The times in `text`, or on the next line when `text` is a heading without one
    ("## Mötet öppnas" / "12:10-ish")."""
    grammar = default_grammar()
    times = grammar.find_times(text)
    if times:
        return times
    following = state.next_content()
    if following is not None and len(following.text.split()) <= 3:
        return grammar.find_times(following.text)
    return []


NAMES = rf"(?P<names>{NAME}(?:\s*(?:,|{{words.and}})\s*{NAME})*)"
# "Mötet väljer Kim Lindberger till mötesordförande", "Gustav Dalemo väljs in som sekreterare".
ELECTED_AFTER = (
    rf"{NAMES}\s+(?:[a-zåäö]+\s+){{0,3}}?{{attendance.elected_to}}\s+(?P<role>[\wåäö-]+)"
)
# "Till protokolljusterare utsågs Johanna Norrbygård och Tua Backman".
ELECTED_BEFORE = rf"(?<!\w){{attendance.elected_to}}\s+(?P<role>[\wåäö-]+)\s+\w+\s+{NAMES}"


def elections(state: State, units: list[Unit]) -> None:
    """'Mötet väljer Kim Lindberger till mötesordförande', 'Till protokolljusterare utsågs A och
    B', and in an approved att-sats 'Tekla är sekreterare': the meeting's chair, secretary and
    adjusters when the header did not name them."""
    election = state.vocab["attendance.elected"]
    for unit in units:
        if unit.kind == BlockKind.ROW:
            continue
        if unit.section in (Section.DECISION, Section.PROPOSAL):
            for match in state.vocab.regex(APPOINTED).finditer(unit.text):
                _assign(state, match.group("role"), match.group("names"))
        if not election.search(unit.text):
            continue
        for sentence in state.vocab.sentences(clean(unit.text)):
            if not election.search(sentence):
                continue
            for template in (ELECTED_AFTER, ELECTED_BEFORE):
                for match in state.vocab.regex(template).finditer(sentence):
                    _assign(state, match.group("role"), match.group("names"))


# "Att: Tekla är sekreterare", "Lukas är protokolljusterare": a proposal naming the officer.
APPOINTED = rf"^(?P<names>{WORD}(?:\s{WORD})?)\s+{{attendance.is}}\s+(?P<role>[\wåäö-]+)\.?$"


def titled_elections(state: State) -> None:
    """'§4 Val av justerare' / 'Årsmötet beslutade att välja Karin Barck Holst och Anders
    Nylander.': an item titled as an election names its role; the names come from the sentence
    that elects."""
    election = state.vocab["attendance.elected"]
    for item in state.items:
        prefix = state.vocab["attendance.election_titles"].prefix(item.title)
        if not prefix:
            continue
        offices = state.vocab.union(
            "attendance.roles", "attendance.adjusters", "attendance.chair", "attendance.secretary"
        )
        words = [w.strip(" ,.;") for w in item.title[len(prefix) :].split()]
        role_word = next((w for w in words if offices.is_(w)), None)
        if role_word is None:
            continue
        for unit in item.units:
            sentence = next(
                (s for s in state.vocab.sentences(clean(unit.text)) if election.search(s)), None
            )
            names = state.vocab.regex(NAMES).search(sentence) if sentence else None
            if names:
                _assign(state, role_word, names.group("names"))
                break


def _assign(state: State, role: str, names: str) -> None:
    people = [n.strip() for part in names.split(",") for n in state.vocab["words.and"].split(part)]
    people = [n for n in people if n]
    header = state.header
    vocab = state.vocab
    if vocab["attendance.adjusters"].is_(role) and not header.adjusters:
        header.adjusters.extend(people)
    elif vocab["attendance.chair"].is_(role) and header.chair is None:
        header.chair = people[0]
    elif vocab["attendance.secretary"].is_(role) and header.secretary is None:
        header.secretary = people[0]
