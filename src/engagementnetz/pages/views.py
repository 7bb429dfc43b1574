from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from engagementnetz.core.page_cache import public_page
from engagementnetz.core.permissions import network_office_required
from engagementnetz.core.ratelimit import allow

from . import services
from .forms import OfficeContactForm, PageForm
from .models import Page


@public_page
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


def contact(request: HttpRequest) -> HttpResponse:
    """The general contact form to the network office: bring in ideas or ask."""
    form = OfficeContactForm(
        request.POST or None, retention_days=settings.CONTACT_MESSAGE_RETENTION_DAYS
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        if form.is_spam:
            # Bots get the same answer as people, so they learn nothing; nothing is sent.
            messages.success(request, _("Thank you, your message has been sent."))
            return redirect("pages:contact")
        if allow(
            request,
            "pages-contact",
            email=form.cleaned_data["sender_email"],
            per_ip=10,
            per_email=5,
        ):
            services.office_message_send(
                kind=form.cleaned_data["kind"],
                sender_name=form.cleaned_data["sender_name"],
                sender_email=form.cleaned_data["sender_email"],
                subject=form.cleaned_data["subject"],
                message=form.cleaned_data["message"],
                consent_text=form.consent_text,
            )
            messages.success(
                request,
                _("Thank you, your message has been sent. You will receive a copy by e-mail."),
            )
            return redirect("pages:contact")
        form.add_error(
            None,
            _(
                "You have sent many messages in a short time. Please wait an hour and try "
                "again; your text is kept below."
            ),
        )
        status = 429
    return render(request, "pages/contact.html", {"form": form}, status=status)
