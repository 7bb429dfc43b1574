from django import template

from ..links import public_path

register = template.Library()


@register.filter
def path_or_empty(obj) -> str:
    """The object's address on the site, or "" when its app offers no page for it."""
    return public_path(obj)
