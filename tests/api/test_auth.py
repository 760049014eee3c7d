"""Token authentication: no token, a wrong one, a revoked one → 401 JSON; the command."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from tests.api.conftest import Api, person

from kansli.api.models import ApiToken
from kansli.api.tokens import digest, revoke
from kansli.audit.models import AuditEntry
from kansli.registry.models import Body


def test_it_refuses_a_request_without_a_token(db: None) -> None:
    response = Api(None).get("/api/meetings/")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert "Bearer" in response.json()["error"]
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("header", ["Bearer fel", "Basic dXNlcjpwYXNz", "Bearer", "fel"])
def test_it_refuses_an_invalid_token(body: Body, header: str) -> None:
    person("ledamoten", body)
    response = Api(None).client.get("/api/bodies/", headers={"Authorization": header})
    assert response.status_code == 401
    assert "error" in response.json()


def test_it_refuses_a_revoked_token(body: Body) -> None:
    user, token = person("ledamoten", body)
    assert Api(token).get("/api/bodies/").status_code == 200
    revoke(ApiToken.objects.get(user=user), actor=user)
    assert Api(token).get("/api/bodies/").status_code == 401
    assert AuditEntry.objects.filter(verb="revoke", object_type="api.apitoken").exists()


def test_it_refuses_the_token_of_an_inactive_user(body: Body) -> None:
    user, token = person("ledamoten", body)
    user.is_active = False
    user.save()
    assert Api(token).get("/api/bodies/").status_code == 401


def test_it_stores_only_the_hash_and_notes_the_use(body: Body) -> None:
    user, token = person("ledamoten", body)
    stored = ApiToken.objects.get(user=user)
    assert stored.key_hash == digest(token) != token
    assert stored.last_used is None
    Api(token).get("/api/bodies/")
    stored.refresh_from_db()
    assert stored.last_used is not None


def test_it_prints_a_new_token_once(body: Body) -> None:
    person("ledamoten", body)
    out = StringIO()
    call_command("api_token", "ledamoten", "--name", "skript", stdout=out)
    token = out.getvalue().strip()
    assert ApiToken.objects.get(key_hash=digest(token)).name == "skript"
    assert Api(token).get("/api/bodies/").json()["results"][0]["name"] == body.name


def test_it_says_when_the_user_does_not_exist(db: None) -> None:
    with pytest.raises(CommandError, match="Ingen användare"):
        call_command("api_token", "ingen")
