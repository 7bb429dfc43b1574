"""The query-independent part of the ranking is stored, and an index holds that order.

The full-text terms now carry marked tokens (``t_`` title words, ``p_`` their compound parts,
``w_`` the whole title, ``k_``/``f_``/``d_`` kind, field and district; see tokens.py), so on
SQLite the FTS5 table is made anew with ``_`` as a word character and prefix indexes up to eight
characters (``t_`` and a stem of six letters). PostgreSQL keeps the marked tokens once more in a
small vector with a GIN index of its own (``marked_vector``): read row by row while the ranking
walks the documents in order, it costs a fraction of the vector of the whole text. An index
built before is emptied and built again after the migration (search/apps.py) by the current
code.
"""

from datetime import UTC, datetime

from django.db import migrations, models

REBUILD = "rebuild"


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fulltext")
        schema_editor.execute(
            "CREATE VIRTUAL TABLE search_fulltext USING fts5(terms, "
            "tokenize = \"unicode61 tokenchars '_'\", prefix = '2 3 4 5 6 7 8', detail = none)"
        )
        schema_editor.execute(
            "CREATE INDEX search_document_order ON search_searchdocument "
            "(rank DESC, order_date, sort_title, id)"
        )
    elif connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX search_document_order ON search_searchdocument "
            '(rank DESC, order_date, sort_title COLLATE "C", id)'
        )
        schema_editor.execute("ALTER TABLE search_searchdocument ADD COLUMN marked_vector tsvector")
        schema_editor.execute(
            "CREATE INDEX search_document_marked ON search_searchdocument "
            "USING gin (marked_vector)"
        )
    _empty_for_rebuild(apps)


def _empty_for_rebuild(apps):
    """An index built before is emptied and marked to be built again; an empty one stays."""
    if not apps.get_model("search", "SearchDocument").objects.exists():
        return
    for name in ("SearchWordVariant", "SearchWord", "SearchText", "SearchDocument"):
        apps.get_model("search", name).objects.all().delete()
    apps.get_model("search", "IndexState").objects.update_or_create(
        pk=1, defaults={"token": REBUILD}
    )


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    schema_editor.execute("DROP INDEX IF EXISTS search_document_order")
    if connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_document_marked")
        schema_editor.execute(
            "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS marked_vector"
        )
    if connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fulltext")
        schema_editor.execute(
            "CREATE VIRTUAL TABLE search_fulltext USING fts5("
            "terms, tokenize = 'unicode61', prefix = '2 3 4 5 6', detail = none)"
        )
    _empty_for_rebuild(apps)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_index_state")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="rank",
            field=models.SmallIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="order_date",
            field=models.DateTimeField(default=datetime(9999, 1, 1, tzinfo=UTC)),
        ),
        migrations.RunPython(forwards, backwards),
    ]
