from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import services, work_area
from .forms_settings import SiteSettingsForm
from .models import SiteSettings
from .page_cache import public_page
from .permissions import network_office_required
from .start_page import home_sections


@public_page
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"sections": home_sections(request)})


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@public_page
def robots_txt(request: HttpRequest) -> HttpResponse:
    return render(request, "core/robots.txt", content_type="text/plain; charset=utf-8")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page without touching the database, which may be the reason for the error."""
    template = loader.get_template("500.html")
    return HttpResponse(template.render({"request": request}), status=500)


@login_required
@network_office_required
def workarea_dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "core/workarea.html", {"sections": work_area.sections(request)})


@login_required
@network_office_required
def site_settings_edit(request: HttpRequest) -> HttpResponse:
    instance = SiteSettings.current()
    form = SiteSettingsForm(request.POST or None, request.FILES or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.site_settings_update(form=form, by=request.user)
        from django.contrib import messages

        messages.success(request, _("The site settings have been saved."))
        return redirect("core:site_settings")
    return render(request, "core/site_settings_form.html", {"form": form})


def bench_hello(request: HttpRequest) -> HttpResponse:
    """The benchmark's reference: the cheapest response the same server can give."""
    return HttpResponse("Hello, world", content_type="text/plain")
