"""The database's own full-text index beside `SearchDocument` (see kansli.search.backend):
an FTS5 table on SQLite, a tsvector column with a GIN index on PostgreSQL. Each
half acts only on its own database."""

from django.db import migrations

SQLITE = [
    # Stemmed in Python; unicode61 without remove_diacritics keeps å, ä and ö apart from a, o.
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, text, tokenize = "unicode61 remove_diacritics 0"
    )""",
    # A document deleted any way (a cascade, the whole table) takes its index row with it.
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        DELETE FROM search_fts WHERE rowid = old.id;
    END""",
]
SQLITE_REVERSE = ["DROP TRIGGER IF EXISTS search_fts_delete", "DROP TABLE IF EXISTS search_fts"]

POSTGRESQL = [
    # Filled by the app (backend.PostgresIndex) from the words as search.text splits them, so
    # both databases see the same words ("bild.png" is "bild" and "png", as on SQLite).
    "ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector",
    "CREATE INDEX search_document_vector ON search_searchdocument USING GIN (search_vector)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
