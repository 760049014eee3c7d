"""Every URL of the referrals app × every role × our group's and another group's objects.
Deny by default: outsiders 404, members writing 403, anonymous visitors to the login page."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from tests.referrals.conftest import FOUNDING

from kansli.meetings.models import Meeting
from kansli.meetings.services import import_document, publish
from kansli.referrals import proposals, services
from kansli.referrals.models import Initiative, Proposal, Referral
from kansli.referrals.urls import urlpatterns
from kansli.registry.models import Body, Membership, Person, Role

ROLES = ("sekreterare", "ledamot", "gast", "utomstaende", "anonym")
OK, FOUND, FORBIDDEN, MISSING, LOGIN = 200, 302, 403, 404, -302


def writes(ok: int) -> dict[str, int]:
    return {"sekreterare": ok, "ledamot": FORBIDDEN, "gast": FORBIDDEN, "utomstaende": MISSING}


READ = {"sekreterare": OK, "ledamot": OK, "gast": OK, "utomstaende": MISSING}
EVERYBODY = dict.fromkeys(ROLES[:4], OK)
EXPECTED: dict[str, tuple[str, dict[str, int]]] = {
    "referrals": ("get", EVERYBODY),
    "referral_new": ("get", writes(OK)),
    "referral": ("get", READ),
    "referral_edit": ("get", writes(OK)),
    "referral_input": ("get", writes(OK)),
    "referral_answer": ("get", writes(OK)),
    "referral_proposals": ("get", writes(OK)),
    "referral_proposal_decide": ("post", writes(FOUND)),
    "initiatives": ("get", EVERYBODY),
    "initiative": ("get", READ),
    "initiative_column": ("post", writes(FOUND)),
    "initiative_cell": ("post", writes(FOUND)),
}


@dataclass
class Group:
    body: Body
    meeting: Meeting
    referral: Referral
    initiative: Initiative
    proposal: Proposal


def group(name: str, text: bytes) -> Group:
    meeting = import_document(text, f"{name}.txt").meeting
    Body.objects.filter(pk=meeting.body.pk).update(name=name)
    meeting.body.refresh_from_db()
    publish(meeting)
    found = proposals.propose(meeting)
    proposals.accept(found[0])  # the matrix; the referral stays proposed
    return Group(
        meeting.body,
        meeting,
        services.create_referral(meeting.body, services.ReferralFields(title=f"Remiss {name}")),
        Initiative.objects.get(body=meeting.body),
        Proposal.objects.get(meeting=meeting, state="open"),
    )


def person(username: str, body: Body, role: Role) -> User:
    user = User.objects.create_user(username, password="hemligt-lösen-123")
    Membership.objects.create(body=body, person=Person.objects.create(name=username), role=role)
    Person.objects.filter(name=username).update(user=user)
    return user


@pytest.fixture
def world(db: None) -> dict[str, object]:
    text = FOUNDING.with_suffix(".txt").read_bytes()
    ours = group("Vår grupp", text)
    other = text.replace(b"2019-01-25", b"2019-03-29").replace(b"januari", b"mars")
    theirs = group("Deras grupp", other + b"\n")
    elsewhere = Body.objects.create(name="En tredje grupp")
    users = {
        "sekreterare": person("sekreterare", ours.body, Role.SECRETARY),
        "ledamot": person("ledamot", ours.body, Role.MEMBER),
        "gast": person("gast", ours.body, Role.GUEST),
        "utomstaende": person("utomstaende", elsewhere, Role.MEMBER),
    }
    return {"users": users, "ours": ours, "theirs": theirs}


def url_for(name: str, g: Group) -> str:
    pattern = next(p for p in urlpatterns if p.name == name)
    values = {
        "body_id": g.body.pk,
        "meeting_id": g.meeting.pk,
        "referral_id": g.referral.pk,
        "initiative_id": g.initiative.pk,
        "proposal_id": g.proposal.pk,
    }
    return reverse(name, kwargs={p: values[p] for p in pattern.pattern.converters})


def status_of(client: Client, method: str, url: str) -> int:
    response = client.post(url, {}) if method == "post" else client.get(url)
    if response.status_code == 302 and response["Location"].startswith("/logga-in/"):
        return LOGIN
    return response.status_code


def test_every_url_has_a_decision() -> None:
    assert {p.name for p in urlpatterns} == set(EXPECTED)


def test_the_permission_matrix(world: dict[str, object]) -> None:
    users: dict[str, User] = world["users"]  # type: ignore[assignment]
    ours: Group = world["ours"]  # type: ignore[assignment]
    theirs: Group = world["theirs"]  # type: ignore[assignment]
    wrong = []
    for pattern in urlpatterns:
        name = str(pattern.name)
        method, expected = EXPECTED[name]
        for role in ROLES:
            client = Client()
            if role != "anonym":
                client.force_login(users[role])
            targets = [("vår", ours, LOGIN if role == "anonym" else expected[role])]
            if pattern.pattern.converters:
                targets.append(("deras", theirs, LOGIN if role == "anonym" else MISSING))
            for label, target, allowed in targets:
                got = status_of(client, method, url_for(name, target))
                if got != allowed:
                    wrong.append(f"{name} {role} {label}: {got}, väntat {allowed}")
    assert not wrong, "\n".join(wrong)


def test_lists_show_only_ones_own_groups(world: dict[str, object]) -> None:
    users: dict[str, User] = world["users"]  # type: ignore[assignment]
    client = Client()
    client.force_login(users["ledamot"])
    html = client.get(reverse("referrals")).content.decode()
    assert "Remiss Vår grupp" in html
    assert "Remiss Deras grupp" not in html
    html = client.get(reverse("initiatives")).content.decode()
    assert html.count("Samordnad varudistribution") == 1


def test_a_draft_meetings_proposals_are_hidden_from_members(meeting: Meeting) -> None:
    member = Client()
    member.force_login(person("ledamot", meeting.body, Role.MEMBER))
    assert member.get(reverse("referral_proposals", args=[meeting.pk])).status_code == MISSING
    proposal = Proposal.objects.filter(meeting=meeting).first()
    assert proposal is not None
    url = reverse("referral_proposal_decide", args=[proposal.pk])
    assert member.post(url, {"decision": "accept"}).status_code == MISSING
    assert not Referral.objects.exists()


def test_writes_by_members_change_nothing(world: dict[str, object]) -> None:
    users: dict[str, User] = world["users"]  # type: ignore[assignment]
    ours: Group = world["ours"]  # type: ignore[assignment]
    client = Client()
    client.force_login(users["ledamot"])
    url = reverse("referral_proposal_decide", args=[ours.proposal.pk])
    assert client.post(url, {"decision": "accept"}).status_code == FORBIDDEN
    url = reverse("initiative_column", args=[ours.initiative.pk])
    assert client.post(url, {"name": "Smygkolumn"}).status_code == FORBIDDEN
    ours.proposal.refresh_from_db()
    assert ours.proposal.state == "open"
    assert not ours.initiative.columns.filter(name="Smygkolumn").exists()
