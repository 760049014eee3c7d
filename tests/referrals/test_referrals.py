"""The referral register: proposed from the founding document, inputs, answer, reminders."""

from __future__ import annotations

import datetime as dt
from io import StringIO

from django.core.management import call_command

from kansli.audit.models import AuditEntry
from kansli.meetings.models import Meeting
from kansli.referrals import proposals, services
from kansli.referrals.models import ProposalKind, Referral, ReferralStatus
from kansli.registry.models import Body, Organisation

DAY = dt.date(2019, 2, 1)


def test_it_proposes_trafikplan_2020(meeting: Meeting) -> None:
    (proposal,) = [p for p in proposals.propose(meeting) if p.kind == ProposalKind.REFERRAL]
    view = proposals.shown(proposal)
    assert view.referral == proposals.ReferralFound(
        "Trafikplan 2020", "Trafikförvaltningen, region Stockholm", None
    )
    assert not Referral.objects.exists()
    referral = proposals.accept(proposal)
    assert isinstance(referral, Referral)
    assert (referral.title, referral.sender, referral.body) == (
        "Trafikplan 2020",
        "Trafikförvaltningen, region Stockholm",
        meeting.body,
    )
    assert referral.status == ReferralStatus.RECEIVED
    assert referral.source_meeting == meeting
    assert list(referral.meetings.all()) == [meeting]
    assert AuditEntry.objects.filter(verb="create", object_type="referrals.referral").exists()


def test_a_known_referral_is_linked_not_doubled(meeting: Meeting, second_meeting: Meeting) -> None:
    referral = services.create_referral(
        meeting.body, services.ReferralFields(title="Trafikplan 2020", deadline=DAY)
    )
    (proposal,) = [p for p in proposals.propose(meeting) if p.kind == ProposalKind.REFERRAL]
    assert proposals.shown(proposal).existing_referral == referral
    assert proposals.accept(proposal) == referral
    assert Referral.objects.count() == 1
    assert list(referral.meetings.all()) == [meeting]


def test_accept_all_is_the_demo_call(meeting: Meeting) -> None:
    assert proposals.accept_all(meeting) == 2
    assert proposals.accept_all(meeting) == 0
    assert Referral.objects.get().title == "Trafikplan 2020"
    assert meeting.body.initiatives.get().title == "Samordnad varudistribution"


def test_inputs_and_the_joint_answer(body: Body) -> None:
    referral = services.create_referral(body, services.ReferralFields(title="Trafikplan 2020"))
    botkyrka = Organisation.objects.create(name="Botkyrka kommun", is_member=True)
    services.add_input(referral, botkyrka, "Vi vill ha tätare turer.", received=DAY)
    services.add_input(referral, botkyrka, "Tätare turer och pendelparkering.")
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.PREPARING
    assert referral.inputs.get().text == "Tätare turer och pendelparkering."
    services.answer(referral, "Södertörnskommunerna tillstyrker.", on=DAY)
    referral.refresh_from_db()
    assert (referral.status, referral.answered) == (ReferralStatus.ANSWERED, DAY)
    assert referral.joint_answer == "Södertörnskommunerna tillstyrker."


def test_due_referrals(body: Body) -> None:
    def make(title: str, deadline: dt.date | None, status: str = ReferralStatus.RECEIVED) -> None:
        services.create_referral(
            body, services.ReferralFields(title=title, deadline=deadline, status=status)
        )

    make("Försenad", DAY - dt.timedelta(days=1))
    make("Idag", DAY)
    make("Om en vecka", DAY + dt.timedelta(days=7))
    make("Om åtta dagar", DAY + dt.timedelta(days=8))
    make("Besvarad", DAY + dt.timedelta(days=2), ReferralStatus.ANSWERED)
    make("Avstår", DAY + dt.timedelta(days=2), ReferralStatus.DECLINED)
    make("Utan datum", None)
    due = services.due_referrals(DAY, 7)
    assert [r.title for r in due] == ["Försenad", "Idag", "Om en vecka"]
    assert [r.title for r in services.due_referrals(DAY, 0)] == ["Försenad", "Idag"]


def test_after_the_demo_command(db: None) -> None:
    """`manage.py demo` accepts the founding document's proposals after marking the member
    organisations, so the table's rows matched members and nobody was new; running it again
    accepts nothing twice."""
    call_command("demo", stdout=StringIO())
    call_command("demo", stdout=StringIO())
    meeting = Meeting.objects.get()
    assert proposals.accept_all(meeting) == 0
    assert not Organisation.objects.filter(is_member=True, name__in=["Botkyrka", "Haninge"])
    initiative = meeting.body.initiatives.get()
    assert initiative.statuses.count() == 18
    assert Referral.objects.get().meetings.get() == meeting
