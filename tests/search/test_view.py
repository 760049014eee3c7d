"""`/sok/`: the search page for every role, its messages, and what it shows of a hit."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from tests.search.conftest import Commit, person

from kansli.meetings.models import Item, Meeting
from kansli.registry.models import Body, Role

URL = "/sok/"


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_url_is_named_search() -> None:
    assert reverse("search") == URL


@pytest.mark.parametrize(
    ("role", "items"),
    [(Role.SECRETARY, 2), (Role.MEMBER, 2), (Role.GUEST, 2), (None, 0)],
)
def test_it_shows_each_role_what_it_may_see(
    published: Meeting, body: Body, other_body: Body, role: Role | None, items: int
) -> None:
    user = person("vem", body, role) if role else person("utomstaende", other_body)
    response = client_for(user).get(URL, {"q": "kraftförsörjningen"})
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('href="/moten/') == items
    assert ("<mark>Kraftförsörjning</mark>" in page) == bool(items)
    if not items:
        assert "Inget du har tillgång till innehåller" in page


def test_an_anonymous_visitor_is_sent_to_the_login_page(published: Meeting) -> None:
    response = Client().get(URL, {"q": "kraftförsörjningen"})
    assert response.status_code == 302
    assert response["Location"].startswith("/logga-in/")


def test_the_secretary_sees_a_draft_marked_as_such(draft: Meeting, body: Body) -> None:
    page = client_for(person("sekreteraren", body, Role.SECRETARY)).get(
        URL, {"q": "kraftförsörjningen"}
    )
    item = Item.objects.get(meeting=draft, position=5)
    assert f'href="/moten/{draft.pk}/#item-{item.pk}"' in page.content.decode()
    assert "utkast" in page.content.decode()
    member = client_for(person("ledamoten", body)).get(URL, {"q": "kraftförsörjningen"})
    assert "/moten/" not in member.content.decode()


def test_the_form_has_a_labelled_search_box_and_keeps_the_query(db: None) -> None:
    page = client_for(person("ledamoten")).get(URL, {"q": "budget <2019>"}).content.decode()
    assert '<label for="search-q">' in page
    assert 'id="search-q" type="search" name="q" value="budget &lt;2019&gt;"' in page
    assert page.count("<h1>") == 1
    assert "<2019>" not in page


@pytest.mark.parametrize(
    ("query", "message"),
    [("", "Skriv ett eller flera ord att söka efter."), ("*:-", "inga ord att söka på"),
     ("kraft " * 50, "Sökningen är för lång: högst 200 tecken.")],
)  # fmt: skip
def test_a_query_that_cannot_be_searched_gets_a_message(db: None, query: str, message: str) -> None:
    response = client_for(person("ledamoten")).get(URL, {"q": query})
    assert response.status_code == 200
    assert message in response.content.decode()


def test_without_a_query_only_the_form_is_shown(db: None) -> None:
    page = client_for(person("ledamoten")).get(URL).content.decode()
    assert 'name="q"' in page
    assert "träff" not in page
    assert 'role="alert"' not in page


def test_a_title_with_markup_is_shown_as_text(
    published: Meeting, body: Body, commit: Commit
) -> None:
    with commit():
        Item.objects.create(
            meeting=published, position=99, title="<script>alert(1)</script> Elnätet",
            text="<b>Elnätet</b> byggs ut",
        )  # fmt: skip
    page = client_for(person("ledamoten", body)).get(URL, {"q": "elnätet"}).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Elnätet" in page
    assert "&lt;b&gt;<mark>Elnätet</mark>&lt;/b&gt;" in page
