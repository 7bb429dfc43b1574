"""The organisers' view of the registrations: list, check-in, export, attendance list, mail."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import certificates, exports, selectors, services
from ..manage_forms import MessageForm
from ..models import Registration, RegistrationStatus
from .manage import editable_event


@login_required
def registration_list(request: HttpRequest, pk: int) -> HttpResponse:
    event = editable_event(request, pk)
    status = request.GET.get("status", "")
    if status not in RegistrationStatus.values:
        status = ""
    context = {
        "event": event,
        "figures": services.registration_figures(event=event),
        "registrations": selectors.registrations_of(event, status=status),
        "questions": list(event.questions.all()),
        "status": status,
        "statuses": RegistrationStatus.choices,
    }
    return render(request, "events/manage/registrations.html", context)


def _registration(request, pk: int, registration_pk: int):
    event = editable_event(request, pk)
    registration = get_object_or_404(
        Registration.objects.prefetch_related("answers__option", "answers__question"),
        pk=registration_pk,
        event=event,
    )
    return event, registration


@login_required
@require_POST
def registration_attended(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    event, registration = _registration(request, pk, registration_pk)
    attended = request.POST.get("attended") == "1"
    try:
        services.registration_set_attended(registration=registration, attended=attended)
    except services.RegistrationError as exc:
        messages.error(request, str(exc.message))
    if request.headers.get("HX-Request"):
        context = {
            "event": event,
            "registration": registration,
            "questions": list(event.questions.all()),
        }
        return render(request, "events/manage/_registration_row.html", context)
    url = reverse("events:manage_registrations", kwargs={"pk": event.pk})
    return redirect(f"{url}#anmeldung-{registration.pk}")


@login_required
def registration_remove(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    event, registration = _registration(request, pk, registration_pk)
    if request.method == "POST":
        services.registration_cancel(registration=registration, by_organiser=True)
        messages.success(
            request,
            _("The registration of %(name)s has been cancelled.") % {"name": registration.name},
        )
        return redirect("events:manage_registrations", pk=event.pk)
    return render(
        request,
        "events/manage/registration_remove.html",
        {"event": event, "registration": registration},
    )


@login_required
@require_GET
def registration_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    event = editable_event(request, pk)
    registrations = selectors.registrations_of(event)
    name = f"anmeldungen-{slugify(event.title)[:60]}"
    if fmt == "csv":
        response = HttpResponse(exports.as_csv(event, registrations), content_type="text/csv")
    elif fmt == "xlsx":
        response = HttpResponse(
            exports.as_xlsx(event, registrations),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@login_required
@require_GET
def attendance_list(request: HttpRequest, pk: int) -> HttpResponse:
    event = editable_event(request, pk)
    registrations = selectors.registrations_of(event, status=RegistrationStatus.CONFIRMED).order_by(
        "name", "pk"
    )
    context = {
        "event": event,
        "registrations": registrations,
        "questions": list(event.questions.all()),
        "figures": services.registration_figures(event=event),
    }
    return render(request, "events/manage/attendance_list.html", context)


@login_required
def registrants_message(request: HttpRequest, pk: int) -> HttpResponse:
    event = editable_event(request, pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        message = services.registrants_message(
            event=event,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
            include_waiting=form.cleaned_data["include_waiting"],
            by=request.user,
        )
        messages.success(
            request,
            _("The message is being sent to %(count)s people.")
            % {"count": message.recipient_count},
        )
        return redirect("events:manage_registrations", pk=event.pk)
    sent = event.registrant_messages.select_related("sent_by")[:20]
    return render(
        request, "events/manage/message_form.html", {"event": event, "form": form, "sent": sent}
    )


@login_required
@require_GET
def certificates_all(request: HttpRequest, pk: int) -> HttpResponse:
    event = editable_event(request, pk)
    registrations = [
        r
        for r in Registration.objects.filter(
            event=event, status=RegistrationStatus.CONFIRMED, attended=True
        )
        .select_related("event", "event__venue", "event__organiser")
        .order_by("name")
        if certificates.available(r)
    ]
    if not registrations:
        raise Http404
    response = HttpResponse(
        certificates.certificate_pdf(registrations), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="teilnahmebescheinigungen-{slugify(event.title)[:60]}.pdf"'
    )
    return response
