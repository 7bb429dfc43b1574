"""The organisers' pages: their events, dates, registration questions and state."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from engagementnetz.accounts.rules import is_network_office

from .. import selectors, services
from ..manage_forms import EventForm, OccurrenceForm, OptionForm, QuestionForm, StateForm
from ..models import Event, Occurrence, QuestionKind, RegistrationOption, RegistrationQuestion

PER_PAGE = 25


def editable_event(request: HttpRequest, pk: int) -> Event:
    """The event if the person may manage it; 403 otherwise (404 if there is none)."""
    event = get_object_or_404(Event.objects.select_related("organiser", "venue", "feed"), pk=pk)
    if not request.user.has_perm("events.change_event", event):
        raise PermissionDenied
    return event


@login_required
def event_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("events.add_event"):
        raise PermissionDenied
    include_past = request.GET.get("vergangene") == "1"
    events = selectors.editable_events(request.user, include_past=include_past)
    page = Paginator(events, PER_PAGE).get_page(request.GET.get("seite"))
    context = {
        "page": page,
        "include_past": include_past,
        "is_office": is_network_office(request.user),
    }
    return render(request, "events/manage/list.html", context)


@login_required
def event_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("events.add_event"):
        raise PermissionDenied
    office = is_network_office(request.user)
    initial = {}
    if request.GET.get("organisation"):
        initial["organiser"] = request.GET.get("organisation")
    form = EventForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        is_office=office,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        organiser = form.cleaned_data.get("organiser")
        if organiser is not None and not request.user.has_perm(
            "events.plan_for_organisation", organiser
        ):
            raise PermissionDenied
        event = services.event_save(form=form, by=request.user)
        messages.success(
            request, _("The event “%(title)s” has been saved.") % {"title": event.title}
        )
        return redirect("events:manage_event", pk=event.pk)
    return render(request, "events/manage/event_form.html", {"form": form, "event": None})


@login_required
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = editable_event(request, pk)
    if event.feed_id:
        return render(request, "events/manage/imported.html", {"event": event})
    office = is_network_office(request.user)
    form = EventForm(
        request.POST or None,
        request.FILES or None,
        instance=event,
        user=request.user,
        is_office=office,
    )
    if request.method == "POST" and form.is_valid():
        event = services.event_save(form=form, by=request.user)
        messages.success(
            request, _("The event “%(title)s” has been saved.") % {"title": event.title}
        )
        return redirect("events:manage_event", pk=event.pk)
    return render(request, "events/manage/event_form.html", {"form": form, "event": event})


@login_required
def event_overview(request: HttpRequest, pk: int) -> HttpResponse:
    event = editable_event(request, pk)
    context = {
        "event": event,
        "figures": services.registration_figures(event=event),
        "next_dates": selectors.event_dates(event, now=timezone.now(), limit=5)[0],
        "questions": event.questions.prefetch_related("options"),
    }
    return render(request, "events/manage/overview.html", context)


@login_required
def event_dates(request: HttpRequest, pk: int) -> HttpResponse:
    event = editable_event(request, pk)
    form = OccurrenceForm(request.POST or None, event=event)
    if request.method == "POST" and not event.feed_id and form.is_valid():
        services.session_add(
            event=event,
            starts_at=form.cleaned_data["starts_at"],
            ends_at=form.cleaned_data["ends_at"],
            note=form.cleaned_data["note"],
            by=request.user,
        )
        messages.success(request, _("The date has been added."))
        return redirect("events:manage_dates", pk=event.pk)
    show_past = request.GET.get("vergangene") == "1"
    occurrences = event.occurrences.order_by("starts_at")
    if not show_past:
        occurrences = occurrences.upcoming(timezone.now())
    page = Paginator(occurrences, 50).get_page(request.GET.get("seite"))
    context = {"event": event, "form": form, "page": page, "show_past": show_past}
    return render(request, "events/manage/dates.html", context)


@login_required
def occurrence_edit(request: HttpRequest, pk: int, occurrence_pk: int) -> HttpResponse:
    event = editable_event(request, pk)
    if event.feed_id:
        return render(request, "events/manage/imported.html", {"event": event})
    occurrence = get_object_or_404(Occurrence, pk=occurrence_pk, event=event)
    form = OccurrenceForm(request.POST or None, event=event, occurrence=occurrence)
    action = request.POST.get("action", "save")
    if request.method == "POST":
        if action == "cancel":
            services.occurrence_cancel(
                occurrence=occurrence, note=request.POST.get("note", "")[:300], by=request.user
            )
            messages.success(request, _("The date has been cancelled."))
            return redirect("events:manage_dates", pk=event.pk)
        if action == "restore":
            services.occurrence_restore(occurrence=occurrence, by=request.user)
            messages.success(request, _("The date takes place again."))
            return redirect("events:manage_dates", pk=event.pk)
        if action == "remove" and occurrence.is_session:
            services.session_remove(occurrence=occurrence, by=request.user)
            messages.success(request, _("The date has been removed."))
            return redirect("events:manage_dates", pk=event.pk)
        if form.is_valid():
            services.occurrence_change(
                occurrence=occurrence,
                starts_at=form.cleaned_data["starts_at"],
                ends_at=form.cleaned_data["ends_at"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
            messages.success(request, _("The date has been changed."))
            return redirect("events:manage_dates", pk=event.pk)
    context = {"event": event, "occurrence": occurrence, "form": form}
    return render(request, "events/manage/occurrence_form.html", context)


@login_required
def event_state(request: HttpRequest, pk: int) -> HttpResponse:
    event = editable_event(request, pk)
    form = StateForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        services.event_change_state(
            event=event,
            state=form.cleaned_data["state"],
            note=form.cleaned_data["state_note"],
            by=request.user,
        )
        messages.success(request, _("The state of the event has been saved."))
        return redirect("events:manage_event", pk=event.pk)
    return render(request, "events/manage/state_form.html", {"event": event, "form": form})


@login_required
def event_delete(request: HttpRequest, pk: int) -> HttpResponse:
    event = editable_event(request, pk)
    if request.method == "POST":
        title = event.title
        services.event_delete(event=event, by=request.user)
        messages.success(request, _("The event “%(title)s” has been deleted.") % {"title": title})
        return redirect("events:manage")
    figures = services.registration_figures(event=event)
    return render(request, "events/manage/delete.html", {"event": event, "figures": figures})


@login_required
def questions(request: HttpRequest, pk: int) -> HttpResponse:
    event = editable_event(request, pk)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        question = services.question_save(form=form, event=event)
        messages.success(request, _("The question has been added."))
        if question.kind == QuestionKind.CHOICE:
            return redirect("events:manage_question", pk=event.pk, question_pk=question.pk)
        return redirect("events:manage_questions", pk=event.pk)
    context = {
        "event": event,
        "form": form,
        "questions": event.questions.prefetch_related("options"),
        "places": selectors.places(event),
    }
    return render(request, "events/manage/questions.html", context)


@login_required
def question_edit(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    event = editable_event(request, pk)
    question = get_object_or_404(RegistrationQuestion, pk=question_pk, event=event)
    form = QuestionForm(request.POST or None, instance=question, prefix="frage")
    option_form = OptionForm(request.POST or None, prefix="option")
    if request.method == "POST":
        if request.POST.get("action") == "option" and option_form.is_valid():
            services.option_save(form=option_form, question=question)
            messages.success(request, _("The option has been added."))
            return redirect("events:manage_question", pk=event.pk, question_pk=question.pk)
        if request.POST.get("action") == "question" and form.is_valid():
            services.question_save(form=form, event=event)
            messages.success(request, _("The question has been saved."))
            return redirect("events:manage_questions", pk=event.pk)
    if request.POST.get("action") != "option":
        option_form = OptionForm(prefix="option")
    if request.POST.get("action") != "question":
        form = QuestionForm(instance=question, prefix="frage")
    free = selectors.places(event)["options"]
    context = {
        "event": event,
        "question": question,
        "form": form,
        "option_form": option_form,
        "options": [(option, free.get(option.pk)) for option in question.options.all()],
    }
    return render(request, "events/manage/question_form.html", context)


@login_required
@require_POST
def question_delete(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    event = editable_event(request, pk)
    question = get_object_or_404(RegistrationQuestion, pk=question_pk, event=event)
    services.question_delete(question=question)
    messages.success(request, _("The question has been deleted."))
    return redirect("events:manage_questions", pk=event.pk)


@login_required
def option_edit(request: HttpRequest, pk: int, option_pk: int) -> HttpResponse:
    event = editable_event(request, pk)
    option = get_object_or_404(
        RegistrationOption.objects.select_related("question"), pk=option_pk, event=event
    )
    if request.method == "POST" and request.POST.get("action") == "delete":
        services.option_delete(option=option)
        messages.success(request, _("The option has been deleted."))
        return redirect("events:manage_question", pk=event.pk, question_pk=option.question_id)
    form = OptionForm(request.POST or None, instance=option)
    if request.method == "POST" and form.is_valid():
        services.option_save(form=form, question=option.question)
        messages.success(request, _("The option has been saved."))
        return redirect("events:manage_question", pk=event.pk, question_pk=option.question_id)
    return render(
        request, "events/manage/option_form.html", {"event": event, "option": option, "form": form}
    )
