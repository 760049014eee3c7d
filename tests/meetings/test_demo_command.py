"""`manage.py demo`, what `make run` prepares: the founding document and two logins."""

from __future__ import annotations

from io import StringIO

from django.contrib.auth import authenticate
from django.core.management import call_command

from kansli.events.models import Activity
from kansli.meetings.models import Meeting
from kansli.referrals.models import Initiative, Referral
from kansli.registry.access import access_to


def test_it_prepares_the_demo_once_however_often_it_runs(db: None) -> None:
    out = StringIO()
    call_command("demo", stdout=out)
    call_command("demo", stdout=StringIO())
    meeting = Meeting.objects.get()
    assert meeting.items.count() == 11
    secretary = authenticate(username="sekreterare", password="kansli-demo")
    member = authenticate(username="ledamot", password="kansli-demo")
    assert secretary is not None and member is not None
    assert access_to(secretary, meeting.body).may_write  # type: ignore[union-attr]
    assert not access_to(member, meeting.body).may_write  # type: ignore[union-attr]
    assert "sekreterare / kansli-demo" in out.getvalue()
    assert meeting.published_at is not None and meeting.body.quorum == 5


def test_the_demo_fills_the_follow_up_registers(db: None) -> None:
    call_command("demo", stdout=StringIO())
    call_command("demo", stdout=StringIO())
    assert Activity.objects.filter(state="accepted").count() == 6
    assert Referral.objects.get().title.startswith("Trafikplan 2020")
    assert Initiative.objects.get().title == "Samordnad varudistribution"
