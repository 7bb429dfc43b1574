"""The start page shows clubs that look for volunteers and who is new in the network."""

from engagementnetz.core.start_page import HomeSection

from .models import Organisation


def home_section(request):
    public = Organisation.objects.public().select_related("district")
    seeking = list(public.filter(seeks_volunteers=True).order_by("-reviewed_at", "name")[:4])
    newest = list(public.exclude(verified_at=None).order_by("-verified_at", "name")[:4])
    if not seeking and not newest:
        return None
    return HomeSection(
        template="organisations/home/section.html",
        order=200,
        context={"seeking": seeking, "newest": newest},
    )
