"""Accessible markup on every main page: a language, one h1, headings without skipped levels,
and a label for every control a user fills in."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import pytest
from django.test import Client
from tests.meetings.conftest import FOUNDING, account

from kansli.meetings.models import ImportDraft, Meeting
from kansli.meetings.services import publish
from kansli.registry.models import Role


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.headings: list[int] = []
        self.controls: list[dict[str, str]] = []
        self.label_for: set[str] = set()
        self.open_labels = 0
        self.controls_in_labels = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(int(tag[1]))
        elif tag == "label":
            self.open_labels += 1
            if a.get("for"):
                self.label_for.add(a["for"])
        elif tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit"):
            if self.open_labels:
                a["labelled"] = "wrapped"
            self.controls.append(a)

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.open_labels -= 1


def problems(html: str) -> list[str]:
    page = Page()
    page.feed(html)
    found = []
    if page.lang not in ("sv", "en"):
        found.append(f"html lang={page.lang!r}")
    if page.headings.count(1) != 1:
        found.append(f"{page.headings.count(1)} h1")
    for before, after in zip(page.headings, page.headings[1:], strict=False):
        if after > before + 1:
            found.append(f"h{before} följs av h{after}")
            break
    for control in page.controls:
        labelled = (
            control.get("labelled")
            or control.get("aria-label")
            or control.get("id", "-") in page.label_for
        )
        if not labelled:
            found.append(f"kontroll utan etikett: {control}")
    return found


@pytest.fixture
def pages(meeting: Meeting) -> dict[str, tuple[Client, str]]:
    secretary = account("sekreteraren", meeting.body, Role.SECRETARY)
    member = account("ledamoten", meeting.body, Role.MEMBER)
    publish(meeting)
    file = io.BytesIO(FOUNDING.with_suffix(".txt").read_bytes())
    file.name = "anteckningar.txt"
    secretary.post("/importera/", {"files": file, "body": meeting.body.pk})
    draft = ImportDraft.objects.get(state="review")
    return {
        "login": (Client(), "/logga-in/"),
        "start": (member, "/"),
        "body": (member, f"/grupper/{meeting.body.pk}/"),
        "meeting": (member, f"/moten/{meeting.pk}/"),
        "meeting, secretary": (secretary, f"/moten/{meeting.pk}/"),
        "edit": (secretary, f"/moten/{meeting.pk}/redigera/"),
        "new meeting": (secretary, f"/grupper/{meeting.body.pk}/nytt-mote/"),
        "upload": (secretary, "/importera/"),
        "review": (secretary, f"/importera/{draft.pk}/"),
    }


def test_every_main_page_is_accessible_markup(pages: dict[str, tuple[Client, str]]) -> None:
    found = {}
    for name, (client, url) in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        if trouble := problems(response.content.decode()):
            found[name] = trouble[:5]
    assert not found, found


def test_the_checker_finds_what_it_looks_for() -> None:
    bad = '<html><h1>A</h1><h3>B</h3><input id="x"><h1>C</h1></html>'
    assert problems(bad) == [
        "html lang=''",
        "2 h1",
        "h1 följs av h3",
        "kontroll utan etikett: {'id': 'x'}",
    ]
