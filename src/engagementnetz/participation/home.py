"""The start page's section: the process people can join now, and how far the measures are."""

from engagementnetz.core.start_page import HomeSection

from . import selectors
from .models import Measure


def home_section(request):
    processes = list(selectors.processes_public()[:3])
    for process in processes:
        process.timeline = selectors.timeline(list(process.phases.all()))
    measures = list(
        Measure.objects.public().select_related("field").order_by("-updated_at", "title")[:3]
    )
    if not processes and not measures:
        return None
    return HomeSection(
        template="participation/home_section.html",
        order=400,
        context={"processes": processes, "measures": measures},
    )
