"""Import of the club list (CSV or XLSX) with a preview, and the export of the directory."""

import io
from dataclasses import dataclass, field

import tablib
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import DirectoryImport
from ..resources import KEY, REQUIRED_COLUMNS, OrganisationResource, as_text

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ROWS = 5000


@dataclass
class PreviewRow:
    line: int  # the line in the file, counting the header as line 1
    action: str  # new, update, skip, invalid
    key: str
    name: str
    errors: list[str] = field(default_factory=list)


@dataclass
class Preview:
    rows: list[PreviewRow]
    file_error: str = ""

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {action: self.count(action) for action in ("new", "update", "skip", "invalid")}

    @property
    def importable(self) -> int:
        return self.count("new") + self.count("update")


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(_("The file could not be read: please save it as CSV in UTF-8."))


def read_dataset(content: bytes, file_format: str) -> tablib.Dataset:
    """The rows of a CSV (comma or semicolon, as spreadsheets write it) or an XLSX file."""
    if file_format == "csv":
        text = _decode(content)
        first_line = text.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        try:
            dataset = tablib.Dataset().load(text, format="csv", delimiter=delimiter)
        except Exception as exc:  # tablib raises different errors for broken files
            raise ValidationError(_("The file could not be read as CSV.")) from exc
    else:
        try:
            from openpyxl import load_workbook  # ~20 MB, only for the rare import

            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises different errors for broken files
            raise ValidationError(_("The file could not be read as an Excel file (XLSX).")) from exc
        sheet = workbook.worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        workbook.close()
        if not rows:
            raise ValidationError(_("The file is empty."))
        dataset = tablib.Dataset(headers=[as_text(cell) for cell in rows[0]])
        for row in rows[1:]:
            dataset.append((list(row) + [None] * len(dataset.headers))[: len(dataset.headers)])
    return _normalise(dataset)


def _normalise(dataset: tablib.Dataset) -> tablib.Dataset:
    """Known columns whatever their case and spaces; empty rows and unknown columns dropped."""
    if not dataset.headers:
        raise ValidationError(_("The file is empty."))
    known = {name.casefold(): name for name in OrganisationResource.column_names()}
    headers = [known.get(as_text(header).casefold(), "") for header in dataset.headers]
    missing = [name for name in REQUIRED_COLUMNS if name not in headers]
    if missing:
        raise ValidationError(
            _("The file lacks the columns %(columns)s. The first row must name the columns.")
            % {"columns": ", ".join(f"„{name}“" for name in missing)}
        )
    keep = [index for index, header in enumerate(headers) if header]
    clean = tablib.Dataset(headers=[headers[index] for index in keep])
    for row in dataset:
        values = [row[index] for index in keep]
        if any(as_text(value) for value in values):
            clean.append(values)
    if len(clean) > MAX_IMPORT_ROWS:
        raise ValidationError(
            _("The file has more than %(count)s rows; please split it.")
            % {"count": MAX_IMPORT_ROWS}
        )
    return clean


@transaction.atomic
def directory_import_upload(*, upload, by) -> DirectoryImport:
    """Keep an uploaded club list for its preview; the file is checked for readability."""
    name = upload.name.rsplit("/", 1)[-1]
    file_format = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if file_format not in {"csv", "xlsx"}:
        raise ValidationError(_("Please upload a CSV or an Excel file (XLSX)."))
    if upload.size > MAX_IMPORT_BYTES:
        raise ValidationError(_("The file is too large (at most 5 MB)."))
    content = upload.read()
    read_dataset(content, file_format)
    return DirectoryImport.objects.create(
        file_name=name[:255], file_format=file_format, content=content, created_by=by
    )


def _messages(resource: OrganisationResource, error: ValidationError) -> list[str]:
    messages = []
    for attribute, texts in error.message_dict.items():
        column = resource.column_of(attribute) if attribute != NON_FIELD_ERRORS else ""
        for text in texts:
            messages.append(f"{column}: {text}" if column else text)
    return messages


def _run(directory_import: DirectoryImport, *, dry_run: bool, by) -> Preview:
    dataset = read_dataset(bytes(directory_import.content), directory_import.file_format)
    resource = OrganisationResource(user=by)
    result = resource.import_data(dataset, dry_run=dry_run, use_transactions=True)
    rows = []
    for index, (data, row_result) in enumerate(zip(dataset.dict, result.rows, strict=False)):
        action = row_result.import_type
        errors = []
        if row_result.validation_error is not None:
            errors = _messages(resource, row_result.validation_error)
        elif row_result.errors:
            action = "invalid"
            errors = [
                _("This row could not be processed: %(error)s") % {"error": e.error}
                for e in row_result.errors
            ]
        rows.append(
            PreviewRow(
                line=index + 2,
                action="invalid" if action in {"invalid", "error"} else action,
                key=as_text(data.get(KEY)),
                name=as_text(data.get("Name")),
                errors=errors,
            )
        )
    base_errors = [str(error.error) for error in result.base_errors]
    return Preview(rows=rows, file_error=" ".join(base_errors))


def directory_import_preview(*, directory_import: DirectoryImport, by) -> Preview:
    """What an import would do, row by row, without changing anything."""
    return _run(directory_import, dry_run=True, by=by)


@transaction.atomic
def directory_import_run(*, directory_import: DirectoryImport, by) -> Preview:
    """Import the valid rows (rows with errors are left out) and keep a summary."""
    if directory_import.imported_at is not None:
        raise ValidationError(_("This file has already been imported."))
    preview = _run(directory_import, dry_run=False, by=by)
    if preview.file_error:
        raise ValidationError(preview.file_error)
    directory_import.imported_at = timezone.now()
    directory_import.summary = preview.counts
    directory_import.content = b""  # the list holds contact data: keep only the summary
    directory_import.save(update_fields=["imported_at", "summary", "content"])
    return preview


def directory_export(*, file_format: str) -> bytes:
    """The whole directory in the import's format, so the file can be edited and re-imported."""
    dataset = OrganisationResource().export()
    if file_format == "xlsx":
        return dataset.export("xlsx")
    # With a byte order mark spreadsheet programs recognise UTF-8 (umlauts!).
    return ("\ufeff" + dataset.export("csv")).encode("utf-8")
