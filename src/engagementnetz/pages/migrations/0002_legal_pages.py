from django.db import migrations

STARTER_TEXT = (
    "Diese Seite muss vom Netzwerkbüro ausgefüllt werden, bevor die Plattform öffentlich "
    "geht: im Arbeitsbereich unter „Seiten“."
)


def create_legal_pages(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    for slug, title in (
        ("impressum", "Impressum"),
        ("datenschutz", "Datenschutzerklärung"),
        ("barrierefreiheit", "Erklärung zur Barrierefreiheit"),
    ):
        Page.objects.get_or_create(slug=slug, defaults={"title": title, "body": STARTER_TEXT})


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_initial")]
    operations = [migrations.RunPython(create_legal_pages, migrations.RunPython.noop)]
