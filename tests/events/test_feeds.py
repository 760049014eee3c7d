"""The ICS feeds behind secret addresses: what a body's, a person's and the whole
collaboration's feed hold, checked by parsing them with the icalendar library."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from tests.events.conftest import Cast

from kansli.events import services
from kansli.events.models import Activity, FeedKind, FeedToken
from kansli.meetings import services as meeting_services
from kansli.meetings.models import Action, Meeting
from kansli.registry.models import Membership


def feed_of(client: Client, token: FeedToken) -> icalendar.Calendar:
    response = client.get(reverse("feed", args=[token.token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events_of(cal: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}


def user(name: str) -> User:
    return User.objects.get(username=name)


def test_it_feeds_the_body_its_activities_with_all_day_dates(
    meeting: Meeting, cast: Cast, client: Client
) -> None:
    services.accept_activity_list(meeting)
    meeting_services.publish(meeting)
    token = services.create_token(user("ledamoten"), FeedKind.BODY, body=meeting.body)
    cal = feed_of(client, token)  # anonymous: the address is the credential
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    events = events_of(cal)
    expected = {
        "Slutkonferens Systemanalys": (dt.date(2019, 2, 22), dt.date(2019, 2, 23)),
        "Södertörns Rådslag (Salem)": (dt.date(2019, 4, 10), dt.date(2019, 4, 11)),
        "Almedalen (Kommunikation)": (dt.date(2019, 7, 1), dt.date(2019, 7, 4)),
        "Planeringskonferens kommundirektörer": (dt.date(2019, 9, 5), dt.date(2019, 9, 7)),
        "Södertörnskonferensen (Haninge/Nynäshamn)": (dt.date(2019, 9, 25), dt.date(2019, 9, 26)),
        # A season spans its months (DTEND exclusive), free time, said to be a season.
        "Nyckeltalsdagen (Ekonomichefer)": (dt.date(2019, 9, 1), dt.date(2019, 12, 1)),
    }
    for title, (start, end) in expected.items():
        event = events[title]
        assert type(event.decoded("DTSTART")) is dt.date
        assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (start, end), title
    autumn = events["Nyckeltalsdagen (Ekonomichefer)"]
    assert str(autumn["TRANSP"]) == "TRANSPARENT"
    assert "Höst 2019" in str(autumn["DESCRIPTION"])
    # The proposals not accepted are not in the feed; the published meeting is, at its time.
    assert "Kommunikationscheferna träffas" not in events
    held = events["Södertörnskommunernas ledningsgrupp, möte 1/2019"]
    stockholm = ZoneInfo("Europe/Stockholm")
    assert held.decoded("DTSTART") == dt.datetime(2019, 1, 25, 8, 30, tzinfo=stockholm)
    assert held["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert held.decoded("DTEND") == dt.datetime(2019, 1, 25, 11, 30, tzinfo=stockholm)
    assert len(events) == 7


def test_it_keeps_unpublished_meetings_out_of_a_members_feed(
    meeting: Meeting, cast: Cast, client: Client
) -> None:
    member = services.create_token(user("ledamoten"), FeedKind.BODY, body=meeting.body)
    secretary = services.create_token(user("sekreteraren"), FeedKind.BODY, body=meeting.body)
    assert events_of(feed_of(client, member)) == {}
    assert len(events_of(feed_of(client, secretary))) == 1


def test_it_gives_404_for_a_revoked_or_unknown_address(
    meeting: Meeting, cast: Cast, client: Client
) -> None:
    token = services.create_token(user("ledamoten"), FeedKind.ALL)
    url = reverse("feed", args=[token.token])
    assert client.get(url).status_code == 200
    services.revoke_token(token)
    assert client.get(url).status_code == 404
    assert client.get(reverse("feed", args=["gissat" * 7])).status_code == 404


def test_it_never_shows_another_bodys_data(meeting: Meeting, cast: Cast, client: Client) -> None:
    services.accept_activity_list(meeting)
    meeting_services.publish(meeting)
    Activity.objects.create(
        body=cast.other_body, title="Ekonomichefernas dag", start=dt.date(2019, 5, 2)
    )
    outsider = user("utomstaende")
    for token in (
        services.create_token(outsider, FeedKind.BODY, body=cast.other_body),
        services.create_token(outsider, FeedKind.ALL),
    ):
        events = events_of(feed_of(client, token))
        assert set(events) == {"Ekonomichefernas dag"}
    # Nor can the outsider make an address for a body they are not in.
    response = cast.utomstaende.post(reverse("feeds"), {"flode": f"body:{meeting.body_id}"})
    assert response.status_code == 302
    assert not FeedToken.objects.filter(owner=outsider, body=meeting.body).exists()


def test_it_stops_the_feed_when_its_owner_leaves_the_body(
    meeting: Meeting, cast: Cast, client: Client
) -> None:
    token = services.create_token(user("ledamoten"), FeedKind.BODY, body=meeting.body)
    assert client.get(reverse("feed", args=[token.token])).status_code == 200
    Membership.objects.filter(person__user__username="ledamoten").update(end=dt.date(2020, 1, 1))
    assert client.get(reverse("feed", args=[token.token])).status_code == 404


def test_it_feeds_a_person_their_meetings_and_open_actions(
    meeting: Meeting, cast: Cast, client: Client
) -> None:
    meeting_services.publish(meeting)
    person = user("ledamoten").person
    action = Action.objects.filter(item__meeting=meeting).first()
    assert action is not None
    Action.objects.filter(pk=action.pk).update(assignee=person, due=dt.date(2019, 2, 7))
    token = services.create_token(user("ledamoten"), FeedKind.PERSON)
    events = events_of(feed_of(client, token))
    due = [e for title, e in events.items() if title.startswith("Åtgärd: ")]
    assert len(due) == 1
    assert (due[0].decoded("DTSTART"), due[0].decoded("DTEND")) == (
        dt.date(2019, 2, 7),
        dt.date(2019, 2, 8),
    )
    assert "Södertörnskommunernas ledningsgrupp, möte 1/2019" in events
    Action.objects.filter(pk=action.pk).update(status="done")
    assert not [t for t in events_of(feed_of(client, token)) if t.startswith("Åtgärd: ")]


def test_it_lists_creates_and_revokes_ones_own_addresses(
    meeting: Meeting, cast: Cast, client: Client
) -> None:
    assert cast.ledamoten.post(reverse("feeds"), {"flode": "person"}).status_code == 302
    assert (
        cast.ledamoten.post(reverse("feeds"), {"flode": f"body:{meeting.body_id}"}).status_code
        == 302
    )
    mine = FeedToken.objects.filter(owner__username="ledamoten")
    assert sorted(t.kind for t in mine) == ["body", "person"]
    page = cast.ledamoten.get(reverse("feeds")).content.decode()
    for token in mine:
        assert f"/kalender/ics/{token.token}.ics" in page
        assert token.token not in cast.utomstaende.get(reverse("feeds")).content.decode()
    token = mine.first()
    assert token is not None
    revoke = reverse("revoke_feed", args=[token.pk])
    assert cast.utomstaende.post(revoke).status_code == 404
    assert cast.sekreteraren.post(revoke).status_code == 404
    assert cast.ledamoten.get(revoke).status_code == 405
    assert cast.ledamoten.post(revoke).status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert token.token not in cast.ledamoten.get(reverse("feeds")).content.decode()
    response = cast.ledamoten.post(reverse("feeds"), {"flode": "nonsens"}, follow=True)
    assert "Välj ett av flödena i listan." in response.content.decode()
    for target in (reverse("feeds"), revoke):
        response = client.post(target, {"flode": "all"})
        assert response.status_code == 302 and "/logga-in/" in response["Location"]
    assert FeedToken.objects.filter(owner__username="ledamoten").count() == 2
