"""Which organisation a table cell names. Minutes write "Botkyrka" where the registry has
"Botkyrka kommun", "Nykvarn" for "Nykvarns kommun": a cell names an organisation when it is
the organisation's name or short name, or when one of the `FORMS` filled with the cell is its
name (case-insensitively). The forms are data, like the parser's vocabularies.

A table is about the member organisations (a matrix update) when its first column says so:
see `is_organisation_table`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kansli.registry.models import Organisation

FORMS = (
    "{} kommun",
    "{}s kommun",
    "{} stad",
    "{}s stad",
    "{} municipality",
    "region {}",
    "{} region",
)
"""How an organisation's registered name is made from the short form a table uses."""

HEADINGS = frozenset(
    {
        "kommun",
        "kommuner",
        "medlem",
        "medlemmar",
        "medlemsorganisation",
        "organisation",
        "organisationer",
        "municipality",
        "municipalities",
        "member",
        "members",
    }
)
"""First-column headings that say "one row per organisation" when no organisation is known."""


class Directory:
    """The registry's organisations, looked up by what a cell says: members first."""

    def __init__(self, organisations: Iterable[Organisation]) -> None:
        self.members: dict[str, Organisation] = {}
        self.others: dict[str, Organisation] = {}
        for organisation in organisations:
            index = self.members if organisation.is_member else self.others
            for name in (organisation.name, organisation.short_name):
                if name.strip():
                    index.setdefault(name.strip().casefold(), organisation)

    @classmethod
    def load(cls) -> Directory:
        return cls(Organisation.objects.only("pk", "name", "short_name", "is_member"))

    def find(self, written: str, *, members_only: bool = False) -> Organisation | None:
        cell = " ".join(written.split())
        if not cell:
            return None
        candidates = [cell.casefold()] + [form.format(cell).casefold() for form in FORMS]
        indexes = (self.members,) if members_only else (self.members, self.others)
        for index in indexes:
            for candidate in candidates:
                if candidate in index:
                    return index[candidate]
        return None


@dataclass(frozen=True)
class Row:
    written: str
    organisation: Organisation | None
    """None: a new member organisation named as written, created when the update is accepted."""
    values: tuple[str, ...]

    @property
    def becomes_member(self) -> bool:
        return self.organisation is not None and not self.organisation.is_member


def rows_of(columns: list[str], rows: list[list[str]], directory: Directory) -> list[Row]:
    width = max(len(columns) - 1, 0)
    found = []
    for row in rows:
        cells = [" ".join(str(cell).split()) for cell in row]
        if not cells or not cells[0]:
            continue
        values = (cells[1:] + [""] * width)[:width]
        found.append(Row(cells[0], directory.find(cells[0]), tuple(values)))
    return found


def is_organisation_table(columns: list[str], rows: list[list[str]], directory: Directory) -> bool:
    """The rule for proposing a table as a matrix update: at least two rows and a status column,
    and at least half of the rows' first cells name a member organisation. While no member
    organisation is registered yet (a fresh installation), half naming any registered
    organisation will do, or a first-column heading such as "Kommun" (`HEADINGS`)."""
    named = [str(row[0]).strip() for row in rows if row and str(row[0]).strip()]
    if len(columns) < 2 or len(named) < 2:
        return False
    members = sum(directory.find(cell, members_only=True) is not None for cell in named)
    if 2 * members >= len(named):
        return True
    if directory.members:
        return False
    known = sum(directory.find(cell) is not None for cell in named)
    heading = " ".join(str(columns[0]).split()).casefold()
    return 2 * known >= len(named) or heading in HEADINGS
