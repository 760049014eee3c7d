"""An action due at "nästa SSK" is tied to that meeting once it is planned and moves with it."""

from __future__ import annotations

import datetime as dt

from kansli.meetings.content import of_meeting
from kansli.meetings.models import Action, Meeting
from kansli.meetings.services import create_meeting, save_meeting
from kansli.registry.models import Body


def test_actions_due_at_the_next_ssk_follow_that_meeting(meeting: Meeting) -> None:
    ssk = Body.objects.get(short_name="SSK")
    waiting = Action.objects.filter(due_body=ssk)
    assert waiting.count() == 5
    assert set(waiting.values_list("due", flat=True)) == {dt.date(2019, 2, 7)}
    assert not waiting.filter(due_meeting__isnull=False).exists()

    planned = create_meeting(ssk, dt.date(2019, 2, 7), place="Nykvarn")
    assert set(waiting.values_list("due_meeting", flat=True)) == {planned.pk}

    moved = of_meeting(planned)
    moved["date"] = "2019-02-08"
    save_meeting(planned, moved, base_version=planned.version)
    assert set(waiting.values_list("due", flat=True)) == {dt.date(2019, 2, 8)}


def test_an_earlier_meeting_of_the_body_is_not_the_next_one(meeting: Meeting) -> None:
    ssk = Body.objects.get(short_name="SSK")
    create_meeting(ssk, dt.date(2019, 1, 10))  # before the decision: not "the next"
    later = create_meeting(ssk, dt.date(2019, 3, 1))
    assert set(Action.objects.filter(due_body=ssk).values_list("due_meeting", flat=True)) == {
        later.pk
    }
