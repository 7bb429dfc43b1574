"""Who may do what with events: clubs their own organisation's, the network office all.

Events without an organiser belong to the network office.
"""

import rules

from engagementnetz.accounts.rules import is_network_office
from engagementnetz.organisations.rules import is_organisation_member


@rules.predicate
def is_event_organiser_member(user, event) -> bool:
    if event is None or event.organiser_id is None:
        return False
    return is_organisation_member(user, event.organiser)


@rules.predicate
def is_member_of_any_organisation(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, "_has_memberships", None)
    if cached is None:
        cached = user.memberships.exists()
        user._has_memberships = cached
    return cached


can_edit_event = is_event_organiser_member | is_network_office
# Organisation as object: may the person create events or calendar feeds for it?
can_plan_for_organisation = is_organisation_member | is_network_office

rules.add_perm("events.add_event", is_member_of_any_organisation | is_network_office)
rules.add_perm("events.change_event", can_edit_event)
rules.add_perm("events.delete_event", can_edit_event)
rules.add_perm("events.manage_registrations", can_edit_event)
rules.add_perm("events.plan_for_organisation", can_plan_for_organisation)
rules.add_perm("events.manage_feeds", can_plan_for_organisation)
rules.add_perm("events.organise_as_network_office", is_network_office)
