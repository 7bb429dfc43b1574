"""Who may do what with an organisation's entry and everything that belongs to it.

Other apps (events, opportunities, …) reuse these predicates with the organisation as object.
"""

import rules

from engagementnetz.accounts.rules import is_network_office

from .models import MembershipRole


def _role(user, organisation) -> str | None:
    if not getattr(user, "is_authenticated", False) or organisation is None:
        return None
    cache = user.__dict__.setdefault("_organisation_roles", {})
    if organisation.pk not in cache:
        membership = organisation.memberships.filter(user=user).only("role").first()
        cache[organisation.pk] = membership.role if membership else None
    return cache[organisation.pk]


@rules.predicate
def is_organisation_admin(user, organisation) -> bool:
    return _role(user, organisation) == MembershipRole.ADMIN


@rules.predicate
def is_organisation_member(user, organisation) -> bool:
    """Admin or editor of the organisation."""
    return _role(user, organisation) is not None


@rules.predicate
def is_public_organisation(user, organisation) -> bool:
    return organisation is not None and organisation.is_public


@rules.predicate
def is_claimable(user, organisation) -> bool:
    """A public entry nobody keeps (e.g. from the network office's import)."""
    from .services import is_claimable as claimable

    return organisation is not None and claimable(organisation)


@rules.predicate
def is_project_member(user, project) -> bool:
    """Admin or editor of the organisation responsible for the project."""
    return project is not None and _role(user, project.organisation) is not None


can_edit_organisation = is_organisation_member | is_network_office
can_manage_organisation_people = is_organisation_admin | is_network_office
can_view_organisation = is_public_organisation | is_organisation_member | is_network_office
# The network office hands entries over; it does not ask itself for one.
can_claim_organisation = (
    rules.is_authenticated & ~is_organisation_member & ~is_network_office & is_claimable
)
can_edit_project = is_project_member | is_network_office

rules.add_rule("is_organisation_admin", is_organisation_admin)
rules.add_rule("is_organisation_member", is_organisation_member)
rules.add_perm("organisations.view_organisation", can_view_organisation)
rules.add_perm("organisations.change_organisation", can_edit_organisation)
rules.add_perm("organisations.submit_organisation", can_edit_organisation)
rules.add_perm("organisations.manage_people", can_manage_organisation_people)
rules.add_perm("organisations.verify_organisation", is_network_office)
rules.add_perm("organisations.claim_organisation", can_claim_organisation)
rules.add_perm("organisations.add_project", can_edit_organisation)
rules.add_perm("organisations.change_project", can_edit_project)
rules.add_perm("organisations.moderate", is_network_office)
rules.add_perm("organisations.manage_links", is_network_office)
rules.add_perm("organisations.import_directory", is_network_office)
