import re
from datetime import timedelta

from django.utils import timezone

from engagementnetz.organisations.models import Invitation, MembershipRole, OrganisationState
from tests.factories import (
    DistrictFactory,
    FieldFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    make_network_office_user,
)

from .factories import (
    ClaimFactory,
    LinkFactory,
    ProjectFactory,
    ReportFactory,
)


def build_scene() -> dict:
    """Everything a write action of the directory can touch, for the permission matrix.

    Built once per module (see test_permissions.py); every test runs in a savepoint that is
    rolled back, so each one sees this state unchanged.
    """
    organisation = OrganisationFactory(
        name="Musikverein Bitburg",
        slug="musikverein-bitburg",
        email="info@musikverein.example",
        verified_at=timezone.now(),
    )
    club_admin = MembershipFactory(organisation=organisation, role=MembershipRole.ADMIN).user
    club_editor = MembershipFactory(organisation=organisation, role=MembershipRole.EDITOR).user
    other_organisation = OrganisationFactory(
        name="Sportfreunde Mötsch", slug="sportfreunde-moetsch"
    )
    other_club_admin = MembershipFactory(organisation=other_organisation).user
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
            "citizen": UserFactory(email="buergerin@example.org", name="Anna Schmitz"),
            "admin_a": club_admin,
            "editor_a": club_editor,
            "admin_b": other_club_admin,
            "office": make_network_office_user(email="buero@example.org", name="Monika Weber"),
        },
    }


def card_names(response) -> list[str]:
    """The organisations listed as cards on a directory page, in order."""
    return re.findall(
        r'<h3 class="kern-title"><a class="kern-link" href="/organisationen/[^"]+/">([^<]+)</a>',
        response.content.decode(),
    )
