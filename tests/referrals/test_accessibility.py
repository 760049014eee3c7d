"""The referrals pages keep the rules of the meeting pages: a language, one h1, headings
without skipped levels, a label for every control."""

from __future__ import annotations

from django.urls import reverse
from tests.meetings.test_accessibility import problems
from tests.referrals.conftest import account

from kansli.meetings.models import Meeting
from kansli.referrals import proposals
from kansli.referrals.models import Initiative, Referral
from kansli.registry.models import Organisation, Role


def test_every_page_is_accessible(meeting: Meeting) -> None:
    secretary = account("sekreteraren", meeting.body, Role.SECRETARY)
    proposals_url = reverse("referral_proposals", args=[meeting.pk])
    before = secretary.get(proposals_url).content.decode()
    proposals.accept_all(meeting)
    Organisation.objects.filter(name__endswith=" kommun").update(is_member=True)
    referral = Referral.objects.get()
    initiative = Initiative.objects.get()
    pages = {
        "proposals (open)": before,
        "proposals (decided)": secretary.get(proposals_url).content.decode(),
    }
    for name, args in (
        ("referrals", []),
        ("referral_new", [meeting.body.pk]),
        ("referral", [referral.pk]),
        ("referral_edit", [referral.pk]),
        ("referral_input", [referral.pk]),
        ("referral_answer", [referral.pk]),
        ("initiatives", []),
        ("initiative", [initiative.pk]),
    ):
        response = secretary.get(reverse(name, args=args))
        assert response.status_code == 200, name
        pages[name] = response.content.decode()
    found = {name: problems(html) for name, html in pages.items()}
    assert found == {name: [] for name in pages}
