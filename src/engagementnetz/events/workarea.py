from django.urls import reverse
from django.utils.translation import gettext as _

from engagementnetz.core.work_area import WorkareaSection

from .models import CalendarFeed


def workarea_sections(request):
    broken = CalendarFeed.objects.filter(is_active=True).exclude(last_error="").count()
    return [
        WorkareaSection(
            title=_("Events and courses"),
            url=reverse("events:manage"),
            description=_(
                "All events of the network and the clubs: dates, registrations, attendance."
            ),
            order=30,
        ),
        WorkareaSection(
            title=_("Imported calendars"),
            url=reverse("events:manage_feeds"),
            description=_("Calendars of clubs imported every hour, with their errors."),
            pending=broken or None,
            order=31,
        ),
    ]
