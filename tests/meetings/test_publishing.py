"""Publishing: a draft is the secretary's; published minutes reach the members, who are told."""

from __future__ import annotations

import io

from django.core import mail
from django.test import override_settings
from tests.meetings.conftest import account

from kansli.meetings.models import Meeting, Notification
from kansli.registry.models import Organisation, Role


def test_members_see_nothing_until_the_secretary_publishes(meeting: Meeting) -> None:
    secretary = account("sekreteraren", meeting.body, Role.SECRETARY)
    member = account("ledamoten", meeting.body, Role.MEMBER)
    guest = account("gasten", meeting.body, Role.GUEST)
    assert member.get(f"/moten/{meeting.pk}/").status_code == 404
    assert str(meeting.date.year) not in member.get(f"/grupper/{meeting.body.pk}/").content.decode()
    assert member.post(f"/moten/{meeting.pk}/publicera/").status_code == 404
    response = secretary.post(f"/moten/{meeting.pk}/publicera/")
    assert response.status_code == 302
    assert member.get(f"/moten/{meeting.pk}/").status_code == 200
    assert guest.get(f"/moten/{meeting.pk}/").status_code == 200
    assert member.post(f"/moten/{meeting.pk}/publicera/").status_code == 403


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_members_are_notified_in_the_app_and_by_mail(meeting: Meeting) -> None:
    secretary = account("sekreteraren", meeting.body, Role.SECRETARY)
    member = account("ledamoten", meeting.body, Role.MEMBER)
    secretary.post(f"/moten/{meeting.pk}/publicera/")
    notice = Notification.objects.get()
    assert notice.person.name == "Ledamoten"
    assert "Minnesanteckningar från Södertörnskommunernas ledningsgrupp, 1" in notice.text
    assert [m.to for m in mail.outbox] == [["ledamoten@example.se"]]
    start = member.get("/").content.decode()
    assert notice.text in start
    assert member.post(f"/aviseringar/{notice.pk}/").status_code == 302
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert secretary.post(f"/aviseringar/{notice.pk}/").status_code == 404


def test_a_member_downloads_the_minutes_in_every_format(meeting: Meeting) -> None:
    account("sekreteraren", meeting.body, Role.SECRETARY).post(f"/moten/{meeting.pk}/publicera/")
    member = account("ledamoten", meeting.body, Role.MEMBER)
    expected = {
        "json": b'"schema": "minutes/1"',
        "md": b"Incheckning",
        "docx": b"PK\x03\x04",
        "pdf": b"%PDF-",
    }
    for fmt, start in expected.items():
        response = member.get(f"/moten/{meeting.pk}/export.{fmt}")
        assert response.status_code == 200, fmt
        assert start in response.content[:4000], fmt
        assert "attachment" in response["Content-Disposition"]
    assert member.get(f"/moten/{meeting.pk}/export.exe").status_code == 404
    source = meeting.sources.get()
    original = member.get(f"/dokument/{source.pk}/")
    assert original.status_code == 200 and original.content == bytes(source.data)


def test_attendance_per_organisation_and_the_quorum_warning(meeting: Meeting) -> None:
    secretary = account("sekreteraren", meeting.body, Role.SECRETARY)
    page = secretary.get(f"/moten/{meeting.pk}/").content.decode()
    assert "5 av 8 kommuner frånvarande" in page
    assert "Haninge kommun" in page
    assert "inte beslutför: 3 närvarande ledamöter, minst 5 krävs" in page
    meeting.body.quorum = 3
    meeting.body.save()
    assert "beslutför" not in secretary.get(f"/moten/{meeting.pk}/").content.decode()
    Organisation.objects.create(name="Värmdö kommun", is_member=True)
    assert "6 av 9 kommuner frånvarande" in secretary.get(f"/moten/{meeting.pk}/").content.decode()


def test_attachments_are_checked_by_content_and_size(meeting: Meeting) -> None:
    secretary = account("sekreteraren", meeting.body, Role.SECRETARY)

    def attach(name: str, data: bytes) -> str:
        file = io.BytesIO(data)
        file.name = name
        response = secretary.post(f"/moten/{meeting.pk}/bilagor/", {"file": file}, follow=True)
        return response.content.decode()

    assert "är tillagd" in attach("presentation.pdf", b"%PDF-1.7\n...")
    assert "inte en fil som kan bifogas" in attach("rapport.pdf", b"MZ\x90\x00\x03\x00\x00\x00\xff")
    with override_settings(KANSLI_MAX_UPLOAD_MB=1):
        assert "största tillåtna storlek är 1 MB" in attach("stor.txt", b"a" * 1_100_000)
    assert meeting.attachments.count() == 1
    attachment = meeting.attachments.get()
    response = secretary.get(f"/bilagor/{attachment.pk}/")
    assert response.content == b"%PDF-1.7\n..."
    assert response["X-Content-Type-Options"] == "nosniff"
