from django.urls import reverse
from django.utils.translation import gettext as _

from engagementnetz.core.work_area import WorkareaSection

from . import selectors
from .models import Link


def workarea_sections(request):
    return [
        WorkareaSection(
            title=_("Directory: queue"),
            url=reverse("organisations:queue"),
            description=_("Registrations, claims, reported content and out-of-date entries."),
            pending=selectors.pending_count(),
            order=100,
        ),
        WorkareaSection(
            title=_("Directory: all entries"),
            url=reverse("organisations:entries"),
            description=_("Find, edit, add or take offline any entry; history of decisions."),
            order=110,
        ),
        WorkareaSection(
            title=_("Import and export"),
            url=reverse("organisations:import"),
            description=_("Import the club list from CSV or Excel; export the directory."),
            order=120,
        ),
        WorkareaSection(
            title=_("Links to associations and networks"),
            url=reverse("organisations:link_manage"),
            description=_(
                "The curated links of the site and the ones the daily check found broken."
            ),
            pending=Link.objects.broken().count(),
            order=130,
        ),
    ]
