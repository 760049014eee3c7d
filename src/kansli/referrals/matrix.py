"""The joint-initiative matrix: an initiative × every member organisation × its status columns.
A cell's value ("x", a date, a comment) is recorded with the meeting it came from and never
overwritten, so the matrix is the latest value per cell and the history is every change."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils.translation import gettext as _

from kansli.audit.log import record
from kansli.meetings.models import Meeting
from kansli.referrals.models import Initiative, InitiativeColumn, InitiativeStatus
from kansli.referrals.organisations import Row
from kansli.referrals.services import User
from kansli.registry.models import Body, Organisation


def add_column(initiative: Initiative, name: str, *, actor: User = None) -> InitiativeColumn:
    """A status column at the end; the existing one when the name is taken."""
    name = " ".join(name.split())[:100]
    with transaction.atomic():
        known = initiative.columns.filter(name__iexact=name).first()
        if known is not None:
            return known
        last = initiative.columns.aggregate(Max("position"))["position__max"] or 0
        column = InitiativeColumn.objects.create(
            initiative=initiative, name=name, position=last + 1
        )
        record(actor, "create", column, after={"initiative": initiative.pk, "name": name})
    return column


def value_on(
    initiative: Initiative, organisation: Organisation, column: InitiativeColumn, day: dt.date
) -> str:
    """The cell's value as it stood on `day` ("" when nothing was recorded)."""
    latest = (
        initiative.statuses.filter(organisation=organisation, column=column, recorded__lte=day)
        .order_by("-recorded", "-pk")
        .first()
    )
    return latest.value if latest is not None else ""


def set_status(
    initiative: Initiative,
    organisation: Organisation,
    column: InitiativeColumn,
    value: str,
    *,
    on: dt.date,
    meeting: Meeting | None = None,
    actor: User = None,
) -> InitiativeStatus | None:
    """Record a cell's value from `on` (and `meeting`); nothing when it already says that."""
    value = " ".join(value.split())[:200]
    with transaction.atomic():
        if value == value_on(initiative, organisation, column, on):
            return None
        status = InitiativeStatus.objects.create(
            initiative=initiative,
            organisation=organisation,
            column=column,
            value=value,
            meeting=meeting,
            recorded=on,
        )
        record(
            actor,
            "set_status",
            status,
            after={
                "initiative": initiative.title,
                "organisation": organisation.name,
                "column": column.name,
                "value": value,
                "meeting": meeting.pk if meeting else None,
            },
        )
    return status


def initiative_named(body: Body, title: str, *, actor: User = None) -> Initiative:
    """The body's initiative of that title (case-insensitively), created when new."""
    title = " ".join(title.split())[:300]
    with transaction.atomic():
        known = Initiative.objects.filter(body=body, title__iexact=title).first()
        if known is not None:
            return known
        initiative = Initiative.objects.create(body=body, title=title)
        record(actor, "create", initiative, after={"title": initiative.title})
    return initiative


def apply_table(
    initiative: Initiative,
    columns: list[str],
    rows: list[Row],
    *,
    meeting: Meeting,
    actor: User = None,
) -> Initiative:
    """A table from `meeting` as an update of `initiative`: its columns are added where new,
    rows naming no organisation create it, rows naming a non-member make it a member."""
    with transaction.atomic():
        stored = [
            add_column(initiative, name.strip() or _("Kolumn %(n)s") % {"n": n}, actor=actor)
            for n, name in enumerate(columns, 1)
        ]
        for row in rows:
            organisation = _member(row, actor)
            for column, value in zip(stored, row.values, strict=False):
                set_status(
                    initiative,
                    organisation,
                    column,
                    value,
                    on=meeting.date,
                    meeting=meeting,
                    actor=actor,
                )
    return initiative


def _member(row: Row, actor: User) -> Organisation:
    organisation = row.organisation
    if organisation is None:
        organisation = Organisation.objects.filter(name__iexact=row.written).first()
    if organisation is None:
        organisation = Organisation.objects.create(name=row.written[:200], is_member=True)
        record(actor, "create", organisation, after={"name": organisation.name, "is_member": True})
    elif not organisation.is_member:
        organisation.is_member = True
        organisation.save(update_fields=["is_member"])
        record(
            actor, "update", organisation, before={"is_member": False}, after={"is_member": True}
        )
    return organisation


def published(initiative: Initiative) -> QuerySet[InitiativeStatus]:
    """The values a member sees: those set by hand or from a published meeting (a value from
    the secretary's draft minutes waits, like the minutes, until they are published)."""
    return initiative.statuses.filter(
        Q(meeting__isnull=True) | Q(meeting__published_at__isnull=False)
    )


# --- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    value: str
    status: InitiativeStatus | None
    behind: bool
    """Empty while another organisation has a value in the column (a decision not yet taken)."""


@dataclass(frozen=True)
class MatrixRow:
    organisation: Organisation
    cells: list[Cell]

    @property
    def behind(self) -> int:
        return sum(cell.behind for cell in self.cells)


@dataclass(frozen=True)
class Change:
    organisation: Organisation
    column: InitiativeColumn
    value: str
    before: str


@dataclass(frozen=True)
class Step:
    """What changed on one date, from one meeting (or by hand: meeting None)."""

    recorded: dt.date
    meeting: Meeting | None
    changes: list[Change]


@dataclass(frozen=True)
class Matrix:
    initiative: Initiative
    columns: list[InitiativeColumn]
    rows: list[MatrixRow]
    history: list[Step]
    """Newest first."""

    @property
    def behind(self) -> list[MatrixRow]:
        return [row for row in self.rows if row.behind]


def matrix_of(initiative: Initiative, statuses: QuerySet[InitiativeStatus] | None = None) -> Matrix:
    """Rows: the member organisations (and any other with a recorded value), by name. The
    values are `statuses` (default: all the initiative's; see `published`)."""
    columns = list(initiative.columns.all())
    chosen = initiative.statuses.all() if statuses is None else statuses
    ordered = list(
        chosen.select_related("organisation", "column", "meeting__body").order_by("recorded", "pk")
    )
    latest: dict[tuple[int, int], InitiativeStatus] = {}
    history: list[Step] = []
    for status in ordered:
        key = (status.organisation_id, status.column_id)
        before = latest[key].value if key in latest else ""
        latest[key] = status
        change = Change(status.organisation, status.column, status.value, before)
        step = history[-1] if history else None
        if step and (step.recorded, step.meeting) == (status.recorded, status.meeting):
            step.changes.append(change)
        else:
            history.append(Step(status.recorded, status.meeting, [change]))
    organisations = Organisation.objects.filter(
        Q(is_member=True) | Q(pk__in={org for org, _col in latest})
    ).order_by("name")
    filled = {col for (_org, col), status in latest.items() if status.value}
    rows = []
    for organisation in organisations:
        cells = []
        for column in columns:
            status = latest.get((organisation.pk, column.pk))
            value = status.value if status else ""
            cells.append(Cell(value, status, behind=not value and column.pk in filled))
        rows.append(MatrixRow(organisation, cells))
    return Matrix(initiative, columns, rows, list(reversed(history)))
