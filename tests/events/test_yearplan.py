"""The årshjul: the founding document's "Aktiviteter 2019" proposed, accepted by the secretary,
shown by month with Almedalen as a range and Nyckeltalsdagen as a season."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from tests.events.conftest import FOUNDING, Cast

from kansli.audit.models import AuditEntry
from kansli.events import services
from kansli.events.models import Activity, ActivityState, Season
from kansli.meetings.models import Meeting
from kansli.meetings.services import import_document
from kansli.registry.models import Body

SIX = {
    "Slutkonferens Systemanalys": (dt.date(2019, 2, 22), None),
    "Södertörns Rådslag (Salem)": (dt.date(2019, 4, 10), None),
    "Almedalen (Kommunikation)": (dt.date(2019, 7, 1), dt.date(2019, 7, 3)),
    "Planeringskonferens kommundirektörer": (dt.date(2019, 9, 5), dt.date(2019, 9, 6)),
    "Södertörnskonferensen (Haninge/Nynäshamn)": (dt.date(2019, 9, 25), None),
    "Nyckeltalsdagen (Ekonomichefer)": (dt.date(2019, 9, 1), dt.date(2019, 11, 30)),
}
OTHERS = {"Frågan bordläggs till nästa möte med SSK", "Kommunikationscheferna träffas"}


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_it_proposes_the_found_events_once(meeting: Meeting) -> None:
    proposed = services.propose_events(meeting)
    assert {a.title for a in proposed} == set(SIX) | OTHERS
    assert all(a.state == ActivityState.PROPOSED and a.body == meeting.body for a in proposed)
    for activity in proposed:
        if activity.title in SIX:
            assert (activity.start, activity.end) == SIX[activity.title]
    autumn = Activity.objects.get(title="Nyckeltalsdagen (Ekonomichefer)")
    assert autumn.season == Season.AUTUMN
    assert services.propose_events(meeting) == []
    assert Activity.objects.count() == 8
    assert AuditEntry.objects.filter(verb="propose").count() == 8


def test_it_accepts_the_activity_list_for_the_demo(meeting: Meeting) -> None:
    accepted = services.accept_activity_list(meeting)
    assert {a.title for a in accepted} == set(SIX)
    left = Activity.objects.filter(state=ActivityState.PROPOSED)
    assert {a.title for a in left} == OTHERS
    assert services.accept_activity_list(meeting) == []


def test_it_shows_the_six_activities_after_the_secretary_accepts(
    meeting: Meeting, cast: Cast
) -> None:
    services.propose_events(meeting)
    url = reverse("body_calendar", args=[meeting.body_id])
    page = cast.sekreteraren.get(url, {"ar": 2019}).content.decode()
    assert page.count('value="godkann"') == 8
    for activity in Activity.objects.all():
        choice = "godkann" if activity.title in SIX else "avvisa"
        response = cast.sekreteraren.post(
            reverse("decide_activity", args=[activity.pk]), {"beslut": choice}
        )
        assert response.status_code == 302
    assert Activity.objects.filter(state=ActivityState.ACCEPTED).count() == 6
    assert Activity.objects.filter(state=ActivityState.REJECTED).count() == 2

    page = text_of(cast.ledamoten.get(url, {"ar": 2019}).content.decode())
    for title in SIX:
        assert title in page
    assert "Kommunikationscheferna träffas" not in page
    assert "1–3 juli Almedalen (Kommunikation)" in page
    assert "5–6 september Planeringskonferens kommundirektörer" in page
    assert "22 februari Slutkonferens Systemanalys" in page
    # The season is its own heading and its own "when", never "1 september".
    assert "Höst 2019 Nyckeltalsdagen (Ekonomichefer)" in page
    assert "1 september Nyckeltalsdagen" not in page
    headings = re.findall(
        r"<h2>([^<]+)</h2>", cast.ledamoten.get(url, {"ar": 2019}).content.decode()
    )
    assert headings == ["Februari", "April", "Juli", "Höst 2019", "September"]
    assert "godkann" not in page and "Ny aktivitet" not in page


def test_it_shows_the_year_to_the_whole_collaboration(meeting: Meeting, cast: Cast) -> None:
    services.accept_activity_list(meeting)
    page = text_of(cast.ledamoten.get(reverse("calendar"), {"ar": 2019}).content.decode())
    assert "1–3 juli Almedalen (Kommunikation)" in page
    assert "Höst 2019 Nyckeltalsdagen" in page
    other = text_of(cast.utomstaende.get(reverse("calendar"), {"ar": 2019}).content.decode())
    assert "Almedalen" not in other


def test_it_adds_an_activity_in_a_season(meeting: Meeting, cast: Cast) -> None:
    url = reverse("add_activity", args=[meeting.body_id])
    response = cast.sekreteraren.post(
        url, {"title": "Vårkonferens", "start": "2020-01-01", "season": "var"}
    )
    assert response.status_code == 302
    spring = Activity.objects.get(title="Vårkonferens")
    assert (spring.start, spring.end, spring.state) == (
        dt.date(2020, 3, 1),
        dt.date(2020, 5, 31),
        ActivityState.ACCEPTED,
    )
    response = cast.sekreteraren.post(
        url, {"title": "Baklänges", "start": "2020-05-02", "end": "2020-05-01"}, follow=True
    )
    assert "Slutdagen ligger före startdagen." in response.content.decode()
    assert not Activity.objects.filter(title="Baklänges").exists()


@pytest.mark.parametrize("who,status", [("ledamoten", 403), ("utomstaende", 404)])
def test_it_lets_only_the_secretary_decide(
    meeting: Meeting, cast: Cast, who: str, status: int
) -> None:
    activity = services.propose_events(meeting)[0]
    url = reverse("decide_activity", args=[activity.pk])
    assert getattr(cast, who).post(url, {"beslut": "godkann"}).status_code == status
    response = getattr(cast, who).post(
        reverse("add_activity", args=[meeting.body_id]), {"title": "x", "start": "2019-01-01"}
    )
    assert response.status_code == status
    activity.refresh_from_db()
    assert activity.state == ActivityState.PROPOSED
    assert not Activity.objects.filter(title="x").exists()


def test_it_hides_the_calendar_from_outsiders_and_strangers(
    meeting: Meeting, cast: Cast, client: Client
) -> None:
    url = reverse("body_calendar", args=[meeting.body_id])
    assert cast.utomstaende.get(url).status_code == 404
    assert cast.ledamoten.get(url).status_code == 200
    for target in (url, reverse("calendar")):
        response = client.get(target)
        assert response.status_code == 302 and "/logga-in/" in response["Location"]
    activity = services.propose_events(meeting)[0]
    response = client.post(reverse("decide_activity", args=[activity.pk]), {"beslut": "godkann"})
    assert response.status_code == 302 and "/logga-in/" in response["Location"]


def test_it_opens_on_the_latest_year_with_something_in_it(meeting: Meeting, cast: Cast) -> None:
    services.accept_activity_list(meeting)
    for url in (reverse("body_calendar", args=[meeting.body_id]), reverse("calendar")):
        page = cast.sekreteraren.get(url).content.decode()
        assert "2019" in re.findall(r"<h1>([^<]+)</h1>", page)[0]
        assert "Almedalen (Kommunikation)" in page
    page = cast.sekreteraren.get(reverse("calendar"), {"ar": "nonsens"}).content.decode()
    assert "Almedalen (Kommunikation)" in page


def test_it_proposes_on_import(
    body: Body, founding_docx: bytes, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        meeting = import_document(founding_docx, FOUNDING.name).meeting
    proposed = Activity.objects.filter(source_meeting=meeting, state=ActivityState.PROPOSED)
    assert {a.title for a in proposed} == set(SIX) | OTHERS
    assert {a.body_id for a in proposed} == {body.pk}
