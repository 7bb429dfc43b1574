"""Who belongs to the network office. Other apps' rules build on this predicate."""

import rules

NETWORK_OFFICE_GROUP = "Netzwerkbüro"


@rules.predicate
def is_network_office(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, "_is_network_office", None)
    if cached is None:
        cached = user.is_superuser or user.groups.filter(name=NETWORK_OFFICE_GROUP).exists()
        user._is_network_office = cached
    return cached


is_authenticated = rules.is_authenticated

rules.add_rule("is_network_office", is_network_office)
rules.add_perm("accounts.access_workarea", is_network_office)
