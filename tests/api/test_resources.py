"""The endpoints with the web's permissions: the member sees the published founding meeting,
the secretary also the unpublished, another body's member nothing of it (404, never 403)."""

from __future__ import annotations

import json

import jsonschema
import pytest
from django.test import Client
from tests.api.conftest import Api
from tests.meetings.conftest import account

from kansli.api.schemas import minutes_components
from kansli.audit.models import AuditEntry
from kansli.meetings.models import Action, Decision, Item, Meeting
from kansli.minutes.render import schema as minutes_schema
from kansli.registry.models import Body


def test_it_lists_the_bodies_the_member_belongs_to(
    published: Meeting, member: Api, other_body: Body
) -> None:
    data = member.get("/api/bodies/").json()
    assert data["count"] == 1
    assert data["results"][0] | {"id": 0} == {
        "id": 0,
        "name": "Södertörnskommunernas ledningsgrupp",
        "short_name": "",
        "quorum": 5,
        "may_write": False,
    }


def test_it_lists_the_published_meetings(
    published: Meeting, member: Api, other_meeting: Meeting
) -> None:
    data = member.get("/api/meetings/").json()
    assert [m["id"] for m in data["results"]] == [published.pk]
    assert data["results"][0]["date"] == "2019-01-25"
    assert member.get("/api/meetings/", body=published.body_id).json()["count"] == 1


def test_it_hides_another_bodys_meetings(
    published: Meeting, member: Api, other_meeting: Meeting
) -> None:
    assert member.get(f"/api/meetings/{other_meeting.pk}/").status_code == 404
    response = member.get("/api/meetings/", body=other_meeting.body_id)
    assert response.status_code == 404
    assert response.json() == {"error": "Finns inte."}


def test_it_hides_an_unpublished_meeting_from_the_member(
    meeting: Meeting, member: Api, secretary: Api
) -> None:
    for url in (f"/api/meetings/{meeting.pk}/", f"/api/meetings/{meeting.pk}/minutes"):
        assert member.get(url).status_code == 404
        assert secretary.get(url).status_code == 200
    assert member.get("/api/meetings/").json()["count"] == 0
    assert secretary.get("/api/meetings/").json()["count"] == 1
    action = Action.objects.filter(item__meeting=meeting).first()
    assert action is not None
    assert member.get(f"/api/actions/{action.pk}/").status_code == 404
    assert member.get("/api/actions/").json()["count"] == 0


def test_it_shows_the_meeting_with_its_items(published: Meeting, member: Api) -> None:
    data = member.get(f"/api/meetings/{published.pk}/").json()
    assert data["body"] == published.body_id
    assert len(data["items"]) == published.items.count() > 5
    present = [a["name"] for a in data["attendance"] if a["status"] == "present"]
    assert present, data["attendance"]
    assert (
        sum(len(i["decisions"]) for i in data["items"])
        == Decision.objects.filter(item__meeting=published).count()
    )
    tabled = [i for i in data["items"] if i["tabling"]]
    assert tabled, "the founding meeting tabled an item"


def test_it_shows_items_decisions_and_actions(
    published: Meeting, member: Api, outsider: Api
) -> None:
    item = Item.objects.filter(meeting=published, decisions__isnull=False).first()
    decision = Decision.objects.filter(item__meeting=published).first()
    action = Action.objects.filter(item__meeting=published).first()
    assert item and decision and action
    urls = {
        f"/api/items/{item.pk}/": item.title,
        f"/api/decisions/{decision.pk}/": decision.text,
        f"/api/actions/{action.pk}/": action.text,
    }
    for url, text in urls.items():
        response = member.get(url)
        assert response.status_code == 200
        assert text in json.dumps(response.json(), ensure_ascii=False)
        assert outsider.get(url).status_code == 404


def test_it_filters_actions(published: Meeting, member: Api) -> None:
    everything = member.get("/api/actions/").json()
    assert everything["count"] == Action.objects.filter(item__meeting=published).count() > 0
    assert member.get("/api/actions/", status="done").json()["count"] == 0
    assigned = Action.objects.filter(item__meeting=published, assignee__isnull=False).first()
    if assigned is not None:
        mine = member.get("/api/actions/", assignee=assigned.assignee_id).json()
        assert assigned.pk in [a["id"] for a in mine["results"]]


def test_the_minutes_are_the_web_export(published: Meeting, member: Api, body: Body) -> None:
    data = member.get(f"/api/meetings/{published.pk}/minutes").json()
    jsonschema.validate(data, minutes_schema())
    web = account("webbledamot", body).get(f"/moten/{published.pk}/export.json")
    assert web.status_code == 200
    assert data == json.loads(web.content)
    assert data["date"] == "2019-01-25"


def test_the_embedded_minutes_schema_is_the_published_one() -> None:
    components = minutes_components()
    assert components["minutes-1"]["required"] == minutes_schema()["required"]
    assert {f"minutes-1.{name}" for name in minutes_schema()["$defs"]} <= set(components)


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 201}, "limit"),
        ({"limit": "tio"}, "limit"),
        ({"offset": -1}, "offset"),
        ({"offset": "1.5"}, "offset"),
        ({"body": "x"}, "body"),
        ({"status": "klar"}, "status"),
    ],
)
def test_it_says_which_parameter_is_wrong(
    published: Meeting, member: Api, params: dict[str, object], name: str
) -> None:
    response = member.get("/api/actions/", **params)
    assert response.status_code == 400
    assert f"Parametern {name} " in response.json()["error"]


def test_it_pages(published: Meeting, member: Api) -> None:
    total = Action.objects.filter(item__meeting=published).count()
    assert total >= 3
    first = member.get("/api/actions/", limit=2).json()
    assert (first["count"], first["limit"], first["offset"], len(first["results"])) == (
        total,
        2,
        0,
        2,
    )
    rest = member.get("/api/actions/", limit=200, offset=2).json()
    ids = [a["id"] for a in first["results"] + rest["results"]]
    assert len(ids) == len(set(ids)) == total
    assert member.get("/api/actions/", offset=1_000_000).json()["results"] == []


@pytest.mark.parametrize(
    "url", ["/api/meetings/0/", "/api/meetings/x/", "/api/items/99999999999/", "/api/inget/"]
)
def test_it_answers_json_for_what_does_not_exist(member: Api, url: str) -> None:
    response = member.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_it_refuses_other_methods_with_allow(published: Meeting, member: Api) -> None:
    response = member.client.delete(f"/api/meetings/{published.pk}/")
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert "DELETE" in response.json()["error"]
    assert member.client.post("/api/openapi.json").status_code == 405


def test_the_secretary_marks_an_action_done(
    published: Meeting, member: Api, secretary: Api, outsider: Api
) -> None:
    action = Action.objects.filter(item__meeting=published).first()
    assert action is not None
    url = f"/api/actions/{action.pk}/"
    assert outsider.patch(url, {"status": "done"}).status_code == 404
    assert member.patch(url, {"status": "done"}).status_code == 403
    assert Api(None).patch(url, {"status": "done"}).status_code == 401
    assert secretary.patch(url, {"status": "klar"}).status_code == 400
    assert (
        secretary.client.patch(
            url, "{", content_type="application/json", headers=secretary._headers()
        ).status_code
        == 400
    )
    response = secretary.patch(url, {"status": "done"})
    assert response.status_code == 200
    assert response.json()["status"] == "done"
    action.refresh_from_db()
    assert action.status == "done"
    entry = AuditEntry.objects.get(object_type="meetings.action", object_id=str(action.pk))
    assert (entry.before, entry.after) == ({"status": "open"}, {"status": "done"})


def test_the_schema_is_public(db: None) -> None:
    data = Client().get("/api/openapi.json").json()
    assert data["openapi"] == "3.1.0"
    assert "/api/meetings/{meeting_id}/minutes" in data["paths"]
