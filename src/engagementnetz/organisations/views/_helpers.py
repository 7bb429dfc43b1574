from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Organisation, Project


def require(request, permission: str, obj=None) -> None:
    """Server-side permission check of every writing view (django-rules)."""
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


def organisation_or_404(slug: str, queryset=None) -> Organisation:
    return get_object_or_404(queryset if queryset is not None else Organisation, slug=slug)


def visible_organisation_or_404(request, slug: str, organisation=None) -> Organisation:
    """Public entries for everyone; drafts only for their people and the network office."""
    organisation = organisation or organisation_or_404(slug)
    if not request.user.has_perm("organisations.view_organisation", organisation):
        raise Http404
    return organisation


def project_or_404(slug: str) -> Project:
    return get_object_or_404(Project.objects.select_related("organisation"), slug=slug)


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"
