"""Who was there and who held which office, settled once the structure is read.

The order matters and is the order a reader would use: the attendance list as written (or, if
there is none, the sentences that say who was present), the roles it gives (ordförande,
sekreterare), what the text says people did ("X presided", "Mark to scribe"), who the meeting
elected ("Mötet väljer X till mötesordförande"). Without any list, those officers are the
participants. Names written short are completed from the document itself.
"""

from __future__ import annotations

import re

from kansli.minutes.model import Participant, Status
from kansli.minutes.parser.names import People, natural_order
from kansli.minutes.parser.rules import prose
from kansli.minutes.parser.state import ParticipantDraft, State
from kansli.minutes.parser.text import fold
from kansli.minutes.parser.vocab import PhraseSet

SURNAME = r"[ \xa0]+(?P<surname>[A-ZÅÄÖÉ][a-zåäöéü'’-]+(?:-[A-ZÅÄÖ][a-zåäö]+)?)(?![\w-])"


def settle(state: State, text: str) -> tuple[tuple[Participant, ...], People]:
    header = state.header
    vocab = state.vocab
    # Beside a list, prose adds only who was away ("Per Wall hade förhinder").
    only = Status.ABSENT if state.people else None
    prose.prose_attendance(state, prose.attendance_units(state), only=only)
    natural_order(state.people, text)
    deputies = vocab["attendance.deputy"]
    header.chair = header.chair or _by_role(state.people, vocab["attendance.chair"], deputies)
    header.secretary = header.secretary or _by_role(
        state.people, vocab["attendance.secretary"], deputies
    )
    item_units = [u for d in state.items for u in d.units]
    prose.officers(state, state.preamble + item_units)
    prose.elections(state, item_units)
    prose.titled_elections(state)
    _officers_attended(state)
    complete_names(state, text)
    participants = tuple(
        Participant(
            name=p.name,
            organisation=p.organisation,
            party=p.party,
            role=vocab.role_names.get(fold(p.role), p.role) if p.role else None,
            status=Status.ABSENT if p.invited_only else p.status,
            source=p.source,
        )
        for p in state.people
    )
    return participants, People.of([p.name for p in participants], text)


def _by_role(people: list[ParticipantDraft], roles: PhraseSet, deputies: PhraseSet) -> str | None:
    """The participant whose role names the office ("ordförande"), not its deputy."""
    for person in people:
        role = person.role
        if role and _names_office(role, roles) and not deputies.search(role):
            return person.name
    return None


def _names_office(role: str, roles: PhraseSet) -> bool:
    """'ordförande', 'nämndsekreterare' (an office as the end of a compound)."""
    last = fold(role).split()[-1] if role.split() else ""
    return bool(roles.search(role)) or any(len(p) > 6 and last.endswith(p) for p in roles.phrases)


def _officers_attended(state: State) -> None:
    """The chair, secretary and adjusters the minutes name were there: with no attendance list
    they are the participants; beside one, those it lacks are added ("Årsmötet beslutade att
    välja Karin Barck Holst och Anders Nylander" to adjust the minutes)."""
    header = state.header
    listed = People.of([p.name for p in state.people])
    roles = state.vocab.defaults
    offices = [
        (header.chair, roles.get("chair_role")),
        (header.secretary, roles.get("secretary_role")),
    ]
    offices += [(name, roles.get("adjuster_role")) for name in header.adjusters]
    source = state.items[0].source if state.items else None
    for name, role in offices:
        if not name or source is None:
            continue
        if any(fold(p.name) == fold(name) for p in state.people):
            continue
        if listed.full and (listed.resolve(name) or len(name.split()) < 2):
            continue  # in the list already, or a first name the list may hold
        state.people.append(ParticipantDraft(name, None, None, role, Status.PRESENT, source))


def complete_names(state: State, text: str) -> None:
    """'Tekla' -> 'Tekla Siesjö' when the document writes the full name once ("Tekla Siesjö har
    äskat") and no other surname with it: one-word names in the attendance and the offices."""
    cache: dict[str, str] = {}

    def full(name: str | None) -> str | None:
        if not name or " " in name.strip() or not name[:1].isupper():
            return name
        if name not in cache:
            surnames = {
                m.group("surname")
                for m in re.finditer(rf"(?<![\w-]){re.escape(name)}{SURNAME}", text)
                if not _is_word(state, m.group("surname"))
            }
            cache[name] = f"{name} {surnames.pop()}" if len(surnames) == 1 else name
        return cache[name]

    for person in state.people:
        person.name = full(person.name) or person.name
    header = state.header
    header.chair = full(header.chair)
    header.secretary = full(header.secretary)
    header.author = full(header.author)
    header.adjusters = [full(a) or a for a in header.adjusters]


def _is_word(state: State, word: str) -> bool:
    """A capitalised word that is vocabulary, not a surname ("Mark Will", "Olav Fixar")."""
    vocab = state.vocab
    return any(
        vocab[key].prefix(word) == word
        for key in ("actions.verbs", "actions.not_verbs", "attendance.roles", "words.articles")
    )
