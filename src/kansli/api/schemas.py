"""The JSON Schemas of the API's answers (OpenAPI 3.1, i.e. JSON Schema 2020-12), by name:
the OpenAPI document's `components/schemas`. `minutes/1` is the published schema itself."""

from __future__ import annotations

from typing import Any

from kansli.minutes.render import schema as minutes_schema

Json = dict[str, Any]

MAX_ID = 2**31 - 1


def ref(name: str) -> Json:
    return {"$ref": f"#/components/schemas/{name}"}


def _obj(**properties: Json) -> Json:
    return {
        "type": "object",
        "required": list(properties),
        "properties": properties,
    }


ID: Json = {"type": "integer", "minimum": 1}
TEXT: Json = {"type": "string"}
DATE: Json = {"type": "string", "format": "date"}
NULLABLE_ID: Json = {"type": ["integer", "null"], "minimum": 1}
NULLABLE_DATE: Json = {"type": ["string", "null"], "format": "date"}
NULLABLE_TIME: Json = {"type": ["string", "null"], "pattern": "^[0-2][0-9]:[0-5][0-9]$"}
ACTION_STATUS = ("open", "done", "overdue", "struck")


def page(of: str) -> Json:
    """A page of a list: `limit` and `offset` as asked, `count` of all there are."""
    return _obj(
        count={"type": "integer", "minimum": 0},
        limit={"type": "integer", "minimum": 1},
        offset={"type": "integer", "minimum": 0},
        results={"type": "array", "items": ref(of)},
    )


REFERRAL: dict[str, Json] = {
    "id": ID,
    "body": ID,
    "title": TEXT,
    "sender": TEXT,
    "received": NULLABLE_DATE,
    "deadline": NULLABLE_DATE,
    "responsible": {"type": ["string", "null"]},
    "status": {"enum": ["inkommen", "beredning", "besvarad", "avstar"]},
    "answered": NULLABLE_DATE,
}

COMPONENTS: dict[str, Json] = {
    "Error": _obj(error=TEXT),
    "Body": _obj(
        id=ID,
        name=TEXT,
        short_name=TEXT,
        quorum={"type": ["integer", "null"], "minimum": 0},
        may_write={"type": "boolean", "description": "the user is the body's secretary"},
    ),
    "MeetingSummary": _obj(
        id=ID,
        body=ID,
        year={"type": "integer"},
        number={"type": "integer"},
        kind={"enum": ["minnesanteckningar", "protokoll", "minutes"]},
        date=DATE,
        start_time=NULLABLE_TIME,
        end_time=NULLABLE_TIME,
        place=TEXT,
        version={"type": "integer", "minimum": 1},
        published_at={"type": ["string", "null"], "format": "date-time"},
    ),
    "Meeting": {
        "allOf": [
            ref("MeetingSummary"),
            _obj(
                attendance={"type": "array", "items": ref("Attendant")},
                items={"type": "array", "items": ref("Item")},
            ),
        ]
    },
    "Attendant": _obj(
        person=ID,
        name=TEXT,
        organisation={"type": ["string", "null"]},
        role=TEXT,
        party=TEXT,
        status={"enum": ["present", "absent", "guest"]},
    ),
    "Item": _obj(
        id=ID,
        meeting=ID,
        position={"type": "integer", "minimum": 0},
        number=TEXT,
        title=TEXT,
        text=TEXT,
        subheadings={"type": "array"},
        decisions={"type": "array", "items": ref("Decision")},
        actions={"type": "array", "items": ref("Action")},
        tabling={
            "oneOf": [
                {"type": "null"},
                _obj(to_date=NULLABLE_DATE, to_body=NULLABLE_ID, reason=TEXT),
            ]
        },
    ),
    "Decision": _obj(
        id=ID, item=ID, meeting=ID, position={"type": "integer", "minimum": 0}, text=TEXT
    ),
    "Action": _obj(
        id=ID,
        item=ID,
        meeting=ID,
        position={"type": "integer", "minimum": 0},
        assignee=NULLABLE_ID,
        assignee_name={"type": ["string", "null"]},
        assignee_text=TEXT,
        text=TEXT,
        due=NULLABLE_DATE,
        due_body=NULLABLE_ID,
        status={"enum": list(ACTION_STATUS)},
    ),
    "Activity": _obj(
        id=ID,
        body=ID,
        title=TEXT,
        start=DATE,
        end=NULLABLE_DATE,
        season={"enum": ["var", "sommar", "host", "vinter", None]},
        state={"enum": ["proposed", "accepted", "rejected"]},
        organisation={"type": ["string", "null"]},
        source_meeting=NULLABLE_ID,
    ),
    "Referral": _obj(**REFERRAL),
    "ReferralDetail": _obj(
        **REFERRAL,
        joint_answer=TEXT,
        meetings={"type": "array", "items": ID},
        inputs={
            "type": "array",
            "items": _obj(organisation=TEXT, text=TEXT, received=NULLABLE_DATE),
        },
    ),
    "ActionChange": {
        "type": "object",
        "required": ["status"],
        "properties": {"status": {"enum": list(ACTION_STATUS)}},
    },
}


def minutes_components() -> dict[str, Json]:
    """The published `minutes/1` schema as components: its `$defs` become `minutes-1.<name>`
    beside it, since a `$ref` inside an embedded schema is read against the OpenAPI document."""
    published = minutes_schema()
    defs: dict[str, Json] = dict(published.pop("$defs", {}))  # type: ignore[call-overload]
    published.pop("$schema", None)
    published.pop("$id", None)

    def rewrite(node: object) -> object:
        if isinstance(node, dict):
            return {
                key: value.replace("#/$defs/", "#/components/schemas/minutes-1.")
                if key == "$ref" and isinstance(value, str)
                else rewrite(value)
                for key, value in node.items()
            }
        if isinstance(node, list):
            return [rewrite(value) for value in node]
        return node

    found: dict[str, Json] = {"minutes-1": rewrite(published)}  # type: ignore[dict-item]
    for name, definition in defs.items():
        found[f"minutes-1.{name}"] = rewrite(definition)  # type: ignore[assignment]
    return found
