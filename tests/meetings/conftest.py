"""Accounts and an imported founding document, for the web app's tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from kansli.meetings.models import Meeting
from kansli.meetings.services import import_document
from kansli.registry.models import Body, Membership, Person, Role

FOUNDING = Path(__file__).parents[1] / "corpus" / "sv" / "sodertorn-ledningsgrupp-2019-01-25.docx"


def account(name: str, body: Body | None = None, role: Role = Role.MEMBER) -> Client:
    """A logged-in browser for a new user, a member of `body` in `role` when given."""
    user = User.objects.create_user(name, password="hemligt-lösen-123")
    if body is not None:
        person = Person.objects.create(name=name.title(), user=user, email=f"{name}@example.se")
        Membership.objects.create(body=body, person=person, role=role)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def founding_docx() -> bytes:
    return FOUNDING.read_bytes()


@pytest.fixture
def body(db: None) -> Body:
    return Body.objects.create(name="Södertörnskommunernas ledningsgrupp", quorum=5)


@pytest.fixture
def meeting(body: Body, founding_docx: bytes) -> Meeting:
    """The founding document imported into `body`, not yet published."""
    return import_document(founding_docx, FOUNDING.name).meeting
