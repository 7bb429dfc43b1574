"""Clubs register the ICS address of the calendar they already keep; it is imported hourly."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from engagementnetz.accounts.rules import is_network_office
from engagementnetz.organisations.models import Membership

from .. import services
from ..manage_forms import FeedForm
from ..models import CalendarFeed


def _visible_feeds(user):
    feeds = CalendarFeed.objects.select_related("organisation").order_by(
        "organisation__name", "url"
    )
    if is_network_office(user):
        return feeds
    return feeds.filter(
        organisation_id__in=Membership.objects.filter(user=user).values("organisation_id")
    )


@login_required
def feed_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("events.add_event"):
        raise PermissionDenied
    form = FeedForm(
        request.POST or None, user=request.user, is_office=is_network_office(request.user)
    )
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        if not request.user.has_perm("events.manage_feeds", organisation):
            raise PermissionDenied
        services.feed_add(
            organisation=organisation,
            url=form.cleaned_data["url"],
            kind=form.cleaned_data["kind"],
            by=request.user,
        )
        messages.success(
            request,
            _(
                "The calendar has been registered. Its dates are imported in a moment and then every hour."
            ),
        )
        return redirect("events:manage_feeds")
    return render(
        request, "events/manage/feeds.html", {"form": form, "feeds": _visible_feeds(request.user)}
    )


def _feed(request, pk: int) -> CalendarFeed:
    feed = get_object_or_404(CalendarFeed.objects.select_related("organisation"), pk=pk)
    if not request.user.has_perm("events.manage_feeds", feed.organisation):
        raise PermissionDenied
    return feed


@login_required
@require_POST
def feed_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    feed = _feed(request, pk)
    result = services.feed_refresh(feed=feed)
    if result is None:
        messages.error(request, _("The import failed: %(error)s") % {"error": feed.last_error})
    else:
        messages.success(request, _("Imported: %(result)s.") % {"result": result})
    return redirect("events:manage_feeds")


@login_required
def feed_delete(request: HttpRequest, pk: int) -> HttpResponse:
    feed = _feed(request, pk)
    if request.method == "POST":
        services.feed_remove(feed=feed, keep_events=request.POST.get("keep_events") == "1")
        messages.success(request, _("The calendar is no longer imported."))
        return redirect("events:manage_feeds")
    return render(
        request,
        "events/manage/feed_delete.html",
        {"feed": feed, "event_count": feed.events.count()},
    )
