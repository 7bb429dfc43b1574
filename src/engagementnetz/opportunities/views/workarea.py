"""The network office's views of the Engagement-Börse."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from engagementnetz.core.permissions import network_office_required

from .. import selectors


@login_required
@network_office_required
def unanswered_interests(request: HttpRequest) -> HttpResponse:
    interests = selectors.interests_waiting()
    return render(
        request, "opportunities/workarea/unanswered_interests.html", {"interests": interests}
    )
