"""The measures an organisation is responsible for, on its page in the directory."""

from django.http import HttpRequest

from engagementnetz.core.start_page import HomeSection

from .models import Measure


def organisation_section(request: HttpRequest, organisation) -> HomeSection | None:
    measures = list(
        Measure.objects.public()
        .filter(responsible_organisation=organisation)
        .select_related("field")
        .order_by("title")
    )
    if not measures:
        return None
    return HomeSection(
        template="participation/_organisation_section.html",
        order=60,
        context={"organisation": organisation, "measures": measures},
    )
