"""Addresses of objects of other apps (events, projects) that may not be reachable.

A page of ours must never fail because another app's page is missing or renamed.
"""

from django.urls import NoReverseMatch


def public_path(obj) -> str:
    """The object's address on the site, or "" if it has none."""
    try:
        return obj.get_absolute_url()
    except (AttributeError, NoReverseMatch):
        return ""
