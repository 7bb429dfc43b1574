import os
import re

import pytest
from django.core.cache import cache

from .factories import MembershipFactory, OrganisationFactory, UserFactory, make_network_office_user

# Playwright's sync API runs an event loop in the test's thread; the ORM is still used
# synchronously there, which is safe in tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _clean_cache():
    from engagementnetz.core.ratelimit import _batches

    cache.clear()
    _batches.clear()  # what this process counted and has not written to the cache yet
    yield
    cache.clear()
    _batches.clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def citizen(db):
    return UserFactory(email="buergerin@example.org", name="Anna Schmitz")


@pytest.fixture
def office_user(db):
    return make_network_office_user(email="buero@example.org", name="Monika Weber")


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Musikverein Bitburg", slug="musikverein-bitburg")


@pytest.fixture
def club_admin(organisation):
    return MembershipFactory(organisation=organisation, role="admin").user


@pytest.fixture
def club_editor(organisation):
    return MembershipFactory(organisation=organisation, role="editor").user


@pytest.fixture
def other_organisation(db):
    return OrganisationFactory(name="Sportfreunde Mötsch", slug="sportfreunde-moetsch")


@pytest.fixture
def other_club_admin(other_organisation):
    return MembershipFactory(organisation=other_organisation, role="admin").user


def login(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def citizen_client(client, citizen):
    return login(client, citizen)


@pytest.fixture
def office_client(client, office_user):
    return login(client, office_user)


def mail_links(message) -> list[str]:
    """All http(s) links in a mail's plain-text body."""
    return re.findall(r"https?://[^\s<>\"]+", message.body)
