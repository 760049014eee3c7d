"""Every write to meetings goes through a function here: the web views, the import command and
the demo command call the same code, inside one transaction, which also writes the audit log.

An import has two steps, so that nothing unreviewed enters the registers: `stage_import` reads
the file into an `ImportDraft`; `confirm_import` stores the (corrected) content as a meeting.
`import_document` does both at once for the command line. Editing a stored meeting is
`save_meeting`, guarded by the meeting's version (optimistic locking): a save based on an
older version raises `Conflict` instead of overwriting somebody else's work.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.audit.log import record
from kansli.meetings import content as contents
from kansli.meetings.models import (
    Action,
    ActionStatus,
    Attachment,
    Attendance,
    DataTable,
    Decision,
    DraftState,
    ImportDraft,
    Item,
    Kind,
    Meeting,
    Notification,
    SourceDocument,
    Tabling,
)
from kansli.minutes import InvalidMinutesJsonError, to_json
from kansli.minutes.blocks import BlockKind, Document
from kansli.minutes.parser import parse_document
from kansli.minutes.readers import read_bytes
from kansli.minutes.render.json import from_json
from kansli.registry.models import Body, Membership, Organisation, Person, Role

User = AbstractBaseUser | AnonymousUser | None

UNKNOWN_BODY = "Okänd grupp"


@dataclass(frozen=True)
class ImportResult:
    meeting: Meeting
    created: bool
    """False when the same file (by content) was imported before: nothing was written."""


class AlreadyImportedError(Exception):
    """The same file (by content) is already a meeting; importing it again would duplicate."""

    def __init__(self, meeting: Meeting) -> None:
        super().__init__(str(meeting))
        self.meeting = meeting


class ConflictError(Exception):
    """Somebody saved the meeting after the version the edit started from."""

    def __init__(self, meeting: Meeting, theirs: contents.Content) -> None:
        super().__init__(str(meeting))
        self.meeting = meeting
        self.theirs = theirs


class ContentError(ValueError):
    """Content that cannot be stored (no date, an unknown body); the message is for the user."""


# --- import -------------------------------------------------------------------------------------


def stage_import(
    data: bytes, name: str, *, actor: User = None, body: Body | None = None
) -> ImportDraft:
    """Read an uploaded file into a draft for review. Raises `AlreadyImportedError` for a file
    imported before and the reader's `MinutesError` (a Swedish message) for a bad file."""
    digest = hashlib.sha256(data).hexdigest()
    known = SourceDocument.objects.filter(sha256=digest).select_related("meeting").first()
    if known is not None:
        raise AlreadyImportedError(known.meeting)
    pending = ImportDraft.objects.filter(sha256=digest, state=DraftState.REVIEW).first()
    if pending is not None:
        return pending
    fmt, minutes, lines = read_upload(data, name)
    draft = ImportDraft.objects.create(
        uploaded_by=actor if actor is not None and actor.is_authenticated else None,
        body=body,
        name=name,
        sha256=digest,
        format=fmt,
        data=data,
        lines=lines,
        content=contents.from_minutes(minutes, body=body),
        minutes=minutes,
    )
    record(actor, "stage_import", draft, after={"source": name, "sha256": digest})
    return draft


def read_upload(data: bytes, name: str) -> tuple[str, dict[str, Any], list[list[Any]]]:
    """An uploaded file as (format, minutes/1, source lines): a `minutes/1` JSON file (an
    export from Kansli or another system) is taken as it is; anything else is parsed."""
    if data.lstrip()[:1] == b"{" and b'"minutes/1"' in data[:4096]:
        try:
            raw = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise InvalidMinutesJsonError(name, f"ogiltig JSON: {error}") from error
        minutes = to_json(from_json(raw, name))
        text = json.dumps(raw, ensure_ascii=False, indent=1).splitlines()
        return "json", minutes, [[n, None, line] for n, line in enumerate(text, 1)]
    document = read_bytes(data, name)
    return document.format, to_json(parse_document(document)), source_lines(document)


def source_lines(document: Document) -> list[list[Any]]:
    """The document as the reader saw it, one entry per line: [line, page, text]."""
    shown = []
    for block in document.blocks:
        if block.kind in (BlockKind.BLANK, BlockKind.PAGE) or block.furniture:
            continue
        text = " | ".join(block.cells) if block.kind == BlockKind.ROW else block.text
        shown.append([block.source.line_start, block.source.page, text])
    return shown


def confirm_import(draft: ImportDraft, content: contents.Content, *, actor: User = None) -> Meeting:
    """Store a reviewed draft as a meeting with its attendance, items, decisions, actions,
    tabled items and tables: the one way an import enters the registers."""
    with transaction.atomic():
        locked = ImportDraft.objects.select_for_update().get(pk=draft.pk)
        if locked.state != DraftState.REVIEW:
            raise ContentError(_("Importen är redan bekräftad eller kastad."))
        if SourceDocument.objects.filter(sha256=locked.sha256).exists():
            raise ContentError(_("Filen är redan importerad."))
        body = _body_of(content)
        date = _date(content.get("date"))
        if date is None:
            raise ContentError(_("Mötet saknar datum: fyll i datumet innan du bekräftar."))
        meeting = Meeting.objects.create(
            body=body,
            year=date.year,
            number=_free_number(body, date.year, content.get("number")),
            kind=content.get("kind") or Kind.NOTES,
            date=date,
        )
        _apply(meeting, content)
        SourceDocument.objects.create(
            meeting=meeting,
            name=locked.name,
            sha256=locked.sha256,
            format=locked.format,
            data=bytes(locked.data),
            minutes=locked.minutes,
        )
        locked.state = DraftState.CONFIRMED
        locked.meeting = meeting
        locked.content = content
        locked.save(update_fields=["state", "meeting", "content"])
        _relink(meeting)
        record(actor, "import", meeting, after=_summary(meeting, locked.name))
    return meeting


def discard_import(draft: ImportDraft, *, actor: User = None) -> None:
    with transaction.atomic():
        draft.state = DraftState.DISCARDED
        draft.save(update_fields=["state"])
        record(actor, "discard_import", draft, before={"source": draft.name})


def import_document(data: bytes, name: str, *, actor: User = None) -> ImportResult:
    """Stage and confirm at once, as parsed (the command line and the demo): the body is found
    by the name the document gives, or created; unknown people are added to the registry."""
    try:
        draft = stage_import(data, name, actor=actor)
    except AlreadyImportedError as known:
        return ImportResult(known.meeting, created=False)
    content = draft.content
    if content.get("body") is None:
        content["body"] = body_named(content.get("body_as_written") or UNKNOWN_BODY).pk
    for item in content["items"]:
        for action in item["actions"]:
            if action["due_body"] is None and action.get("due_body_as_written"):
                action["due_body"] = body_named(action["due_body_as_written"]).pk
        tabled = item.get("tabled")
        if tabled and tabled["to_body"] is None and tabled.get("to_body_as_written"):
            tabled["to_body"] = body_named(tabled["to_body_as_written"]).pk
    content["date"] = content.get("date") or dt.date.today().isoformat()
    return ImportResult(confirm_import(draft, content, actor=actor), created=True)


def body_named(name: str) -> Body:
    """The body a document names, by its name or short name; created when new."""
    found = Body.objects.filter(Q(name__iexact=name) | Q(short_name__iexact=name)).first()
    return found or Body.objects.create(name=name, short_name=name if len(name) <= 12 else "")


def _body_of(content: contents.Content) -> Body:
    body = Body.objects.filter(pk=content.get("body")).first()
    if body is None:
        raise ContentError(_("Välj vilken grupp mötet hör till."))
    return body


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _time(value: object) -> dt.time | None:
    try:
        return dt.time.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _free_number(body: Body, year: int, written: object) -> int:
    """The number the document gives ("1", "4/2025"), unless taken; else the next free one."""
    head = str(written or "").split("/")[0].strip()
    taken = Meeting.objects.filter(body=body, year=year)
    if head.isdigit() and not taken.filter(number=int(head)).exists():
        return int(head)
    return (taken.aggregate(Max("number"))["number__max"] or 0) + 1


# --- editing ------------------------------------------------------------------------------------


def create_meeting(
    body: Body,
    date: dt.date,
    *,
    start_time: dt.time | None = None,
    end_time: dt.time | None = None,
    place: str = "",
    actor: User = None,
) -> Meeting:
    """A new meeting of `body`, numbered on from the year's last, with the body's current
    members listed as participants (the secretary marks who came)."""
    with transaction.atomic():
        meeting = Meeting.objects.create(
            body=body,
            year=date.year,
            number=_free_number(body, date.year, None),
            date=date,
            start_time=start_time,
            end_time=end_time,
            place=place[:300],
        )
        current = (
            Membership.objects.filter(body=body)
            .filter(Q(start__isnull=True) | Q(start__lte=date))
            .filter(Q(end__isnull=True) | Q(end__gte=date))
            .select_related("person", "represents")
            .order_by("person__name")
        )
        Attendance.objects.bulk_create(
            Attendance(
                meeting=meeting,
                person=m.person,
                organisation=m.represents,
                role=m.get_role_display() if m.role != Role.MEMBER else "",
                status="guest" if m.role in (Role.GUEST, Role.CO_OPTED) else "present",
            )
            for m in current
        )
        _relink(meeting)
        record(actor, "create", meeting, after=contents.of_meeting(meeting))
    return meeting


def save_meeting(
    meeting: Meeting, content: contents.Content, *, base_version: int, actor: User = None
) -> Meeting:
    """Store an edit made from `base_version`. Raises `ConflictError` with the stored content
    when somebody saved in between: nothing is overwritten, the caller shows both texts."""
    with transaction.atomic():
        bumped = Meeting.objects.filter(pk=meeting.pk, version=base_version).update(
            version=F("version") + 1
        )
        if not bumped:
            current = Meeting.objects.get(pk=meeting.pk)
            raise ConflictError(current, contents.of_meeting(current))
        stored = Meeting.objects.select_for_update().get(pk=meeting.pk)
        before = contents.of_meeting(stored)
        date = _date(content.get("date"))
        if date is None:
            raise ContentError(_("Mötet saknar datum."))
        if date.year != stored.year:
            stored.year = date.year
            stored.number = _free_number(stored.body, date.year, content.get("number"))
        stored.date = date
        stored.kind = content.get("kind") or stored.kind
        stored.save(update_fields=["date", "year", "number", "kind"])
        _apply(stored, content)
        _relink(stored)
        record(actor, "update", stored, before=before, after=contents.of_meeting(stored))
    return stored


def link_due_actions(body: Body) -> int:
    """Tie each open action due at "the next meeting of `body`" to that meeting once it is
    planned — the body's first meeting after the one the action was decided at — and give it
    that meeting's date, so the due date moves when the meeting moves. Returns how many
    actions changed. Called inside the transaction of every write that adds or moves a
    meeting, or adds actions."""
    meetings = list(Meeting.objects.filter(body=body).order_by("date", "pk").values("pk", "date"))
    waiting = Action.objects.filter(due_body=body).exclude(
        status__in=[ActionStatus.DONE, ActionStatus.STRUCK]
    )
    changed = 0
    for action in waiting.select_related("item__meeting"):
        decided = action.item.meeting
        nxt = next(
            (m for m in meetings if m["date"] > decided.date and m["pk"] != decided.pk), None
        )
        if nxt is None:
            continue
        if action.due_meeting_id != nxt["pk"] or action.due != nxt["date"]:
            action.due_meeting_id = nxt["pk"]
            action.due = nxt["date"]
            action.save(update_fields=["due_meeting", "due"])
            changed += 1
    return changed


def _relink(meeting: Meeting) -> None:
    """After a meeting is added or changed: the actions waiting for its body's next meeting,
    and its own actions waiting for another body's."""
    link_due_actions(meeting.body)
    for body in Body.objects.filter(actions_due__item__meeting=meeting).distinct():
        if body.pk != meeting.body_id:
            link_due_actions(body)


def _apply(meeting: Meeting, content: contents.Content) -> None:
    """Make the stored meeting say what `content` says: rows with an id are updated, rows
    without one created, stored rows the content no longer has are deleted."""
    meeting.start_time = _time(content.get("start_time"))
    meeting.end_time = _time(content.get("end_time"))
    meeting.place = str(content.get("place") or "")[:300]
    meeting.save(update_fields=["start_time", "end_time", "place"])
    content["participants"] = content.get("participants") or []
    kept = [_attend(meeting, row) for row in content["participants"]]
    meeting.attendance.exclude(pk__in=kept).delete()
    people = {str(row["name"]).casefold(): row["person"] for row in content["participants"]}
    for item in content.get("items") or []:
        for action in item.get("actions") or []:
            if not action.get("assignee"):
                action["assignee"] = _person_named(str(action.get("assignee_text") or ""), people)
    kept_items = [
        _store_item(meeting, position, item)
        for position, item in enumerate(content.get("items") or [], start=1)
    ]
    meeting.items.exclude(pk__in=kept_items).delete()


def _person_named(name: str, participants: dict[str, int]) -> int | None:
    """The registry person an action's assignee names: a participant, else somebody with
    exactly that name; None for a group ("Kommundirektörerna") or an unknown name."""
    if not name:
        return None
    found = participants.get(name.casefold())
    if found is None:
        found = Person.objects.filter(name__iexact=name).values_list("pk", flat=True).first()
    return found


def _attend(meeting: Meeting, row: dict[str, Any]) -> int:
    person = Person.objects.filter(pk=row.get("person")).first() if row.get("person") else None
    person = person or Person.objects.filter(name__iexact=str(row["name"])).first()
    if person is None:
        person = Person.objects.create(name=str(row["name"])[:200])
    row["person"] = person.pk
    organisation = None
    if row.get("organisation"):
        organisation, _created = Organisation.objects.get_or_create(
            name=str(row["organisation"])[:200]
        )
    values = {
        "person": person,
        "organisation": organisation,
        "role": str(row.get("role") or "")[:100],
        "party": str(row.get("party") or "")[:40],
        "status": row.get("status") or "present",
    }
    stored = meeting.attendance.filter(pk=row.get("id")).first() if row.get("id") else None
    stored = stored or meeting.attendance.filter(person=person).first()
    if stored is None:
        return Attendance.objects.create(meeting=meeting, **values).pk
    for key, value in values.items():
        setattr(stored, key, value)
    stored.save()
    return stored.pk


def _store_item(meeting: Meeting, position: int, data: dict[str, Any]) -> int:
    values = {
        "position": position,
        "number": str(data.get("number") or "")[:20],
        "title": str(data.get("title") or "")[:500],
        "text": str(data.get("text") or ""),
        "subheadings": list(data.get("subheadings") or []),
    }
    item = meeting.items.filter(pk=data.get("id")).first() if data.get("id") else None
    if item is None:
        item = Item.objects.create(meeting=meeting, **values)
    else:
        for key, value in values.items():
            setattr(item, key, value)
        item.save()
    item.decisions.all().delete()
    Decision.objects.bulk_create(
        Decision(item=item, position=n, text=text)
        for n, text in enumerate(data.get("decisions") or [], 1)
    )
    kept = [_store_action(item, n, a) for n, a in enumerate(data.get("actions") or [], 1)]
    item.actions.exclude(pk__in=kept).delete()
    _store_tabling(item, data.get("tabled"))
    item.tables.all().delete()
    DataTable.objects.bulk_create(
        DataTable(item=item, position=n, columns=list(t["columns"]), rows=list(t["rows"]))
        for n, t in enumerate(data.get("tables") or [], 1)
    )
    return item.pk


def _store_action(item: Item, position: int, data: dict[str, Any]) -> int:
    values = {
        "position": position,
        "assignee": Person.objects.filter(pk=data.get("assignee")).first()
        if data.get("assignee")
        else None,
        "assignee_text": str(data.get("assignee_text") or "")[:200],
        "text": str(data.get("text") or ""),
        "due": _date(data.get("due")),
        "due_body": Body.objects.filter(pk=data.get("due_body")).first()
        if data.get("due_body")
        else None,
        "status": data.get("status") or "open",
    }
    action = item.actions.filter(pk=data.get("id")).first() if data.get("id") else None
    if action is None:
        return Action.objects.create(item=item, **values).pk
    for key, value in values.items():
        setattr(action, key, value)
    action.save()
    return action.pk


def _store_tabling(item: Item, data: dict[str, Any] | None) -> None:
    if not data:
        Tabling.objects.filter(item=item).delete()
        return
    Tabling.objects.update_or_create(
        item=item,
        defaults={
            "to_date": _date(data.get("to_date")),
            "to_body": Body.objects.filter(pk=data.get("to_body")).first()
            if data.get("to_body")
            else None,
            "reason": str(data.get("reason") or ""),
        },
    )


# --- publishing ---------------------------------------------------------------------------------


def publish(meeting: Meeting, *, actor: User = None) -> int:
    """Make the minutes visible to the body's members and tell them; returns how many were
    told. Publishing again (after a correction) tells them again."""
    with transaction.atomic():
        meeting.published_at = timezone.now()
        meeting.save(update_fields=["published_at"])
        text = _("%(title)s är publicerade.") % {"title": title_of(meeting)}
        members = Person.objects.filter(
            memberships__in=Membership.objects.filter(body=meeting.body)
            .filter(Q(start__isnull=True) | Q(start__lte=dt.date.today()))
            .filter(Q(end__isnull=True) | Q(end__gte=dt.date.today()))
            .exclude(role=Role.SECRETARY)
        ).distinct()
        Notification.objects.bulk_create(
            Notification(person=person, meeting=meeting, text=text) for person in members
        )
        record(actor, "publish", meeting, after={"published_at": meeting.published_at.isoformat()})
    addresses = [p.email for p in members if p.email]
    if addresses:
        send_mail(text, text, None, addresses, fail_silently=True)
    return len(members)


def mark_read(notice: Notification, *, actor: User = None) -> None:
    with transaction.atomic():
        notice.read_at = timezone.now()
        notice.save(update_fields=["read_at"])
        record(actor, "read", notice, after={"read_at": notice.read_at.isoformat()})


def attach(
    meeting: Meeting,
    item: Item | None,
    name: str,
    content_type: str,
    data: bytes,
    *,
    actor: User = None,
) -> Attachment:
    """Add a checked file (see `uploads.checked_upload`) to a meeting or one of its items."""
    with transaction.atomic():
        attachment = Attachment.objects.create(
            meeting=meeting,
            item=item,
            name=name[:300],
            content_type=content_type,
            data=data,
            size=len(data),
        )
        # An attachment is part of the meeting's content: a new version, like any edit.
        Meeting.objects.filter(pk=meeting.pk).update(version=F("version") + 1)
        record(actor, "attach", attachment, after={"name": name, "size": len(data)})
    return attachment


def title_of(meeting: Meeting) -> str:
    kind = Kind(meeting.kind).label if meeting.kind in Kind.values else meeting.kind
    return _("%(kind)s från %(body)s, %(number)s") % {
        "kind": str(kind).capitalize(),
        "body": meeting.body.name,
        "number": meeting.number,
    }


def _summary(meeting: Meeting, name: str) -> dict[str, object]:
    return {
        "source": name,
        "body": meeting.body.name,
        "number": f"{meeting.number}/{meeting.year}",
        "date": meeting.date.isoformat(),
        "attendance": meeting.attendance.count(),
        "items": meeting.items.count(),
    }
