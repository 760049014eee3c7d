"""`manage.py demo`: the founding document imported, and two demo logins for its body."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand

from kansli.events.services import accept_activity_list
from kansli.meetings.services import import_document, publish
from kansli.referrals.proposals import accept_all
from kansli.registry.models import Membership, Organisation, Person, Role

FOUNDING = (
    Path(settings.BASE_DIR) / "tests" / "corpus" / "sv" / "sodertorn-ledningsgrupp-2019-01-25.docx"
)
QUORUM = 5
"""The demo body's quorum: a majority of its eight municipalities (the founding meeting, with
three present, tabled an item "för få deltagare")."""
# Demo accounts for a laptop: (username, password, role, the person they are). Cecilia has
# four actions from the founding meeting ("Mina åtgärder").
ACCOUNTS = (
    ("sekreterare", "kansli-demo", Role.SECRETARY, "Anna Söderström"),
    ("ledamot", "kansli-demo", Role.MEMBER, "Leif Eriksson"),
    ("cecilia", "kansli-demo", Role.MEMBER, "Cecilia Mårtensson"),
)


class Command(BaseCommand):
    help = "Importerar grunddokumentet och skapar demoinloggningar (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        meeting = import_document(FOUNDING.read_bytes(), FOUNDING.name).meeting
        for username, password, role, name in ACCOUNTS:
            user, created = User.objects.get_or_create(username=username)
            if created:
                user.set_password(password)
                user.save()
            person = Person.objects.filter(name=name).first() or Person.objects.create(name=name)
            if person.user_id is None:
                person.user = user
                person.save(update_fields=["user"])
            Membership.objects.get_or_create(
                body=meeting.body, person=person, defaults={"role": role}
            )
        body = meeting.body
        if body.quorum is None:
            body.quorum = QUORUM
            body.save(update_fields=["quorum"])
        Organisation.objects.filter(name__endswith=" kommun").update(is_member=True)
        # The follow-up registers from the same document: the six activities of 2019 in the
        # årshjul, the initiative matrix and the Trafikplan 2020 referral (both idempotent).
        accept_activity_list(meeting)
        accept_all(meeting)
        if meeting.published_at is None:
            publish(meeting)
        self.stdout.write(f"Demodata: {meeting} ({meeting.items.count()} punkter)")
        for username, password, role, name in ACCOUNTS:
            self.stdout.write(f"  {role.label}: {username} / {password}  ({name})")
