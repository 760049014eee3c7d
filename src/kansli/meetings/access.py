"""One permission check per object type (see registry.access for the rules): each returns the
object and the user's access, or raises Http404 so an outsider cannot tell that it exists.
A member who may see an object but not change it gets PermissionDenied (403) on a write.

A meeting that is not yet published is the secretary's draft: other members get 404 for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from kansli.meetings.models import Attachment, ImportDraft, Meeting, SourceDocument
from kansli.registry.access import Access, access_to, writable_bodies

if TYPE_CHECKING:
    from kansli.registry.access import User


def meeting_for(user: User, meeting_id: int, *, write: bool = False) -> tuple[Meeting, Access]:
    meeting = Meeting.objects.select_related("body").filter(pk=meeting_id).first()
    access = access_to(user, meeting.body) if meeting is not None else None
    if meeting is None or access is None:
        raise Http404
    if meeting.published_at is None and not access.may_write:
        raise Http404
    if write and not access.may_write:
        raise PermissionDenied
    return meeting, access


def visible_meetings(user: User, access: Access, meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """The meetings of a body the user may see: all for its secretary, the published for others."""
    return meetings if access.may_write else meetings.filter(published_at__isnull=False)


def source_for(user: User, source_id: int) -> SourceDocument:
    source = SourceDocument.objects.filter(pk=source_id).first()
    if source is None:
        raise Http404
    meeting_for(user, source.meeting_id)
    return source


def attachment_for(user: User, attachment_id: int) -> Attachment:
    attachment = Attachment.objects.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404
    meeting_for(user, attachment.meeting_id)
    return attachment


def draft_for(user: User, draft_id: int) -> ImportDraft:
    """An import under review: its uploader's, or any secretary's of the body it is for."""
    draft = ImportDraft.objects.filter(pk=draft_id).first()
    if draft is None or not user.is_authenticated:
        raise Http404
    mine = draft.uploaded_by_id == user.pk
    if not mine and not writable_bodies(user).filter(pk=draft.body_id).exists():
        raise Http404
    return draft
