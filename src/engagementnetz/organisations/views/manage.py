"""Keeping an entry: registration, editing, submission, photos, people, claims, invitations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from engagementnetz.core.ratelimit import allow

from .. import mails, selectors, services
from ..forms import (
    ClaimForm,
    InvitationForm,
    OfficeOrganisationForm,
    OrganisationForm,
    PhotoForm,
    RegistrationForm,
    RoleForm,
)
from ..models import Invitation, Membership, MembershipRole, OrganisationState
from ._helpers import organisation_or_404, require


@login_required
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    """The short guided form; the person becomes the first admin of the entry."""
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not allow(request, "organisations-register", per_ip=10, window_seconds=3600):
            form.add_error(
                None, _("Too many registrations in a short time. Please try again later.")
            )
        else:
            submit = "submit" in request.POST
            organisation = services.organisation_register(form=form, by=request.user, submit=submit)
            if submit:
                messages.success(
                    request,
                    _(
                        "Thank you! “%(name)s” has been submitted. The network office will check "
                        "the entry and let you know by e-mail."
                    )
                    % {"name": organisation.name},
                )
            else:
                messages.success(
                    request,
                    _("“%(name)s” has been saved as a draft. Complete it and submit it when ready.")
                    % {"name": organisation.name},
                )
            return redirect("organisations:manage", slug=organisation.slug)
    return render(request, "organisations/register.html", {"form": form})


@login_required
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_or_404(slug)
    require(request, "organisations.change_organisation", organisation)
    can_manage_people = request.user.has_perm("organisations.manage_people", organisation)
    return render(
        request,
        "organisations/manage.html",
        {
            "organisation": organisation,
            "can_manage_people": can_manage_people,
            "is_office": request.user.has_perm("organisations.verify_organisation"),
            "projects": selectors.projects_of(organisation, public_only=False),
            "photos": organisation.photos.all(),
            "changes": organisation.change_records.select_related("changed_by")[:20],
            "memberships": organisation.memberships.select_related("user").order_by(
                "role", "user__name", "user__email"
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_or_404(slug)
    require(request, "organisations.change_organisation", organisation)
    form_class = (
        OfficeOrganisationForm
        if request.user.has_perm("organisations.verify_organisation")
        else OrganisationForm
    )
    form = form_class(request.POST or None, request.FILES or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        services.organisation_update(form=form, by=request.user)
        if organisation.state == OrganisationState.VERIFIED:
            messages.success(request, _("Your changes have been saved and are public now."))
        else:
            messages.success(request, _("Your changes have been saved."))
        return redirect("organisations:manage", slug=organisation.slug)
    return render(request, "organisations/edit.html", {"form": form, "organisation": organisation})


@login_required
@require_POST
def submit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_or_404(slug)
    require(request, "organisations.submit_organisation", organisation)
    try:
        services.organisation_submit(organisation=organisation, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("The entry has been submitted. The network office will let you know by e-mail."),
        )
    return redirect("organisations:manage", slug=organisation.slug)


@login_required
@require_POST
def review(request: HttpRequest, slug: str) -> HttpResponse:
    """A member confirms from the manage page that the details are still current."""
    organisation = organisation_or_404(slug)
    require(request, "organisations.change_organisation", organisation)
    services.organisation_confirm_current(organisation=organisation, by=request.user)
    messages.success(request, _("Thank you for confirming that the details are current."))
    return redirect("organisations:manage", slug=organisation.slug)


@require_http_methods(["GET", "POST"])
def confirm_current(request: HttpRequest, token: str) -> HttpResponse:
    """The link of the freshness mail: one button, no login needed (the link is signed)."""
    organisation = mails.organisation_from_review_token(token)
    if organisation is None:
        return render(request, "organisations/confirm_current.html", {"invalid": True}, status=404)
    if request.method == "POST":
        services.organisation_confirm_current(organisation=organisation, by=None)
        return render(
            request,
            "organisations/confirm_current.html",
            {"organisation": organisation, "done": True},
        )
    return render(request, "organisations/confirm_current.html", {"organisation": organisation})


@login_required
@require_http_methods(["GET", "POST"])
def photos(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_or_404(slug)
    require(request, "organisations.change_organisation", organisation)
    form = PhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_photo_add(
                organisation=organisation, by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The photo has been added."))
            return redirect("organisations:photos", slug=organisation.slug)
    return render(
        request,
        "organisations/photos.html",
        {"organisation": organisation, "form": form, "photos": organisation.photos.all()},
    )


@login_required
@require_POST
def photo_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = organisation_or_404(slug)
    require(request, "organisations.change_organisation", organisation)
    photo = get_object_or_404(organisation.photos, pk=pk)
    services.organisation_photo_delete(photo=photo, by=request.user)
    messages.success(request, _("The photo has been removed."))
    return redirect("organisations:photos", slug=organisation.slug)


@login_required
@require_http_methods(["GET", "POST"])
def people(request: HttpRequest, slug: str) -> HttpResponse:
    """Admins see who keeps the entry, invite people, change roles and remove them."""
    organisation = organisation_or_404(slug)
    require(request, "organisations.manage_people", organisation)
    form = InvitationForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_send(
                organisation=organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                by=request.user,
            )
        except ValidationError as exc:
            form.add_error("email", exc)
        else:
            messages.success(
                request,
                _("An invitation has been sent to %(email)s.") % {"email": invitation.email},
            )
            return redirect("organisations:people", slug=organisation.slug)
    return render(
        request,
        "organisations/people.html",
        {
            "organisation": organisation,
            "form": form,
            "memberships": organisation.memberships.select_related("user").order_by(
                "role", "user__name", "user__email"
            ),
            "invitations": organisation.invitations.pending().select_related("invited_by"),
            "roles": MembershipRole.choices,
        },
    )


def _membership(request: HttpRequest, slug: str, pk: int) -> Membership:
    organisation = organisation_or_404(slug)
    require(request, "organisations.manage_people", organisation)
    return get_object_or_404(organisation.memberships.select_related("user"), pk=pk)


@login_required
@require_POST
def member_role(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = _membership(request, slug, pk)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            services.membership_change_role(
                membership=membership, role=form.cleaned_data["role"], by=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The role has been changed."))
    else:
        messages.error(request, _("Please choose a role."))
    return redirect("organisations:people", slug=slug)


@login_required
@require_POST
def member_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = _membership(request, slug, pk)
    try:
        services.membership_remove(membership=membership, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("organisations:people", slug=slug)
    messages.success(
        request, _("%(person)s no longer keeps the entry.") % {"person": membership.user}
    )
    if membership.user_id == request.user.pk and not request.user.has_perm(
        "organisations.verify_organisation"
    ):
        return redirect("accounts:overview")
    return redirect("organisations:people", slug=slug)


@login_required
@require_POST
def leave(request: HttpRequest, slug: str) -> HttpResponse:
    """Anyone who keeps an entry can stop doing so (unless they are its last admin)."""
    organisation = organisation_or_404(slug)
    membership = get_object_or_404(organisation.memberships, user=request.user)
    try:
        services.membership_remove(membership=membership, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("organisations:manage", slug=slug)
    messages.success(
        request, _("You no longer keep the entry “%(name)s”.") % {"name": organisation.name}
    )
    return redirect("accounts:overview")


@login_required
@require_POST
def invitation_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = organisation_or_404(slug)
    require(request, "organisations.manage_people", organisation)
    invitation = get_object_or_404(organisation.invitations, pk=pk)
    services.invitation_revoke(invitation=invitation, by=request.user)
    messages.success(request, _("The invitation has been withdrawn."))
    return redirect("organisations:people", slug=slug)


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation.objects.select_related("organisation", "invited_by"), token=token
    )
    if request.method == "POST" and request.user.is_authenticated:
        try:
            services.invitation_accept(invitation=invitation, user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("Welcome! You now keep the entry “%(name)s”.")
                % {"name": invitation.organisation.name},
            )
            return redirect("organisations:manage", slug=invitation.organisation.slug)
    return render(request, "organisations/invitation.html", {"invitation": invitation})


@login_required
@require_http_methods(["GET", "POST"])
def claim(request: HttpRequest, slug: str) -> HttpResponse:
    """ "Das ist unsere Organisation": ask to keep an entry the network office created."""
    organisation = organisation_or_404(slug)
    require(request, "organisations.claim_organisation", organisation)
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.claim_request(
                organisation=organisation,
                user=request.user,
                function=form.cleaned_data["function"],
                message=form.cleaned_data["message"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _(
                    "Thank you! The network office will check your request and let you know "
                    "by e-mail."
                ),
            )
            return redirect(organisation)
    return render(request, "organisations/claim.html", {"organisation": organisation, "form": form})
