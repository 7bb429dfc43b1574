from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from engagementnetz.core.permissions import network_office_required

from . import services
from .forms import PageForm
from .models import Page


def page_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(Page.objects.published(), slug=slug)
    return render(request, "pages/page_detail.html", {"page": page})


@login_required
@network_office_required
def page_list(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/page_list.html", {"pages": Page.objects.order_by("title")})


@login_required
@network_office_required
def page_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    page = get_object_or_404(Page, pk=pk) if pk else None
    form = PageForm(request.POST or None, instance=page)
    if request.method == "POST" and form.is_valid():
        page = services.page_save(form=form, by=request.user)
        messages.success(request, _("The page “%(title)s” has been saved.") % {"title": page.title})
        return redirect("pages:manage")
    return render(request, "pages/page_form.html", {"form": form, "page": page})
