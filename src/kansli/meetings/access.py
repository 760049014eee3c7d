"""`meeting_for`: a meeting and the user's access to it, or Http404 (see registry.access)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from kansli.meetings.models import Meeting
from kansli.registry.access import Access, access_to

if TYPE_CHECKING:
    from kansli.registry.access import User


def meeting_for(user: User, meeting_id: int) -> tuple[Meeting, Access]:
    meeting = Meeting.objects.select_related("body").filter(pk=meeting_id).first()
    access = access_to(user, meeting.body) if meeting is not None else None
    if meeting is None or access is None:
        raise Http404
    return meeting, access
