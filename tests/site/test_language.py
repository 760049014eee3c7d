"""Swedish first: the browser's language does not decide; the language menu does."""

from __future__ import annotations

from django.test import Client


def test_swedish_whatever_the_browser_says(db: None) -> None:
    page = Client(HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").get("/logga-in/")
    assert 'lang="sv"' in page.content.decode()
    assert page["Content-Language"] == "sv"


def test_english_once_chosen(db: None) -> None:
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/logga-in/"})
    page = client.get("/logga-in/")
    assert 'lang="en"' in page.content.decode() and page["Content-Language"] == "en"
    client.post("/i18n/setlang/", {"language": "xx", "next": "/logga-in/"})
    assert 'lang="en"' in client.get("/logga-in/").content.decode()
