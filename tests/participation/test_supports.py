""" "Unterstützen": once per person, by account or by confirmed e-mail address."""

import pytest
from django.core import mail

from engagementnetz.participation import services
from engagementnetz.participation.models import Support
from tests.conftest import login, mail_links

from .conftest import path_of
from .factories import ContributionFactory, open_process

pytestmark = pytest.mark.django_db


@pytest.fixture
def contribution():
    return ContributionFactory(process=open_process())


def test_an_account_supports_once(client, citizen, contribution):
    login(client, citizen)
    url = contribution.get_absolute_url() + "unterstuetzen/"
    response = client.post(url, {})
    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.support_count == 1
    response = client.post(url, {}, follow=True)
    assert "Sie unterstützen diesen Beitrag bereits – vielen Dank!" in response.content.decode()
    contribution.refresh_from_db()
    assert contribution.support_count == 1
    assert Support.objects.count() == 1
    page = client.get(contribution.get_absolute_url()).content.decode()
    assert "1 Person unterstützt diesen Beitrag." in page
    assert "Sie unterstützen diesen Beitrag." in page


def test_an_address_counts_after_confirming_and_only_once(
    client, contribution, django_capture_on_commit_callbacks
):
    url = contribution.get_absolute_url() + "unterstuetzen/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"support-email": "Ben@example.org"})
    contribution.refresh_from_db()
    assert contribution.support_count == 0
    assert len(mail.outbox) == 1
    assert (
        f"Ihre Unterstützung für Beitrag Nr. {contribution.pk} im Verfahren" in mail.outbox[0].body
    )
    link = path_of(mail_links(mail.outbox[0])[0])
    client.post(link)
    client.post(link)
    contribution.refresh_from_db()
    assert contribution.support_count == 1

    # The same address again, also in other spelling, and as an account: still one.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"support-email": "BEN@example.org"}, follow=True)
    assert "Sie unterstützen diesen Beitrag bereits" in response.content.decode()
    from tests.factories import UserFactory

    ben = UserFactory(email="ben@example.org")
    with pytest.raises(services.AlreadySupported):
        services.support_add(contribution=contribution, user=ben)
    contribution.refresh_from_db()
    assert contribution.support_count == 1
    assert len(mail.outbox) == 1


def test_an_account_takes_over_its_unconfirmed_support(contribution):
    from tests.factories import UserFactory

    services.support_add(contribution=contribution, email="cleo@example.org")
    cleo = UserFactory(email="cleo@example.org")
    support = services.support_add(contribution=contribution, user=cleo)
    assert support.confirmed_at is not None
    assert support.user == cleo
    contribution.refresh_from_db()
    assert contribution.support_count == 1


def test_support_without_address_explains_what_is_missing(client, contribution):
    response = client.post(contribution.get_absolute_url() + "unterstuetzen/", {})
    html = response.content.decode()
    assert response.status_code == 200
    assert "E-Mail-Adresse: Dieses Feld ist zwingend erforderlich." in html
    assert Support.objects.count() == 0
