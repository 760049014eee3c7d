"""The pages: the acceptance (the matrix shows the founding document's eight municipalities),
the secretary accepting proposals in the browser, the register's highlights and forms."""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse
from tests.referrals.conftest import SECOND_TABLE, account

from kansli.meetings.models import Meeting
from kansli.meetings.services import import_document, publish
from kansli.referrals import proposals, services
from kansli.referrals.models import Initiative, Proposal, ProposalKind, Referral, ReferralStatus
from kansli.registry.models import Body, Organisation, Role

EIGHT = [
    "Botkyrka kommun",
    "Haninge kommun",
    "Huddinge kommun",
    "Nykvarns kommun",
    "Nynäshamns kommun",
    "Salems kommun",
    "Södertälje kommun",
    "Tyresö kommun",
]


def matrix_rows(html: str) -> dict[str, list[str]]:
    """The matrix table as {organisation: [cell values]}, read from the page."""
    table = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        name = re.search(r'<th scope="row">(.*?)</th>', row, re.S)
        assert name is not None
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        rows[name.group(1)] = [re.sub(r"<span.*?</span>", "", c).strip() for c in cells]
    return rows


def test_the_acceptance(meeting: Meeting) -> None:
    """Import, propose, accept in the browser: the matrix shows the eight municipalities."""
    secretary = account("sekreteraren", meeting.body, Role.SECRETARY)
    page = secretary.get(reverse("referral_proposals", args=[meeting.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Samordnad varudistribution" in html
    assert "Trafikplan 2020" in html
    assert html.count("(blir medlemsorganisation)") == 8
    matrix_proposal = Proposal.objects.get(meeting=meeting, kind=ProposalKind.MATRIX)
    done = secretary.post(
        reverse("referral_proposal_decide", args=[matrix_proposal.pk]), {"decision": "accept"}
    )
    assert done.status_code == 302
    initiative = Initiative.objects.get(title="Samordnad varudistribution")
    html = secretary.get(reverse("initiative", args=[initiative.pk])).content.decode()
    rows = matrix_rows(html)
    assert list(rows) == EIGHT
    headings = re.findall(r'<th scope="col">(.*?)</th>', html)
    assert headings == [
        "Organisation",
        "Beslut KS",
        "Verkställighet KD",
        "Info KSO",
        "Information KS",
    ]
    assert rows["Botkyrka kommun"] == ["x", "", "x", ""]
    assert rows["Södertälje kommun"] == ["", "", "x", "x"]
    assert rows["Haninge kommun"] == ["", "x", "x", ""]
    assert all(row[2] == "x" for row in rows.values())  # everybody informed KSO
    assert 'class="behind"' in html
    assert "Södertälje kommun (2)" in html


def test_a_member_reads_the_matrix_and_its_history(
    meeting: Meeting, second_meeting: Meeting
) -> None:
    proposals.accept_all(meeting)
    proposals.accept_all(second_meeting)
    publish(meeting)
    member = account("ledamoten", meeting.body, Role.MEMBER)
    initiative = Initiative.objects.get()
    html = member.get(reverse("initiative", args=[initiative.pk])).content.decode()
    # The later meeting is still the secretary's draft: its values wait for it to be published.
    assert matrix_rows(html)["Södertälje kommun"] == ["", "", "x", "x"]
    assert "2019-03-12" not in html
    publish(second_meeting)
    html = member.get(reverse("initiative", args=[initiative.pk])).content.decode()
    assert matrix_rows(html)["Södertälje kommun"] == ["2019-03-12", "", "x", "x"]
    history = html.split('id="historik"', 1)[1]
    assert history.index("2019-03-29") < history.index("2019-01-25")
    assert reverse("meeting", args=[meeting.pk]) in history
    assert reverse("meeting", args=[second_meeting.pk]) in history
    assert "Sätt en cell" not in html


def test_the_secretary_sets_a_cell_and_adds_a_column(meeting: Meeting) -> None:
    proposals.accept_all(meeting)
    initiative = Initiative.objects.get()
    secretary = account("sekreteraren", meeting.body, Role.SECRETARY)
    url = reverse("initiative_column", args=[initiative.pk])
    assert secretary.post(url, {"name": "Avtal tecknat"}).status_code == 302
    column = initiative.columns.get(name="Beslut KS")
    sodertalje = Organisation.objects.get(name="Södertälje kommun")
    cell = {
        "cell-organisation": sodertalje.pk,
        "cell-column": column.pk,
        "cell-value": "x",
        "cell-recorded": "2019-02-15",
    }
    assert secretary.post(reverse("initiative_cell", args=[initiative.pk]), cell).status_code == 302
    html = secretary.get(reverse("initiative", args=[initiative.pk])).content.decode()
    assert matrix_rows(html)["Södertälje kommun"] == ["x", "", "x", "x", ""]
    bad = secretary.post(reverse("initiative_cell", args=[initiative.pk]), {"cell-value": "x"})
    assert bad.status_code == 302
    followed = secretary.get(bad["Location"]).content.decode()
    assert "Cellen sparades inte" in followed


def test_the_register_highlights_deadlines(body: Body) -> None:
    today = dt.date.today()
    for title, days in (("Försenad remiss", -1), ("Snart remiss", 3), ("Lugn remiss", 60)):
        services.create_referral(
            body, services.ReferralFields(title=title, deadline=today + dt.timedelta(days=days))
        )
    member = account("ledamoten", body, Role.MEMBER)
    html = member.get(reverse("referrals")).content.decode()
    rows = dict(
        (title, cls)
        for cls, title in re.findall(r'<tr class="(\w*)">\s*<td><a href="[^"]+">([^<]+)</a>', html)
    )
    assert rows == {"Försenad remiss": "overdue", "Snart remiss": "soon", "Lugn remiss": ""}
    assert "Ny remiss" not in html


def test_the_secretary_registers_and_answers_a_referral(meeting: Meeting) -> None:
    Organisation.objects.filter(name__endswith=" kommun").update(is_member=True)
    secretary = account("sekreteraren", meeting.body, Role.SECRETARY)
    new = secretary.post(
        reverse("referral_new", args=[meeting.body.pk]),
        {
            "title": "Trafikplan 2020",
            "sender": "Trafikförvaltningen",
            "received": "2019-02-01",
            "deadline": "2019-03-15",
            "status": ReferralStatus.RECEIVED,
            "meetings": [meeting.pk],
        },
    )
    assert new.status_code == 302
    referral = Referral.objects.get()
    assert list(referral.meetings.all()) == [meeting]
    botkyrka = Organisation.objects.get(name="Botkyrka kommun")
    given = secretary.post(
        reverse("referral_input", args=[referral.pk]),
        {"organisation": botkyrka.pk, "text": "Tätare turer."},
    )
    assert given.status_code == 302
    html = secretary.get(reverse("referral", args=[referral.pk])).content.decode()
    assert "7 organisationer har inte lämnat synpunkter" in html
    assert "Tätare turer." in html
    empty = secretary.post(reverse("referral_answer", args=[referral.pk]), {"outcome": "besvarad"})
    assert empty.status_code == 400
    assert "Skriv det gemensamma svaret." in empty.content.decode()
    answered = secretary.post(
        reverse("referral_answer", args=[referral.pk]),
        {"outcome": "besvarad", "text": "Vi tillstyrker.", "answered": "2019-03-10"},
    )
    assert answered.status_code == 302
    referral.refresh_from_db()
    assert (referral.status, referral.answered) == ("besvarad", dt.date(2019, 3, 10))


def test_bad_dates_get_a_message(body: Body) -> None:
    secretary = account("sekreteraren", body, Role.SECRETARY)
    response = secretary.post(
        reverse("referral_new", args=[body.pk]),
        {"title": "X", "received": "2019-03-01", "deadline": "2019-02-01", "status": "inkommen"},
    )
    assert response.status_code == 400
    assert "kan inte ligga före" in response.content.decode()
    response = secretary.post(
        reverse("referral_new", args=[body.pk]),
        {"title": "X", "deadline": "i morgon", "status": "inkommen"},
    )
    assert response.status_code == 400
    assert not Referral.objects.exists()


def test_rejecting_in_the_browser(meeting: Meeting) -> None:
    secretary = account("sekreteraren", meeting.body, Role.SECRETARY)
    secretary.get(reverse("referral_proposals", args=[meeting.pk]))
    proposal = Proposal.objects.get(meeting=meeting, kind=ProposalKind.REFERRAL)
    url = reverse("referral_proposal_decide", args=[proposal.pk])
    assert secretary.post(url, {"decision": "reject"}).status_code == 302
    again = secretary.post(url, {"decision": "accept"}, follow=True)
    assert "redan godtaget eller avvisat" in again.content.decode()
    assert not Referral.objects.exists()


def test_a_table_under_another_title_goes_into_the_chosen_initiative(meeting: Meeting) -> None:
    proposals.accept_all(meeting)
    initiative = Initiative.objects.get()
    text = SECOND_TABLE.replace("1. Samordnad varudistribution", "1. Varudistribution, läget")
    later = import_document(text.encode(), "senare.txt").meeting
    secretary = account("sekreteraren", meeting.body, Role.SECRETARY)
    html = secretary.get(reverse("referral_proposals", args=[later.pk])).content.decode()
    assert "Varudistribution, läget (nytt om det inte finns)" in html
    proposal = Proposal.objects.get(meeting=later, kind=ProposalKind.MATRIX)
    url = reverse("referral_proposal_decide", args=[proposal.pk])
    assert (
        secretary.post(url, {"decision": "accept", "initiative": initiative.pk}).status_code == 302
    )
    assert Initiative.objects.count() == 1
    html = secretary.get(reverse("initiative", args=[initiative.pk])).content.decode()
    assert matrix_rows(html)["Botkyrka kommun"] == ["x", "x", "x", ""]
