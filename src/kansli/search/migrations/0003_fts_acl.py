"""SQLite: the FTS5 table gets the column `acl` (each document's body and publication as
terms, see kansli.search.backend.SqliteIndex), so permissions filter inside the FTS5 query.
The table is rebuilt from the documents. PostgreSQL is unchanged."""

from django.db import migrations

from kansli.search.text import stemmed

CREATE = """CREATE VIRTUAL TABLE search_fts USING fts5(
    title, text, acl, tokenize = "unicode61 remove_diacritics 0"
)"""
CREATE_OLD = """CREATE VIRTUAL TABLE search_fts USING fts5(
    title, text, tokenize = "unicode61 remove_diacritics 0"
)"""


def rebuild(apps, schema_editor, create, *, with_acl):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute("DROP TABLE search_fts")
    schema_editor.execute(create)
    documents = apps.get_model("search", "SearchDocument").objects.all()
    with schema_editor.connection.cursor() as cursor:
        for d in documents.iterator():
            acl = [f"b{d.body_id}"] + ([f"b{d.body_id}p"] if d.published else [])
            values = [d.pk, stemmed(d.title), stemmed(d.text)]
            if with_acl:
                cursor.execute(
                    "INSERT INTO search_fts(rowid, title, text, acl) VALUES (%s, %s, %s, %s)",
                    [*values, " ".join(acl)],
                )
            else:
                cursor.execute(
                    "INSERT INTO search_fts(rowid, title, text) VALUES (%s, %s, %s)", values
                )


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext_index")]

    operations = [
        migrations.RunPython(
            lambda apps, editor: rebuild(apps, editor, CREATE, with_acl=True),
            lambda apps, editor: rebuild(apps, editor, CREATE_OLD, with_acl=False),
        )
    ]
