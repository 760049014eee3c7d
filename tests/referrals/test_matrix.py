"""The joint-initiative matrix from the founding document's table (issue 4, item 7)."""

from __future__ import annotations

from kansli.meetings.models import DataTable, Meeting
from kansli.referrals import matrix, proposals
from kansli.referrals.models import Initiative, InitiativeStatus, ProposalKind, ProposalState
from kansli.registry.models import Organisation

EIGHT = {
    "Botkyrka kommun",
    "Haninge kommun",
    "Huddinge kommun",
    "Nykvarns kommun",
    "Nynäshamns kommun",
    "Salems kommun",
    "Södertälje kommun",
    "Tyresö kommun",
}
COLUMNS = ["Beslut KS", "Verkställighet KD", "Info KSO", "Information KS"]


def cells(initiative: Initiative) -> dict[str, list[str]]:
    found = matrix.matrix_of(initiative)
    assert [c.name for c in found.columns] == COLUMNS
    return {row.organisation.name: [cell.value for cell in row.cells] for row in found.rows}


def the_matrix_proposal(meeting: Meeting) -> proposals.Proposal:
    (proposal,) = [p for p in proposals.propose(meeting) if p.kind == ProposalKind.MATRIX]
    return proposal


def test_it_proposes_the_founding_table_only(meeting: Meeting) -> None:
    assert DataTable.objects.filter(item__meeting=meeting).count() == 2  # also "Aktiviteter 2019"
    proposal = the_matrix_proposal(meeting)
    view = proposals.shown(proposal)
    assert view.table is not None
    assert view.table.initiative == "Samordnad varudistribution"
    assert [row.written for row in view.rows] == [
        "Botkyrka",
        "Haninge",
        "Huddinge",
        "Nynäshamn",
        "Nykvarn",
        "Salem",
        "Södertälje",
        "Tyresö",
    ]
    # Matched to the organisations the attendance list registered, none of them a member yet.
    assert set(view.new_members) == EIGHT
    assert view.new_organisations == []
    assert not Initiative.objects.exists()
    assert not Organisation.objects.filter(is_member=True).exists()


def test_it_accepts_the_founding_table(meeting: Meeting) -> None:
    initiative = proposals.accept(the_matrix_proposal(meeting))
    assert isinstance(initiative, Initiative)
    assert initiative.title == "Samordnad varudistribution"
    assert initiative.body == meeting.body
    assert set(Organisation.objects.filter(is_member=True).values_list("name", flat=True)) == EIGHT
    found = cells(initiative)
    assert set(found) == EIGHT
    assert found["Botkyrka kommun"] == ["x", "", "x", ""]
    assert found["Huddinge kommun"] == ["", "x", "x", "x"]
    assert found["Södertälje kommun"] == ["", "", "x", "x"]
    assert found["Nykvarns kommun"] == ["", "x", "x", "x"]
    every = InitiativeStatus.objects.filter(initiative=initiative)
    assert every.count() == 2 + 2 + 3 + 2 + 3 + 2 + 2 + 2  # only the x's are recorded
    assert set(every.values_list("meeting", flat=True)) == {meeting.pk}


def test_it_says_who_is_behind(meeting: Meeting) -> None:
    initiative = proposals.accept(the_matrix_proposal(meeting))
    found = matrix.matrix_of(initiative)
    behind = {row.organisation.name: row.behind for row in found.behind}
    # Beslut KS: only Botkyrka has it, the seven others are behind; Verkställighet KD: Botkyrka
    # and Södertälje lack it; Info KSO: nobody; Information KS: five lack it.
    assert behind["Södertälje kommun"] == 2
    assert behind["Botkyrka kommun"] == 2
    assert behind["Huddinge kommun"] == 1
    assert behind["Haninge kommun"] == 2
    assert len(behind) == 8


def test_proposing_twice_and_deciding_once(meeting: Meeting) -> None:
    first = the_matrix_proposal(meeting)
    assert proposals.propose(meeting) == proposals.propose(meeting)
    proposals.accept(first)
    assert not [p for p in proposals.propose(meeting) if p.kind == ProposalKind.MATRIX]
    first.refresh_from_db()
    assert first.state == ProposalState.ACCEPTED
    try:
        proposals.accept(first)
    except proposals.ProposalError as error:
        assert "redan" in str(error)
    else:
        raise AssertionError("a decided proposal was accepted again")
    assert Initiative.objects.count() == 1


def test_a_later_meeting_updates_and_keeps_history(
    meeting: Meeting, second_meeting: Meeting
) -> None:
    initiative = proposals.accept(the_matrix_proposal(meeting))
    assert isinstance(initiative, Initiative)
    again = proposals.accept(the_matrix_proposal(second_meeting))
    assert again == initiative
    found = cells(initiative)
    assert found["Botkyrka kommun"] == ["x", "x", "x", ""]
    assert found["Södertälje kommun"] == ["2019-03-12", "", "x", "x"]
    assert found["Tyresö kommun"] == ["", "x", "x", ""]  # not in the later table: unchanged
    history = matrix.matrix_of(initiative).history
    assert [step.meeting for step in history] == [second_meeting, meeting]
    later = {(c.organisation.name, c.column.name): (c.before, c.value) for c in history[0].changes}
    assert later == {
        ("Botkyrka kommun", "Verkställighet KD"): ("", "x"),
        ("Södertälje kommun", "Beslut KS"): ("", "2019-03-12"),
    }


def test_a_rejected_table_is_not_proposed_again(meeting: Meeting) -> None:
    proposals.reject(the_matrix_proposal(meeting))
    assert not [p for p in proposals.propose(meeting) if p.kind == ProposalKind.MATRIX]
    assert not Initiative.objects.exists()
