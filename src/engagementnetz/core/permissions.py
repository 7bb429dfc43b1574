"""View guards shared by every app's work-area views."""

from functools import wraps

import rules
from django.core.exceptions import PermissionDenied


def network_office_required(view):
    """Only people of the network office (checked with the rule, not a flag on the user)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not rules.test_rule("is_network_office", request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
