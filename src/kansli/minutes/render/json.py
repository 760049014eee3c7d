"""The `minutes/1` interchange format: the model to a JSON-ready dict and back.

`to_json` gives exactly the keys of the public contract (../schema/minutes-1.schema.json) plus the
added ones (`warnings`, `source_name`, `source_format`, and `source` on every node that has one).
`from_json` is its inverse for imports: it validates by hand, because jsonschema is only a
development dependency, and says which key is wrong ("items[2].actions[0].due") in the error.
The dict is the edge of the core, so it is `dict[str, object]` and never travels further inside.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum
from importlib import resources
from typing import NoReturn, TypeVar

from kansli.minutes.errors import InvalidMinutesJsonError
from kansli.minutes.model import (
    Action,
    Decision,
    Event,
    Item,
    Kind,
    Minutes,
    NextMeetingAgenda,
    ParseWarning,
    Participant,
    Referral,
    Source,
    Status,
    Table,
    Tabling,
)

SCHEMA_ID = "minutes/1"
LANGUAGES = ("sv", "en")

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")

T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)


def schema() -> dict[str, object]:
    """The published JSON Schema of `minutes/1`, as shipped in the package."""
    path = resources.files("kansli.minutes").joinpath("schema/minutes-1.schema.json")
    text = path.read_text(encoding="utf-8")  # not the locale's: the descriptions say "Höst"
    loaded: dict[str, object] = json.loads(text)
    return loaded


# --- model -> dict ---------------------------------------------------------------------------


def to_json(minutes: Minutes) -> dict[str, object]:
    """The `minutes/1` dict of a parsed document: ISO dates, "HH:MM" times, null when unknown."""
    m = minutes
    return {
        "schema": SCHEMA_ID,
        "kind": m.kind.value if m.kind is not None else None,
        "language": m.language,
        "body": m.body,
        "meeting_number": m.meeting_number,
        "date": _iso(m.date),
        "start_time": _hhmm(m.start_time),
        "end_time": _hhmm(m.end_time),
        "place": m.place,
        "author": m.author,
        "chair": m.chair,
        "secretary": m.secretary,
        "adjusters": list(m.adjusters),
        "participants": [_participant_json(p) for p in m.participants],
        "items": [_item_json(i) for i in m.items],
        "events": [_event_json(e) for e in m.events],
        "next_meeting_agenda": _agenda_json(m.next_meeting_agenda),
        "referrals": [_referral_json(r) for r in m.referrals],
        "warnings": [
            {"code": w.code, "message": w.message, "pages": list(w.pages)} for w in m.warnings
        ],
        "source_name": m.source_name,
        "source_format": m.source_format,
    }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _hhmm(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def _with_source(node: dict[str, object], source: Source | None) -> dict[str, object]:
    # Only nodes that know their origin get the key: an absent source is not "page null, line 0".
    if source is not None:
        node["source"] = {"page": source.page, "lines": [source.line_start, source.line_end]}
    return node


def _participant_json(p: Participant) -> dict[str, object]:
    node: dict[str, object] = {
        "name": p.name,
        "organisation": p.organisation,
        "party": p.party,
        "role": p.role,
        "status": p.status.value,
    }
    return _with_source(node, p.source)


def _item_json(item: Item) -> dict[str, object]:
    tabled = item.tabled
    node: dict[str, object] = {
        "number": item.number,
        "title": item.title,
        "text": item.text,
        "subheadings": list(item.subheadings),
        "decisions": [_with_source({"text": d.text}, d.source) for d in item.decisions],
        "actions": [_action_json(a) for a in item.actions],
        "tabled": None
        if tabled is None
        else _with_source(
            {"to_date": _iso(tabled.to_date), "to_body": tabled.to_body, "reason": tabled.reason},
            tabled.source,
        ),
        "tables": [
            _with_source({"columns": list(t.columns), "rows": [list(r) for r in t.rows]}, t.source)
            for t in item.tables
        ],
    }
    return _with_source(node, item.source)


def _action_json(a: Action) -> dict[str, object]:
    node: dict[str, object] = {
        "assignee": a.assignee,
        "text": a.text,
        "due": _iso(a.due),
        "due_body": a.due_body,
    }
    return _with_source(node, a.source)


def _event_json(e: Event) -> dict[str, object]:
    node: dict[str, object] = {
        "title": e.title,
        "start": e.start.isoformat(),
        "end": _iso(e.end),
        "approximate": e.approximate,
    }
    return _with_source(node, e.source)


def _agenda_json(agenda: NextMeetingAgenda | None) -> dict[str, object] | None:
    if agenda is None:
        return None
    node: dict[str, object] = {
        "body": agenda.body,
        "date": _iso(agenda.date),
        "place": agenda.place,
        "items": list(agenda.items),
    }
    return _with_source(node, agenda.source)


def _referral_json(r: Referral) -> dict[str, object]:
    # The contract says "from"; the model cannot, as `from` is a Python keyword.
    node: dict[str, object] = {
        "title": r.title,
        "from": r.sender,
        "deadline": _iso(r.deadline),
    }
    return _with_source(node, r.source)


# --- dict -> model ---------------------------------------------------------------------------


def from_json(data: object, name: str | None = None) -> Minutes:
    """Read a `minutes/1` dict (as `json.load` gives it) back into the model.

    Required keys are those the schema requires; optional ones (`text`, `tables`, `party`,
    `source`, ...) take the model's defaults. Unknown keys are ignored, as the contract lets
    producers add fields. Raises `InvalidMinutesJsonError` naming the first wrong key.
    """
    r = _Reader(name)
    top = r.mapping(data, "$")
    if r.required(top, "schema", "$") != SCHEMA_ID:
        r.fail("$.schema", f'"{SCHEMA_ID}" väntades')
    language = r.field(top, "language", "$", r.string)
    if language not in LANGUAGES:
        r.fail("$.language", "sv eller en väntades")
    kind = r.required(top, "kind", "$")
    agenda = r.required(top, "next_meeting_agenda", "$")
    return Minutes(
        kind=None if kind is None else r.choice(Kind, kind, "$.kind"),
        language=language,
        body=r.field(top, "body", "$", r.opt_string),
        meeting_number=r.field(top, "meeting_number", "$", r.opt_string),
        date=r.field(top, "date", "$", r.opt_date),
        start_time=r.field(top, "start_time", "$", r.opt_time),
        end_time=r.field(top, "end_time", "$", r.opt_time),
        place=r.field(top, "place", "$", r.opt_string),
        author=r.field(top, "author", "$", r.opt_string),
        chair=r.field(top, "chair", "$", r.opt_string),
        secretary=r.field(top, "secretary", "$", r.opt_string),
        adjusters=r.field(top, "adjusters", "$", r.strings),
        participants=r.each(r.required(top, "participants", "$"), "$.participants", _participant),
        items=r.each(r.required(top, "items", "$"), "$.items", _item),
        events=r.each(r.required(top, "events", "$"), "$.events", _event),
        next_meeting_agenda=None if agenda is None else _agenda(r, agenda, "$.next_meeting_agenda"),
        referrals=r.each(r.required(top, "referrals", "$"), "$.referrals", _referral),
        warnings=r.each(top.get("warnings", []), "$.warnings", _warning),
        source_name=r.opt_string(top.get("source_name"), "$.source_name"),
        source_format=r.opt_string(top.get("source_format"), "$.source_format"),
    )


class _Reader:
    """Typed access to untyped JSON; every failure names the JSON path of the bad value."""

    def __init__(self, name: str | None) -> None:
        self.name = name

    def fail(self, path: str, problem: str) -> NoReturn:
        raise InvalidMinutesJsonError(self.name, f"{path}: {problem}")

    def mapping(self, value: object, path: str) -> Mapping[str, object]:
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            self.fail(path, "ett objekt väntades")
        return value

    def required(self, obj: Mapping[str, object], key: str, path: str) -> object:
        if key not in obj:
            self.fail(f"{path}.{key}", "nyckeln saknas")
        return obj[key]

    def field(
        self, obj: Mapping[str, object], key: str, path: str, read: Callable[[object, str], T]
    ) -> T:
        """`obj[key]`, which must be there, read by `read` ("title" -> a string)."""
        return read(self.required(obj, key, path), f"{path}.{key}")

    def string(self, value: object, path: str) -> str:
        if not isinstance(value, str):
            self.fail(path, "en sträng väntades")
        return value

    def opt_string(self, value: object, path: str) -> str | None:
        return None if value is None else self.string(value, path)

    def boolean(self, value: object, path: str) -> bool:
        if not isinstance(value, bool):
            self.fail(path, "true eller false väntades")
        return value

    def integer(self, value: object, path: str, *, minimum: int) -> int:
        # bool is an int subclass in Python, but `true` is no page number in JSON.
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.fail(path, f"ett heltal ≥ {minimum} väntades")
        return value

    def date(self, value: object, path: str) -> dt.date:
        text = self.string(value, path)
        # fromisoformat alone would also take "20190125"; the contract says YYYY-MM-DD.
        if _DATE.fullmatch(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                pass
        self.fail(path, f"{text!r} är inget datum ÅÅÅÅ-MM-DD")

    def opt_date(self, value: object, path: str) -> dt.date | None:
        return None if value is None else self.date(value, path)

    def opt_time(self, value: object, path: str) -> dt.time | None:
        if value is None:
            return None
        text = self.string(value, path)
        if not _TIME.fullmatch(text):
            self.fail(path, f"{text!r} är ingen tid TT:MM")
        return dt.time.fromisoformat(text)

    def choice(self, enum: type[E], value: object, path: str) -> E:
        text = self.string(value, path)
        try:
            return enum(text)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            self.fail(path, f"okänt värde {text!r} ({allowed} väntades)")

    def sequence(self, value: object, path: str) -> Sequence[object]:
        if not isinstance(value, list):
            self.fail(path, "en lista väntades")
        return value

    def strings(self, value: object, path: str) -> tuple[str, ...]:
        values = self.sequence(value, path)
        return tuple(self.string(v, f"{path}[{i}]") for i, v in enumerate(values))

    def each(
        self, value: object, path: str, build: Callable[[_Reader, object, str], T]
    ) -> tuple[T, ...]:
        values = self.sequence(value, path)
        return tuple(build(self, v, f"{path}[{i}]") for i, v in enumerate(values))

    def source(self, obj: Mapping[str, object], path: str) -> Source | None:
        value = obj.get("source")
        if value is None:
            return None
        where = f"{path}.source"
        node = self.mapping(value, where)
        page = node.get("page")
        lines = self.sequence(self.required(node, "lines", where), f"{where}.lines")
        if len(lines) != 2:
            self.fail(f"{where}.lines", "[första, sista] väntades")
        return Source(
            None if page is None else self.integer(page, f"{where}.page", minimum=1),
            self.integer(lines[0], f"{where}.lines[0]", minimum=0),
            self.integer(lines[1], f"{where}.lines[1]", minimum=0),
        )


def _participant(r: _Reader, value: object, path: str) -> Participant:
    p = r.mapping(value, path)
    return Participant(
        name=r.field(p, "name", path, r.string),
        organisation=r.field(p, "organisation", path, r.opt_string),
        party=r.opt_string(p.get("party"), f"{path}.party"),
        role=r.field(p, "role", path, r.opt_string),
        status=r.choice(Status, r.required(p, "status", path), f"{path}.status"),
        source=r.source(p, path),
    )


def _item(r: _Reader, value: object, path: str) -> Item:
    it = r.mapping(value, path)
    tabled = r.required(it, "tabled", path)
    return Item(
        number=r.field(it, "number", path, r.opt_string),
        title=r.field(it, "title", path, r.string),
        text=r.string(it.get("text", ""), f"{path}.text"),
        subheadings=r.strings(it.get("subheadings", []), f"{path}.subheadings"),
        decisions=r.each(r.required(it, "decisions", path), f"{path}.decisions", _decision),
        actions=r.each(r.required(it, "actions", path), f"{path}.actions", _action),
        tabled=None if tabled is None else _tabling(r, tabled, f"{path}.tabled"),
        tables=r.each(it.get("tables", []), f"{path}.tables", _table),
        source=r.source(it, path),
    )


def _decision(r: _Reader, value: object, path: str) -> Decision:
    d = r.mapping(value, path)
    return Decision(r.field(d, "text", path, r.string), r.source(d, path))


def _action(r: _Reader, value: object, path: str) -> Action:
    a = r.mapping(value, path)
    return Action(
        assignee=r.field(a, "assignee", path, r.opt_string),
        text=r.field(a, "text", path, r.string),
        due=r.field(a, "due", path, r.opt_date),
        due_body=r.opt_string(a.get("due_body"), f"{path}.due_body"),
        source=r.source(a, path),
    )


def _tabling(r: _Reader, value: object, path: str) -> Tabling:
    t = r.mapping(value, path)
    return Tabling(
        to_date=r.field(t, "to_date", path, r.opt_date),
        to_body=r.field(t, "to_body", path, r.opt_string),
        reason=r.field(t, "reason", path, r.opt_string),
        source=r.source(t, path),
    )


def _table(r: _Reader, value: object, path: str) -> Table:
    t = r.mapping(value, path)
    rows = r.field(t, "rows", path, r.sequence)
    return Table(
        columns=r.field(t, "columns", path, r.strings),
        rows=tuple(r.strings(row, f"{path}.rows[{i}]") for i, row in enumerate(rows)),
        source=r.source(t, path),
    )


def _event(r: _Reader, value: object, path: str) -> Event:
    e = r.mapping(value, path)
    return Event(
        title=r.field(e, "title", path, r.string),
        start=r.field(e, "start", path, r.date),
        end=r.field(e, "end", path, r.opt_date),
        approximate=r.field(e, "approximate", path, r.boolean),
        source=r.source(e, path),
    )


def _agenda(r: _Reader, value: object, path: str) -> NextMeetingAgenda:
    a = r.mapping(value, path)
    return NextMeetingAgenda(
        body=r.field(a, "body", path, r.opt_string),
        date=r.field(a, "date", path, r.opt_date),
        place=r.field(a, "place", path, r.opt_string),
        items=r.field(a, "items", path, r.strings),
        source=r.source(a, path),
    )


def _referral(r: _Reader, value: object, path: str) -> Referral:
    ref = r.mapping(value, path)
    return Referral(
        title=r.field(ref, "title", path, r.string),
        sender=r.field(ref, "from", path, r.opt_string),
        deadline=r.field(ref, "deadline", path, r.opt_date),
        source=r.source(ref, path),
    )


def _warning(r: _Reader, value: object, path: str) -> ParseWarning:
    w = r.mapping(value, path)
    pages = r.sequence(w.get("pages", []), f"{path}.pages")
    return ParseWarning(
        code=r.field(w, "code", path, r.string),
        message=r.field(w, "message", path, r.string),
        pages=tuple(r.integer(p, f"{path}.pages[{i}]", minimum=1) for i, p in enumerate(pages)),
    )
