"""What imported minutes suggest for the registers, proposed to the secretary:

- every referral the parse found under "Aktuella remisser" (`minutes["referrals"]` of the
  meeting's source documents) becomes a referral proposal;
- every table of the meeting whose first column lists the member organisations (the rule is
  `organisations.is_organisation_table`) becomes a proposed update of the initiative named
  by its item's title.

Proposing is idempotent (a proposal is keyed per meeting), and a proposal once accepted or
rejected stays so. Accepting a referral whose title the body already has links the meeting to
that referral instead of registering it twice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.audit.log import record
from kansli.meetings.models import DataTable, Meeting
from kansli.referrals import matrix
from kansli.referrals.models import (
    Initiative,
    Proposal,
    ProposalKind,
    ProposalState,
    Referral,
)
from kansli.referrals.organisations import Directory, Row, is_organisation_table, rows_of
from kansli.referrals.services import ReferralFields, User, create_referral, link_meeting


class ProposalError(ValueError):
    """A proposal that cannot be decided (already decided); the message is for the user."""


@dataclass(frozen=True)
class ReferralFound:
    title: str
    sender: str
    deadline: dt.date | None

    @classmethod
    def of(cls, data: dict[str, object]) -> ReferralFound:
        return cls(str(data.get("title") or ""), str(data.get("sender") or ""), _date(data))

    def data(self) -> dict[str, object]:
        deadline = self.deadline.isoformat() if self.deadline else None
        return {"title": self.title, "sender": self.sender, "deadline": deadline}


@dataclass(frozen=True)
class TableFound:
    initiative: str
    columns: list[str]
    rows: list[list[str]]

    @classmethod
    def of(cls, data: dict[str, object]) -> TableFound:
        columns = data.get("columns")
        rows = data.get("rows")
        return cls(
            str(data.get("initiative") or ""),
            [str(c) for c in columns] if isinstance(columns, list) else [],
            [[str(c) for c in r] for r in rows if isinstance(r, list)]
            if isinstance(rows, list)
            else [],
        )

    def data(self) -> dict[str, object]:
        return {"initiative": self.initiative, "columns": self.columns, "rows": self.rows}


def _date(data: dict[str, object]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(data.get("deadline"))) if data.get("deadline") else None
    except ValueError:
        return None


# --- proposing ----------------------------------------------------------------------------------


def propose(meeting: Meeting) -> list[Proposal]:
    """Both kinds of proposal for `meeting`; the open ones, oldest first."""
    propose_referrals(meeting)
    propose_matrix_updates(meeting)
    return list(meeting.proposals.filter(state=ProposalState.OPEN).order_by("kind", "pk"))


def propose_referrals(meeting: Meeting) -> list[Proposal]:
    """The referrals the parse found in the meeting's source documents (idempotent)."""
    proposals = []
    for source in meeting.sources.all():
        found = source.minutes.get("referrals") if isinstance(source.minutes, dict) else None
        for raw in found if isinstance(found, list) else []:
            if not isinstance(raw, dict) or not str(raw.get("title") or "").strip():
                continue
            referral = ReferralFound(
                " ".join(str(raw["title"]).split())[:300],
                " ".join(str(raw.get("from") or "").split())[:300],
                _date(raw),
            )
            proposals.append(_propose(meeting, ProposalKind.REFERRAL, referral.title, referral))
    return proposals


def propose_matrix_updates(meeting: Meeting) -> list[Proposal]:
    """The meeting's tables whose first column lists member organisations (idempotent)."""
    directory = Directory.load()
    proposals = []
    tables = DataTable.objects.filter(item__meeting=meeting).select_related("item")
    for table in tables.order_by("item__position", "position"):
        columns = [str(c) for c in table.columns]
        rows = [[str(c) for c in row] for row in table.rows if isinstance(row, list)]
        if not is_organisation_table(columns, rows, directory):
            continue
        title = " ".join(table.item.title.split()) or str(meeting)
        key = f"{table.item.position}.{table.position} {title}"
        found = TableFound(title[:300], columns, rows)
        proposals.append(_propose(meeting, ProposalKind.MATRIX, key, found))
    return proposals


def _propose(
    meeting: Meeting, kind: ProposalKind, key: str, found: ReferralFound | TableFound
) -> Proposal:
    key = key[:300]
    proposal, _created = Proposal.objects.get_or_create(
        meeting=meeting, kind=kind, key=key, defaults={"data": found.data()}
    )
    if proposal.state == ProposalState.OPEN and proposal.data != found.data():
        # The meeting was edited since: the open proposal shows what the minutes say now.
        proposal.data = found.data()
        proposal.save(update_fields=["data"])
    return proposal


# --- showing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """A proposal as the secretary sees it before deciding."""

    proposal: Proposal
    referral: ReferralFound | None = None
    existing_referral: Referral | None = None
    table: TableFound | None = None
    rows: tuple[Row, ...] = ()
    existing_initiative: Initiative | None = None

    @property
    def new_organisations(self) -> list[str]:
        return [row.written for row in self.rows if row.organisation is None]

    @property
    def new_members(self) -> list[str]:
        return [
            row.organisation.name for row in self.rows if row.organisation and row.becomes_member
        ]


def shown(proposal: Proposal, directory: Directory | None = None) -> Shown:
    body = proposal.meeting.body
    if proposal.kind == ProposalKind.REFERRAL:
        referral = ReferralFound.of(proposal.data)
        existing = Referral.objects.filter(body=body, title__iexact=referral.title).first()
        return Shown(proposal, referral=referral, existing_referral=existing)
    table = TableFound.of(proposal.data)
    rows = rows_of(table.columns, table.rows, directory or Directory.load())
    existing_initiative = Initiative.objects.filter(
        body=body, title__iexact=table.initiative
    ).first()
    return Shown(proposal, table=table, rows=tuple(rows), existing_initiative=existing_initiative)


# --- deciding -----------------------------------------------------------------------------------


def accept(
    proposal: Proposal, *, initiative: Initiative | None = None, actor: User = None
) -> Referral | Initiative:
    """Enter the proposal into the register: the referral, or the initiative's new values
    (into `initiative` when the secretary chose one, else the one named by the item title)."""
    with transaction.atomic():
        locked = _open(proposal)
        view = shown(locked)
        meeting = locked.meeting
        result: Referral | Initiative
        if view.referral is not None:
            result = view.existing_referral or create_referral(
                meeting.body,
                ReferralFields(
                    title=view.referral.title,
                    sender=view.referral.sender,
                    deadline=view.referral.deadline,
                ),
                source=meeting,
                actor=actor,
            )
            link_meeting(result, meeting, actor=actor)
        else:
            assert view.table is not None
            if initiative is not None and initiative.body_id != meeting.body_id:
                raise ProposalError(_("Initiativet hör till en annan grupp."))
            result = matrix.apply_table(
                initiative or matrix.initiative_named(meeting.body, view.table.initiative),
                view.table.columns[1:],
                list(view.rows),
                meeting=meeting,
                actor=actor,
            )
        _decide(locked, ProposalState.ACCEPTED, actor)
    return result


def reject(proposal: Proposal, *, actor: User = None) -> None:
    with transaction.atomic():
        _decide(_open(proposal), ProposalState.REJECTED, actor)


def accept_all(meeting: Meeting, *, actor: User = None) -> int:
    """Propose for `meeting` and accept every open proposal (the demo, a trusted import);
    returns how many were accepted."""
    proposals = propose(meeting)
    for proposal in proposals:
        accept(proposal, actor=actor)
    return len(proposals)


def _open(proposal: Proposal) -> Proposal:
    locked = (
        Proposal.objects.select_for_update().select_related("meeting__body").get(pk=proposal.pk)
    )
    if locked.state != ProposalState.OPEN:
        raise ProposalError(_("Förslaget är redan godtaget eller avvisat."))
    return locked


def _decide(proposal: Proposal, state: ProposalState, actor: User) -> None:
    proposal.state = state
    proposal.decided_by = actor if actor is not None and actor.is_authenticated else None
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["state", "decided_by", "decided_at"])
    record(actor, str(state), proposal, after={"kind": proposal.kind, "key": proposal.key})
