"""The kinds of things search finds, as a registry: each kind names itself and says which
documents a meeting holds of it. A new kind (referrals, ...) is one `register` call; the
index, the permissions and the results page need nothing else.

Every document belongs to a meeting, whose body and publication decide who finds it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kansli.meetings.models import Action, Attachment, Decision, Item, Meeting
from kansli.meetings.services import title_of
from kansli.search.extract import attachment_text
from kansli.search.models import SearchDocument


@dataclass(frozen=True)
class Entry:
    """One document of a meeting, as a kind's collector gives it."""

    kind: str
    object_id: int
    title: str
    text: str
    url: str


Collector = Callable[[Meeting], Iterable[Entry]]


@dataclass(frozen=True)
class Kind:
    name: str
    label: str | Promise
    collect: Collector


KINDS: dict[str, Kind] = {}


def register(name: str, label: str | Promise, collect: Collector) -> None:
    KINDS[name] = Kind(name, label, collect)


def label(kind: str) -> str:
    known = KINDS.get(kind) or OWNED.get(kind)
    return str(known.label) if known is not None else kind


def entries(meeting: Meeting) -> list[Entry]:
    return [entry for kind in KINDS.values() for entry in kind.collect(meeting)]


# --- the meeting's own kinds ---------------------------------------------------------------------


def meeting_url(meeting_id: int, item_id: int | None = None) -> str:
    url = reverse("meeting", args=[meeting_id])
    return f"{url}#item-{item_id}" if item_id else url


def _item_title(item: Item) -> str:
    return f"{item.number}. {item.title}" if item.number else item.title


def _meetings(meeting: Meeting) -> Iterable[Entry]:
    # Found by its place and the people who were there.
    names = meeting.attendance.values_list("person__name", flat=True)
    text = "\n".join([meeting.place, *names])
    yield Entry("meeting", meeting.pk, title_of(meeting), text, meeting_url(meeting.pk))


def _items(meeting: Meeting) -> Iterable[Entry]:
    for item in Item.objects.filter(meeting=meeting).select_related("tabling"):
        subheadings = [str(s) for s in item.subheadings or []]
        tabling = getattr(item, "tabling", None)
        reason = tabling.reason if tabling is not None else ""
        text = "\n".join(part for part in [*subheadings, item.text, reason] if part)
        url = meeting_url(meeting.pk, item.pk)
        yield Entry("item", item.pk, _item_title(item), text, url)


def _decisions(meeting: Meeting) -> Iterable[Entry]:
    for decision in Decision.objects.filter(item__meeting=meeting).select_related("item"):
        url = meeting_url(meeting.pk, decision.item_id)
        yield Entry("decision", decision.pk, _item_title(decision.item), decision.text, url)


def _actions(meeting: Meeting) -> Iterable[Entry]:
    actions = Action.objects.filter(item__meeting=meeting).select_related("item", "assignee")
    for action in actions:
        who = action.assignee.name if action.assignee else action.assignee_text
        text = f"{who}: {action.text}" if who else action.text
        url = meeting_url(meeting.pk, action.item_id)
        yield Entry("action", action.pk, _item_title(action.item), text, url)


def _attachments(meeting: Meeting) -> Iterable[Entry]:
    # An attachment never changes once added: its text, read when it was first indexed, is
    # reused rather than read from the file again at every save of the meeting.
    known = dict(
        SearchDocument.objects.filter(meeting=meeting, kind="attachment").values_list(
            "object_id", "text"
        )
    )
    for attachment in Attachment.objects.filter(meeting=meeting).defer("data"):
        text = known.get(attachment.pk)
        if text is None:
            data = bytes(Attachment.objects.values_list("data", flat=True).get(pk=attachment.pk))
            text = attachment_text(data, attachment.content_type, attachment.name)
        url = meeting_url(meeting.pk, attachment.item_id)
        yield Entry("attachment", attachment.pk, attachment.name, text, url)


register("meeting", _("möte"), _meetings)
register("item", _("punkt"), _items)
register("decision", _("beslut"), _decisions)
register("action", _("åtgärd"), _actions)
register("attachment", _("bilaga"), _attachments)


# --- kinds outside meetings ----------------------------------------------------------------------


@dataclass(frozen=True)
class Owned:
    """A document of a body, not of one meeting (a referral): found by the body's members."""

    body_id: int
    entry: Entry
    date: dt.date | None


@dataclass(frozen=True)
class OwnedKind:
    name: str
    label: str | Promise
    model: type[models.Model]
    collect: Callable[[Any], Owned]
    """The object -> its document."""
    parents: tuple[tuple[type[models.Model], str], ...] = ()
    """Models whose change changes the document: (model, the object's id field in it)."""


OWNED: dict[str, OwnedKind] = {}


def register_owned(kind: OwnedKind) -> None:
    OWNED[kind.name] = kind


def _referral(referral: Any) -> Owned:
    inputs = [
        f"{i.organisation or ''}: {i.text}".lstrip(": ")
        for i in referral.inputs.select_related("organisation")
    ]
    text = "\n".join(part for part in [referral.sender, *inputs, referral.joint_answer] if part)
    url = reverse("referral", args=[referral.pk])
    entry = Entry("referral", referral.pk, referral.title, text, url)
    return Owned(referral.body_id, entry, referral.received)


if apps.is_installed("kansli.referrals"):
    from kansli.referrals.models import Referral, ReferralInput

    register_owned(
        OwnedKind(
            "referral", _("remiss"), Referral, _referral, parents=((ReferralInput, "referral_id"),)
        )
    )
