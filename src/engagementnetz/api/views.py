"""Pages of the API app: the documentation and an organisation's tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from engagementnetz.organisations.models import Organisation

from . import docs, services
from .api import api
from .forms import TokenForm
from .models import ApiToken, ApiTokenUse

USES_SHOWN = 50


@require_GET
def documentation(request: HttpRequest) -> HttpResponse:
    """The interactive-free documentation, rendered from the OpenAPI document (no scripts)."""
    schema = api.get_openapi_schema()
    return render(request, "api/docs.html", docs.context(schema))


def _organisation(request: HttpRequest, slug: str, permission: str) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm(permission, organisation):
        raise PermissionDenied
    return organisation


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug, "api.view_tokens")
    can_manage = request.user.has_perm("api.manage_tokens", organisation)
    form = TokenForm(request.POST or None)
    new_secret = ""
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            _token, new_secret = services.token_create(
                organisation=organisation, name=form.cleaned_data["name"], by=request.user
            )
            form = TokenForm()
    context = {
        "organisation": organisation,
        "form": form,
        "can_manage": can_manage,
        "new_secret": new_secret,
        "tokens": organisation.api_tokens.select_related("created_by", "revoked_by"),
        "uses": (
            ApiTokenUse.objects.filter(token__organisation=organisation)
            .select_related("token")
            .order_by("-at", "-pk")[:USES_SHOWN]
        ),
    }
    return render(request, "api/tokens.html", context)


@login_required
@require_POST
def token_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = _organisation(request, slug, "api.revoke_token")
    token = get_object_or_404(ApiToken, pk=pk, organisation=organisation)
    services.token_revoke(token=token, by=request.user)
    messages.success(
        request,
        _("The token “%(name)s” has been revoked. It no longer works.") % {"name": token.name},
    )
    return redirect("api:tokens", slug=organisation.slug)
