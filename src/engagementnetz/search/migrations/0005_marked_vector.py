"""PostgreSQL keeps the marked tokens (title words, compound parts, whole title, kind, field,
district) once more in a small vector with a GIN index of its own: read row by row while the
ranking walks the documents in order, it costs a fraction of the vector of the whole text.
An index built before is emptied and built again after the migration (search/apps.py).
"""

from django.db import migrations

REBUILD = "rebuild"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchdocument ADD COLUMN marked_vector tsvector")
        schema_editor.execute(
            "CREATE INDEX search_document_marked ON search_searchdocument "
            "USING gin (marked_vector)"
        )
        _empty_for_rebuild(apps)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_document_marked")
        schema_editor.execute(
            "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS marked_vector"
        )


def _empty_for_rebuild(apps):
    if not apps.get_model("search", "SearchDocument").objects.exists():
        return
    for name in ("SearchWordVariant", "SearchWord", "SearchText", "SearchDocument"):
        apps.get_model("search", name).objects.all().delete()
    apps.get_model("search", "IndexState").objects.update_or_create(
        pk=1, defaults={"token": REBUILD}
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0004_ranking_order")]

    operations = [migrations.RunPython(forwards, backwards)]
