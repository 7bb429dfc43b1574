"""The club list as a file: columns, parsing with German messages, and how rows find entries.

The column names are part of the file format (the network office keeps its list in a
spreadsheet), so they are German in every language of the site. The key column ("Schlüssel")
identifies an entry: a re-import updates the entry with the same key instead of adding it again.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources, widgets

from engagementnetz.core.models import District, Field, TargetGroup
from engagementnetz.search.services import index_update

from .models import ChangeRecord, Organisation, OrganisationKind, OrganisationState
from .slugs import unique_slug

KEY = "Schlüssel"
REQUIRED_COLUMNS = (KEY, "Name", "Art")
TRUE_WORDS = {"ja", "j", "x", "1", "true", "wahr", "yes", "y"}
FALSE_WORDS = {"nein", "n", "0", "false", "falsch", "no", "-", ""}


def as_text(value) -> str:
    """Cells of spreadsheets come as numbers, dates or text; the import reads them as text."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class TextWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return as_text(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class KindWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = as_text(value).casefold()
        if not text:
            raise ValueError(_("The kind is missing (for example “Verein” or “Initiative”)."))
        for kind in OrganisationKind:
            with translation.override("de"):
                german = str(kind.label).casefold()
            if text in {kind.value, german, str(kind.label).casefold()}:
                return kind.value
            # "Verband/Netzwerk" and "Verband" both mean the same kind.
            if text in german.split("/"):
                return kind.value
        with translation.override("de"):
            known = ", ".join(str(kind.label) for kind in OrganisationKind)
        raise ValueError(
            _("Unknown kind “%(value)s”. Possible are: %(known)s.")
            % {"value": as_text(value), "known": known}
        )

    def render(self, value, obj=None, **kwargs):
        with translation.override("de"):
            return str(OrganisationKind(value).label) if value else ""


class StateWidget(widgets.Widget):
    def render(self, value, obj=None, **kwargs):
        with translation.override("de"):
            return str(OrganisationState(value).label) if value else ""


class YesNoWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = as_text(value).casefold()
        if text in TRUE_WORDS:
            return True
        if text in FALSE_WORDS:
            return False
        raise ValueError(_("Please write “ja” or “nein” (not “%(value)s”).") % {"value": value})

    def render(self, value, obj=None, **kwargs):
        return "ja" if value else "nein"


class YearWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = as_text(value)
        if not text:
            return None
        this_year = timezone.localdate().year
        try:
            year = int(text)
        except ValueError:
            raise ValueError(
                _("Please give the year as a number, for example 1898 (not “%(value)s”).")
                % {"value": text}
            ) from None
        if not 800 <= year <= this_year:
            raise ValueError(_("The year must lie between 800 and %(year)s.") % {"year": this_year})
        return year

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class CoordinateWidget(widgets.Widget):
    def __init__(self, *, limit: int, **kwargs):
        super().__init__(**kwargs)
        self.limit = limit

    def clean(self, value, row=None, **kwargs):
        text = as_text(value).replace(",", ".")
        if not text:
            return None
        try:
            number = Decimal(text).quantize(Decimal("0.000001"))
        except InvalidOperation:
            raise ValueError(
                _("Please give a decimal number, for example 49.967 (not “%(value)s”).")
                % {"value": as_text(value)}
            ) from None
        if abs(number) > self.limit:
            raise ValueError(
                _("The value must lie between -%(limit)s and %(limit)s.") % {"limit": self.limit}
            )
        return number

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


def _lookup(model, text: str):
    return model.objects.filter(Q(name__iexact=text) | Q(slug__iexact=text)).first()


class VocabularyWidget(widgets.ForeignKeyWidget):
    """One term of a list the network office keeps (the district), found by its name."""

    def __init__(self, model, *, label: str, **kwargs):
        super().__init__(model, field="name", **kwargs)
        self.label = label

    def clean(self, value, row=None, **kwargs):
        text = as_text(value)
        if not text:
            return None
        term = _lookup(self.model, text)
        if term is None:
            raise ValueError(
                _("Unknown %(list)s “%(value)s”. Possible are: %(known)s.")
                % {"list": self.label, "value": text, "known": _known(self.model)}
            )
        return term

    def render(self, value, obj=None, **kwargs):
        return value.name if value else ""


class VocabularyListWidget(widgets.ManyToManyWidget):
    """Several terms (fields, target groups), separated by semicolons or commas."""

    def __init__(self, model, *, label: str, **kwargs):
        super().__init__(model, separator="; ", field="name", **kwargs)
        self.label = label

    def clean(self, value, row=None, **kwargs):
        text = as_text(value)
        if not text:
            return []
        names = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
        found, unknown = [], []
        for name in names:
            term = _lookup(self.model, name)
            (found.append(term) if term else unknown.append(name))
        if unknown:
            raise ValueError(
                _("Unknown %(list)s: %(values)s. Possible are: %(known)s.")
                % {
                    "list": self.label,
                    "values": ", ".join(f"„{name}“" for name in unknown),
                    "known": _known(self.model),
                }
            )
        return found

    def render(self, value, obj=None, **kwargs):
        return "; ".join(term.name for term in value.all()) if value is not None else ""


def _known(model) -> str:
    return ", ".join(model.objects.active().values_list("name", flat=True))


def _field(attribute: str, column: str, widget=None, **kwargs) -> fields.Field:
    return fields.Field(
        attribute=attribute, column_name=column, widget=widget or TextWidget(), **kwargs
    )


class OrganisationResource(resources.ModelResource):
    external_key = _field("external_key", KEY)
    name = _field("name", "Name")
    kind = _field("kind", "Art", KindWidget())
    fields_ = _field(
        "fields",
        "Engagementbereiche",
        VocabularyListWidget(Field, label=gettext_lazy("field of engagement")),
    )
    target_groups = _field(
        "target_groups",
        "Zielgruppen",
        VocabularyListWidget(TargetGroup, label=gettext_lazy("target group")),
    )
    district = _field(
        "district", "Stadtteil", VocabularyWidget(District, label=gettext_lazy("district"))
    )
    street = _field("street", "Straße")
    postcode = _field("postcode", "PLZ")
    city = _field("city", "Ort")
    latitude = _field("latitude", "Breitengrad", CoordinateWidget(limit=90))
    longitude = _field("longitude", "Längengrad", CoordinateWidget(limit=180))
    short_description = _field("short_description", "Kurzbeschreibung")
    description = _field("description", "Beschreibung")
    meeting_times = _field("meeting_times", "Treffzeiten")
    website = _field("website", "Website")
    social_links = _field("social_links", "Soziale Medien")
    email = _field("email", "E-Mail")
    show_email = _field("show_email", "E-Mail öffentlich", YesNoWidget())
    phone = _field("phone", "Telefon")
    show_phone = _field("show_phone", "Telefon öffentlich", YesNoWidget())
    register_number = _field("register_number", "Registernummer")
    founded_year = _field("founded_year", "Gründungsjahr", YearWidget())
    seeks_members = _field("seeks_members", "Sucht Mitglieder", YesNoWidget())
    seeks_volunteers = _field("seeks_volunteers", "Sucht Engagierte", YesNoWidget())
    barrier_free = _field("barrier_free", "Barrierefrei", YesNoWidget())
    accessibility_notes = _field("accessibility_notes", "Hinweise zur Barrierefreiheit")
    languages = _field("languages", "Sprachen")
    # Only in the export: the state and the address of the entry on the site.
    state = _field("state", "Status", StateWidget(), readonly=True)
    slug = _field("slug", "Adresse auf der Website", readonly=True)

    class Meta:
        model = Organisation
        fields = (
            "external_key",
            "name",
            "kind",
            "fields_",
            "target_groups",
            "district",
            "street",
            "postcode",
            "city",
            "latitude",
            "longitude",
            "short_description",
            "description",
            "meeting_times",
            "website",
            "social_links",
            "email",
            "show_email",
            "phone",
            "show_phone",
            "register_number",
            "founded_year",
            "seeks_members",
            "seeks_volunteers",
            "barrier_free",
            "accessibility_notes",
            "languages",
            "state",
            "slug",
        )
        export_order = fields
        import_id_fields = ["external_key"]
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        store_instance = True
        skip_html_diff = True

    def __init__(self, *, user=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user

    @classmethod
    def column_names(cls) -> list[str]:
        return [field.column_name for field in cls().get_export_fields()]

    @classmethod
    def import_column_names(cls) -> list[str]:
        return [field.column_name for field in cls().get_export_fields() if not field.readonly]

    def column_of(self, attribute: str) -> str:
        for field in self.get_import_fields():
            if field.attribute == attribute:
                return field.column_name
        return ""

    def get_export_queryset(self, **kwargs):
        return (
            Organisation.objects.select_related("district")
            .prefetch_related("fields", "target_groups")
            .order_by("name", "pk")
        )

    def before_import_row(self, row, **kwargs):
        row[KEY] = as_text(row.get(KEY))
        if not row[KEY]:
            raise ValidationError(
                {
                    "external_key": _(
                        "The key is missing. Every row needs one, so that a later import "
                        "updates the entry instead of adding it again."
                    )
                }
            )

    def import_instance(self, instance, row, **kwargs):
        # The library checks many-to-many columns only when saving; check them here so that
        # unknown fields or target groups are errors of the row, shown in the preview.
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as exc:
                    errors[field.attribute] = [ValidationError(str(exc))]
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        if not instance.slug and instance.name:
            instance.slug = unique_slug(Organisation, instance.name)
        super().validate_instance(instance, import_validation_errors, validate_unique)

    def before_save_instance(self, instance, row, **kwargs):
        now = timezone.now()
        if instance.pk is None:
            # The office's own list is trusted: its entries are public and can be claimed.
            instance.state = OrganisationState.VERIFIED
            instance.verified_at = now
            instance.verified_by = self.user
            instance.reviewed_at = now
            return
        self._record_changes(instance, row)

    def _record_changes(self, instance, row) -> None:
        from .services.entries import display_value

        stored = Organisation.objects.get(pk=instance.pk)
        changes = []
        for field in self.get_import_fields():
            if field.readonly or field.column_name not in row or field.attribute == "external_key":
                continue
            if isinstance(field.widget, widgets.ManyToManyWidget):
                old = display_value(stored, field.attribute)
                new = ", ".join(sorted(term.name for term in field.clean(row)))
            else:
                old = display_value(stored, field.attribute)
                new = display_value(instance, field.attribute)
            if old != new:
                changes.append({"field": field.attribute, "old": old, "new": new})
        if changes:
            ChangeRecord.objects.create(organisation=stored, changed_by=self.user, changes=changes)

    def after_import_row(self, row, row_result, **kwargs):
        if kwargs.get("dry_run") or row_result.import_type not in {"new", "update"}:
            return
        if row_result.instance is not None:
            index_update(row_result.instance)


def export_file_name(file_format: str) -> str:
    return f"verzeichnis-{timezone.localdate().isoformat()}.{file_format}"
