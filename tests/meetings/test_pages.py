"""A body's space: its members read it, its secretary may write, everybody else gets 404."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from kansli.meetings.models import Meeting
from kansli.meetings.services import import_document, publish
from kansli.registry.access import access_to
from kansli.registry.models import Body, Membership, Person, Role

FOUNDING = Path(__file__).parents[1] / "corpus" / "sv" / "sodertorn-ledningsgrupp-2019-01-25.docx"


def account(name: str, body: Body | None = None, role: Role = Role.MEMBER) -> Client:
    user = User.objects.create_user(name, password="hemligt-lösen-123")
    if body is not None:
        person = Person.objects.create(name=name.title(), user=user)
        Membership.objects.create(body=body, person=person, role=role)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def meeting(db: None) -> Meeting:
    imported = import_document(FOUNDING.read_bytes(), FOUNDING.name).meeting
    publish(imported)
    return imported


def test_it_shows_a_member_the_meeting_as_imported(meeting: Meeting) -> None:
    ledamoten = account("ledamoten", meeting.body)
    page = ledamoten.get(f"/moten/{meeting.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Södertörnskommunernas ledningsgrupp" in html
    assert "Cecilia Mårtensson" in html
    assert "Samordnad varudistribution" in html
    assert "Bordlagd" in html


def test_it_lists_the_body_in_the_members_start_page(meeting: Meeting) -> None:
    ledamoten = account("ledamoten", meeting.body)
    assert meeting.body.name in ledamoten.get("/").content.decode()
    assert ledamoten.get(f"/grupper/{meeting.body.pk}/").status_code == 200


def test_it_hides_the_space_from_a_member_of_another_group(meeting: Meeting) -> None:
    other = Body.objects.create(name="Annan grupp")
    utomstaende = account("utomstaende", other)
    assert utomstaende.get(f"/moten/{meeting.pk}/").status_code == 404
    assert utomstaende.get(f"/grupper/{meeting.body.pk}/").status_code == 404
    assert meeting.body.name not in utomstaende.get("/").content.decode()


def test_it_sends_an_anonymous_visitor_to_the_login_page(meeting: Meeting) -> None:
    page = Client().get(f"/moten/{meeting.pk}/")
    assert page.status_code == 302
    assert page["Location"].startswith("/logga-in/")


def test_it_lets_only_the_secretary_write(meeting: Meeting) -> None:
    sekreteraren = User.objects.create_user("sekreteraren")
    person = Person.objects.create(name="Sekreteraren", user=sekreteraren)
    Membership.objects.create(body=meeting.body, person=person, role=Role.SECRETARY)
    ledamoten = User.objects.create_user("ledamoten2")
    member = Person.objects.create(name="Ledamoten", user=ledamoten)
    Membership.objects.create(body=meeting.body, person=member, role=Role.MEMBER)
    assert access_to(sekreteraren, meeting.body).may_write  # type: ignore[union-attr]
    assert not access_to(ledamoten, meeting.body).may_write  # type: ignore[union-attr]


def test_it_shows_the_login_page_in_swedish(db: None) -> None:
    page = Client().get("/logga-in/")
    assert page.status_code == 200
    assert "Logga in" in page.content.decode()


def test_a_long_history_is_paged(meeting: Meeting) -> None:
    Meeting.objects.bulk_create(
        Meeting(
            body=meeting.body,
            year=2000 + n // 10,
            number=n % 10 + 1,
            date=f"{2000 + n // 10}-01-{n % 10 + 1:02}",
            published_at=meeting.published_at,
        )
        for n in range(60)
    )
    ledamoten = account("ledamoten", meeting.body)
    first = ledamoten.get(f"/grupper/{meeting.body.pk}/").content.decode()
    assert "2019-01-25" in first and "Sida 1 av 2" in first
    second = ledamoten.get(f"/grupper/{meeting.body.pk}/?sida=2").content.decode()
    assert "2000-01-01" in second and "2019-01-25" not in second
