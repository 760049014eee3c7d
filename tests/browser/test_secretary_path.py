"""The secretary's path in a real browser: log in, upload the founding DOCX, review, correct
an action's due date, confirm, publish; the member (ledamoten) finds the meeting and downloads
it as PDF; somebody from another group (utomstående) gets 404. Screenshots of the main pages
are saved in test-artifacts/screenshots/."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from kansli.meetings.models import Action, Meeting
from kansli.registry.models import Body, Membership, Person, Role

pytestmark = pytest.mark.django_db(transaction=True)  # the live server reads what we write

FOUNDING = Path(__file__).parents[1] / "corpus" / "sv" / "sodertorn-ledningsgrupp-2019-01-25.docx"
PASSWORD = "hemligt-lösen-123"
NEW_DUE = "2019-03-15"


def account(name: str, body: Body, role: Role = Role.MEMBER) -> str:
    """A new user with a password, a member of `body` in `role`; returns the username."""
    user = User.objects.create_user(name, password=PASSWORD)
    person = Person.objects.create(name=name.title(), user=user, email=f"{name}@example.se")
    Membership.objects.create(body=body, person=person, role=role)
    return name


def log_in(page: Page, username: str) -> None:
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", name="Mina grupper")).to_be_visible()


@pytest.fixture
def body() -> Body:
    return Body.objects.create(name="Södertörnskommunernas ledningsgrupp", quorum=5)


def test_it_takes_the_founding_document_from_upload_to_the_members_pdf(
    body: Body, new_page: Callable[[], Page], screenshot: Callable[[Page, str], None]
) -> None:
    sekreteraren = account("sekreteraren", body, Role.SECRETARY)
    ledamoten = account("ledamoten", body)
    utomstaende = account("utomstaende", Body.objects.create(name="Nätverket för IT-chefer"))

    # The secretary logs in through the real form and uploads the DOCX for her group.
    page = new_page()
    page.goto("/logga-in/")
    screenshot(page, "01-logga-in")
    log_in(page, sekreteraren)
    page.get_by_role("link", name="Importera minnesanteckningar eller protokoll").click()
    page.get_by_label("Filer").set_input_files(FOUNDING)
    page.get_by_label("Grupp").select_option(str(body.pk))
    screenshot(page, "02-importera")
    page.get_by_role("button", name="Läs in").click()

    # Review: the source beside what was understood; correct the first dated action.
    expect(page).to_have_url(re.compile(r"/importera/\d+/$"))
    expect(page.get_by_role("heading", name="Källdokumentet")).to_be_visible()
    screenshot(page, "03-granska")
    due = page.locator('div[role=group] input[name$="-due"]:not([value=""])').first
    name = due.get_attribute("name") or ""
    old_due = due.input_value()
    assert re.fullmatch(r"i-\d+-a-\d+-due", name) and old_due != NEW_DUE
    text = page.locator(f'[name="{name.removesuffix("-due")}-text"]').input_value()
    due.fill(NEW_DUE)
    page.get_by_role("button", name="Bekräfta och spara").click()

    # The meeting page, as a draft; publishing tells the members.
    expect(page).to_have_url(re.compile(r"/moten/\d+/$"))
    meeting_url = page.url
    page.get_by_role("button", name="Publicera").click()
    expect(page.get_by_role("status")).to_contain_text("Publicerat.")
    expect(page.get_by_text(f"(senast {NEW_DUE}")).to_be_visible()
    screenshot(page, "04-mote-sekreteraren")

    meeting = Meeting.objects.get()
    assert meeting.body == body and meeting.published_at is not None
    assert meeting_url.endswith(f"/moten/{meeting.pk}/")
    assert Action.objects.get(item__meeting=meeting, text=text).due == dt.date.fromisoformat(
        NEW_DUE
    )

    # Somebody from another group cannot tell that the meeting or the group exists.
    outsider = new_page()
    log_in(outsider, utomstaende)
    expect(outsider.get_by_role("link", name=body.name)).to_have_count(0)
    for url in (f"/moten/{meeting.pk}/", f"/grupper/{body.pk}/"):
        response = outsider.goto(url)
        assert response is not None and response.status == 404, url

    # The member finds the meeting from the start page and downloads it as PDF.
    member = new_page()
    log_in(member, ledamoten)
    member.get_by_role("link", name=body.name).click()
    member.get_by_role("link", name=f"{meeting.date:%Y-%m-%d}").click()
    expect(member).to_have_url(re.compile(rf"/moten/{meeting.pk}/$"))
    expect(member.get_by_role("button", name="Publicera igen")).to_have_count(0)
    screenshot(member, "05-mote-ledamoten")
    pdf_link = member.get_by_role("link", name="PDF", exact=True)
    try:
        with member.expect_download() as download:
            pdf_link.click()
    except PlaywrightTimeoutError:
        status = member.request.get(pdf_link.get_attribute("href") or "").status
        pytest.fail(f"PDF-länken gav ingen nedladdning: servern svarade {status}")
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 5_000


def test_it_lets_one_log_in_with_the_keyboard_only(
    body: Body, new_page: Callable[[], Page]
) -> None:
    ledamoten = account("ledamoten", body)
    page = new_page()
    page.goto("/logga-in/")
    for _ in range(10):  # Tab until the username field has focus (it may have it already)
        if page.evaluate("document.activeElement.id") == "id_username":
            break
        page.keyboard.press("Tab")
    page.keyboard.type(ledamoten)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Mina grupper")).to_be_visible()
    expect(page.get_by_role("link", name=body.name)).to_be_visible()
