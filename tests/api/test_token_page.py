"""/api/nycklar/: a signed-in user makes a token (shown once) and revokes it; nobody sees or
revokes another's; the anonymous visitor is sent to the login page."""

from __future__ import annotations

import re

from django.test import Client
from tests.api.conftest import Api
from tests.meetings.conftest import account

from kansli.api.models import ApiToken
from kansli.registry.models import Body


def test_the_anonymous_visitor_logs_in_first(db: None) -> None:
    response = Client().get("/api/nycklar/")
    assert response.status_code == 302
    assert response["Location"].startswith("/logga-in/")


def test_it_makes_a_token_shown_once(body: Body) -> None:
    browser = account("ledamoten", body)
    response = browser.post("/api/nycklar/", {"namn": "Mitt skript"})
    assert response.status_code == 200
    found = re.search(r'<code id="ny-nyckel">([\w-]+)</code>', response.content.decode())
    assert found is not None
    token = found.group(1)
    assert Api(token).get("/api/bodies/").json()["results"][0]["name"] == body.name
    page = browser.get("/api/nycklar/").content.decode()
    assert "Mitt skript" in page
    assert token not in page
    assert ApiToken.objects.get().name == "Mitt skript"


def test_it_refuses_a_too_long_name(body: Body) -> None:
    browser = account("ledamoten", body)
    response = browser.post("/api/nycklar/", {"namn": "x" * 101}, follow=True)
    assert "högst 100 tecken" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_it_revokes_ones_own_token_only(body: Body) -> None:
    mine, theirs = account("ledamoten", body), account("utomstaende")
    mine.post("/api/nycklar/", {"namn": "a"})
    stored = ApiToken.objects.get()
    url = f"/api/nycklar/{stored.pk}/aterkalla"
    assert theirs.post(url).status_code == 404
    assert "a" not in [t.name for t in ApiToken.objects.filter(user__username="utomstaende")]
    assert mine.get(url).status_code == 405
    assert mine.post(url).status_code == 302
    stored.refresh_from_db()
    assert stored.revoked_at is not None
    assert "Du har inga API-nycklar." in mine.get("/api/nycklar/").content.decode()
