from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .site_cache import cached_menu_pages, cached_site_settings


def site(request):
    from engagementnetz.accounts.rules import is_network_office

    user = getattr(request, "user", None)
    return {
        "network": SimpleLazyObject(cached_site_settings),
        "menu_pages": SimpleLazyObject(cached_menu_pages),
        "can_use_workarea": SimpleLazyObject(lambda: bool(user) and is_network_office(user)),
        "SITE_URL": settings.SITE_URL,
        "is_htmx": request.headers.get("HX-Request") == "true",
    }
