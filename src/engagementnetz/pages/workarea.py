from django.urls import reverse
from django.utils.translation import gettext as _

from engagementnetz.core.work_area import WorkareaSection


def workarea_sections(request):
    return [
        WorkareaSection(
            title=_("Pages"),
            url=reverse("pages:manage"),
            description=_("Legal notice, privacy, accessibility statement and other pages."),
            order=800,
        )
    ]
