"""Nachbarschaftshilfe: public entries, posting, replying through the platform, moderation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from engagementnetz.core.page_cache import public_page
from engagementnetz.core.permissions import network_office_required
from engagementnetz.core.ratelimit import allow

from .. import conf, services
from ..forms import HelpContactForm, HelpPostForm, ModerationForm
from ..models import HelpCategory, HelpKind, HelpPost, HelpState
from .helpers import paginate, render_list


@public_page
def help_list(request: HttpRequest) -> HttpResponse:
    posts = HelpPost.objects.public().select_related("district")
    kind = request.GET.get("art", "")
    category = request.GET.get("bereich", "")
    if kind in HelpKind.values:
        posts = posts.filter(kind=kind)
    if category in HelpCategory.values:
        posts = posts.filter(category=category)
    page = paginate(request, posts.order_by("-published_at", "pk"))
    context = {
        "page": page,
        "posts": page.object_list,
        "kind": kind,
        "category": category,
        "kinds": HelpKind.choices,
        "categories": HelpCategory.choices,
    }
    return render_list(
        request, "opportunities/help/list.html", "opportunities/help/_results.html", context
    )


@require_http_methods(["GET", "POST"])
def help_create(request: HttpRequest) -> HttpResponse:
    form = HelpPostForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:
            return redirect("opportunities:help_sent")
        if allow(request, "help-post", email=form.cleaned_data["email"], per_ip=5, per_email=3):
            post = services.help_post_submit(form=form, user=request.user)
            url = reverse("opportunities:help_sent")
            return redirect(f"{url}?bestaetigt=1" if post.confirmed_at else url)
        form.add_error(None, _("Too many entries in a short time. Please try again later."))
    return render(
        request,
        "opportunities/help/form.html",
        {"form": form, "help_days": conf.neighbourhood_help_days()},
    )


def help_sent(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "opportunities/help/sent.html",
        {"confirmed": request.GET.get("bestaetigt") == "1"},
    )


@require_http_methods(["GET", "POST"])
def help_confirm(request: HttpRequest, token: str) -> HttpResponse:
    post = HelpPost.objects.filter(token=token).first()
    if post is None:
        return render(request, "opportunities/link_invalid.html", status=404)
    if request.method == "POST":
        services.help_post_confirm(post=post)
        return redirect("opportunities:help_manage", token=token)
    return render(request, "opportunities/help/confirm.html", {"post": post})


@require_http_methods(["GET", "POST"])
def help_manage(request: HttpRequest, token: str) -> HttpResponse:
    """The poster's own page (link in every mail): see the state, take the entry down."""
    post = HelpPost.objects.filter(token=token).select_related("district").first()
    if post is None:
        return render(request, "opportunities/help/withdrawn.html")
    if request.method == "POST":
        services.help_post_withdraw(post=post)
        return render(request, "opportunities/help/withdrawn.html")
    return render(request, "opportunities/help/manage.html", {"post": post})


@public_page
@require_http_methods(["GET", "POST"])
def help_detail(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(HelpPost.objects.public().select_related("district"), pk=pk)
    form = HelpContactForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["website"]:
            messages.success(request, _("Your message has been passed on."))
            return redirect(post.get_absolute_url())
        if allow(request, "help-contact", email=data["email"], per_ip=10, per_email=5):
            services.help_contact_send(
                post=post, name=data["name"], email=data["email"], message=data["message"]
            )
            messages.success(
                request, _("Your message has been passed on. The answer comes by e-mail.")
            )
            return redirect(post.get_absolute_url())
        form.add_error(None, _("Too many messages in a short time. Please try again later."))
    return render(request, "opportunities/help/detail.html", {"post": post, "form": form})


@login_required
@network_office_required
def help_moderation(request: HttpRequest) -> HttpResponse:
    return _render_moderation(request)


def _render_moderation(request, *, failed=None, status=200):
    pending = HelpPost.objects.filter(state=HelpState.PENDING).select_related("district")
    items = [
        (
            post,
            failed
            if failed is not None and failed.post_pk == post.pk
            else ModerationForm(prefix=f"post-{post.pk}"),
        )
        for post in pending.order_by("confirmed_at")
    ]
    published = HelpPost.objects.public().select_related("district").order_by("expires_at")
    return render(
        request,
        "opportunities/workarea/help_moderation.html",
        {"items": items, "published": published},
        status=status,
    )


@login_required
@network_office_required
@require_POST
def help_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(HelpPost, pk=pk, state=HelpState.PENDING)
    form = ModerationForm(request.POST, prefix=f"post-{post.pk}")
    if not form.is_valid():
        form.post_pk = post.pk
        return _render_moderation(request, failed=form, status=400)
    approve = form.cleaned_data["decision"] == "approve"
    services.help_post_moderate(
        post=post, approve=approve, by=request.user, reason=form.cleaned_data["reason"]
    )
    messages.success(
        request,
        _("“%(title)s” is published.") % {"title": post.title}
        if approve
        else _("“%(title)s” has been rejected; the poster was told why.") % {"title": post.title},
    )
    return redirect("opportunities:help_moderation")


@login_required
@network_office_required
@require_POST
def help_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """The network office takes a published entry down early."""
    post = get_object_or_404(HelpPost, pk=pk)
    services.help_post_withdraw(post=post)
    messages.success(request, _("The entry has been removed."))
    return redirect("opportunities:help_moderation")
