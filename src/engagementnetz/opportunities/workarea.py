"""The Engagement-Börse's sections of the network office's work area."""

from django.urls import reverse
from django.utils.translation import gettext as _

from engagementnetz.core.work_area import WorkareaSection

from .models import HelpPost, HelpState
from .selectors import interests_waiting


def workarea_sections(request):
    return [
        WorkareaSection(
            title=_("Unanswered interests"),
            url=reverse("opportunities:unanswered_interests"),
            description=_("People who offered their help and have waited over a week."),
            pending=interests_waiting().count(),
            order=40,
        ),
        WorkareaSection(
            title=_("Neighbourhood help"),
            url=reverse("opportunities:help_moderation"),
            description=_("Review offers and requests of citizens before they are published."),
            pending=HelpPost.objects.filter(state=HelpState.PENDING).count(),
            order=41,
        ),
    ]
