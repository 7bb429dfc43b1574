"""The full-text part of the index, different per database but fed with the same terms.

SQLite: an FTS5 table whose rowid is the document's id.
PostgreSQL: a tsvector column of the document with a GIN index.
Both are written by search/backends.py with the terms made in Python (search/text.py), split at
spaces only, so that a query finds the same documents on both.
"""

from django.db import migrations


def create_fulltext(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_fulltext USING fts5("
            "terms, tokenize = 'unicode61', prefix = '2 3 4 5 6', detail = none)"
        )
    elif connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector")
        schema_editor.execute(
            "CREATE INDEX search_document_vector ON search_searchdocument USING gin (search_vector)"
        )


def drop_fulltext(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fulltext")
    elif connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_document_vector")
        schema_editor.execute("ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create_fulltext, drop_fulltext)]
