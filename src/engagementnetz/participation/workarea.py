from django.urls import reverse
from django.utils.translation import gettext as _

from engagementnetz.core.work_area import WorkareaSection

from .selectors import pending_count


def workarea_sections(request):
    return [
        WorkareaSection(
            title=_("Participation"),
            url=reverse("participation:manage"),
            description=_(
                "Processes, phases, Zukunftswerkstatt and theme tables; paper cards, moderation "
                "and export of the contributions."
            ),
            pending=pending_count(),
            order=300,
        ),
        WorkareaSection(
            title=_("Measures"),
            url=reverse("participation:manage_measures"),
            description=_(
                "The measures of the engagement strategy: progress, reports and the "
                "contributions they came from."
            ),
            order=310,
        ),
    ]
