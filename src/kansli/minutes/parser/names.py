"""People: resolving "Cecilia" or "S. Deibel" to the participant's full name, and putting names
written "Efternamn Förnamn" in an attendance list back in natural order."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kansli.minutes.parser.state import ParticipantDraft
from kansli.minutes.parser.text import fold, looks_like_person

# "Maya Patel (@mpatel)": a name and the handle it goes by.
HANDLE = re.compile(
    r"(?P<name>[A-ZÅÄÖ][\w'’-]+(?:\s[A-ZÅÄÖ][\w'’-]+)+)\s*\(@(?P<handle>[\w.-]+)[,)]"
)
INITIALS = re.compile(r"(\w)\.\s*(?:\w\.\s*)*([\w-]+(?:\s[\w-]+)?)")


@dataclass(frozen=True, slots=True)
class People:
    """The participants' names, indexed for resolution."""

    full: dict[str, str]
    first: dict[str, list[str]]
    last: dict[str, list[str]]
    handles: dict[str, str]
    """'@mpatel' -> 'Maya Patel', from "Maya Patel (@mpatel)" in the document."""

    @classmethod
    def of(cls, names: Sequence[str], document_text: str = "") -> People:
        full: dict[str, str] = {}
        first: dict[str, list[str]] = {}
        last: dict[str, list[str]] = {}
        for name in names:
            tokens = name.split()
            full[fold(name)] = name
            if tokens:
                first.setdefault(fold(tokens[0]), []).append(name)
                last.setdefault(fold(tokens[-1]), []).append(name)
        handles = {
            fold(f"@{m.group('handle')}"): full[fold(m.group("name"))]
            for m in HANDLE.finditer(document_text)
            if fold(m.group("name")) in full
        }
        return cls(full, first, last, handles)

    def by_surname(self, written: str) -> str | None:
        """'Dunn' -> 'Priscilla Dunn' when one participant has that surname."""
        matches = self.last.get(fold(written).strip(" .,:"), [])
        return matches[0] if len(set(matches)) == 1 else None

    def resolve(self, written: str) -> str | None:
        """The full name `written` refers to, or None when it names nobody in the attendance."""
        key = fold(written).strip(" .,:")
        if not key:
            return None
        if key in self.full:
            return self.full[key]
        if key.startswith("@"):
            return self.handles.get(key)
        tokens = key.split()
        if len(tokens) == 1:
            matches = self.first.get(tokens[0], [])
            return matches[0] if len(set(matches)) == 1 else None
        initial = INITIALS.fullmatch(key)
        if initial:
            candidates = [
                n
                for n in self.last.get(fold(initial.group(2).split()[-1]), [])
                if fold(n)[:1] == initial.group(1)
            ]
            return candidates[0] if len(set(candidates)) == 1 else None
        # "Eric Holk" when the list says "Eric Holk (@eholk)": first + last token.
        for name in self.first.get(tokens[0], []):
            if fold(name.split()[-1]) == tokens[-1]:
                return name
        return None


def rotate(name: str) -> str:
    """'Lindvall Mikael' -> 'Mikael Lindvall'; 'Phan An Tuan' -> 'An Tuan Phan'."""
    tokens = name.split()
    return " ".join([*tokens[1:], tokens[0]]) if len(tokens) >= 2 else name


def natural_order(people: list[ParticipantDraft], document_text: str) -> None:
    """Put "Efternamn Förnamn" lists in natural order when the rest of the document shows it.

    Evidence is the other order written elsewhere (signatures, § texts: "Mikael Lindvall"). When
    most names with evidence are reversed, the list's style is surname-first: every name of it is
    rotated, also those the document mentions only once.
    """
    text = fold(document_text)
    reversed_votes = natural_votes = 0
    for person in people:
        if not looks_like_person(person.name):
            continue
        written = text.count(fold(person.name))
        other = text.count(fold(rotate(person.name)))
        if other > 0 and other >= written:
            reversed_votes += 1
        elif written > 1 and other == 0:
            natural_votes += 1
    if reversed_votes == 0 or reversed_votes <= natural_votes:
        return
    for person in people:
        if looks_like_person(person.name) or len(person.name.split()) >= 2:
            person.name = rotate(person.name)
