"""The list of registrations as CSV (for Excel: semicolons, UTF-8 with BOM) and XLSX."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .models import Event, RegistrationStatus


def _moment(value) -> str:
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M") if value else ""


def table(event: Event, registrations) -> tuple[list[str], list[list]]:
    """Header and rows: one row per registration, one column per question of the event."""
    questions = list(event.questions.all())
    header = [
        _("Name"),
        _("E-mail address"),
        _("Persons"),
        _("Status"),
        _("Registered"),
        _("Place or waiting list since"),
        _("Attended"),
        *(question.label for question in questions),
    ]
    statuses = dict(RegistrationStatus.choices)
    rows = []
    for registration in registrations:
        answers = {answer.question_id: answer.display for answer in registration.answers.all()}
        rows.append(
            [
                registration.name or _("(deleted)"),
                registration.email,
                registration.persons,
                str(statuses.get(registration.status, registration.status)),
                _moment(registration.created_at),
                _moment(registration.queued_at),
                _("yes") if registration.attended else _("no"),
                *(answers.get(question.pk, "") for question in questions),
            ]
        )
    return header, rows


def _safe(value):
    # Cells starting with these characters are formulas in spreadsheet programs.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def as_csv(event: Event, registrations) -> bytes:
    header, rows = table(event, registrations)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(event: Event, registrations) -> bytes:
    header, rows = table(event, registrations)
    # Imported here: openpyxl costs every web process about 20 MB, and few ever export.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = pgettext("events", "Registrations")[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_safe(value) for value in row])
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
