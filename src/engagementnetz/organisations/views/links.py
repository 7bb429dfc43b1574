"""The network office keeps the links to Verbände and Netzwerke."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import services
from ..forms import LinkCategoryForm, LinkForm
from ..models import Link, LinkCategory
from .office import office_view


@office_view
@require_GET
def link_manage(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "organisations/office/links.html",
        {
            "broken": Link.objects.broken().select_related("category").order_by("title"),
            "categories": LinkCategory.objects.prefetch_related("links").order_by(
                "position", "name"
            ),
        },
    )


@office_view
@require_http_methods(["GET", "POST"])
def link_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    link = get_object_or_404(Link, pk=pk) if pk else None
    form = LinkForm(request.POST or None, instance=link)
    if request.method == "POST" and form.is_valid():
        link = services.link_save(form=form, by=request.user)
        messages.success(request, _("The link “%(title)s” has been saved.") % {"title": link.title})
        return redirect("organisations:link_manage")
    return render(request, "organisations/office/link_form.html", {"form": form, "link": link})


@office_view
@require_POST
def link_delete(request: HttpRequest, pk: int) -> HttpResponse:
    link = get_object_or_404(Link, pk=pk)
    services.link_delete(link=link, by=request.user)
    messages.success(request, _("The link “%(title)s” has been deleted.") % {"title": link.title})
    return redirect("organisations:link_manage")


@office_view
@require_POST
def link_check(request: HttpRequest, pk: int) -> HttpResponse:
    link = services.link_check(get_object_or_404(Link, pk=pk))
    if link.last_check_ok:
        messages.success(request, _("“%(title)s” can be reached.") % {"title": link.title})
    else:
        messages.error(
            request,
            _("“%(title)s” cannot be reached: %(error)s")
            % {"title": link.title, "error": link.last_error or link.last_status_code},
        )
    return redirect("organisations:link_manage")


@office_view
@require_http_methods(["GET", "POST"])
def category_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    category = get_object_or_404(LinkCategory, pk=pk) if pk else None
    form = LinkCategoryForm(request.POST or None, instance=category)
    if request.method == "POST" and form.is_valid():
        category = services.link_category_save(form=form, by=request.user)
        messages.success(
            request, _("The category “%(name)s” has been saved.") % {"name": category.name}
        )
        return redirect("organisations:link_manage")
    return render(
        request, "organisations/office/category_form.html", {"form": form, "category": category}
    )


@office_view
@require_POST
def category_delete(request: HttpRequest, pk: int) -> HttpResponse:
    category = get_object_or_404(LinkCategory, pk=pk)
    try:
        services.link_category_delete(category=category, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The category has been deleted."))
    return redirect("organisations:link_manage")
