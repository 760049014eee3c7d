"""Events found in an imported document are proposed into its body's year as soon as the import
is committed; the secretary then accepts or rejects them on the årshjul."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from kansli.events.services import propose_events
from kansli.meetings.models import Meeting, SourceDocument


def propose_from_import(
    sender: Any, instance: SourceDocument, created: bool = False, **_kwargs: Any
) -> None:
    """A receiver of post_save of SourceDocument. After the commit, so a failed import proposes
    nothing, and in its own transaction."""
    if not created:
        return
    meeting_id = instance.meeting_id

    def propose() -> None:
        meeting = Meeting.objects.filter(pk=meeting_id).first()
        if meeting is not None:
            propose_events(meeting)

    transaction.on_commit(propose)
