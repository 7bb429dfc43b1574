"""Small helpers shared by the participation views."""

import rules
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from engagementnetz.core.ratelimit import allow

from ..models import Process


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def process_or_404(request: HttpRequest, slug: str) -> Process:
    """Published processes for everyone; the network office also previews unpublished ones."""
    processes = Process.objects.all()
    if not rules.test_rule("is_network_office", request.user):
        processes = processes.public()
    return get_object_or_404(processes, slug=slug)


def within_rate_limit(request: HttpRequest, form, scope: str) -> bool:
    """Count the attempt; when there were too many, say so on the form (nothing typed is lost)."""
    email = form.cleaned_data.get("email", "") or getattr(request.user, "email", "")
    if allow(request, f"participation-{scope}", email=email, per_ip=20, per_email=10):
        return True
    form.add_error(
        None, _("You have sent a lot in a short time. Please wait a while and try again.")
    )
    return False
