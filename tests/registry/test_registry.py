"""The registry: a title is dated, so "ny kommundirektör i Botkyrka" is a change on a day."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.test import Client

from kansli.audit.models import AuditEntry
from kansli.registry.models import Organisation, Person
from kansli.registry.services import change_position


def test_a_new_title_ends_the_old_one_the_day_before(db: None) -> None:
    botkyrka = Organisation.objects.create(name="Botkyrka kommun", is_member=True)
    leif = Person.objects.create(name="Leif Eriksson")
    change_position(leif, botkyrka, "biträdande kommundirektör", dt.date(2016, 3, 1))
    change_position(leif, botkyrka, "kommundirektör", dt.date(2019, 1, 7))
    assert leif.position_on(dt.date(2018, 12, 31)).title == "biträdande kommundirektör"  # type: ignore[union-attr]
    assert leif.position_on(dt.date(2019, 1, 25)).title == "kommundirektör"  # type: ignore[union-attr]
    assert leif.position_on(dt.date(2015, 1, 1)) is None
    entry = AuditEntry.objects.filter(verb="change_position").order_by("pk").last()
    assert entry is not None and entry.before["end"] == "2019-01-06"  # type: ignore[index]


def test_registry_changes_in_the_admin_are_audited(db: None) -> None:
    staff = User.objects.create_superuser("kansliet", password="hemligt-lösen-123")
    client = Client()
    client.force_login(staff)
    response = client.post(
        "/admin/registry/organisation/add/",
        {"name": "Tyresö kommun", "short_name": "Tyresö", "is_member": "on"},
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Tyresö kommun")
    entry = AuditEntry.objects.get(verb="create")
    assert (entry.object_type, entry.object_id) == ("registry.organisation", str(organisation.pk))
    assert client.get("/admin/audit/auditentry/").status_code == 200
    assert client.get(f"/admin/audit/auditentry/{entry.pk}/delete/").status_code == 403
