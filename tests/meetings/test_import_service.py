"""The import service: a minutes document into the registers, once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kansli.audit.models import AuditEntry
from kansli.meetings.models import Action, Attendance, Decision, Item, Meeting, Tabling
from kansli.meetings.services import import_document
from kansli.minutes import MinutesError
from kansli.registry.models import Body, Person

FOUNDING = Path(__file__).parents[1] / "corpus" / "sv" / "sodertorn-ledningsgrupp-2019-01-25"


@pytest.fixture
def founding_docx() -> bytes:
    return FOUNDING.with_suffix(".docx").read_bytes()


def test_it_enters_the_founding_document_into_the_registers(db: None, founding_docx: bytes) -> None:
    result = import_document(founding_docx, "sodertorn.docx")
    meeting = result.meeting
    assert result.created
    assert (meeting.body.name, meeting.number, meeting.year) == (
        "Södertörnskommunernas ledningsgrupp",
        1,
        2019,
    )
    assert str(meeting.date) == "2019-01-25"
    assert Attendance.objects.filter(meeting=meeting).count() == 12
    assert Attendance.objects.filter(meeting=meeting, status="absent").count() == 5
    assert Item.objects.filter(meeting=meeting).count() == 11
    assert Decision.objects.filter(item__meeting=meeting).count() == 10
    assert Tabling.objects.filter(item__meeting=meeting).count() == 2
    actions = Action.objects.filter(item__meeting=meeting)
    assert actions.count() >= 5
    cecilia = Person.objects.get(name="Cecilia Mårtensson")
    assert actions.filter(assignee=cecilia).count() == 4
    ssk = Body.objects.get(short_name="SSK")
    assert actions.filter(due_body=ssk, due=dt.date(2019, 2, 7)).count() == 5


def test_it_imports_the_same_file_only_once(db: None, founding_docx: bytes) -> None:
    first = import_document(founding_docx, "a.docx")
    again = import_document(founding_docx, "b.docx")
    assert not again.created
    assert again.meeting == first.meeting
    assert Meeting.objects.count() == 1
    assert Person.objects.filter(name="Cecilia Mårtensson").count() == 1


def test_it_numbers_a_second_meeting_of_the_same_number_on(db: None, founding_docx: bytes) -> None:
    import_document(founding_docx, "a.docx")
    text = FOUNDING.with_suffix(".txt").read_bytes()
    second = import_document(text, "a.txt").meeting
    assert (second.number, second.year) == (2, 2019)
    assert Person.objects.filter(name="Cecilia Mårtensson").count() == 1


def test_it_logs_the_import(db: None, founding_docx: bytes) -> None:
    meeting = import_document(founding_docx, "sodertorn.docx").meeting
    staged, entry = AuditEntry.objects.order_by("pk")
    assert (staged.verb, staged.object_type) == ("stage_import", "meetings.importdraft")
    assert (entry.verb, entry.object_type, entry.object_id) == (
        "import",
        "meetings.meeting",
        str(meeting.pk),
    )
    assert entry.after is not None and entry.after["items"] == 11
    with pytest.raises(RuntimeError):
        entry.save()
    with pytest.raises(RuntimeError):
        entry.delete()


def test_it_writes_nothing_for_a_file_it_cannot_read(db: None) -> None:
    with pytest.raises(MinutesError):
        import_document(b"\x89PNG\r\n\x1a\n not minutes", "bild.png")
    assert Meeting.objects.count() == 0
    assert AuditEntry.objects.count() == 0
