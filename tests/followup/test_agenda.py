"""The next agenda proposes itself (the founding document's acceptance)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kansli.cli import EXIT_NOT_FOUND, main
from kansli.followup.agenda import apply, propose
from kansli.followup.models import AgendaLink, Origin, StandingItem
from kansli.meetings.models import Meeting
from kansli.meetings.services import create_meeting
from kansli.registry.models import Body

SENT_TO_SSK = [
    "Aktuellt Nykvarn",
    "Uppföljning och bokslut 2018",
    "VP 2019",
    "Regionfrågan (Rickard)",
    "Kraftförsörjning",
    'Ny utvecklingsplan "SUP 2019"',
    "Aktuellt infrastruktur",
    "Aktuella remisser",
    "Övriga frågor",
]


def test_the_ssk_meeting_of_7_february_proposes_what_was_sent_tabled_and_promised(
    meeting: Meeting,
) -> None:
    ssk = Body.objects.get(short_name="SSK")
    planned = create_meeting(ssk, dt.date(2019, 2, 7))
    proposals = propose(ssk, planned.date, meeting=planned)
    by_kind = {kind: [p for p in proposals if p.kind == kind] for kind in Origin}
    assert [p.title for p in by_kind[Origin.REFERRED]] == SENT_TO_SSK
    (tabled,) = by_kind[Origin.TABLED]
    assert tabled.title == "Årsredovisning och bokslut 2018"
    assert "Årsredovisningen är försenad" in tabled.reason
    item = meeting.items.get(title="Årsredovisning och bokslut 2018")
    assert tabled.origin_url == f"/moten/{meeting.pk}/#item-{item.pk}"
    assert len(by_kind[Origin.FOLLOW_UP]) == 5
    assert all("Cecilia" in p.title or "Rickard" in p.title for p in by_kind[Origin.FOLLOW_UP])


def test_the_ledningsgrupp_proposes_the_item_tabled_for_too_few_participants(
    meeting: Meeting,
) -> None:
    proposals = propose(meeting.body, dt.date(2019, 3, 29))
    tabled = [p for p in proposals if p.kind == Origin.TABLED]
    assert [p.title for p in tabled] == ["Nätverken - verksamhetsutveckling"]
    assert "för få deltagare" in tabled[0].reason


def test_accepted_proposals_become_items_and_are_not_proposed_again(meeting: Meeting) -> None:
    ssk = Body.objects.get(short_name="SSK")
    StandingItem.objects.create(body=ssk, position=1, title="Mötets öppnande")
    planned = create_meeting(ssk, dt.date(2019, 2, 7))
    proposals = propose(ssk, planned.date, meeting=planned)
    keys = [p.key for p in proposals]
    created = apply(planned, keys)
    titles = [i.title for i in created]
    assert titles[0] == "Mötets öppnande" and titles[1:10] == SENT_TO_SSK
    assert "Årsredovisning och bokslut 2018" in titles and titles[-1] == "Uppföljning"
    follow_up = planned.items.get(title="Uppföljning")
    assert follow_up.text.count("\n- ") == 4  # five actions, one item
    assert AgendaLink.objects.filter(item=follow_up).count() == 5
    again = propose(ssk, planned.date, meeting=planned)
    assert [p.kind for p in again] == [Origin.STANDING]


def test_kansli_agenda_propose_prints_the_proposal_as_json(
    meeting: Meeting, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["agenda", "propose", "SSK", "2019-02-07"]) == 0
    proposals = json.loads(capsys.readouterr().out)
    assert [p["title"] for p in proposals if p["origin"] == "referred"] == SENT_TO_SSK
    tabled = [p for p in proposals if p["origin"] == "tabled"]
    assert tabled[0]["title"] == "Årsredovisning och bokslut 2018"
    assert tabled[0]["link"].startswith(f"/moten/{meeting.pk}/#item-")
    assert len([p for p in proposals if p["origin"] == "follow-up"]) == 5
    assert set(proposals[0]) == {"title", "origin", "reason", "link"}


def test_kansli_agenda_propose_names_what_is_wrong(
    db: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["agenda", "propose", "Finns inte", "2019-02-07"]) == EXIT_NOT_FOUND
    assert "gruppen Finns inte finns inte" in capsys.readouterr().err
    assert main(["agenda", "propose", "SSK", "7 feb"]) == 2
    assert "7 feb: inget datum" in capsys.readouterr().err
