"""Every page shows the site's identity and menus; they are read from the cache, not the DB.

The services that change them call :func:`forget_site_cache`.
"""

from django.core.cache import cache

SITE_SETTINGS_KEY = "site:settings:v1"
MENU_PAGES_KEY = "site:menu-pages:v1"


def cached_site_settings():
    from .models import SiteSettings

    value = cache.get(SITE_SETTINGS_KEY)
    if value is None:
        value = SiteSettings.current()
        cache.set(SITE_SETTINGS_KEY, value, 3600)
    return value


def cached_menu_pages() -> dict:
    from engagementnetz.pages.models import MenuPlace, Page

    value = cache.get(MENU_PAGES_KEY)
    if value is None:
        value = {"main": [], "footer": []}
        for page in (
            Page.objects.published().exclude(menu=MenuPlace.NONE).order_by("menu_position", "title")
        ):
            value[page.menu].append(page)
        cache.set(MENU_PAGES_KEY, value, 3600)
    return value


def forget_site_cache() -> None:
    cache.delete_many([SITE_SETTINGS_KEY, MENU_PAGES_KEY])
