"""The calendar's activities and the referrals through the API: a body's members see its
accepted activities and its referrals, its secretary the proposed activities too, another
body's member nothing of them."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.api.conftest import Api

from kansli.events.models import Activity, ActivityState
from kansli.meetings.models import Meeting
from kansli.referrals.models import Referral, ReferralInput
from kansli.registry.models import Body, Organisation


@pytest.fixture
def activities(body: Body) -> dict[str, Activity]:
    def add(title: str, state: ActivityState, day: int) -> Activity:
        return Activity.objects.create(
            body=body, title=title, start=dt.date(2019, 5, day), state=state
        )

    return {
        "accepted": add("Nyckeltalsdagen", ActivityState.ACCEPTED, 2),
        "proposed": add("Almedalen", ActivityState.PROPOSED, 3),
        "rejected": add("Ingenting", ActivityState.REJECTED, 4),
    }


def test_members_see_the_accepted_activities(
    activities: dict[str, Activity], member: Api, secretary: Api, outsider: Api
) -> None:
    titles = [a["title"] for a in member.get("/api/events/").json()["results"]]
    assert titles == ["Nyckeltalsdagen"]
    titles = [a["title"] for a in secretary.get("/api/events/").json()["results"]]
    assert titles == ["Nyckeltalsdagen", "Almedalen"]
    assert outsider.get("/api/events/").json()["count"] == 0
    assert member.get("/api/events/", year=2020).json()["count"] == 0
    assert member.get("/api/events/", year=20).status_code == 400


def test_an_activity_is_shown_by_the_same_rules(
    activities: dict[str, Activity], member: Api, secretary: Api, outsider: Api
) -> None:
    accepted, proposed = activities["accepted"].pk, activities["proposed"].pk
    data = member.get(f"/api/events/{accepted}/").json()
    assert (data["title"], data["start"], data["season"]) == ("Nyckeltalsdagen", "2019-05-02", None)
    assert member.get(f"/api/events/{proposed}/").status_code == 404
    assert secretary.get(f"/api/events/{proposed}/").json()["state"] == "proposed"
    assert secretary.get(f"/api/events/{activities['rejected'].pk}/").status_code == 404
    assert outsider.get(f"/api/events/{accepted}/").status_code == 404
    assert Api(None).get(f"/api/events/{accepted}/").status_code == 401


def test_referrals_of_the_body(
    published: Meeting, member: Api, outsider: Api, other_body: Body
) -> None:
    referral = Referral.objects.create(
        body=published.body, title="Remiss om regional cykelplan", deadline=dt.date(2019, 3, 1)
    )
    referral.meetings.add(published)
    ReferralInput.objects.create(
        referral=referral,
        organisation=Organisation.objects.get_or_create(name="Huddinge kommun")[0],
        text="Instämmer.",
    )
    Referral.objects.create(body=other_body, title="Hemlig remiss")
    listed = member.get("/api/referrals/").json()
    assert [r["title"] for r in listed["results"]] == ["Remiss om regional cykelplan"]
    data = member.get(f"/api/referrals/{referral.pk}/").json()
    assert data["meetings"] == [published.pk]
    assert data["inputs"] == [
        {"organisation": "Huddinge kommun", "text": "Instämmer.", "received": None}
    ]
    assert data["status"] == "inkommen"
    assert outsider.get(f"/api/referrals/{referral.pk}/").status_code == 404
    assert member.get("/api/referrals/", status="besvarad").json()["count"] == 0
    assert member.get("/api/referrals/", body=other_body.pk).status_code == 404


def test_an_unpublished_meeting_is_not_named(meeting: Meeting, member: Api) -> None:
    referral = Referral.objects.create(body=meeting.body, title="Remiss")
    referral.meetings.add(meeting)
    assert member.get(f"/api/referrals/{referral.pk}/").json()["meetings"] == []
