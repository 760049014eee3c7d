"""The cast for search: the founding meeting imported and indexed, people in its body and in
another body. The index is written after a commit; a test runs inside one transaction that
never commits, so the fixtures run the after-commit work as a real commit would."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.contrib.auth.models import User
from tests.meetings.conftest import FOUNDING, body, founding_docx  # noqa: F401 (fixtures)

from kansli.meetings.models import Meeting
from kansli.meetings.services import import_document, publish
from kansli.registry.models import Body, Membership, Person, Role

Commit = Callable[[], AbstractContextManager[Any]]


@pytest.fixture
def commit(django_capture_on_commit_callbacks: Any) -> Commit:
    """`with commit(): ...` runs what waits for the commit (the indexing) at the block's end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def person(name: str, group: Body | None = None, role: Role = Role.MEMBER) -> User:
    """A new user; a member of `group` in `role` when given."""
    user = User.objects.create_user(name, password="hemligt-lösen-123")
    if group is not None:
        who = Person.objects.create(name=name.title(), user=user)
        Membership.objects.create(body=group, person=who, role=role)
    return user


@pytest.fixture
def draft(body: Body, founding_docx: bytes, commit: Commit) -> Meeting:  # noqa: F811
    """The founding document imported into `body`, indexed, not published."""
    with commit():
        return import_document(founding_docx, FOUNDING.name).meeting


@pytest.fixture
def published(draft: Meeting, commit: Commit) -> Meeting:
    with commit():
        publish(draft)
    return draft


@pytest.fixture
def other_body(db: None) -> Body:
    return Body.objects.create(name="Storsthlms socialchefsnätverk")
