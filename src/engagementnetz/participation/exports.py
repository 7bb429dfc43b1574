"""All contributions of a process as CSV or XLSX, for the workshop team."""

import csv
import io

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .models import Contribution, Process


def _header() -> list[str]:
    return [
        _("No."),
        _("Theme table"),
        _("Kind"),
        _("Text"),
        _("Name or pseudonym"),
        _("Source"),
        _("Visibility"),
        _("Reason for hiding"),
        # With its context: the bare word is translated differently by other apps' catalogues.
        pgettext("participation", "State"),
        _("Reason"),
        _("Answer of the network office"),
        _("Supports"),
        _("Comments"),
        _("Measures"),
        _("Received on"),
    ]


def contribution_rows(process: Process) -> list[list]:
    """One row per contribution that was confirmed (unconfirmed ones are nobody's yet)."""
    contributions = (
        Contribution.objects.filter(process=process)
        .exclude(moderation="unconfirmed")
        .select_related("table", "workshop")
        .prefetch_related("measures")
        .order_by("table__position", "table_id", "kind", "pk")
    )
    rows = []
    for c in contributions:
        source = (
            c.workshop.source_label if c.is_from_workshop and c.workshop else c.get_source_display()
        )
        rows.append(
            [
                c.pk,
                c.table.title if c.table else "",
                c.get_kind_display(),
                c.text,
                c.author_name,
                source,
                c.get_moderation_display(),
                c.hidden_reason,
                c.get_status_display(),
                c.status_reason,
                c.official_answer,
                c.support_count,
                c.comment_count,
                "; ".join(m.title for m in c.measures.all()),
                timezone.localtime(c.created_at).strftime("%d.%m.%Y %H:%M"),
            ]
        )
    return rows


def _safe(value):
    # Cells starting with these would be run as formulas by spreadsheet programs.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def contributions_response(*, process: Process, fmt: str) -> HttpResponse:
    rows = [_header(), *([_safe(v) for v in row] for row in contribution_rows(process))]
    filename = f"beitraege-{process.slug}"
    if fmt == "csv":
        buffer = io.StringIO()
        # A BOM and semicolons: what spreadsheet programs in Germany open without asking.
        buffer.write("\ufeff")
        csv.writer(buffer, delimiter=";").writerows(rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    if fmt == "xlsx":
        # Imported here: openpyxl costs every web process about 20 MB, and few ever export.
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = _("Contributions")[:31]
        for row in rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
        return response
    raise Http404
