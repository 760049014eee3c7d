"""The next agenda proposes itself: a body's standing items, the items another body sent to
this meeting ("Ärenden till SSK den 7/2"), the items tabled to it and the actions due at it.

`propose(body, date)` reads; `apply(meeting, keys, actor)` writes the chosen proposals as the
meeting's agenda items, linked to their origin so that nothing is proposed twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Max, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from kansli.audit.log import record
from kansli.followup.models import AgendaLink, Origin, StandingItem
from kansli.meetings.models import Action, ActionStatus, Item, Meeting, SourceDocument, Tabling
from kansli.registry.models import Body

REFERRED_WINDOW = dt.timedelta(days=14)
"""A list "Ärenden till SSK den 7/2" belongs to the SSK meeting nearest that date, within
two weeks: a meeting moved by a day keeps its agenda."""


@dataclass(frozen=True)
class Proposal:
    key: str
    """Stable within a proposal: "standing:3", "tabled:12", "action:40", "referred:7:2"."""
    title: str
    kind: Origin
    reason: str
    origin_url: str

    def as_json(self) -> dict[str, str]:
        return {
            "title": self.title,
            "origin": self.kind.value,
            "reason": self.reason,
            "link": self.origin_url,
        }


def propose(body: Body, date: dt.date, *, meeting: Meeting | None = None) -> list[Proposal]:
    """What the agenda of `body`'s meeting on `date` should hold, in order: standing items,
    items referred from other meetings, tabled items, follow-ups of actions due at it."""
    return [
        *_standing(body),
        *_referred(body, date, meeting),
        *_tabled(body, date),
        *_follow_ups(body, date, meeting),
    ]


def _meeting_url(meeting_id: int, item_id: int | None = None) -> str:
    url = reverse("meeting", args=[meeting_id])
    return f"{url}#item-{item_id}" if item_id else url


def _standing(body: Body) -> list[Proposal]:
    return [
        Proposal(
            f"standing:{s.pk}",
            s.title,
            Origin.STANDING,
            _("Stående punkt"),
            reverse("body", args=[body.pk]),
        )
        for s in StandingItem.objects.filter(body=body)
    ]


def _names(body: Body) -> set[str]:
    return {n.casefold() for n in (body.name, body.short_name) if n}


def _referred(body: Body, date: dt.date, meeting: Meeting | None) -> list[Proposal]:
    names = _names(body)
    linked = set(
        AgendaLink.objects.filter(kind=Origin.REFERRED).values_list(
            "source_meeting_id", "referred_title"
        )
    )
    found = []
    sources = SourceDocument.objects.filter(
        meeting__date__lt=date, meeting__date__gte=date - dt.timedelta(days=366)
    ).select_related("meeting__body")
    for source in sources:
        agenda = (source.minutes or {}).get("next_meeting_agenda") or {}
        if str(agenda.get("body") or "").casefold() not in names:
            continue
        when = _iso(agenda.get("date"))
        if when is None or abs(when - date) > REFERRED_WINDOW:
            continue
        origin = source.meeting
        if meeting is not None and origin.pk == meeting.pk:
            continue
        for n, title in enumerate(agenda.get("items") or [], start=1):
            if (origin.pk, title) in linked:
                continue
            found.append(
                Proposal(
                    f"referred:{origin.pk}:{n}",
                    str(title),
                    Origin.REFERRED,
                    _("Från %(body)s %(date)s") % {"body": origin.body, "date": origin.date},
                    _meeting_url(origin.pk),
                )
            )
    return found


def _iso(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _tabled(body: Body, date: dt.date) -> list[Proposal]:
    tablings = (
        Tabling.objects.filter(
            Q(to_body=body) | Q(to_body__isnull=True, item__meeting__body=body),
            item__meeting__date__lt=date,
        )
        .filter(Q(to_date__isnull=True) | Q(to_date__lte=date + REFERRED_WINDOW))
        .exclude(agenda_links__isnull=False)
        .select_related("item__meeting__body")
        .order_by("item__meeting__date", "item__position")
    )
    return [
        Proposal(
            f"tabled:{t.pk}",
            t.item.title,
            Origin.TABLED,
            _("Bordlagd %(date)s i %(body)s%(reason)s")
            % {
                "date": t.item.meeting.date,
                "body": t.item.meeting.body,
                "reason": f": {t.reason}" if t.reason else "",
            },
            _meeting_url(t.item.meeting_id, t.item_id),
        )
        for t in tablings
    ]


def _follow_ups(body: Body, date: dt.date, meeting: Meeting | None) -> list[Proposal]:
    due_here = Q(due_meeting=meeting) if meeting is not None else Q(pk__in=[])
    waiting = Q(due_body=body, due_meeting__isnull=True) | Q(due_body=body, due__lte=date)
    own = Q(item__meeting__body=body, due_body__isnull=True, due__lte=date)
    actions = (
        Action.objects.filter(due_here | waiting | own, item__meeting__date__lt=date)
        .exclude(status__in=[ActionStatus.DONE, ActionStatus.STRUCK])
        .exclude(agenda_links__isnull=False)
        .select_related("assignee", "item__meeting__body")
        .order_by("item__meeting__date", "item__position", "position")
    )
    return [
        Proposal(
            f"action:{a.pk}",
            f"{a.assignee.name if a.assignee else a.assignee_text}: {a.text}",
            Origin.FOLLOW_UP,
            _("Åtgärd från %(body)s %(date)s")
            % {"body": a.item.meeting.body, "date": a.item.meeting.date},
            _meeting_url(a.item.meeting_id, a.item_id),
        )
        for a in actions
    ]


FOLLOW_UP_TITLE = "Uppföljning"


def apply(meeting: Meeting, keys: list[str], *, actor: object = None) -> list[Item]:
    """Add the chosen proposals, in the given order, as the meeting's next agenda items. The
    follow-ups become one item "Uppföljning" listing the actions, where the first was chosen."""
    chosen = {p.key: p for p in propose(meeting.body, meeting.date, meeting=meeting)}
    with transaction.atomic():
        position = (meeting.items.aggregate(Max("position"))["position__max"] or 0) + 1
        created: list[Item] = []
        follow_up: Item | None = None
        for key in keys:
            proposal = chosen.get(key)
            if proposal is None:
                continue
            kind, _sep, ref = key.partition(":")
            if proposal.kind == Origin.FOLLOW_UP:
                if follow_up is None:
                    follow_up = Item.objects.create(
                        meeting=meeting,
                        position=position,
                        number=str(position),
                        title=_(FOLLOW_UP_TITLE),
                    )
                    created.append(follow_up)
                    position += 1
                follow_up.text = "\n".join(filter(None, [follow_up.text, f"- {proposal.title}"]))
                follow_up.save(update_fields=["text"])
                AgendaLink.objects.create(item=follow_up, kind=proposal.kind, action_id=int(ref))
                continue
            item = Item.objects.create(
                meeting=meeting, position=position, number=str(position), title=proposal.title[:500]
            )
            created.append(item)
            position += 1
            link = AgendaLink(item=item, kind=proposal.kind)
            if kind == "tabled":
                link.tabling_id = int(ref)
            elif kind == "referred":
                link.source_meeting_id = int(ref.split(":")[0])
                link.referred_title = proposal.title
            link.save()
        Meeting.objects.filter(pk=meeting.pk).update(version=F("version") + 1)
        record(
            actor,  # type: ignore[arg-type]
            "agenda",
            meeting,
            after={"items": [i.title for i in created]},
        )
    return created
