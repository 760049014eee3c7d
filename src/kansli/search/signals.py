"""The index follows every change to a meeting: a save or delete of a meeting or anything in
it marks the meeting, and once the transaction commits each marked meeting is indexed once
(a save of a whole meeting touches dozens of rows, in one transaction).

The index is rewritten after the commit, outside the change: a failure there is logged and
never undoes or breaks the change itself (`manage.py reindex` repairs the index)."""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from kansli.meetings.models import Action, Attachment, Decision, Item, Meeting

log = logging.getLogger(__name__)
_local = threading.local()


def _pending() -> set[int]:
    pending: set[int] | None = getattr(_local, "pending", None)
    if pending is None:
        pending = _local.pending = set()
    return pending


def mark(meeting_id: int | None) -> None:
    """Index the meeting when the current transaction commits (at once outside one)."""
    if meeting_id is None:
        return
    _pending().add(meeting_id)
    # One callback per change; the first to run indexes the meeting, the others find it done.
    # (A set of its own per transaction would go stale when a transaction rolls back.)
    transaction.on_commit(lambda: _flush(meeting_id))


def _flush(meeting_id: int) -> None:
    pending = _pending()
    if meeting_id not in pending:
        return
    pending.discard(meeting_id)
    from kansli.search.backend import index_meeting  # noqa: PLC0415 — the models are loaded

    try:
        index_meeting(meeting_id)
    except Exception:
        log.exception("search: indexing meeting %s failed; run `manage.py reindex`", meeting_id)


def _meeting_of_item(item_id: int) -> int | None:
    return Item.objects.filter(pk=item_id).values_list("meeting_id", flat=True).first()


def _on_meeting(sender: type, instance: Meeting, **kwargs: Any) -> None:
    mark(instance.pk)


def _on_item(sender: type, instance: Item, **kwargs: Any) -> None:
    mark(instance.meeting_id)


def _on_item_part(sender: type, instance: Decision | Action, **kwargs: Any) -> None:
    # The item is usually at hand (it was saved with it); deleted with it, the item's own
    # signal has marked the meeting already.
    item = instance._state.fields_cache.get("item")
    mark(item.meeting_id if item is not None else _meeting_of_item(instance.item_id))


def _on_attachment(sender: type, instance: Attachment, **kwargs: Any) -> None:
    mark(instance.meeting_id)


def connect() -> None:
    handlers = (
        (Meeting, _on_meeting),
        (Item, _on_item),
        (Decision, _on_item_part),
        (Action, _on_item_part),
        (Attachment, _on_attachment),
    )
    for name, signal in (("save", post_save), ("delete", post_delete)):
        for model, handler in handlers:
            uid = f"search-{model.__name__}-{name}"
            signal.connect(handler, sender=model, dispatch_uid=uid)
