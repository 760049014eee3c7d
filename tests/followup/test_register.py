"""The action register: Mina åtgärder, a body's and an organisation's actions, status history."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.test import Client
from tests.meetings.conftest import account

from kansli.meetings.models import Action, ActionStatus, Meeting
from kansli.meetings.services import create_meeting, publish
from kansli.registry.models import Body, Membership, Organisation, Person, Role


def login_as(name: str, body: Body, role: Role = Role.MEMBER) -> Client:
    user = User.objects.create_user(name.split(maxsplit=1)[0].lower())
    person = Person.objects.get(name=name)
    person.user = user
    person.save()
    Membership.objects.create(body=body, person=person, role=role)
    client = Client()
    client.force_login(user)
    return client


def test_mina_atgarder_for_cecilia_lists_her_four_actions(meeting: Meeting) -> None:
    publish(meeting)
    cecilia = login_as("Cecilia Mårtensson", meeting.body)
    page = cecilia.get("/atgarder/")
    assert page.status_code == 200
    rows = page.context["rows"]
    assert len(rows) == 4
    assert {r["action"].assignee.name for r in rows} == {"Cecilia Mårtensson"}
    assert "fyller på och bevakar listan" in page.content.decode()


def test_overdue_actions_are_marked(meeting: Meeting) -> None:
    publish(meeting)
    cecilia = login_as("Cecilia Mårtensson", meeting.body)
    page = cecilia.get("/atgarder/").content.decode()
    assert page.count('class="warning"') == 4  # due 2019-02-07, long past
    Action.objects.filter(assignee__name="Cecilia Mårtensson").update(due=dt.date(2099, 1, 1))
    assert 'class="warning"' not in cecilia.get("/atgarder/").content.decode()


def test_the_assignee_changes_status_and_the_history_keeps_it(meeting: Meeting) -> None:
    publish(meeting)
    cecilia = login_as("Cecilia Mårtensson", meeting.body)
    action = Action.objects.filter(assignee__name="Cecilia Mårtensson").first()
    assert action is not None
    response = cecilia.post(f"/atgarder/{action.pk}/status/", {"status": ActionStatus.DONE})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    history = cecilia.get(f"/atgarder/{action.pk}/historik/").content.decode()
    assert "open → done" in history
    other = Action.objects.exclude(assignee__name="Cecilia Mårtensson").first()
    assert other is not None
    assert cecilia.post(f"/atgarder/{other.pk}/status/", {"status": "done"}).status_code == 403


def test_body_and_organisation_registers_and_outsiders(meeting: Meeting) -> None:
    publish(meeting)
    member = account("ledamoten", meeting.body)
    page = member.get(f"/grupper/{meeting.body.pk}/atgarder/")
    assert page.status_code == 200 and len(page.context["rows"]) == 7
    region = Organisation.objects.get(
        name="Tillväxt- och regionplaneförvaltningen, Region Stockholm"
    )
    by_org = member.get(f"/organisationer/{region.pk}/atgarder/")
    assert [r["action"].assignee.name for r in by_org.context["rows"]] == ["Hanna Wük"]
    outsider = account("utomstaende", Body.objects.create(name="Annan grupp"))
    assert outsider.get(f"/grupper/{meeting.body.pk}/atgarder/").status_code == 404
    assert outsider.get(f"/organisationer/{region.pk}/atgarder/").status_code == 404
    action = Action.objects.first()
    assert action is not None
    assert outsider.post(f"/atgarder/{action.pk}/status/", {"status": "done"}).status_code == 404
    assert outsider.get(f"/atgarder/{action.pk}/historik/").status_code == 404
    assert Client().get("/atgarder/").status_code == 302


def test_drafts_stay_out_of_the_members_register(meeting: Meeting) -> None:
    member = account("ledamoten", meeting.body)
    assert member.get(f"/grupper/{meeting.body.pk}/atgarder/").context["rows"] == []
    secretary = account("sekreteraren", meeting.body, Role.SECRETARY)
    assert len(secretary.get(f"/grupper/{meeting.body.pk}/atgarder/").context["rows"]) == 7


def test_the_secretary_accepts_a_proposed_agenda_in_the_browser(meeting: Meeting) -> None:
    ssk = Body.objects.get(short_name="SSK")
    secretary = account("sekreteraren", ssk, Role.SECRETARY)
    planned = create_meeting(ssk, dt.date(2019, 2, 7))
    page = secretary.get(f"/moten/{planned.pk}/dagordning/")
    assert page.status_code == 200
    proposals = page.context["proposals"]
    assert len(proposals) == 15  # 9 referred, 1 tabled, 5 follow-ups
    form = {f"use-{p.key}": "on" for p in proposals if p.kind != "referred"}
    form.update({f"order-{p.key}": str(n) for n, p in enumerate(reversed(proposals))})
    response = secretary.post(f"/moten/{planned.pk}/dagordning/", form)
    assert response.status_code == 302
    assert list(planned.items.values_list("title", flat=True)) == [
        "Uppföljning",
        "Årsredovisning och bokslut 2018",
    ]
    member = account("ledamoten", ssk)
    assert member.get(f"/moten/{planned.pk}/dagordning/").status_code == 404  # a draft
    publish(planned)
    assert member.get(f"/moten/{planned.pk}/dagordning/").status_code == 403
