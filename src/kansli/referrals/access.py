"""One permission check per object type, as in `meetings.access`: a referral, an initiative
and a proposal belong to a body; its members read them, its secretary writes. Outsiders get
404 (they cannot tell the object exists), members trying to write 403."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from kansli.meetings.access import meeting_for
from kansli.referrals.models import Initiative, Proposal, Referral
from kansli.registry.access import Access, access_to

if TYPE_CHECKING:
    from kansli.registry.access import User


def _check(user: User, access: Access | None, *, write: bool) -> Access:
    if access is None:
        raise Http404
    if write and not access.may_write:
        raise PermissionDenied
    return access


def referral_for(user: User, referral_id: int, *, write: bool = False) -> tuple[Referral, Access]:
    referral = Referral.objects.select_related("body").filter(pk=referral_id).first()
    if referral is None:
        raise Http404
    return referral, _check(user, access_to(user, referral.body), write=write)


def initiative_for(
    user: User, initiative_id: int, *, write: bool = False
) -> tuple[Initiative, Access]:
    initiative = Initiative.objects.select_related("body").filter(pk=initiative_id).first()
    if initiative is None:
        raise Http404
    return initiative, _check(user, access_to(user, initiative.body), write=write)


def proposal_for(user: User, proposal_id: int) -> Proposal:
    """Proposals are the secretary's: deciding one is a write to the meeting's body."""
    proposal = Proposal.objects.filter(pk=proposal_id).first()
    if proposal is None:
        raise Http404
    meeting_for(user, proposal.meeting_id, write=True)
    return proposal
