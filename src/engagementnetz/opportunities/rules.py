"""Who may do what in the Engagement-Börse.

Everything that belongs to an organisation (its opportunities, the interests in them, the hours
volunteers log with it) is handled by the organisation's own people or by the network office.
"""

import rules

from engagementnetz.accounts.rules import is_network_office
from engagementnetz.organisations.models import Organisation
from engagementnetz.organisations.rules import is_organisation_member


def owning_organisation(obj) -> Organisation | None:
    """The organisation behind an organisation, opportunity, interest or hours entry."""
    if obj is None or isinstance(obj, Organisation):
        return obj
    return getattr(obj, "organisation", None)


@rules.predicate
def is_member_of_owner(user, obj) -> bool:
    return is_organisation_member(user, owning_organisation(obj))


@rules.predicate
def is_own_entry(user, entry) -> bool:
    return entry is not None and getattr(user, "pk", None) == entry.user_id


can_manage = is_member_of_owner | is_network_office

rules.add_perm("opportunities.add_opportunity", can_manage)  # object: the organisation
rules.add_perm("opportunities.change_opportunity", can_manage)  # object: the opportunity
rules.add_perm("opportunities.view_interests", can_manage)  # organisation or opportunity
rules.add_perm("opportunities.handle_interest", can_manage)  # object: the interest
rules.add_perm("opportunities.view_hours", can_manage)  # object: the organisation
# Nobody confirms their own hours, not even as a member of the organisation.
rules.add_perm("opportunities.confirm_hours", can_manage & ~is_own_entry)
rules.add_perm("opportunities.log_hours", rules.is_authenticated)
rules.add_perm("opportunities.delete_hours", is_own_entry)
rules.add_perm("opportunities.moderate_help", is_network_office)
