"""The newsletter is run by the network office; subscribers act through their secret link."""

import rules

from engagementnetz.accounts.rules import is_network_office

rules.add_perm("newsletter.manage", is_network_office)
