"""The search service: stemming, permissions, snippets, the index following every change, and
queries that never raise. The same tests run on SQLite (FTS5) and PostgreSQL (tsvector)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from tests.meetings.conftest import FOUNDING
from tests.search.conftest import Commit, person

from kansli.meetings import content as contents
from kansli.meetings.models import Item, Meeting
from kansli.meetings.services import attach, publish, save_meeting
from kansli.registry.models import Body, Role
from kansli.search.backend import QueryError, search
from kansli.search.models import SearchDocument

KRAFT_ITEMS = {"5. Efter SSK-konferensen", "9. Ärenden till SSK den 7/2 i Nykvarn"}


def titles(hits: list) -> set[tuple[str, str]]:
    return {(hit.kind, hit.title) for hit in hits}


def test_it_finds_the_kraftforsorjning_items_by_another_form_of_the_word(
    published: Meeting, body: Body
) -> None:
    ledamoten = person("ledamoten", body)
    hits = search(ledamoten, "kraftförsörjningen")
    assert titles(hits) == {("item", title) for title in KRAFT_ITEMS}
    assert {hit.url for hit in hits} == {
        f"/moten/{published.pk}/#item-{item.pk}"
        for item in Item.objects.filter(meeting=published, title__contains="SSK")
        if str(item) in KRAFT_ITEMS
    }
    assert all(hit.meeting.id == published.pk and hit.body.id == body.pk for hit in hits)
    assert {hit.body.name for hit in hits} == {body.name}


def test_it_never_returns_another_groups_items(published: Meeting, other_body: Body) -> None:
    assert search(person("utomstaende", other_body), "kraftförsörjningen") == []
    assert search(person("utan-grupp"), "kraftförsörjningen") == []
    assert search(person("sekreterare-annan", other_body, Role.SECRETARY), "Kraftförsörjning") == []


def test_a_member_does_not_find_an_unpublished_meeting_but_its_secretary_does(
    draft: Meeting, body: Body
) -> None:
    assert search(person("ledamoten", body), "kraftförsörjningen") == []
    secretary_hits = search(person("sekreteraren", body, Role.SECRETARY), "kraftförsörjningen")
    assert {title for _, title in titles(secretary_hits)} == KRAFT_ITEMS


def test_publishing_makes_the_meeting_findable(draft: Meeting, body: Body, commit: Commit) -> None:
    ledamoten = person("ledamoten", body)
    assert search(ledamoten, "Södertörnspitch") == []
    with commit():
        publish(draft)
    assert ("decision", "5. Efter SSK-konferensen") in titles(search(ledamoten, "Södertörnspitch"))


def test_the_limit_counts_only_what_the_user_may_see(
    published: Meeting, body: Body, other_body: Body, commit: Commit
) -> None:
    # Another body's meeting with many matching documents must not use up the member's limit.
    with commit():
        other = Meeting.objects.create(body=other_body, year=2019, number=1, date=published.date)
        for n in range(30):
            Item.objects.create(meeting=other, position=n, title=f"Kraftförsörjning {n}")
    hits = search(person("ledamoten", body), "kraftförsörjning", limit=2)
    assert {hit.title for hit in hits} == KRAFT_ITEMS


def test_snippets_mark_the_matching_words_and_escape_the_rest(
    published: Meeting, body: Body
) -> None:
    hits = search(person("ledamoten", body), "kraftförsörjningen")
    item9 = next(hit for hit in hits if hit.title.startswith("9."))
    assert "<mark>Kraftförsörjning</mark>" in item9.snippet_html
    assert "&quot;SUP 2019&quot;" in item9.snippet_html  # the text's quotes, escaped
    assert item9.snippet_html.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_an_edit_saved_through_the_service_changes_what_is_found(
    published: Meeting, body: Body, commit: Commit
) -> None:
    ledamoten = person("ledamoten", body)
    content = contents.of_meeting(published)
    item = next(i for i in content["items"] if str(i["title"]).startswith("Aktuella remisser"))
    item["text"] = "Vindkraftverken på Södertörn remitteras till kommunerna."
    item["decisions"] = ["Ledningsgruppen tillstyrker vindkraftsplanen."]
    with commit():
        save_meeting(published, content, base_version=published.version)
    found = titles(search(ledamoten, "vindkraftverk"))
    assert {kind for kind, _ in found} == {"item"}
    assert {kind for kind, _ in titles(search(ledamoten, "vindkraftsplanerna"))} == {"decision"}
    # Item 5 renamed: the old title is gone, the new one found.
    item5 = next(i for i in content["items"] if i["title"] == "Efter SSK-konferensen")
    item5["title"] = "Efter konferensen om elnätet"
    with commit():
        save_meeting(published, content, base_version=published.version + 1)
    assert ("item", "5. Efter konferensen om elnätet") in titles(search(ledamoten, "elnätet"))
    assert not {t for _, t in titles(search(ledamoten, "SSK-konferensen"))} & KRAFT_ITEMS


def test_one_save_indexes_the_meeting_once(
    published: Meeting, body: Body, django_capture_on_commit_callbacks
) -> None:
    content = contents.of_meeting(published)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        save_meeting(published, content, base_version=published.version)
    ids_before = set(SearchDocument.objects.values_list("pk", flat=True))
    assert len(callbacks) > 1  # many rows changed ...
    for callback in callbacks:  # ... and running the callbacks again writes nothing new
        callback()
    assert set(SearchDocument.objects.values_list("pk", flat=True)) == ids_before


def test_deleting_a_meeting_removes_its_documents(
    published: Meeting, body: Body, commit: Commit
) -> None:
    with commit():
        published.delete()
    assert not SearchDocument.objects.exists()
    assert search(person("sekreteraren", body, Role.SECRETARY), "kraftförsörjning") == []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_fts")
            assert cursor.fetchone() == (0,)


@pytest.mark.parametrize(
    "query",
    ['"', "*", "NEAR(", "-", ":", "kraft*", '"kraftförsörjning', "NEAR(kraft SSK, 2)",
     "title:kraft", "-kraftförsörjning", "kraft OR", "AND", "(", ")", "^kraft", "{title}: a",
     "kraftförsörjning'; DROP TABLE search_searchdocument; --", "\\", "%", "_", "\x00"],
)  # fmt: skip
def test_fts_syntax_in_the_query_never_raises(published: Meeting, body: Body, query: str) -> None:
    ledamoten = person("ledamoten", body)
    try:
        hits = search(ledamoten, query)
    except QueryError as error:
        assert error.message  # a message for the user, not a crash
        return
    assert all(hit.body.id == body.pk for hit in hits)
    assert SearchDocument.objects.exists()


def test_syntax_around_words_searches_the_words(published: Meeting, body: Body) -> None:
    ledamoten = person("ledamoten", body)
    for query in ('"kraftförsörjningen', "kraftförsörjningen*", "-kraftförsörjningen"):
        assert {t for _, t in titles(search(ledamoten, query))} == KRAFT_ITEMS, query


@pytest.mark.parametrize(
    ("query", "message"),
    [("", "Skriv ett eller flera ord"), ("   ", "Skriv ett eller flera ord"),
     ("och att i", "inga ord att söka på"), ("ö" * 201, "för lång")],
)  # fmt: skip
def test_a_query_that_cannot_be_searched_says_why(
    published: Meeting, body: Body, query: str, message: str
) -> None:
    with pytest.raises(QueryError) as raised:
        search(person("ledamoten", body), query)
    assert message in raised.value.message


def test_attached_documents_are_found_by_their_text(
    published: Meeting, body: Body, founding_docx: bytes, commit: Commit
) -> None:
    ledamoten = person("ledamoten", body)
    item = Item.objects.get(meeting=published, position=5)
    pdf = FOUNDING.with_suffix(".pdf").read_bytes()
    with commit():
        attach(published, None, "vindkraft.txt", "text/plain", b"Vindkraftverken i Botkyrka")
        attach(published, item, "protokoll.pdf", "application/pdf", pdf)
        attach(published, None, "protokoll.docx", "application/zip", founding_docx)
        attach(published, None, "bild.png", "image/png", b"\x89PNG\r\n\x1a\nKraftverk")
    assert titles(search(ledamoten, "vindkraftverk")) == {("attachment", "vindkraft.txt")}
    attachments = {
        t for kind, t in titles(search(ledamoten, "kraftförsörjningen")) if kind == "attachment"
    }
    assert attachments == {"protokoll.pdf", "protokoll.docx"}
    pdf_hit = next(h for h in search(ledamoten, "kraftförsörjningen") if h.title == "protokoll.pdf")
    assert pdf_hit.url == f"/moten/{published.pk}/#item-{item.pk}"
    assert "<mark>" in pdf_hit.snippet_html
    assert titles(search(ledamoten, "png")) == {("attachment", "bild.png")}  # by its name


def test_the_reindex_command_rebuilds_everything(published: Meeting, body: Body) -> None:
    SearchDocument.objects.all().delete()
    assert search(person("ledamoten", body), "kraftförsörjningen") == []
    call_command("reindex", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert {
        t for _, t in titles(search(person("ledamot2", body), "kraftförsörjningen"))
    } == KRAFT_ITEMS
