"""Search behind one interface, over SQLite FTS5 or PostgreSQL full text:

    index_meeting(meeting)        the meeting's documents, rewritten (signals call this)
    remove_meeting(meeting_id)
    reindex_all()                 everything (`manage.py reindex`)
    search(user, query, limit)    -> [Hit], best first, only what the user may see

`SearchDocument` rows are the truth on both databases; the full-text index beside them is the
database's own:

- SQLite: the FTS5 table `search_fts` (rowid = the document's id) holds the title and text
  stemmed in Python (`text.py`), tokenized by unicode61 with å, ä and ö kept, and the
  document's access (`acl`, see SqliteIndex); a trigger removes its row whenever a
  document row is deleted (by a cascade too).
- PostgreSQL: the stored column `search_vector` (title weighted A, text B, the `swedish`
  configuration) with a GIN index, written with the documents from their words as `text.py`
  splits them (so "bild.png" is two words there too).

Permissions are part of the full-text query (on SQLite as terms of the FTS5 query, on
PostgreSQL as conditions beside `@@`), so a limit counts only what the user may see: the
bodies the user belongs to, and there only published meetings unless the user is the
body's secretary.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from kansli.meetings.models import Meeting
from kansli.registry.access import memberships
from kansli.registry.models import Body, Role
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
class MeetingRef:
    id: int
    number: int
    year: int
    date: dt.date


@dataclass(frozen=True)
class BodyRef:
    id: int
    name: str


@dataclass(frozen=True)
class Hit:
    """One result. The meeting and body are what the results page shows of them (read with
    the hits in one query, without loading whole models)."""

    kind: str
    kind_label: str
    title: str
    snippet_html: SafeString
    url: str
    meeting: MeetingRef | None
    body: BodyRef
    published: bool


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


@dataclass(frozen=True)
class Scope:
    """What a user may find, read once per search from `registry.access.memberships`, with
    the rules of `access_to`: members see their bodies' published meetings, a secretary all
    of the body's meetings, staff everything."""

    everything: bool
    bodies: tuple[int, ...] = ()
    writable: tuple[int, ...] = ()


def scope_of(user: User) -> Scope | None:
    if not user.is_authenticated:
        return None
    if getattr(user, "is_staff", False):
        return Scope(everything=True)
    rows = list(memberships(user).values_list("body_id", "role"))
    if not rows:
        return None
    bodies = tuple(sorted({body for body, _ in rows}))
    writable = tuple(sorted({body for body, role in rows if role == Role.SECRETARY}))
    return Scope(everything=False, bodies=bodies, writable=writable)


class Index(Protocol):
    def added(self, documents: list[SearchDocument]) -> None: ...
    def clear(self) -> None: ...
    def ranked_sql(self, query: Query, scope: Scope, limit: int) -> tuple[str, list[object]]:
        """A query of (id, score) of the best `limit` documents in scope; lower scores first."""
        ...


DOCUMENTS = SearchDocument._meta.db_table
RANK = f"bm25({FTS_TABLE}, {TITLE_WEIGHT}, 1.0, 0.0)"


class SqliteIndex:
    """Besides the stems, each FTS5 row holds its document's access in the column `acl`:
    "b12" (a document of body 12) and, once published, "b12p". The permission filter is
    then part of the FTS5 query itself, so FTS5 ranks only what the user may see and no
    join is needed. The column has weight 0 in the ranking."""

    def added(self, documents: list[SearchDocument]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE}(rowid, title, text, acl) VALUES (%s, %s, %s, %s)",
                [
                    (d.pk, stemmed(d.title), stemmed(d.text), acl(d.body_id, published=d.published))
                    for d in documents
                ],
            )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")

    def ranked_sql(self, query: Query, scope: Scope, limit: int) -> tuple[str, list[object]]:
        match = "{title text} : (" + fts_query(query.terms) + ")"
        if not scope.everything:
            allowed = [
                f"b{body}" if body in scope.writable else f"b{body}p" for body in scope.bodies
            ]
            match += " AND acl : (" + " OR ".join(allowed) + ")"
        sql = (
            f"SELECT rowid AS id, {RANK} AS score FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
            " ORDER BY score, rowid DESC LIMIT %s"
        )
        return sql, [match, limit]


def acl(body_id: int, *, published: bool) -> str:
    return f"b{body_id} b{body_id}p" if published else f"b{body_id}"


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

    def ranked_sql(self, query: Query, scope: Scope, limit: int) -> tuple[str, list[object]]:
        allowed, params = allowed_sql(scope)
        sql = (
            "SELECT d.id, -ts_rank(d.search_vector, q) AS score"
            f" FROM {DOCUMENTS} d, plainto_tsquery('swedish', %s) q"
            f" WHERE d.search_vector @@ q AND {allowed} ORDER BY score, d.id DESC LIMIT %s"
        )
        return sql, [query.words, *params, limit]


def allowed_sql(scope: Scope) -> tuple[str, list[object]]:
    """The condition on a document `d` that it is in scope."""
    if scope.everything:
        return "1 = 1", []
    sql = f"d.body_id IN ({', '.join(['%s'] * len(scope.bodies))}) AND (d.published"
    if scope.writable:
        sql += f" OR d.body_id IN ({', '.join(['%s'] * len(scope.writable))})"
    return sql + ")", [*scope.bodies, *scope.writable]


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


def index_owned(kind: str, object_id: int) -> int:
    """Rewrites the document of one object of a kind outside meetings (a referral)."""
    owned = kinds.OWNED[kind]
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        SearchDocument.objects.filter(kind=kind, object_id=object_id).delete()
        obj = owned.model._default_manager.filter(pk=object_id).first()
        if obj is None:
            return 0
        found = owned.collect(obj)
        e = found.entry
        document = SearchDocument.objects.create(
            kind=e.kind,
            object_id=e.object_id,
            meeting=None,
            body_id=found.body_id,
            published=True,  # the body's members see it, as its own access rule says
            date=found.date,
            title=e.title[:500],
            text=e.text,
            url=e.url[:300],
        )
        index().added([document])
    return 1


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
        for kind in kinds.OWNED.values():
            for pk in kind.model._default_manager.order_by("pk").values_list("pk", flat=True):
                documents += index_owned(kind.name, pk)
    return len(ids), documents


# --- reading ----------------------------------------------------------------------------------


def search(user: User, query: str, limit: int = 20) -> list[Hit]:
    """The best `limit` documents for `query` that the user may see. Raises QueryError for a
    query that cannot be searched (empty, too long, only stop words)."""
    parsed = parse_query(query)
    scope = scope_of(user)
    if scope is None or limit <= 0:
        return []
    ranked, params = index().ranked_sql(parsed, scope, limit)
    # The index says what is in scope already; the documents' own columns have the last word.
    allowed, allowed_params = allowed_sql(scope)
    sql = (
        "SELECT d.id, d.kind, d.title, d.text, d.url, d.published, d.body_id, b.name,"
        " d.meeting_id, m.number, m.year, m.date"
        f" FROM ({ranked}) r JOIN {DOCUMENTS} d ON d.id = r.id"
        f" JOIN {Body._meta.db_table} b ON b.id = d.body_id"
        f" LEFT JOIN {Meeting._meta.db_table} m ON m.id = d.meeting_id"
        f" WHERE {allowed} ORDER BY r.score, r.id DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *allowed_params])
        rows = cursor.fetchall()
    labels = {kind: kinds.label(kind) for kind in [*kinds.KINDS, *kinds.OWNED]}
    return [_hit(row, parsed.terms, labels) for row in rows]


def _hit(row: tuple[Any, ...], terms: list[str], labels: dict[str, str]) -> Hit:
    _, kind, title, text, url, published, body_id, body_name, meeting_id, *meeting = row
    return Hit(
        kind=kind,
        kind_label=labels.get(kind, kind),
        title=title,
        # Escaped piece by piece in snippet_html; only its <mark> tags are markup.
        snippet_html=mark_safe(snippet_html(text, terms)),
        url=url,
        meeting=_meeting(meeting_id, *meeting) if meeting_id is not None else None,
        body=BodyRef(body_id, body_name),
        published=bool(published),
    )


def _meeting(pk: int, number: int, year: int, date: dt.date | str) -> MeetingRef:
    # SQLite hands a date over as text through a plain cursor.
    return MeetingRef(
        pk, number, year, dt.date.fromisoformat(date) if isinstance(date, str) else date
    )
