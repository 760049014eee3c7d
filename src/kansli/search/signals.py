"""The index follows every change to a meeting: a save or delete of a meeting or anything in
it marks the meeting, and once the transaction commits each marked meeting is indexed once
(a save of a whole meeting touches dozens of rows, in one transaction).

The index is rewritten after the commit, outside the change: a failure there is logged and
never undoes or breaks the change itself (`manage.py reindex` repairs the index)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from kansli.meetings.models import Action, Attachment, Decision, Item, Meeting
from kansli.search.kinds import OWNED

log = logging.getLogger(__name__)
_local = threading.local()


Key = tuple[str, int]  # ("meeting", id) or (an owned kind, id)


def _pending() -> set[Key]:
    pending: set[Key] | None = getattr(_local, "pending", None)
    if pending is None:
        pending = _local.pending = set()
    return pending


def mark(meeting_id: int | None, kind: str = "meeting") -> None:
    """Index the meeting (or the object of an owned kind) when the current transaction
    commits (at once outside one)."""
    if meeting_id is None:
        return
    key = (kind, meeting_id)
    _pending().add(key)
    # One callback per change; the first to run indexes the meeting, the others find it done.
    # (A set of its own per transaction would go stale when a transaction rolls back.)
    transaction.on_commit(lambda: _flush(key))


def _flush(key: Key) -> None:
    pending = _pending()
    if key not in pending:
        return
    pending.discard(key)
    from kansli.search.backend import index_meeting, index_owned  # noqa: PLC0415

    kind, pk = key
    try:
        index_meeting(pk) if kind == "meeting" else index_owned(kind, pk)
    except Exception:
        log.exception("search: indexing %s %s failed; run `manage.py reindex`", kind, pk)


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
        for kind in OWNED.values():
            for model, field in ((kind.model, "pk"), *kind.parents):
                signal.connect(
                    _owned_handler(kind.name, field),
                    sender=model,
                    weak=False,
                    dispatch_uid=f"search-{kind.name}-{model.__name__}-{name}",
                )


def _owned_handler(kind: str, field: str) -> Callable[..., None]:
    def handler(sender: type, instance: Any, **kwargs: Any) -> None:
        mark(getattr(instance, field), kind)

    return handler
