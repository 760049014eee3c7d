"""Referrals (kansli.referrals) are found like the meetings' documents, by their body's members
(every member, as the referral's own access rule says), never by another body's."""

from __future__ import annotations

from django.core.management import call_command
from tests.search.conftest import Commit, person

from kansli.referrals.models import Referral, ReferralInput
from kansli.registry.models import Body, Organisation, Role
from kansli.search.backend import search
from kansli.search.models import SearchDocument


def test_a_referral_is_found_by_its_title_sender_and_inputs(
    body: Body, other_body: Body, commit: Commit
) -> None:
    with commit():
        referral = Referral.objects.create(
            body=body, title="Regional plan för kraftförsörjning", sender="Region Stockholm"
        )
    ledamoten = person("ledamoten", body)
    hits = search(ledamoten, "kraftförsörjningen")
    assert [(h.kind, h.kind_label, h.title, h.url) for h in hits] == [
        ("referral", "remiss", "Regional plan för kraftförsörjning", f"/remisser/{referral.pk}/")
    ]
    assert hits[0].meeting is None and hits[0].body.name == body.name
    assert search(person("utomstaende", other_body), "kraftförsörjningen") == []
    assert search(person("annan-sekreterare", other_body, Role.SECRETARY), "regional") == []

    botkyrka = Organisation.objects.create(name="Botkyrka kommun", is_member=True)
    with commit():
        ReferralInput.objects.create(
            referral=referral, organisation=botkyrka, text="Vi tillstyrker elnätsutbyggnaden."
        )
    assert [h.title for h in search(ledamoten, "elnätsutbyggnaden")] == [referral.title]

    with commit():
        referral.delete()
    assert search(ledamoten, "kraftförsörjningen") == []
    assert not SearchDocument.objects.filter(kind="referral").exists()


def test_the_reindex_command_brings_referrals_back(body: Body, commit: Commit) -> None:
    with commit():
        Referral.objects.create(body=body, title="Remiss om vindkraftverken")
    SearchDocument.objects.all().delete()
    ledamoten = person("ledamoten", body)
    assert search(ledamoten, "vindkraftverk") == []
    call_command("reindex", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [h.kind for h in search(ledamoten, "vindkraftverk")] == ["referral"]
