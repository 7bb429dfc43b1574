"""Who may manage the API tokens of an organisation: its admins (the network office revokes)."""

import rules

from engagementnetz.accounts.rules import is_network_office
from engagementnetz.organisations.rules import is_organisation_admin

rules.add_perm("api.manage_tokens", is_organisation_admin)
rules.add_perm("api.view_tokens", is_organisation_admin | is_network_office)
rules.add_perm("api.revoke_token", is_organisation_admin | is_network_office)
