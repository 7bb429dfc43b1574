"""Writes for processes and what belongs to them: phases, documents, workshops, theme tables."""

from django.db import transaction

from engagementnetz.core.uploads import strip_metadata
from engagementnetz.search.services import index_remove, index_update

from ..models import (
    ChangeKind,
    Phase,
    Process,
    ProcessDocument,
    ThemeTable,
    Workshop,
    WorkshopPhoto,
)
from .changes import change_record


@transaction.atomic
def process_save(*, form, by) -> Process:
    """Create or change a process (a bound, valid ModelForm); followers hear of new results."""
    results_before = Process.objects.filter(pk=form.instance.pk).values_list("results", flat=True)
    results_before = results_before[0] if form.instance.pk and results_before else ""
    process = form.save()
    if process.results.strip() and process.results != results_before:
        change_record(
            kind=ChangeKind.RESULTS_UPDATED,
            title=process.title,
            path=process.get_absolute_url() + "#ergebnisse",
            process=process,
        )
    transaction.on_commit(lambda: index_update(process))
    return process


@transaction.atomic
def process_delete(*, process: Process) -> None:
    """Delete a process with everything that belongs to it (contributions, documents, …)."""
    index_remove(process)
    for contribution in process.contributions.all():
        index_remove(contribution)
    process.delete()


@transaction.atomic
def phase_save(*, form, process: Process) -> Phase:
    phase = form.save(commit=False)
    phase.process = process
    phase.save()
    return phase


@transaction.atomic
def phase_delete(*, phase: Phase) -> None:
    phase.delete()


@transaction.atomic
def document_add(*, process: Process, title: str, upload) -> ProcessDocument:
    """Attach a (checked) PDF to the process; followers hear of it."""
    document = ProcessDocument(process=process, title=title, size=upload.size)
    document.file.save(upload.name, upload, save=False)
    document.save()
    change_record(
        kind=ChangeKind.DOCUMENT_ADDED,
        title=title,
        path=document.file.url,
        process=process,
    )
    return document


@transaction.atomic
def document_delete(*, document: ProcessDocument) -> None:
    storage, name = document.file.storage, document.file.name
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def table_save(*, form, process: Process) -> ThemeTable:
    table = form.save(commit=False)
    table.process = process
    table.save()
    return table


@transaction.atomic
def table_delete(*, table: ThemeTable) -> None:
    """Delete a theme table; its contributions stay with the process, without a table."""
    table.delete()


@transaction.atomic
def workshop_save(*, form, process: Process) -> Workshop:
    workshop = form.save(commit=False)
    workshop.process = process
    workshop.save()
    form.save_m2m()
    return workshop


@transaction.atomic
def photo_add(
    *, workshop: Workshop, image, alt_text: str, caption: str, copyright: str
) -> WorkshopPhoto:
    """Add a photo to a workshop's documentation; location and camera data are removed."""
    clean = strip_metadata(image)
    photo = WorkshopPhoto(
        workshop=workshop,
        alt_text=alt_text,
        caption=caption,
        copyright=copyright,
        position=workshop.photos.count(),
    )
    photo.image.save(clean.name, clean, save=False)
    photo.save()
    return photo


@transaction.atomic
def photo_delete(*, photo: WorkshopPhoto) -> None:
    storage, name = photo.image.storage, photo.image.name
    photo.delete()
    transaction.on_commit(lambda: storage.delete(name))
