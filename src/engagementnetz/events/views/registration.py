"""Signing up for an event, confirming the address, the own registration, cancelling."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from engagementnetz.core import ratelimit

from .. import certificates, selectors, services, tasks
from ..forms import CancelForm, RegistrationForm
from ..models import Event, Registration, RegistrationQuestion, RegistrationStatus


def _registration_event(slug: str) -> Event:
    questions = RegistrationQuestion.objects.prefetch_related("options")
    event = (
        Event.objects.public()
        .select_related("organiser", "venue")
        .prefetch_related(Prefetch("questions", queryset=questions))
        .filter(slug=slug, registration_enabled=True)
        .first()
    )
    if event is None:
        raise Http404
    return event


def register(request: HttpRequest, slug: str) -> HttpResponse:
    event = _registration_event(slug)
    is_open = event.registration_is_open()
    places = selectors.places(event)
    form = RegistrationForm(
        request.POST or None, event=event, user=request.user, option_state=places["options"]
    )
    if request.method == "POST" and is_open and form.is_valid():
        data = form.cleaned_data
        if data.get("website"):  # filled in by a bot: pretend it worked
            return redirect("events:registration_sent", slug=event.slug)
        if not ratelimit.allow(request, "event-registration", email=data["email"]):
            form.add_error(
                None, _("Too many registrations from here. Please try again in an hour.")
            )
        else:
            try:
                registration = services.registration_create(
                    event=event,
                    name=data["name"],
                    email=data["email"],
                    persons=data.get("persons") or 1,
                    answers=form.answers(),
                    consent=bool(data.get("consent")),
                    user=request.user,
                )
            except services.AlreadyRegistered as exc:
                if exc.registration is not None:
                    kind = (
                        "confirm_email"
                        if exc.registration.status == RegistrationStatus.PENDING
                        else "status"
                    )
                    tasks.send_registration_mail.enqueue(exc.registration.pk, kind)
                messages.info(
                    request,
                    _(
                        "This address is already registered for this event. We have sent the "
                        "link to the registration to it once more."
                    ),
                )
                return redirect("events:registration_sent", slug=event.slug)
            except services.RegistrationError as exc:
                form.add_error(None, str(exc.message))
            else:
                if registration.status == RegistrationStatus.PENDING:
                    return redirect("events:registration_sent", slug=event.slug)
                return redirect("events:registration", token=registration.token)
    context = {"event": event, "form": form, "is_open": is_open, "places": places}
    return render(request, "events/register.html", context, status=200)


@require_GET
def registration_sent(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event.objects.public(), slug=slug)
    return render(request, "events/registration_sent.html", {"event": event})


def _by_token(token: str) -> Registration:
    return get_object_or_404(
        Registration.objects.select_related("event", "event__venue", "event__organiser"),
        token=token,
    )


def registration_confirm(request: HttpRequest, token: str) -> HttpResponse:
    registration = _by_token(token)
    if registration.status != RegistrationStatus.PENDING:
        return redirect("events:registration", token=token)
    form = CancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        registration = services.registration_confirm_email(registration=registration)
        if registration.status == RegistrationStatus.CONFIRMED:
            messages.success(request, _("Thank you! Your place is confirmed."))
        elif registration.status == RegistrationStatus.WAITING:
            messages.info(
                request,
                _("Thank you! The event is fully booked; you are on the waiting list."),
            )
        else:
            messages.warning(request, _("Unfortunately the event is now fully booked."))
        return redirect("events:registration", token=token)
    return render(
        request, "events/registration_confirm.html", {"registration": registration, "form": form}
    )


def registration_detail(request: HttpRequest, token: str) -> HttpResponse:
    registration = _by_token(token)
    answers = registration.answers.select_related("question", "option").order_by(
        "question__position", "question__pk"
    )
    position = None
    if registration.status == RegistrationStatus.WAITING:
        position = Registration.objects.filter(
            event=registration.event,
            status=RegistrationStatus.WAITING,
            queued_at__lte=registration.queued_at,
        ).count()
    context = {
        "registration": registration,
        "event": registration.event,
        "answers": answers,
        "position": position,
        "certificate_available": certificates.available(registration),
    }
    return render(request, "events/registration_detail.html", context)


def registration_cancel(request: HttpRequest, token: str) -> HttpResponse:
    registration = _by_token(token)
    if not registration.is_active:
        return redirect("events:registration", token=token)
    form = CancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.registration_cancel(registration=registration)
        messages.success(request, _("Your registration has been cancelled."))
        return redirect("events:registration", token=token)
    return render(
        request, "events/registration_cancel.html", {"registration": registration, "form": form}
    )


@require_GET
def certificate(request: HttpRequest, token: str) -> HttpResponse:
    registration = _by_token(token)
    if not certificates.available(registration):
        raise Http404
    pdf = certificates.certificate_pdf([registration])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="teilnahmebescheinigung.pdf"'
    return response


@login_required
def my_registrations(request: HttpRequest) -> HttpResponse:
    registrations = (
        Registration.objects.filter(user=request.user)
        .select_related("event", "event__venue")
        .order_by("-event__starts_at")
    )
    return render(request, "events/my_registrations.html", {"registrations": registrations})
