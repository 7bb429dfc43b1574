from datetime import timedelta

import pytest
from django.utils import timezone

from engagementnetz.organisations.models import Invitation, OrganisationState
from tests.factories import DistrictFactory, FieldFactory, MembershipFactory, OrganisationFactory

from .factories import (
    ClaimFactory,
    LinkFactory,
    ProjectFactory,
    ReportFactory,
)


@pytest.fixture
def scene(
    organisation,
    club_admin,
    club_editor,
    other_organisation,
    other_club_admin,
    citizen,
    office_user,
):
    """Everything a write action of the directory can touch, for the permission matrix."""
    organisation.email = "info@musikverein.example"
    organisation.verified_at = timezone.now()
    organisation.save()
    claimable = OrganisationFactory(name="Schachfreunde Bitburg", slug="schachfreunde-bitburg")
    submitted = OrganisationFactory(
        name="Boule-Freunde", slug="boule-freunde", state=OrganisationState.SUBMITTED
    )
    MembershipFactory(organisation=submitted)
    stale = OrganisationFactory(
        name="Alter Eintrag", slug="alter-eintrag", reviewed_at=timezone.now() - timedelta(days=400)
    )
    MembershipFactory(organisation=stale)
    unpublished = OrganisationFactory(
        name="Offline-Verein", slug="offline-verein", state=OrganisationState.UNPUBLISHED
    )
    return {
        "a": organisation,
        "b": other_organisation,
        "claimable": claimable,
        "submitted": submitted,
        "stale": stale,
        "unpublished": unpublished,
        "project": ProjectFactory(organisation=organisation, slug="probenwochenende"),
        "editor_membership": organisation.memberships.get(user=club_editor),
        "invitation": Invitation.objects.create(
            organisation=organisation,
            email="neu@example.org",
            token="einladung-token",
            expires_at=timezone.now() + timedelta(days=3),
        ),
        "claim": ClaimFactory(organisation=claimable),
        "report": ReportFactory(organisation=organisation),
        "link": LinkFactory(url="http://127.0.0.1:9/"),
        "field": FieldFactory(name="Musik"),
        "district": DistrictFactory(name="Innenstadt"),
        "users": {
            "anonymous": None,
            "citizen": citizen,
            "admin_a": club_admin,
            "editor_a": club_editor,
            "admin_b": other_club_admin,
            "office": office_user,
        },
    }
