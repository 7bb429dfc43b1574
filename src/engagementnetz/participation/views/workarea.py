"""The network office runs processes: phases, documents, workshops, tables, paper cards, export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from engagementnetz.core.permissions import network_office_required

from .. import exports, selectors, services
from ..forms import (
    DocumentForm,
    PaperCardsForm,
    PhaseForm,
    PhotoForm,
    ProcessForm,
    ThemeTableForm,
    WorkshopForm,
)
from ..models import (
    Comment,
    Contribution,
    ModerationState,
    Phase,
    Process,
    ProcessDocument,
    ThemeTable,
    Workshop,
    WorkshopPhoto,
)


def office(view):
    return login_required(network_office_required(view))


@office
def manage(request: HttpRequest) -> HttpResponse:
    processes = list(selectors.processes_for_office())
    for process in processes:
        process.timeline = selectors.timeline(list(process.phases.all()))
    context = {
        "processes": processes,
        "pending_count": selectors.pending_count(),
    }
    return render(request, "participation/workarea/manage.html", context)


@office
def process_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    process = get_object_or_404(Process, pk=pk)
    context = {
        "process": process,
        "timeline": selectors.timeline(list(process.phases.all())),
        "documents": list(process.documents.all()),
        "workshops": list(process.workshops.all()),
        "tables": list(selectors.tables_with_counts(process).select_related("workshop")),
        "document_form": DocumentForm(),
    }
    return render(request, "participation/workarea/process_dashboard.html", context)


@office
def process_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    process = get_object_or_404(Process, pk=pk) if pk else None
    form = ProcessForm(request.POST or None, instance=process)
    if request.method == "POST" and form.is_valid():
        process = services.process_save(form=form, by=request.user)
        messages.success(request, _("The process “%(title)s” has been saved.") % {"title": process})
        return redirect("participation:manage_process", pk=process.pk)
    return render(
        request, "participation/workarea/process_form.html", {"form": form, "process": process}
    )


@office
def phase_edit(request: HttpRequest, pk: int, phase_pk: int | None = None) -> HttpResponse:
    process = get_object_or_404(Process, pk=pk)
    phase = get_object_or_404(Phase, pk=phase_pk, process=process) if phase_pk else None
    form = PhaseForm(request.POST or None, instance=phase)
    if request.method == "POST":
        if "delete" in request.POST and phase is not None:
            services.phase_delete(phase=phase)
            messages.success(request, _("The phase has been deleted."))
            return redirect("participation:manage_process", pk=process.pk)
        if form.is_valid():
            services.phase_save(form=form, process=process)
            messages.success(request, _("The phase has been saved."))
            return redirect("participation:manage_process", pk=process.pk)
    context = {"form": form, "process": process, "object": phase, "new_title": _("New phase")}
    return render(request, "participation/workarea/child_form.html", context)


@office
def table_edit(request: HttpRequest, pk: int, table_pk: int | None = None) -> HttpResponse:
    process = get_object_or_404(Process, pk=pk)
    table = get_object_or_404(ThemeTable, pk=table_pk, process=process) if table_pk else None
    form = ThemeTableForm(request.POST or None, instance=table, process=process)
    if request.method == "POST":
        if "delete" in request.POST and table is not None:
            services.table_delete(table=table)
            messages.success(request, _("The theme table has been deleted."))
            return redirect("participation:manage_process", pk=process.pk)
        if form.is_valid():
            services.table_save(form=form, process=process)
            messages.success(request, _("The theme table has been saved."))
            return redirect("participation:manage_process", pk=process.pk)
    context = {"form": form, "process": process, "object": table, "new_title": _("New theme table")}
    return render(request, "participation/workarea/child_form.html", context)


@office
def workshop_edit(request: HttpRequest, pk: int, workshop_pk: int | None = None) -> HttpResponse:
    process = get_object_or_404(Process, pk=pk)
    workshop = get_object_or_404(Workshop, pk=workshop_pk, process=process) if workshop_pk else None
    form = WorkshopForm(request.POST or None, instance=workshop, process=process)
    if request.method == "POST" and form.is_valid():
        workshop = services.workshop_save(form=form, process=process)
        messages.success(request, _("The Zukunftswerkstatt has been saved."))
        return redirect("participation:manage_workshop", pk=process.pk, workshop_pk=workshop.pk)
    context = {
        "form": form,
        "process": process,
        "workshop": workshop,
        "photos": list(workshop.photos.all()) if workshop else [],
        "photo_form": PhotoForm(),
    }
    return render(request, "participation/workarea/workshop_form.html", context)


@office
@require_POST
def photo_add(request: HttpRequest, pk: int, workshop_pk: int) -> HttpResponse:
    workshop = get_object_or_404(
        Workshop.objects.select_related("process"), pk=workshop_pk, process_id=pk
    )
    photo_form = PhotoForm(request.POST, request.FILES)
    if photo_form.is_valid():
        services.photo_add(workshop=workshop, **photo_form.cleaned_data)
        messages.success(request, _("The photo has been added."))
        return redirect("participation:manage_workshop", pk=pk, workshop_pk=workshop.pk)
    context = {
        "form": WorkshopForm(instance=workshop, process=workshop.process),
        "process": workshop.process,
        "workshop": workshop,
        "photos": list(workshop.photos.all()),
        "photo_form": photo_form,
    }
    return render(request, "participation/workarea/workshop_form.html", context)


@office
@require_POST
def photo_delete(request: HttpRequest, pk: int, photo_pk: int) -> HttpResponse:
    photo = get_object_or_404(WorkshopPhoto, pk=photo_pk, workshop__process_id=pk)
    workshop_pk = photo.workshop_id
    services.photo_delete(photo=photo)
    messages.success(request, _("The photo has been deleted."))
    return redirect("participation:manage_workshop", pk=pk, workshop_pk=workshop_pk)


@office
@require_POST
def document_add(request: HttpRequest, pk: int) -> HttpResponse:
    process = get_object_or_404(Process, pk=pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        services.document_add(
            process=process, title=form.cleaned_data["title"], upload=form.cleaned_data["file"]
        )
        messages.success(request, _("The document has been added."))
        return redirect("participation:manage_process", pk=process.pk)
    context = {
        "process": process,
        "timeline": selectors.timeline(list(process.phases.all())),
        "documents": list(process.documents.all()),
        "workshops": list(process.workshops.all()),
        "tables": list(selectors.tables_with_counts(process).select_related("workshop")),
        "document_form": form,
    }
    return render(request, "participation/workarea/process_dashboard.html", context)


@office
@require_POST
def document_delete(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    document = get_object_or_404(ProcessDocument, pk=document_pk, process_id=pk)
    services.document_delete(document=document)
    messages.success(request, _("The document has been deleted."))
    return redirect("participation:manage_process", pk=pk)


@office
def paper_cards(request: HttpRequest, pk: int) -> HttpResponse:
    process = get_object_or_404(Process, pk=pk)
    form = PaperCardsForm(request.POST or None, process=process)
    if request.method == "POST" and form.is_valid():
        created = services.paper_cards_enter(
            process=process,
            table=form.cleaned_data["table"],
            kind=form.cleaned_data["kind"],
            texts=form.cleaned_data["cards"],
            workshop=form.cleaned_data["workshop"],
            by=request.user,
        )
        messages.success(
            request,
            ngettext(
                "%(count)d card has been entered.",
                "%(count)d cards have been entered.",
                len(created),
            )
            % {"count": len(created)},
        )
        # Keep workshop, table and kind: the next cards are usually of the same table.
        return redirect(
            f"{request.path}?werkstatt={form.cleaned_data['workshop'].pk}"
            f"&tisch={form.cleaned_data['table'].pk}&art={form.cleaned_data['kind']}"
        )
    if request.method == "GET":
        form = PaperCardsForm(
            process=process,
            initial={
                "workshop": request.GET.get("werkstatt"),
                "table": request.GET.get("tisch"),
                "kind": request.GET.get("art"),
            },
        )
    return render(
        request, "participation/workarea/paper_cards.html", {"process": process, "form": form}
    )


@office
def export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    process = get_object_or_404(Process, pk=pk)
    return exports.contributions_response(process=process, fmt=fmt)


@office
def moderation_queue(request: HttpRequest) -> HttpResponse:
    context = {
        "contributions": list(
            Contribution.objects.awaiting_review()
            .select_related("process", "table")
            .order_by("created_at", "pk")[:100]
        ),
        "comments": list(
            Comment.objects.awaiting_review()
            .select_related("contribution__process")
            .order_by("created_at", "pk")[:100]
        ),
        "recent": list(
            Contribution.objects.filter(moderation=ModerationState.PUBLISHED, source="online")
            .select_related("process", "table")
            .order_by("-published_at", "-pk")[:30]
        ),
    }
    return render(request, "participation/workarea/moderation_queue.html", context)
