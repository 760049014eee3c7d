"""The cast for the API: the founding document imported and published in its body, with
*sekreteraren* and *ledamoten* holding tokens; another body with a meeting of its own that
*utomstående* belongs to; and tokens sent as `Authorization: Bearer`."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client
from tests.meetings.conftest import body, founding_docx, meeting  # noqa: F401

from kansli.api.tokens import issue
from kansli.meetings.models import Meeting
from kansli.meetings.services import publish
from kansli.registry.models import Body, Membership, Person, Role


class Api:
    """A client that sends a user's token with every request."""

    def __init__(self, token: str | None) -> None:
        self.token = token
        self.client = Client()

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def get(self, url: str, **params: object):  # type: ignore[no-untyped-def]
        return self.client.get(url, params, headers=self._headers())

    def patch(self, url: str, data: object):  # type: ignore[no-untyped-def]
        return self.client.patch(
            url, data, content_type="application/json", headers=self._headers()
        )


def person(name: str, of: Body | None, role: Role = Role.MEMBER) -> tuple[User, str]:
    """A new user, a member of `body` in `role` when given, and a fresh token of theirs."""
    user = User.objects.create_user(name, password="hemligt-lösen-123")
    if of is not None:
        someone = Person.objects.create(name=name.title(), user=user, email=f"{name}@example.se")
        Membership.objects.create(body=of, person=someone, role=role)
    _stored, token = issue(user, name="test")
    return user, token


@pytest.fixture
def published(meeting: Meeting) -> Meeting:  # noqa: F811
    publish(meeting)
    return meeting


@pytest.fixture
def member(body: Body) -> Api:  # noqa: F811
    return Api(person("ledamoten", body)[1])


@pytest.fixture
def secretary(body: Body) -> Api:  # noqa: F811
    return Api(person("sekreteraren", body, Role.SECRETARY)[1])


@pytest.fixture
def other_body(db: None) -> Body:
    return Body.objects.create(name="Södertörns kommundirektörer", short_name="SKD")


@pytest.fixture
def other_meeting(other_body: Body) -> Meeting:
    return Meeting.objects.create(
        body=other_body,
        year=2019,
        number=1,
        date=dt.date(2019, 2, 1),
        published_at=dt.datetime(2019, 2, 2, tzinfo=dt.UTC),
    )


@pytest.fixture
def outsider(other_body: Body) -> Api:
    return Api(person("utomstaende", other_body)[1])
