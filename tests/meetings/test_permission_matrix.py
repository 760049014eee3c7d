"""The permission matrix: every URL of the app × every role × our group's and another group's
objects. The URLs are walked from the URL configuration, so a new page without a line in
`EXPECTED` fails here until somebody decides who may see it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from tests.meetings.conftest import FOUNDING

from kansli.meetings.models import (
    Action,
    Attachment,
    Attendance,
    ImportDraft,
    Meeting,
    Notification,
)
from kansli.meetings.services import attach, import_document, publish, stage_import
from kansli.registry.models import Body, Membership, Organisation, Person, Role

ROLES = ("sekreterare", "ledamot", "gast", "utomstaende", "anonym")

# URL name -> (method, status per role for OUR group's object). Another group's objects give
# 404 to every signed-in role; the anonymous visitor is always sent to the login page (302).
OK, FOUND, FORBIDDEN, MISSING = 200, 302, 403, 404
LOGIN = -302
"""A redirect to the login page (any other redirect is FOUND)."""
EXPECTED: dict[str, tuple[str, dict[str, int]]] = {
    "start": ("get", dict.fromkeys(ROLES[:4], OK)),
    "body": ("get", {"sekreterare": OK, "ledamot": OK, "gast": OK, "utomstaende": MISSING}),
    "new_meeting": (
        "get",
        {"sekreterare": OK, "ledamot": FORBIDDEN, "gast": FORBIDDEN, "utomstaende": MISSING},
    ),
    "meeting": ("get", {"sekreterare": OK, "ledamot": OK, "gast": OK, "utomstaende": MISSING}),
    "export": ("get", {"sekreterare": OK, "ledamot": OK, "gast": OK, "utomstaende": MISSING}),
    "source": ("get", {"sekreterare": OK, "ledamot": OK, "gast": OK, "utomstaende": MISSING}),
    "attachment": (
        "get",
        {"sekreterare": OK, "ledamot": OK, "gast": OK, "utomstaende": MISSING},
    ),
    "edit": (
        "get",
        {"sekreterare": OK, "ledamot": FORBIDDEN, "gast": FORBIDDEN, "utomstaende": MISSING},
    ),
    "publish": (
        "post",
        {"sekreterare": FOUND, "ledamot": FORBIDDEN, "gast": FORBIDDEN, "utomstaende": MISSING},
    ),
    "attach": (
        "post",
        {"sekreterare": FOUND, "ledamot": FORBIDDEN, "gast": FORBIDDEN, "utomstaende": MISSING},
    ),
    "my_actions": ("get", dict.fromkeys(ROLES[:4], OK)),
    "action_status": (
        "post",
        {"sekreterare": FOUND, "ledamot": FORBIDDEN, "gast": FORBIDDEN, "utomstaende": MISSING},
    ),
    "action_history": (
        "get",
        {"sekreterare": OK, "ledamot": OK, "gast": OK, "utomstaende": MISSING},
    ),
    "body_actions": (
        "get",
        {"sekreterare": OK, "ledamot": OK, "gast": OK, "utomstaende": MISSING},
    ),
    "organisation_actions": (
        "get",
        {"sekreterare": OK, "ledamot": OK, "gast": OK, "utomstaende": MISSING},
    ),
    "propose_agenda": (
        "get",
        {"sekreterare": OK, "ledamot": FORBIDDEN, "gast": FORBIDDEN, "utomstaende": MISSING},
    ),
    "upload": (
        "get",
        {"sekreterare": OK, "ledamot": MISSING, "gast": MISSING, "utomstaende": MISSING},
    ),
    "review": (
        "get",
        {"sekreterare": OK, "ledamot": MISSING, "gast": MISSING, "utomstaende": MISSING},
    ),
    # A notification is its person's own: the member it was sent to follows it to the meeting.
    "notice": (
        "post",
        {"sekreterare": MISSING, "ledamot": FOUND, "gast": MISSING, "utomstaende": MISSING},
    ),
}
# Pages outside the app's own objects, checked elsewhere: Django's admin (staff only), the
# login/logout pages and the language switch.
NOT_APP = {"login", "logout", "set_language"}


@dataclass
class Group:
    body: Body
    meeting: Meeting
    draft: ImportDraft
    attachment: Attachment
    notice: Notification | None


def app_urls() -> Iterator[tuple[str, list[str]]]:
    """(name, parameter names) of every named URL outside the admin."""

    def walk(patterns: list[URLPattern | URLResolver]) -> Iterator[URLPattern]:
        for p in patterns:
            if isinstance(p, URLResolver):
                if p.app_name != "admin":
                    yield from walk(p.url_patterns)
            else:
                yield p

    for pattern in walk(get_resolver().url_patterns):
        if pattern.name and pattern.name not in NOT_APP and _in_scope(pattern):
            yield pattern.name, list(pattern.pattern.converters)


def _in_scope(pattern: URLPattern) -> bool:
    """The meetings app and the site's own pages; the follow-up apps (calendar, referrals,
    search, ...) carry their own permission tests."""
    module = getattr(pattern.callback, "__module__", "")
    return module.startswith(
        ("kansli.meetings", "kansli.site", "kansli.registry", "kansli.followup")
    )


def person(username: str, body: Body | None, role: Role | None) -> User:
    user = User.objects.create_user(username, password="hemligt-lösen-123")
    who = Person.objects.create(name=username.title(), user=user)
    if body is not None and role is not None:
        Membership.objects.create(body=body, person=who, role=role)
    return user


def group(name: str, data: bytes, secretary: User) -> Group:
    meeting = import_document(data, f"{name}.txt").meeting
    meeting.body.name = name
    meeting.body.save()
    publish(meeting)
    own = Organisation.objects.create(name=f"Organisation i {name}")
    Attendance.objects.create(
        meeting=meeting,
        person=Person.objects.create(name=f"Gäst från {name}"),
        organisation=own,
        status="guest",
    )
    draft = stage_import(f"Minnesanteckningar {name}\n\n1. Punkt\n".encode() * 1, "utkast.txt")
    draft.body = meeting.body
    draft.uploaded_by = secretary
    draft.save()
    return Group(
        meeting.body,
        meeting,
        draft,
        attach(meeting, None, "bilaga.txt", "text/plain", b"hej"),
        Notification.objects.filter(meeting=meeting).first(),
    )


def url_for(name: str, params: list[str], g: Group) -> str:
    values = {
        "body_id": g.body.pk,
        "meeting_id": g.meeting.pk,
        "source_id": g.meeting.sources.get().pk,
        "attachment_id": g.attachment.pk,
        "draft_id": g.draft.pk,
        "notice_id": g.notice.pk if g.notice else 0,
        "action_id": Action.objects.filter(item__meeting=g.meeting).first().pk,  # type: ignore[union-attr]
        "organisation_id": Attendance.objects.filter(meeting=g.meeting)
        .get(person__name=f"Gäst från {g.body.name}")
        .organisation_id,
        "fmt": "json",
    }
    return reverse(name, kwargs={p: values[p] for p in params})


@pytest.fixture
def world(db: None) -> dict[str, object]:
    ours = Body.objects.create(name="Vår grupp")
    theirs = Body.objects.create(name="Deras grupp")
    elsewhere = Body.objects.create(name="En tredje grupp")
    users = {
        "sekreterare": person("sekreterare", ours, Role.SECRETARY),
        "ledamot": person("ledamot", ours, Role.MEMBER),
        "gast": person("gast", ours, Role.GUEST),
        "utomstaende": person("utomstaende", elsewhere, Role.MEMBER),
    }
    their_secretary = person("deras", theirs, Role.SECRETARY)
    person("deras-ledamot", theirs, Role.MEMBER)
    text = FOUNDING.with_suffix(".txt").read_bytes()
    Body.objects.filter(pk=ours.pk).update(name="Södertörnskommunernas ledningsgrupp")
    our_group = group("Vår grupp", text, users["sekreterare"])
    other_text = text.replace(b"2019-01-25", b"2019-03-29").replace(b"januari", b"mars")
    Body.objects.filter(pk=theirs.pk).update(name="Södertörnskommunernas ledningsgrupp")
    their_group = group("Deras grupp", other_text + b"\n", their_secretary)
    return {"users": users, "ours": our_group, "theirs": their_group}


def request(client: Client, method: str, url: str) -> int:
    """The status, with a redirect to the login page told apart from any other redirect."""
    if method == "post":
        upload = io.BytesIO(b"%PDF-1.4 bilaga")
        upload.name = "bilaga.pdf"
        response = client.post(url, {"file": upload})
    else:
        response = client.get(url)
    if response.status_code == 302 and response["Location"].startswith("/logga-in/"):
        return LOGIN
    return response.status_code


def test_every_url_has_a_decision() -> None:
    names = {name for name, _params in app_urls()}
    assert names == set(EXPECTED), "a URL without a line in EXPECTED, or a line without a URL"


def test_the_permission_matrix(world: dict[str, object]) -> None:
    users: dict[str, User] = world["users"]  # type: ignore[assignment]
    ours: Group = world["ours"]  # type: ignore[assignment]
    theirs: Group = world["theirs"]  # type: ignore[assignment]
    wrong = []
    checked = 0
    for name, params in sorted(app_urls()):
        method, expected = EXPECTED[name]
        for role in ROLES:
            client = Client()
            if role != "anonym":
                client.force_login(users[role])
            targets = [("vår", ours, expected.get(role))]
            if params:
                targets.append(("deras", theirs, MISSING))
            for label, target, allowed in targets:
                status = LOGIN if role == "anonym" else allowed
                if name == "notice" and role == "ledamot" and label == "vår":
                    target.notice = Notification.objects.get(
                        meeting=target.meeting, person__user=users["ledamot"]
                    )
                got = request(client, method, url_for(name, params, target))
                checked += 1
                if got != status:
                    wrong.append(f"{name} {role} {label}: {got}, väntat {status}")
    assert not wrong, "\n".join(wrong)
    assert checked >= len(EXPECTED) * len(ROLES)
