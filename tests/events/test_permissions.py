"""Every URL of the calendar × every role: the URL names are walked from the URL configuration,
so a new page without a line in `EXPECTED` fails here until somebody decides who may see it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse
from tests.events.conftest import Cast, account

from kansli.events import services
from kansli.events.models import FeedKind, FeedToken
from kansli.meetings import services as meeting_services
from kansli.meetings.models import Meeting
from kansli.registry.models import Role

OK, FOUND, FORBIDDEN, MISSING, LOGIN = 200, 302, 403, 404, -302
ROLES = ("sekreterare", "ledamot", "gast", "utomstaende", "anonym")
# URL name -> (method, status per role, for our body's objects).
EXPECTED: dict[str, tuple[str, tuple[int, ...]]] = {
    "calendar": ("get", (OK, OK, OK, OK, LOGIN)),
    "body_calendar": ("get", (OK, OK, OK, MISSING, LOGIN)),
    "add_activity": ("post", (FOUND, FORBIDDEN, FORBIDDEN, MISSING, LOGIN)),
    "decide_activity": ("post", (FOUND, FORBIDDEN, FORBIDDEN, MISSING, LOGIN)),
    "feeds": ("get", (OK, OK, OK, OK, LOGIN)),
    # An address is its owner's own (the secretary's here); nobody else sees or revokes it.
    "revoke_feed": ("post", (FOUND, MISSING, MISSING, MISSING, LOGIN)),
    # No login: the secret address is the credential, for everyone who has it.
    "feed": ("get", (OK, OK, OK, OK, OK)),
    "kallelse": ("get", (OK, FORBIDDEN, FORBIDDEN, MISSING, LOGIN)),
    "agenda_pdf": ("get", (OK, FORBIDDEN, FORBIDDEN, MISSING, LOGIN)),
}


def event_urls() -> list[str]:
    names = []
    for pattern in get_resolver().url_patterns:
        for inner in getattr(pattern, "url_patterns", [pattern]):
            if isinstance(inner, URLPattern) and inner.callback.__module__ == "kansli.events.views":
                names.append(str(inner.name))
    return names


def test_every_url_has_a_line() -> None:
    assert sorted(event_urls()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_it_answers_each_role(name: str, meeting: Meeting, cast: Cast, client: Client) -> None:
    meeting_services.publish(meeting)
    activity = services.propose_events(meeting)[0]
    token = services.create_token(
        cast.sekreteraren.get(reverse("feeds")).wsgi_request.user,
        FeedKind.BODY,
        body=meeting.body,
    )
    clients = {
        "sekreterare": cast.sekreteraren,
        "ledamot": cast.ledamoten,
        "gast": account("gasten", meeting.body, Role.GUEST),
        "utomstaende": cast.utomstaende,
        "anonym": client,
    }
    params = {
        "body_calendar": [meeting.body_id],
        "add_activity": [meeting.body_id],
        "decide_activity": [activity.pk],
        "revoke_feed": [token.pk],
        "feed": [token.token],
        "kallelse": [meeting.pk],
        "agenda_pdf": [meeting.pk],
    }
    data = {"beslut": "godkann", "title": "Konferens", "start": "2019-05-05"}
    method, statuses = EXPECTED[name]
    url = reverse(name, args=params.get(name, []))
    for role, expected in zip(ROLES, statuses, strict=True):
        response = (
            getattr(clients[role], method)(url, data)
            if method == "post"
            else clients[role].get(url)
        )
        if expected == LOGIN:
            assert response.status_code == 302, (name, role)
            assert response["Location"].startswith("/logga-in/"), (name, role)
        else:
            assert response.status_code == expected, (name, role)
    if name == "revoke_feed":
        assert FeedToken.objects.get(pk=token.pk).revoked_at is not None
