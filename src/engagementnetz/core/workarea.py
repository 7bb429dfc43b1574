from django.urls import reverse
from django.utils.translation import gettext as _

from .work_area import WorkareaSection


def workarea_sections(request):
    return [
        WorkareaSection(
            title=_("Site settings"),
            url=reverse("core:site_settings"),
            description=_("Name, logo, colours, contact and footer of the platform."),
            order=900,
        )
    ]
