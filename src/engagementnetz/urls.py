from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from django.views.i18n import set_language

from engagementnetz.core import views as core_views

urlpatterns = [
    path("", include("engagementnetz.core.urls")),
    path("", include("engagementnetz.pages.urls")),
    path("konto/", include("engagementnetz.accounts.urls")),
    # allauth's views (login, signup, e-mail confirmation, password reset, MFA) keep their URL
    # names (account_login, …) and live below /konto/ as well.
    path("konto/", include("allauth.urls")),
    path("sprache/", set_language, name="set_language"),
]

# Each domain app brings its own public and work-area URLs (see the URL contract in README).
# The API first: its many patterns sit below one prefix, and machines call it most often;
# pages for people are mostly answered before their address is resolved (core/page_cache.py).
for app in (
    "api",
    "organisations",
    "events",
    "opportunities",
    "participation",
    "news",
    "newsletter",
    "search",
):
    try:
        urlpatterns.append(path("", include(f"engagementnetz.{app}.urls")))
    except ModuleNotFoundError as exc:
        if exc.name != f"engagementnetz.{app}.urls":
            raise

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler500 = core_views.server_error
