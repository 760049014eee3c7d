"""The meeting form: one screen for reviewing an import and for writing the minutes.

`fields_for(content)` lays a content dict (see `content.py`) out as rows of `Field`s with stable
input names ("i-3-a-1-due": item 3, action 1, due date); `read_content(post, base)` reads a
submitted form back into a content dict and the errors in it, keeping what the user typed so a
mistake loses nothing. Each item and action gets one empty row at its end, for adding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansli.meetings.content import Content
from kansli.meetings.models import ActionStatus, AttendanceStatus, Kind
from kansli.registry.models import Body, Person

Choices = list[tuple[str, str]]


class NewMeetingForm(forms.Form):
    """Preparing a meeting: when and where; the rest is written in the meeting form."""

    date = forms.DateField(label=gettext_lazy("Datum"), help_text=gettext_lazy("ÅÅÅÅ-MM-DD"))
    start_time = forms.TimeField(label=gettext_lazy("Starttid"), required=False)
    end_time = forms.TimeField(label=gettext_lazy("Sluttid"), required=False)
    place = forms.CharField(label=gettext_lazy("Plats"), max_length=300, required=False)


@dataclass
class Field:
    name: str
    label: str
    value: str
    kind: str = "text"
    """text, textarea, date, time, select, checkbox, hidden"""
    choices: Choices = field(default_factory=list)
    error: str = ""
    theirs: str | None = None
    """In a conflict: what the other person saved, when it differs from this value."""
    names: bool = False
    """Offer the registry's names as the user types (one shared <datalist>)."""
    source: dict[str, Any] | None = None


@dataclass
class Row:
    fields: list[Field]
    source: dict[str, Any] | None = None
    new: bool = False
    note: str = ""


@dataclass
class ItemForm:
    prefix: str
    fields: list[Field]
    actions: list[Row]
    new: bool = False
    source: dict[str, Any] | None = None


@dataclass
class MeetingForm:
    header: list[Field]
    participants: list[Row]
    items: list[ItemForm]
    errors: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    """Everybody in the registry, for typing a name rather than scrolling a list."""

    @property
    def has_errors(self) -> bool:
        return bool(self.errors) or any(f.error for f in self.all_fields())

    def all_fields(self) -> list[Field]:
        found = list(self.header)
        for row in self.participants:
            found += row.fields
        for item in self.items:
            found += item.fields
            for action in item.actions:
                found += action.fields
        return found


def fields_for(
    content: Content,
    errors: Mapping[str, str] | None = None,
    theirs: Mapping[str, str] | None = None,
    bodies: list[Body] | None = None,
) -> MeetingForm:
    errors = errors or {}
    theirs = theirs or {}
    values = flatten(content)
    body_choices: Choices = [("", "–")] + [
        (str(b.pk), b.name) for b in (bodies if bodies is not None else Body.objects.all())
    ]
    rows = content.get("participants") or []
    shown = {p["person"] for p in rows if p.get("person")}
    shown |= {pk for p in rows for pk in p.get("suggestions") or []}
    people = dict(Person.objects.filter(pk__in=shown).values_list("pk", "name"))

    def make(
        name: str,
        label: str,
        kind: str = "text",
        choices: Choices | None = None,
        *,
        names: bool = False,
    ) -> Field:
        value = values.get(name, "")
        other = theirs.get(name)
        return Field(
            name,
            label,
            value,
            kind,
            choices or [],
            errors.get(name, ""),
            other if other is not None and other != value else None,
            names=names,
        )

    header = [
        make("body", _("Grupp"), "select", body_choices),
        make("kind", _("Typ"), "select", [(str(v), str(label)) for v, label in Kind.choices]),
        make("number", _("Nummer")),
        make("date", _("Datum"), "date"),
        make("start_time", _("Starttid"), "time"),
        make("end_time", _("Sluttid"), "time"),
        make("place", _("Plats")),
    ]
    status_choices = [(str(v), str(label)) for v, label in AttendanceStatus.choices]
    participants = []
    for i, p in enumerate([*rows, None]):
        prefix = f"p-{i}"
        choices = _person_choices(p, people)
        participants.append(
            Row(
                [
                    make(f"{prefix}-id", "", "hidden"),
                    make(f"{prefix}-name", _("Namn"), names=True),
                    make(f"{prefix}-person", _("I registret"), "select", choices),
                    make(f"{prefix}-organisation", _("Organisation")),
                    make(f"{prefix}-role", _("Roll")),
                    make(f"{prefix}-party", _("Parti")),
                    make(f"{prefix}-status", _("Närvaro"), "select", status_choices),
                    make(f"{prefix}-delete", _("Ta bort"), "checkbox"),
                ],
                source=p and p.get("source"),
                new=p is None,
                note=_person_note(p),
            )
        )
    action_status = [(str(v), str(label)) for v, label in ActionStatus.choices]
    items = []
    for n, item in enumerate([*(content.get("items") or []), None]):
        prefix = f"i-{n}"
        actions = []
        for m, action in enumerate([*((item or {}).get("actions") or []), None]):
            a = f"{prefix}-a-{m}"
            actions.append(
                Row(
                    [
                        make(f"{a}-id", "", "hidden"),
                        make(f"{a}-assignee_text", _("Ansvarig"), names=True),
                        make(f"{a}-text", _("Åtgärd"), "textarea"),
                        make(f"{a}-due", _("Klart senast"), "date"),
                        make(
                            f"{a}-due_body", _("Eller till nästa möte med"), "select", body_choices
                        ),
                        make(f"{a}-status", _("Status"), "select", action_status),
                        make(f"{a}-delete", _("Ta bort"), "checkbox"),
                    ],
                    source=action and action.get("source"),
                    new=action is None,
                )
            )
        items.append(
            ItemForm(
                prefix,
                [
                    make(f"{prefix}-id", "", "hidden"),
                    make(f"{prefix}-number", _("Nummer")),
                    make(f"{prefix}-title", _("Rubrik")),
                    make(f"{prefix}-subheadings", _("Underrubriker (en per rad)"), "textarea"),
                    make(f"{prefix}-text", _("Anteckningar"), "textarea"),
                    make(f"{prefix}-decisions", _("Beslut (ett per rad)"), "textarea"),
                    make(f"{prefix}-tables", _("Tabeller (celler skiljs med |)"), "textarea"),
                    make(f"{prefix}-tabled", _("Bordlagd"), "checkbox"),
                    make(f"{prefix}-tabled_reason", _("Skäl för bordläggning")),
                    make(f"{prefix}-tabled_to_date", _("Bordlagd till datum"), "date"),
                    make(
                        f"{prefix}-tabled_to_body", _("Bordlagd till grupp"), "select", body_choices
                    ),
                    make(f"{prefix}-delete", _("Ta bort punkten"), "checkbox"),
                ],
                actions,
                new=item is None,
                source=item and item.get("source"),
            )
        )
    names = list(Person.objects.order_by("name").values_list("name", flat=True).distinct())
    return MeetingForm(header, participants, items, names=names)


def _person_choices(row: dict[str, Any] | None, people: dict[int, str]) -> Choices:
    """A participant's registry person: the one matched, or the suggestions; the empty choice
    means "add as a new person", said in words so it is never silent. (A name typed exactly
    as in the registry is matched when saved.)"""
    choices = [("", _("Ny person i registret"))]
    if row is not None and row.get("person") in people:
        choices.append((str(row["person"]), people[row["person"]]))
    for pk in (row or {}).get("suggestions") or []:
        if pk in people and pk != (row or {}).get("person"):
            choices.append((str(pk), _("%(name)s (förslag)") % {"name": people[pk]}))
    return choices


def _person_note(row: dict[str, Any] | None) -> str:
    if row is None or row.get("person"):
        return ""
    if row.get("suggestions"):
        return _("Inte hittad i registret; välj ett förslag eller lägg till som ny.")
    return _("Ny i registret: läggs till när du bekräftar.")


def flatten(content: Content) -> dict[str, str]:
    """Content as input values by field name."""
    values = {key: _str(content.get(key)) for key in HEADER}
    for i, p in enumerate(content.get("participants") or []):
        for key in ("id", "name", "person", "organisation", "role", "party", "status"):
            values[f"p-{i}-{key}"] = _str(p.get(key))
    for n, item in enumerate(content.get("items") or []):
        prefix = f"i-{n}"
        for key in ("id", "number", "title", "text"):
            values[f"{prefix}-{key}"] = _str(item.get(key))
        values[f"{prefix}-decisions"] = "\n".join(item.get("decisions") or [])
        values[f"{prefix}-subheadings"] = "\n".join(item.get("subheadings") or [])
        values[f"{prefix}-tables"] = "\n\n".join(
            "\n".join(" | ".join(row) for row in [t["columns"], *t["rows"]])
            for t in item.get("tables") or []
        )
        tabled = item.get("tabled")
        values[f"{prefix}-tabled"] = "on" if tabled else ""
        if tabled:
            values[f"{prefix}-tabled_reason"] = _str(tabled.get("reason"))
            values[f"{prefix}-tabled_to_date"] = _str(tabled.get("to_date"))
            values[f"{prefix}-tabled_to_body"] = _str(tabled.get("to_body"))
        for m, action in enumerate(item.get("actions") or []):
            a = f"{prefix}-a-{m}"
            for key in ("id", "assignee_text", "text", "due", "due_body", "status"):
                values[f"{a}-{key}"] = _str(action.get(key))
    return values


ITEM_KEYS = (
    "number",
    "title",
    "subheadings",
    "text",
    "decisions",
    "tables",
    "tabled",
    "tabled_reason",
    "tabled_to_date",
    "tabled_to_body",
)
"""An item's fields compared in a conflict."""
HEADER = ("body", "kind", "number", "date", "start_time", "end_time", "place")


def _str(value: object) -> str:
    return "" if value is None else str(value)


def read_content(post: Mapping[str, str], base: Content) -> tuple[Content, dict[str, str]]:
    """The submitted form as content, and errors by field name (empty when it may be saved).
    Rows keep their ids; what the form does not edit (sources, suggestions) is
    carried over from `base`."""
    errors: dict[str, str] = {}

    def get(name: str) -> str:
        return str(post.get(name, "")).strip()

    content: Content = {key: get(key) or None for key in HEADER}
    content["body"] = _int(get("body"))
    content["body_as_written"] = base.get("body_as_written", "")
    content["kind"] = get("kind") or base.get("kind") or Kind.NOTES
    content["number"] = get("number")
    content["place"] = get("place")
    content["date"] = _checked_date(get("date"), "date", errors, required=True)
    for key in ("start_time", "end_time"):
        content[key] = _checked_time(get(key), key, errors)
    base_people = {p.get("id") or f"new-{i}": p for i, p in enumerate(base["participants"])}
    content["participants"] = []
    for i in _indices(post, "p", "name"):
        prefix = f"p-{i}"
        if get(f"{prefix}-delete") or not get(f"{prefix}-name"):
            continue
        row_id = _int(get(f"{prefix}-id"))
        was = base_people.get(row_id or f"new-{i}", {})
        content["participants"].append(
            {
                "id": row_id,
                "person": _int(get(f"{prefix}-person")),
                "name": get(f"{prefix}-name"),
                "organisation": get(f"{prefix}-organisation"),
                "role": get(f"{prefix}-role"),
                "party": get(f"{prefix}-party"),
                "status": get(f"{prefix}-status") or "present",
                "suggestions": was.get("suggestions", []),
                "source": was.get("source"),
            }
        )
    base_items = base.get("items") or []
    content["items"] = []
    for n in _indices(post, "i", "title"):
        prefix = f"i-{n}"
        if get(f"{prefix}-delete") or not get(f"{prefix}-title"):
            continue
        was = base_items[n] if n < len(base_items) else {}
        content["items"].append(_read_item(get, prefix, was, errors))
    return content, errors


def _read_item(get: Any, prefix: str, was: dict[str, Any], errors: dict[str, str]) -> Content:
    tabled = None
    if get(f"{prefix}-tabled"):
        tabled = {
            "to_date": _checked_date(
                get(f"{prefix}-tabled_to_date"), f"{prefix}-tabled_to_date", errors
            ),
            "to_body": _int(get(f"{prefix}-tabled_to_body")),
            "reason": get(f"{prefix}-tabled_reason"),
        }
    actions = []
    base_actions = was.get("actions") or []
    m = 0
    while get(f"{prefix}-a-{m}-text") or get(f"{prefix}-a-{m}-id") or m < len(base_actions):
        a = f"{prefix}-a-{m}"
        old = base_actions[m] if m < len(base_actions) else {}
        m += 1
        if get(f"{a}-delete") or not get(f"{a}-text"):
            continue
        actions.append(
            {
                "id": _int(get(f"{a}-id")),
                "assignee": None,  # found from the name when saved (services._apply)
                "assignee_text": get(f"{a}-assignee_text"),
                "text": get(f"{a}-text"),
                "due": _checked_date(get(f"{a}-due"), f"{a}-due", errors),
                "due_body": _int(get(f"{a}-due_body")),
                "status": get(f"{a}-status") or "open",
                "source": old.get("source"),
            }
        )
    return {
        "id": _int(get(f"{prefix}-id")),
        "number": get(f"{prefix}-number"),
        "title": get(f"{prefix}-title"),
        "text": get(f"{prefix}-text"),
        "subheadings": _lines(get(f"{prefix}-subheadings")),
        "decisions": _lines(get(f"{prefix}-decisions")),
        "actions": actions,
        "tabled": tabled,
        "tables": _tables(get(f"{prefix}-tables")),
        "source": was.get("source"),
    }


def _lines(text: str) -> list[str]:
    """One entry per non-empty line (decisions, sub-headings)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _indices(post: Mapping[str, str], letter: str, key: str) -> list[int]:
    found = []
    for name in post:
        parts = name.split("-")
        if len(parts) == 3 and parts[0] == letter and parts[2] == key and parts[1].isdigit():
            found.append(int(parts[1]))
    return sorted(found)


def _tables(text: str) -> list[dict[str, Any]]:
    tables = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        rows = [
            [cell.strip() for cell in line.split("|")]
            for line in chunk.splitlines()
            if line.strip()
        ]
        if rows:
            width = max(len(r) for r in rows)
            rows = [r + [""] * (width - len(r)) for r in rows]
            tables.append({"columns": rows[0], "rows": rows[1:]})
    return tables


def _int(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def _checked_date(
    value: str, name: str, errors: dict[str, str], *, required: bool = False
) -> str | None:
    if not value:
        if required:
            errors[name] = _("Fyll i ett datum (ÅÅÅÅ-MM-DD).")
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        errors[name] = _("”%(value)s” är inget datum; skriv ÅÅÅÅ-MM-DD.") % {"value": value}
        return value


def _checked_time(value: str, name: str, errors: dict[str, str]) -> str | None:
    if not value:
        return None
    try:
        return dt.time.fromisoformat(value.replace(".", ":")).strftime("%H:%M")
    except ValueError:
        errors[name] = _("”%(value)s” är ingen tid; skriv TT:MM.") % {"value": value}
        return value


def theirs_by_name(mine: Content, theirs: Content) -> dict[str, str]:
    """What the other person saved, under the names of this form's fields: rows are paired by
    their ids, so a reordered or added row does not pair the wrong texts."""
    values = flatten(theirs)
    paired = {key: values.get(key, "") for key in HEADER}

    def index(rows: list[dict[str, Any]]) -> dict[int, int]:
        return {row["id"]: n for n, row in enumerate(rows) if row.get("id")}

    their_people = index(theirs.get("participants") or [])
    for i, row in enumerate(mine.get("participants") or []):
        j = their_people.get(row.get("id") or 0)
        if j is not None:
            for key in ("name", "person", "organisation", "role", "party", "status"):
                paired[f"p-{i}-{key}"] = values.get(f"p-{j}-{key}", "")
    their_items = index(theirs.get("items") or [])
    for n, item in enumerate(mine.get("items") or []):
        k = their_items.get(item.get("id") or 0)
        if k is None:
            continue
        for key in ITEM_KEYS:
            paired[f"i-{n}-{key}"] = values.get(f"i-{k}-{key}", "")
        their_actions = index((theirs["items"][k]).get("actions") or [])
        for m, action in enumerate(item.get("actions") or []):
            q = their_actions.get(action.get("id") or 0)
            if q is not None:
                for key in ("assignee_text", "text", "due", "due_body", "status"):
                    paired[f"i-{n}-a-{m}-{key}"] = values.get(f"i-{k}-a-{q}-{key}", "")
    return paired
