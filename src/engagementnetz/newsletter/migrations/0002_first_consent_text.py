from django.db import migrations

from engagementnetz.newsletter.consent import DEFAULT_CONSENT_TEXT


def create_first_version(apps, schema_editor):
    ConsentText = apps.get_model("newsletter", "ConsentText")
    ConsentText.objects.get_or_create(version=1, defaults={"text": DEFAULT_CONSENT_TEXT})


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial")]
    operations = [migrations.RunPython(create_first_version, migrations.RunPython.noop)]
