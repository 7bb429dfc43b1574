import pytest

from engagementnetz.core.backup import backup_create, backup_restore
from engagementnetz.core.models import SiteSettings
from engagementnetz.organisations.models import Organisation
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_backup_and_restore_round_trip(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "site").mkdir(parents=True)
    (settings.MEDIA_ROOT / "site" / "logo.png").write_bytes(b"original-logo")
    OrganisationFactory(name="Tafel Bitburg", slug="tafel-bitburg")
    OrganisationFactory(name="Chorgemeinschaft Stahl", slug="chorgemeinschaft-stahl")
    site = SiteSettings.current()
    site.name = "Vor der Sicherung"
    site.save()

    archive = backup_create(target=tmp_path / "sicherung.tar.gz")

    Organisation.objects.filter(slug="tafel-bitburg").delete()
    OrganisationFactory(name="Nach der Sicherung", slug="nach-der-sicherung")
    SiteSettings.objects.filter(pk=1).update(name="Geändert")
    (settings.MEDIA_ROOT / "site" / "logo.png").write_bytes(b"changed")
    (settings.MEDIA_ROOT / "site" / "neu.png").write_bytes(b"new")

    manifest = backup_restore(source=archive)

    assert manifest["format"] == 1
    assert sorted(Organisation.objects.values_list("slug", flat=True)) == [
        "chorgemeinschaft-stahl",
        "tafel-bitburg",
    ]
    assert SiteSettings.objects.get(pk=1).name == "Vor der Sicherung"
    assert (settings.MEDIA_ROOT / "site" / "logo.png").read_bytes() == b"original-logo"
    assert not (settings.MEDIA_ROOT / "site" / "neu.png").exists()
