"""`kansli remind`: a digest per person of actions due within N working days, once a day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import override_settings

from kansli.cli import main
from kansli.followup.reminders import working_days_ahead
from kansli.meetings.models import Meeting
from kansli.meetings.services import publish
from kansli.referrals.models import Referral
from kansli.registry.models import Person


def test_working_days_skip_weekends_and_swedish_holidays() -> None:
    assert working_days_ahead(dt.date(2019, 2, 1), 1) == dt.date(2019, 2, 4)  # Fri -> Mon
    # Midsommarafton (21 June 2019) and the weekend do not count.
    assert working_days_ahead(dt.date(2019, 6, 20), 1) == dt.date(2019, 6, 24)
    assert working_days_ahead(dt.date(2019, 12, 23), 1) == dt.date(2019, 12, 27)  # julafton off


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_the_digest_goes_once_a_day_to_those_with_actions_due(
    meeting: Meeting, capsys: pytest.CaptureFixture[str]
) -> None:
    publish(meeting)
    Person.objects.filter(name="Cecilia Mårtensson").update(email="cecilia@example.se")
    Person.objects.filter(name="Rickard Sundbom").update(email="rickard@example.se")
    # 2019-02-01 (Fri): the actions due 2019-02-07 (Thu) are within 5 working days.
    assert main(["remind", "--date", "2019-02-01"]) == 0
    assert "påminnelser skickade: 2" in capsys.readouterr().out
    to_cecilia = next(m for m in mail.outbox if m.to == ["cecilia@example.se"])
    assert "4 att följa upp" in to_cecilia.subject
    assert "2019-02-07: fyller på och bevakar listan" in to_cecilia.body
    assert main(["remind", "--date", "2019-02-01"]) == 0
    assert len(mail.outbox) == 2  # idempotent per day
    # Two working days ahead of 2019-02-01 is 2019-02-05: nothing due yet, nothing new sent.
    assert main(["remind", "--date", "2019-02-02", "--days", "2"]) == 0
    assert len(mail.outbox) == 2
    # After the date, the actions are overdue and said to be.
    assert main(["remind", "--date", "2019-02-11"]) == 0
    late = [m for m in mail.outbox if m.to == ["cecilia@example.se"]][-1]
    assert "Försenade åtgärder" in late.body


def test_a_wrong_date_is_a_usage_error(db: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["remind", "--date", "7/2"]) == 2
    assert "7/2: inget datum" in capsys.readouterr().err


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_a_referral_near_its_deadline_is_in_the_responsible_persons_digest(
    meeting: Meeting,
) -> None:
    anna = Person.objects.get(name="Anna Söderström")
    anna.email = "anna@example.se"
    anna.save()
    Referral.objects.create(
        body=meeting.body,
        title="Trafikplan 2020",
        deadline=dt.date(2019, 3, 15),
        responsible_person=anna,
    )
    assert main(["remind", "--date", "2019-03-11"]) == 0
    (to_anna,) = [m for m in mail.outbox if m.to == ["anna@example.se"]]
    assert "Remisser att besvara" in to_anna.body
    assert "2019-03-15: Trafikplan 2020" in to_anna.body
