"""Import with review: upload, the source beside what was understood, correct, confirm."""

from __future__ import annotations

import io
import json
import re
import zipfile

from django.test import Client
from tests.meetings.conftest import FOUNDING, account

from kansli.meetings.forms import flatten
from kansli.meetings.models import Action, DraftState, ImportDraft, Meeting, SourceDocument
from kansli.registry.models import Body, Person, Role


def upload(client: Client, name: str, data: bytes, body: Body | None = None) -> object:
    file = io.BytesIO(data)
    file.name = name
    return client.post("/importera/", {"files": file, "body": body.pk if body else ""})


def confirm(client: Client, draft: ImportDraft, **changes: str) -> object:
    form = flatten(draft.content)
    form.update(changes)
    form["confirm"] = "1"
    return client.post(f"/importera/{draft.pk}/", form)


def test_review_shows_the_source_beside_what_was_understood(
    body: Body, founding_docx: bytes
) -> None:
    secretary = account("sekreteraren", body, Role.SECRETARY)
    response = upload(secretary, FOUNDING.name, founding_docx, body)
    assert response.status_code == 302
    draft = ImportDraft.objects.get()
    page = secretary.get(response["Location"]).content.decode()
    assert 'id="L' in page and "Incheckning" in page  # the source, line by line
    links = re.findall(r'href="#L(\d*)"', page)  # fields link to their source lines
    assert links and all(links), "a field links to no line"
    lines = set(re.findall(r'<li id="L(\d+)"', page))
    assert set(links) <= lines
    assert 'value="Cecilia Mårtensson"' in page
    assert "Ny i registret" in page  # new people are said to be new, never made silently
    assert Meeting.objects.count() == 0 and Person.objects.filter(name="Hanna Wük").count() == 0
    assert draft.state == DraftState.REVIEW


def test_confirming_enters_the_corrected_meeting_into_the_registers(
    body: Body, founding_docx: bytes
) -> None:
    secretary = account("sekreteraren", body, Role.SECRETARY)
    upload(secretary, FOUNDING.name, founding_docx, body)
    draft = ImportDraft.objects.get()
    form = flatten(draft.content)
    due_field = next(k for k, v in form.items() if k.endswith("-due") and v)
    response = confirm(secretary, draft, **{due_field: "2019-03-01"})
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert response["Location"] == f"/moten/{meeting.pk}/"
    assert (meeting.body, meeting.attendance.count(), meeting.items.count()) == (body, 12, 11)
    assert Action.objects.filter(item__meeting=meeting, due="2019-03-01").count() == 1
    assert SourceDocument.objects.get().meeting == meeting
    assert ImportDraft.objects.get().state == DraftState.CONFIRMED


def test_a_wrong_date_is_named_and_nothing_typed_is_lost(body: Body, founding_docx: bytes) -> None:
    secretary = account("sekreteraren", body, Role.SECRETARY)
    upload(secretary, FOUNDING.name, founding_docx, body)
    draft = ImportDraft.objects.get()
    response = confirm(secretary, draft, **{"i-0-title": "Incheckning, rättad", "date": "25/1"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "”25/1” är inget datum" in page
    assert 'value="Incheckning, rättad"' in page
    assert Meeting.objects.count() == 0


def test_the_same_file_is_not_imported_twice(body: Body, founding_docx: bytes) -> None:
    secretary = account("sekreteraren", body, Role.SECRETARY)
    upload(secretary, FOUNDING.name, founding_docx, body)
    confirm(secretary, ImportDraft.objects.get())
    again = upload(secretary, "kopia.docx", founding_docx, body)
    assert again.status_code == 200
    assert "redan importerad" in again.content.decode()
    assert (Meeting.objects.count(), ImportDraft.objects.count()) == (1, 1)


def test_a_bad_file_gets_a_clear_message_and_writes_nothing(body: Body) -> None:
    secretary = account("sekreteraren", body, Role.SECRETARY)
    response = upload(secretary, "protokoll.docx", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, body)
    assert response.status_code == 400
    page = response.content.decode()
    assert "protokoll.docx" in page and "Traceback" not in page
    assert ImportDraft.objects.count() == 0


def test_a_docx_zip_bomb_is_refused(body: Body) -> None:
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * 5_000_000)
    secretary = account("sekreteraren", body, Role.SECRETARY)
    response = upload(secretary, "bomb.docx", bomb.getvalue(), body)
    assert response.status_code == 400
    assert "zip-bomb" in response.content.decode()
    assert ImportDraft.objects.count() == 0


def test_many_files_at_once_are_listed_for_review(body: Body, founding_docx: bytes) -> None:
    secretary = account("sekreteraren", body, Role.SECRETARY)
    files = []
    for name, data in ((FOUNDING.name, founding_docx), ("trasig.pdf", b"%PDF-1.4 trasig")):
        file = io.BytesIO(data)
        file.name = name
        files.append(file)
    response = secretary.post("/importera/", {"files": files, "body": body.pk})
    page = response.content.decode()
    assert response.status_code == 200
    draft = ImportDraft.objects.get()
    assert f"/importera/{draft.pk}/" in page and "trasig.pdf" in page


def test_an_exported_json_imports_back_to_the_same_minutes(
    body: Body, founding_docx: bytes
) -> None:
    secretary = account("sekreteraren", body, Role.SECRETARY)
    upload(secretary, FOUNDING.name, founding_docx, body)
    confirm(secretary, ImportDraft.objects.get())
    first = Meeting.objects.get()
    exported = secretary.get(f"/moten/{first.pk}/export.json").content
    other = Body.objects.create(name="Arkivet")
    archivist = account("arkivarien", other, Role.SECRETARY)
    response = upload(archivist, "export.json", exported, other)
    assert response.status_code == 302
    confirm(archivist, ImportDraft.objects.exclude(state=DraftState.CONFIRMED).get())
    second = Meeting.objects.exclude(pk=first.pk).get()
    again = archivist.get(f"/moten/{second.pk}/export.json").content
    first_json, second_json = json.loads(exported), json.loads(again)
    first_json.pop("body"), second_json.pop("body")
    assert first_json == second_json


def test_only_a_secretary_may_import(body: Body) -> None:
    member = account("ledamoten", body, Role.MEMBER)
    assert member.get("/importera/").status_code == 404
