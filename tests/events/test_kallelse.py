"""The kallelse through a real SMTP server on loopback: what arrives is parsed with the email
package and the icalendar library."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from email.message import EmailMessage
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pypdfium2
import pytest
from django.test import Client
from django.urls import reverse
from tests.events.conftest import Cast, Inbox, free_port

from kansli.audit.models import AuditEntry
from kansli.events.models import Invitation
from kansli.meetings import services as meeting_services
from kansli.meetings.models import Meeting
from kansli.registry.models import Person


def parsed(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def parts(message: EmailMessage, content_type: str) -> list[EmailMessage]:
    return [p for p in message.walk() if p.get_content_type() == content_type]  # type: ignore[misc]


def invitation_of(message: EmailMessage) -> tuple[EmailMessage, icalendar.Calendar]:
    (part,) = parts(message, "text/calendar")
    return part, icalendar.Calendar.from_ical(part.get_content())


def send(client: Client, meeting: Meeting, handling: str = "skicka", message: str = "") -> str:
    response = client.post(
        reverse("kallelse", args=[meeting.pk]),
        {"handling": handling, "message": message},
        follow=True,
    )
    assert response.status_code == 200
    return response.content.decode()


def test_it_sends_the_agenda_and_an_invitation(meeting: Meeting, cast: Cast, smtp: Inbox) -> None:
    page = send(cast.sekreteraren, meeting, message="Lunch serveras.")
    assert "Skickat till 2 mottagare." in page
    assert sorted(to for to, _raw in smtp.received) == [
        ["ledamoten@example.se"],
        ["sekreteraren@example.se"],
    ]
    message = parsed(smtp.received[0][1])
    # Django folds a long encoded subject onto its second line; a reader unfolds it.
    assert (
        message["Subject"].strip() == "Kallelse: Södertörnskommunernas ledningsgrupp, möte 1/2019"
    )
    assert message["From"] == "kansli@sodertorn.example.se"
    (pdf,) = parts(message, "application/pdf")
    assert pdf.get_filename() == "dagordning.pdf"
    assert pdf.get_content().startswith(b"%PDF")
    document = pypdfium2.PdfDocument(pdf.get_content())
    printed = document[0].get_textpage().get_text_range()
    assert "Datum 25 januari 2019" in printed and "10. Aktuella remisser" in printed
    text = parts(message, "text/plain")[0].get_content()
    assert "6. Aktiviteter 2019" in text and "Lunch serveras." in text

    part, cal = invitation_of(message)
    assert part.get_param("method") == "REQUEST"
    assert str(cal["METHOD"]) == "REQUEST"
    (zone,) = cal.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Stockholm"
    (event,) = cal.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    stockholm = ZoneInfo("Europe/Stockholm")
    assert event.decoded("DTSTART") == dt.datetime(2019, 1, 25, 8, 30, tzinfo=stockholm)
    assert event.decoded("DTEND") == dt.datetime(2019, 1, 25, 11, 30, tzinfo=stockholm)
    assert str(event["LOCATION"]) == "Norrskogen, StorSthlm"
    assert int(event["SEQUENCE"]) == 0
    assert str(event["STATUS"]) == "CONFIRMED"
    attendees = sorted(str(a) for a in event["ATTENDEE"])
    assert attendees == ["mailto:ledamoten@example.se", "mailto:sekreteraren@example.se"]
    assert "10. Aktuella remisser" in str(event["DESCRIPTION"])
    invitation = Invitation.objects.get(meeting=meeting)
    assert invitation.sequence == 0 and invitation.cancelled_at is None
    assert AuditEntry.objects.filter(verb="kallelse", object_id=str(invitation.pk)).count() == 1


def test_it_sends_an_update_and_a_cancellation_with_the_same_uid(
    meeting: Meeting, cast: Cast, smtp: Inbox
) -> None:
    send(cast.sekreteraren, meeting)
    first = invitation_of(parsed(smtp.received[0][1]))[1].walk("VEVENT")[0]
    url = reverse("kallelse", args=[meeting.pk])
    moved = "Mötets datum, tid eller plats har ändrats sedan kallelsen skickades."
    assert moved not in cast.sekreteraren.get(url).content.decode()
    Meeting.objects.filter(pk=meeting.pk).update(place="Nykvarn")
    assert moved in cast.sekreteraren.get(url).content.decode()
    send(cast.sekreteraren, meeting)
    assert moved not in cast.sekreteraren.get(url).content.decode()
    update = parsed(smtp.received[2][1])
    assert update["Subject"].strip().startswith("Ändrad kallelse: ")
    event = invitation_of(update)[1].walk("VEVENT")[0]
    assert event["UID"] == first["UID"]
    assert int(event["SEQUENCE"]) == 1
    assert str(event["LOCATION"]) == "Nykvarn"

    page = send(cast.sekreteraren, meeting, "installa")
    assert "Skickat till 2 mottagare." in page
    cancel = parsed(smtp.received[4][1])
    assert cancel["Subject"].strip().startswith("Inställt: ")
    assert parts(cancel, "application/pdf") == []
    part, cal = invitation_of(cancel)
    assert part.get_param("method") == "CANCEL"
    assert str(cal["METHOD"]) == "CANCEL"
    event = cal.walk("VEVENT")[0]
    assert (event["UID"], int(event["SEQUENCE"]), str(event["STATUS"])) == (
        first["UID"],
        2,
        "CANCELLED",
    )
    assert len(smtp.received) == 6
    assert Invitation.objects.get(meeting=meeting).cancelled_at is not None


def test_it_says_so_when_the_mail_server_refuses(
    meeting: Meeting, cast: Cast, smtp: Inbox, settings: Any
) -> None:
    settings.EMAIL_PORT = free_port()  # nobody listens there
    page = send(cast.sekreteraren, meeting)
    assert "E-postservern tog inte emot kallelsen" in page
    assert not Invitation.objects.filter(meeting=meeting).exists()
    assert not AuditEntry.objects.filter(verb="kallelse").exists()


def test_it_says_so_when_nobody_has_an_address(meeting: Meeting, cast: Cast, smtp: Inbox) -> None:
    Person.objects.update(email="")
    page = send(cast.sekreteraren, meeting)
    assert "Ingen av gruppens ledamöter har en e-postadress." in page
    assert smtp.received == []
    page = send(cast.sekreteraren, meeting, "installa")
    assert "Ingen kallelse är skickad till mötet." in page


def test_it_shows_the_secretary_the_page_and_the_agenda(meeting: Meeting, cast: Cast) -> None:
    page = cast.sekreteraren.get(reverse("kallelse", args=[meeting.pk])).content.decode()
    assert "Skicka kallelse" in page and "ledamoten@example.se" in page
    pdf = cast.sekreteraren.get(reverse("agenda_pdf", args=[meeting.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


@pytest.mark.parametrize("who,status", [("ledamoten", 403), ("utomstaende", 404)])
def test_it_lets_only_the_secretary_send(
    meeting: Meeting, cast: Cast, smtp: Inbox, *, who: str, status: int, client: Client
) -> None:
    meeting_services.publish(meeting)
    smtp.received.clear()
    for name in ("kallelse", "agenda_pdf"):
        url = reverse(name, args=[meeting.pk])
        assert getattr(cast, who).get(url).status_code == status
        response = client.get(url)
        assert response.status_code == 302 and "/logga-in/" in response["Location"]
    url = reverse("kallelse", args=[meeting.pk])
    assert getattr(cast, who).post(url, {"handling": "skicka"}).status_code == status
    assert client.post(url, {"handling": "skicka"}).status_code == 302
    assert smtp.received == []
    assert not Invitation.objects.exists()
