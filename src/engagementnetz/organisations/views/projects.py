"""Projects: the public list and pages, and keeping them for the organisation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from engagementnetz.core.models import Field
from engagementnetz.core.page_cache import public_page

from .. import jsonld, selectors, services
from ..forms import PhotoForm, ProjectFilterForm, ProjectForm
from ._helpers import is_htmx, organisation_or_404, project_or_404, require
from .public import _report


@public_page
@require_GET
def project_list(request: HttpRequest) -> HttpResponse:
    form = ProjectFilterForm(request.GET or None, fields=Field.objects.active())
    filters = form.filters() if request.GET else {}
    page = selectors.paginate(selectors.projects(filters), request.GET.get("seite"))
    context = {"form": form, "page": page, "filters": filters}
    if is_htmx(request):
        return render(request, "organisations/projects/_results.html", context)
    return render(request, "organisations/projects/list.html", context)


@public_page
@require_GET
def project_detail(request: HttpRequest, slug: str) -> HttpResponse:
    project = selectors.project_detail(slug)
    if project is None:
        raise Http404
    can_edit = request.user.has_perm("organisations.change_project", project)
    is_public = project.is_published and project.organisation.is_public
    if not is_public and not can_edit:
        raise Http404
    return render(
        request,
        "organisations/projects/detail.html",
        {
            "project": project,
            "is_public": is_public,
            "can_edit": can_edit,
            "jsonld": jsonld.project_data(project) if is_public else None,
        },
    )


@require_http_methods(["GET", "POST"])
def project_report(request: HttpRequest, slug: str) -> HttpResponse:
    project = project_or_404(slug)
    if not (project.is_published and project.organisation.is_public):
        raise Http404
    return _report(request, project=project)


@login_required
@require_http_methods(["GET", "POST"])
def project_create(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_or_404(slug)
    require(request, "organisations.add_project", organisation)
    form = ProjectForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        project = services.project_create(organisation=organisation, form=form, by=request.user)
        messages.success(
            request, _("The project “%(title)s” has been created.") % {"title": project.title}
        )
        return redirect(project)
    return render(
        request,
        "organisations/projects/form.html",
        {"form": form, "organisation": organisation, "project": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request: HttpRequest, slug: str) -> HttpResponse:
    project = project_or_404(slug)
    require(request, "organisations.change_project", project)
    form = ProjectForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        services.project_update(form=form, by=request.user)
        messages.success(request, _("The project has been saved."))
        return redirect(project)
    return render(
        request,
        "organisations/projects/form.html",
        {"form": form, "organisation": project.organisation, "project": project},
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_delete(request: HttpRequest, slug: str) -> HttpResponse:
    project = project_or_404(slug)
    require(request, "organisations.change_project", project)
    if request.method == "POST":
        organisation = project.organisation
        services.project_delete(project=project, by=request.user)
        messages.success(request, _("The project has been deleted."))
        return redirect("organisations:manage", slug=organisation.slug)
    return render(request, "organisations/projects/delete.html", {"project": project})


@login_required
@require_http_methods(["GET", "POST"])
def project_photos(request: HttpRequest, slug: str) -> HttpResponse:
    project = project_or_404(slug)
    require(request, "organisations.change_project", project)
    form = PhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_photo_add(project=project, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The photo has been added."))
            return redirect("organisations:project_photos", slug=project.slug)
    return render(
        request,
        "organisations/projects/photos.html",
        {"project": project, "form": form, "photos": project.photos.all()},
    )


@login_required
@require_POST
def project_photo_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    project = project_or_404(slug)
    require(request, "organisations.change_project", project)
    photo = get_object_or_404(project.photos, pk=pk)
    services.project_photo_delete(photo=photo, by=request.user)
    messages.success(request, _("The photo has been removed."))
    return redirect("organisations:project_photos", slug=project.slug)
