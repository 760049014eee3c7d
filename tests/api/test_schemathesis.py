"""schemathesis against the served OpenAPI document, every phase, as a member: no server
error, no answer outside the schema. The founding document is imported and published; a
second body, which the member cannot see, has a meeting of its own."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pytest
import schemathesis
from schemathesis.engine import Status, events
from tests.api.conftest import person

from kansli.events.models import Activity
from kansli.meetings.models import Meeting
from kansli.referrals.models import Referral, ReferralInput
from kansli.registry.models import Organisation, Role

EXAMPLES = 8
"""Per operation and phase: enough to find a bad answer, few enough to run in under a minute."""
PHASES = ("examples", "coverage", "fuzzing", "stateful")


def run(url: str, token: str, examples: int) -> tuple[list[str], dict[str, int], float]:
    config = schemathesis.Config.from_dict(
        {
            # Connection: close ends each of the server's request threads, and with it its
            # database connection; a kept-alive one would outlive the test database.
            "headers": {"Authorization": f"Bearer {token}", "Connection": "close"},
            "seed": 1,
            "workers": 1,
            "generation": {"max-examples": examples, "mode": "all"},
            "checks": {"enabled": True},
            "phases": {phase: {"enabled": True} for phase in PHASES}
            | {"stateful": {"enabled": True, "max-steps": 10}},
        }
    )
    # A live server rather than `from_wsgi`: schemathesis 4.32.5's engine hands the WSGI client
    # socket options (`max_redirects`) it does not take.
    schema = schemathesis.openapi.from_url(f"{url}/api/openapi.json", config=config)
    problems: list[str] = []
    cases: dict[str, int] = {}
    started = time.monotonic()
    for event in schemathesis.engine.from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            name = str(event.phase.value if hasattr(event.phase, "value") else event.phase)
            cases[name] = cases.get(name, 0) + len(event.recorder.cases)
            problems += _failures(event)
        elif isinstance(event, events.NonFatalError | events.FatalError):
            problems.append(f"error: {event.info.message if hasattr(event, 'info') else event}")
    return problems, cases, time.monotonic() - started


def _failures(event: Any) -> list[str]:
    found = []
    for case_id, checks in event.recorder.checks.items():
        for check in checks:
            if check.status == Status.FAILURE and check.failure_info is not None:
                case = event.recorder.cases[case_id].value
                found.append(
                    f"{check.name}: {case.method} {case.formatted_path} {case.query or ''}"
                    f" — {check.failure_info.failure.title}: {check.failure_info.failure.message}"
                )
    return found


@pytest.mark.django_db(transaction=True)  # the server answers from a thread of its own
@pytest.mark.parametrize(
    ("who", "examples"),
    [(("ledamoten", Role.MEMBER), EXAMPLES), (("sekreteraren", Role.SECRETARY), EXAMPLES // 2)],
)
def test_schemathesis_finds_nothing(
    published: Meeting,
    other_meeting: Meeting,
    live_server: Any,
    who: tuple[str, Role],
    examples: int,
) -> None:
    """The member is the acceptance test; the secretary's run also reaches a draft meeting
    and changes actions' status (PATCH)."""
    name, role = who
    _user, token = person(name, published.body, role)
    Meeting.objects.create(body=published.body, year=2019, number=2, date=dt.date(2019, 2, 22))
    for body in (published.body, other_meeting.body):
        Activity.objects.create(body=body, title="Nyckeltalsdagen", start=dt.date(2019, 9, 1))
        referral = Referral.objects.create(body=body, title="Remiss", deadline=dt.date(2019, 3, 1))
        referral.meetings.add(published if body == published.body else other_meeting)
        ReferralInput.objects.create(
            referral=referral,
            organisation=Organisation.objects.get_or_create(name="Huddinge kommun")[0],
            text="Instämmer.",
        )
    problems, cases, seconds = run(live_server.url, token, examples)
    print(f"schemathesis as {name}: {sum(cases.values())} cases {cases} in {seconds:.1f} s")
    assert not problems, "\n".join(sorted(set(problems)))
    assert all(cases.get(phase, 0) > 0 for phase in PHASES), cases
