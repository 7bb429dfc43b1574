from django import template

from ..links import public_path

register = template.Library()


@register.filter
def path_or_empty(obj) -> str:
    """The object's address on the site, or "" when its app offers no page for it."""
    return public_path(obj)


@register.inclusion_tag("participation/_carried_measures.html")
def carried_measures(obj):
    """The public measures of the engagement strategy that an event or project carries out."""
    measures = getattr(obj, "participation_measures", None)
    if measures is None:
        return {"measures": []}
    return {"measures": list(measures.public().order_by("title").only("title", "slug", "state"))}
