"""Small helpers the app's views share."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

PAGE_SIZE = 20


def require_perm(request: HttpRequest, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def paginate(request: HttpRequest, queryset, *, per_page: int = PAGE_SIZE) -> Page:
    return Paginator(queryset, per_page).get_page(request.GET.get("seite"))


def render_list(request: HttpRequest, template: str, partial: str, context: dict):
    """The whole page, or only the results when htmx asks for them.

    htmx swaps only the results, so messages next to the fields would stay unseen: with errors
    in the form, htmx is asked to load the whole page instead.
    """
    if not is_htmx(request):
        return render(request, template, context)
    form = context.get("form")
    if form is not None and form.is_bound and form.errors:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = request.get_full_path()
        return response
    return render(request, partial, context)
