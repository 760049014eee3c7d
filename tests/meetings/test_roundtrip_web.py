"""The round trip through the app: a stored meeting downloaded as DOCX, PDF or JSON and uploaded
again is understood as the same minutes/1 (scored with the project's scorer: 1.0)."""

from __future__ import annotations

import io
import json

import pytest
from tests.meetings.conftest import account
from tests.scoring import SCORE as score

from kansli.meetings.models import DraftState, ImportDraft, Meeting
from kansli.registry.models import Body, Role


@pytest.mark.parametrize("fmt", ["docx", "pdf", "json"])
def test_a_downloaded_meeting_uploads_back_the_same(meeting: Meeting, fmt: str) -> None:
    secretary = account("sekreteraren", meeting.body, Role.SECRETARY)
    exported = json.loads(secretary.get(f"/moten/{meeting.pk}/export.json").content)
    document = secretary.get(f"/moten/{meeting.pk}/export.{fmt}").content
    archive = Body.objects.create(name="Arkivet")
    archivist = account("arkivarien", archive, Role.SECRETARY)
    upload = io.BytesIO(document)
    upload.name = f"export.{fmt}"
    response = archivist.post("/importera/", {"files": upload, "body": archive.pk})
    assert response.status_code == 302, response.content.decode()[:500]
    draft = ImportDraft.objects.get(state=DraftState.REVIEW)
    again = json.loads(json.dumps(draft.minutes))
    rows = score.score(exported, again)
    failing = {k: score.prf(*v)[2] for k, v in rows.items() if score.prf(*v)[2] < 1.0}
    assert score.overall(rows) == 1.0, failing
