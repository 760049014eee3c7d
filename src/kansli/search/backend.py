"""Search behind one interface, over SQLite FTS5 or PostgreSQL full text:

    index_meeting(meeting)        the meeting's documents, rewritten (signals call this)
    remove_meeting(meeting_id)
    reindex_all()                 everything (`manage.py reindex`)
    search(user, query, limit)    -> [Hit], best first, only what the user may see

`SearchDocument` rows are the truth on both databases; the full-text index beside them is the
database's own:

- SQLite: the FTS5 table `search_fts` (rowid = the document's id) holds the title and text
  stemmed in Python (`text.py`), tokenized by unicode61 with å, ä and ö kept; a trigger
  removes its row whenever a document row is deleted (by a cascade too).
- PostgreSQL: the stored column `search_vector` (title weighted A, text B, the `swedish`
  configuration) with a GIN index, written with the documents from their words as `text.py`
  splits them (so "bild.png" is two words there too).

Permissions are part of the one query (a subquery of `registry.access`), so a limit counts
only what the user may see: the bodies the user belongs to, and there only published
meetings unless the user is the body's secretary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from django.conf import settings
from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connection, transaction
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from kansli.meetings.models import Meeting
from kansli.registry.access import visible_bodies, writable_bodies
from kansli.registry.models import Body
from kansli.search import kinds
from kansli.search.models import SearchDocument
from kansli.search.text import query_terms, snippet_html, stemmed, words

if TYPE_CHECKING:
    from kansli.registry.access import User

MAX_QUERY = 200  # characters
MAX_TERMS = 12
FTS_TABLE = "search_fts"
TITLE_WEIGHT = 4.0  # a word in the title counts as much as four in the text


class QueryError(ValueError):
    """A query that cannot be searched for; `message` says why, in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Hit:
    kind: str
    kind_label: str
    title: str
    snippet_html: SafeString
    url: str
    meeting: Meeting | None
    body: Body


@dataclass(frozen=True)
class Query:
    terms: list[str]
    """The query's stems, as indexed on SQLite and used for the snippets."""
    words: str
    """The query's words, without anything else the user typed (for PostgreSQL to stem)."""


def parse_query(text: str) -> Query:
    text = text.strip()
    if not text:
        raise QueryError(_("Skriv ett eller flera ord att söka efter."))
    if len(text) > MAX_QUERY:
        raise QueryError(_("Sökningen är för lång: högst %(max)d tecken.") % {"max": MAX_QUERY})
    stems = query_terms(text)[:MAX_TERMS]
    if not stems:
        raise QueryError(
            _("Sökningen har inga ord att söka på (bara vanliga småord eller tecken).")
        )
    return Query(stems, words(text))


# --- the two databases ------------------------------------------------------------------------


class Index(Protocol):
    def added(self, documents: list[SearchDocument]) -> None: ...
    def clear(self) -> None: ...
    def matching_sql(self, query: Query) -> tuple[str, str, list[object]]:
        """(FROM clause, WHERE condition, parameters) that find `query`'s documents as `d`."""
        ...

    def order_sql(self, query: Query) -> tuple[str, list[object]]: ...


class SqliteIndex:
    def added(self, documents: list[SearchDocument]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (%s, %s, %s)",
                [(d.pk, stemmed(d.title), stemmed(d.text)) for d in documents],
            )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")

    def matching_sql(self, query: Query) -> tuple[str, str, list[object]]:
        return (
            f"{FTS_TABLE} JOIN search_searchdocument d ON d.id = {FTS_TABLE}.rowid",
            f"{FTS_TABLE} MATCH %s",
            [fts_query(query.terms)],
        )

    def order_sql(self, query: Query) -> tuple[str, list[object]]:
        return f"bm25({FTS_TABLE}, {TITLE_WEIGHT}, 1.0), d.id DESC", []


class PostgresIndex:
    def added(self, documents: list[SearchDocument]) -> None:
        if not documents:
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE search_searchdocument d SET search_vector ="
                " setweight(to_tsvector('swedish'::regconfig, v.title), 'A')"
                " || setweight(to_tsvector('swedish'::regconfig, v.text), 'B')"
                " FROM unnest(%s::bigint[], %s::text[], %s::text[]) AS v(id, title, text)"
                " WHERE d.id = v.id",
                [
                    [d.pk for d in documents],
                    [words(d.title) for d in documents],
                    [words(d.text) for d in documents],
                ],
            )

    def clear(self) -> None:
        pass

    def matching_sql(self, query: Query) -> tuple[str, str, list[object]]:
        return (
            "search_searchdocument d",
            "d.search_vector @@ plainto_tsquery('swedish', %s)",
            [query.words],
        )

    def order_sql(self, query: Query) -> tuple[str, list[object]]:
        return (
            "ts_rank(d.search_vector, plainto_tsquery('swedish', %s)) DESC, d.id DESC",
            [query.words],
        )


def fts_query(stems: list[str]) -> str:
    """An FTS5 query that all the stems must match. Each is a quoted string, so nothing the
    user typed is read as FTS5 syntax (stems hold only letters and digits anyway)."""
    return " AND ".join('"' + stem.replace('"', '""') + '"' for stem in stems)


def index() -> Index:
    if connection.vendor == "sqlite":
        return SqliteIndex()
    if connection.vendor == "postgresql":
        return PostgresIndex()
    raise ImproperlyConfigured(f"search: no full-text index for {connection.vendor}")


# --- writing ----------------------------------------------------------------------------------


def index_meeting(meeting: Meeting | int) -> int:
    """Rewrites the meeting's documents from what is stored now; returns how many. A meeting
    that no longer exists loses its documents."""
    meeting_id = meeting if isinstance(meeting, int) else meeting.pk
    # Titles are stored in the site's language (Swedish), whoever saved.
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        stored = Meeting.objects.select_related("body").filter(pk=meeting_id).first()
        if stored is None:
            remove_meeting(meeting_id)
            return 0
        entries = kinds.entries(stored)
        SearchDocument.objects.filter(meeting_id=meeting_id).delete()
        documents = SearchDocument.objects.bulk_create(
            SearchDocument(
                kind=e.kind,
                object_id=e.object_id,
                meeting=stored,
                body_id=stored.body_id,
                published=stored.published_at is not None,
                date=stored.date,
                title=e.title[:500],
                text=e.text,
                url=e.url[:300],
            )
            for e in entries
        )
        index().added(documents)
    return len(documents)


def remove_meeting(meeting_id: int) -> None:
    # On SQLite the trigger removes the FTS rows with the documents.
    SearchDocument.objects.filter(meeting_id=meeting_id).delete()


def reindex_all() -> tuple[int, int]:
    """Every meeting indexed anew: (meetings, documents)."""
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        index().clear()
        ids = list(Meeting.objects.order_by("pk").values_list("pk", flat=True))
        documents = sum(index_meeting(pk) for pk in ids)
    return len(ids), documents


# --- reading ----------------------------------------------------------------------------------


def search(user: User, query: str, limit: int = 20) -> list[Hit]:
    """The best `limit` documents for `query` that the user may see. Raises QueryError for a
    query that cannot be searched (empty, too long, only stop words)."""
    parsed = parse_query(query)
    if not user.is_authenticated or limit <= 0:
        return []
    ids = _matching_ids(user, parsed, limit)
    if not ids:
        return []
    found = SearchDocument.objects.select_related("meeting", "body").in_bulk(ids)
    return [_hit(found[pk], parsed.terms) for pk in ids if pk in found]


def _matching_ids(user: User, query: Query, limit: int) -> list[int]:
    try:
        visible, visible_params = (
            visible_bodies(user).order_by().values("pk").query.sql_with_params()
        )
        writable, writable_params = (
            writable_bodies(user).order_by().values("pk").query.sql_with_params()
        )
    except EmptyResultSet:
        return []
    backend = index()
    tables, condition, params = backend.matching_sql(query)
    order, order_params = backend.order_sql(query)
    sql = (
        f"SELECT d.id FROM {tables} WHERE {condition}"
        f" AND d.body_id IN ({visible})"
        f" AND (d.published OR d.body_id IN ({writable}))"
        f" ORDER BY {order} LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *visible_params, *writable_params, *order_params, limit])
        return [row[0] for row in cursor.fetchall()]


def _hit(document: SearchDocument, terms: list[str]) -> Hit:
    return Hit(
        kind=document.kind,
        kind_label=kinds.label(document.kind),
        title=document.title,
        # Escaped word by word in snippet_html; only its <mark> tags are markup.
        snippet_html=mark_safe(snippet_html(document.text, terms)),
        url=document.url,
        meeting=document.meeting,
        body=document.body,
    )
