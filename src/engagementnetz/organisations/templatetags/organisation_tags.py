from django import template
from django.utils.translation import gettext as _

from .. import jsonld
from ..models import Organisation

register = template.Library()


@register.filter
def jsonld_script(data: dict):
    return jsonld.script(data)


@register.filter
def change_label(name: str) -> str:
    """The label of a field in the change history."""
    if name == "photos":
        return _("Photos")
    try:
        return str(Organisation._meta.get_field(name).verbose_name)
    except Exception:  # a field that no longer exists keeps its technical name
        return name
