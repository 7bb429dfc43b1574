from django.urls import reverse
from django.utils.translation import gettext as _

from engagementnetz.core.work_area import WorkareaSection


def workarea_sections(request):
    return [
        WorkareaSection(
            title=_("Newsletter"),
            url=reverse("newsletter:dashboard"),
            description=_(
                "Compose and send issues, follow the sending, subscribers with their consent, "
                "figures."
            ),
            order=310,
        )
    ]
