"""Forms of citizens (contribute, comment, support, follow) and of the network office."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from engagementnetz.core.forms import HoneypotField
from engagementnetz.core.uploads import ValidatedImageField
from engagementnetz.events.models import Event, RegistrationOption
from engagementnetz.organisations.models import Organisation, Project

from .links import public_path
from .models import (
    ContributionKind,
    ContributionStatus,
    Measure,
    MeasureState,
    Phase,
    Process,
    ThemeTable,
    Workshop,
)

MAX_CONTRIBUTION_LENGTH = 2000
MAX_COMMENT_LENGTH = 1000
MAX_PDF_BYTES = 20 * 1024 * 1024

EMAIL_HELP = _(
    "We send you a link to confirm. Your address is never shown and is deleted if you do not "
    "confirm within seven days."
)


class _CitizenForm(forms.Form):
    """Common to what citizens send: the e-mail address without an account, and the honeypot."""

    website = HoneypotField()

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user is not None and user.is_authenticated:
            del self.fields["email"]

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class ContributionForm(_CitizenForm):
    table = forms.ModelChoiceField(
        label=_("Theme table"), queryset=ThemeTable.objects.none(), empty_label=_("Please choose")
    )
    kind = forms.ChoiceField(
        label=_("What kind of contribution is it?"),
        choices=ContributionKind.choices,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Your contribution"),
        max_length=MAX_CONTRIBUTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("At most 2,000 characters."),
    )
    author_name = forms.CharField(
        label=_("Name or pseudonym"),
        max_length=80,
        required=False,
        help_text=_("Shown with your contribution. Leave it empty to contribute anonymously."),
    )
    email = forms.EmailField(label=_("E-mail address"), help_text=EMAIL_HELP)
    follow = forms.BooleanField(
        label=_("Keep me informed about this process (at most one e-mail a day)"),
        required=False,
    )
    field_order = ["table", "kind", "text", "author_name", "email", "follow", "website"]

    def __init__(self, *args, process: Process, table: ThemeTable | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process
        tables = process.tables.all()
        if table is not None or not tables.exists():
            del self.fields["table"]
            self.fixed_table = table
        else:
            self.fields["table"].queryset = tables
            self.fixed_table = None

    def chosen_table(self) -> ThemeTable | None:
        return self.fixed_table or self.cleaned_data.get("table")


class CommentForm(_CitizenForm):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("At most 1,000 characters."),
    )
    author_name = forms.CharField(
        label=_("Name or pseudonym"),
        max_length=80,
        required=False,
        help_text=_("Shown with your comment. Leave it empty to comment anonymously."),
    )
    email = forms.EmailField(label=_("E-mail address"), help_text=EMAIL_HELP)
    field_order = ["text", "author_name", "email", "website"]


class SupportForm(_CitizenForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("So that everyone supports once. We send you a link to confirm."),
    )


class FollowForm(_CitizenForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_(
            "At most one e-mail a day, only when something changed. You can unsubscribe with "
            "one click in every mail."
        ),
    )


# --- Work area of the network office -------------------------------------------------------


def _slug_from_address(value: str) -> str:
    """ "/termine/vereinsfest/", a full link or just "vereinsfest" all give "vereinsfest"."""
    value = value.strip().split("?")[0].split("#")[0].rstrip("/")
    return value.rsplit("/", 1)[-1]


class AddressesField(forms.CharField):
    """Events or projects given by their addresses on the site, one per line.

    Thousands of events make a selection list useless; the office copies the address instead.
    """

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, *, queryset, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.queryset = queryset

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(public_path(item) or item.slug for item in value)
        return value

    def clean(self, value):
        text = super().clean(value)
        slugs = [_slug_from_address(line) for line in text.splitlines() if line.strip()]
        found = {obj.slug: obj for obj in self.queryset.filter(slug__in=slugs)}
        missing = [slug for slug in slugs if slug not in found]
        if missing:
            raise ValidationError(
                _("Nothing found at the address “%(address)s”.") % {"address": missing[0]}
            )
        return list(dict.fromkeys(found[slug] for slug in slugs))


class AddressField(AddressesField):
    widget = forms.TextInput

    def prepare_value(self, value):
        if isinstance(value, int):
            value = self.queryset.filter(pk=value).first()
        if hasattr(value, "slug"):
            return public_path(value) or value.slug
        return value or ""

    def clean(self, value):
        found = super().clean(value)
        if len(found) > 1:
            raise ValidationError(_("Please give one address only."))
        return found[0] if found else None


class _SlugFromTitleMixin:
    """An empty address is made from the title; addresses must be unique."""

    slug_scope: dict = {}

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or slugify(self.data.get(self.add_prefix("title"), ""))
        if not slug:
            raise ValidationError(_("Please enter a title or an address."))
        if slug in getattr(self, "RESERVED", ()):
            raise ValidationError(_("This address is taken already; please choose another."))
        model = self._meta.model
        taken = model.objects.filter(slug=slug, **self.slug_scope).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(_("This address is taken already; please choose another."))
        return slug


class ProcessForm(_SlugFromTitleMixin, forms.ModelForm):
    RESERVED = {"bestaetigen", "abbestellen"}

    class Meta:
        model = Process
        fields = [
            "title",
            "slug",
            "summary",
            "description",
            "results",
            "moderation",
            "is_published",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 10}),
            "results": forms.Textarea(attrs={"rows": 8}),
            "moderation": forms.RadioSelect,
        }
        help_texts = {"slug": _("Leave empty to make it from the title.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False


class PhaseForm(forms.ModelForm):
    class Meta:
        model = Phase
        fields = ["title", "description", "starts_on", "ends_on", "allows_contributions"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end must not be before the start."))
        return cleaned


def validate_pdf(upload) -> None:
    if upload.size > MAX_PDF_BYTES:
        raise ValidationError(_("The file is too large (at most 20 MB)."))
    position = upload.tell()
    head = upload.read(5)
    upload.seek(position)
    if head != b"%PDF-" or not upload.name.lower().endswith(".pdf"):
        raise ValidationError(_("Please upload a PDF file."))


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File (PDF)"),
        validators=[validate_pdf],
        help_text=_("A PDF of at most 20 MB. Please use accessible PDFs where you can."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )


class ThemeTableForm(_SlugFromTitleMixin, forms.ModelForm):
    class Meta:
        model = ThemeTable
        fields = [
            "title",
            "slug",
            "question",
            "moderators",
            "workshop",
            "registration_option",
            "position",
        ]
        widgets = {"question": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"slug": _("Leave empty to make it from the title.")}

    def __init__(self, *args, process: Process, **kwargs):
        super().__init__(*args, **kwargs)
        self.slug_scope = {"process": process}
        self.fields["slug"].required = False
        self.fields["workshop"].queryset = process.workshops.all()
        self.fields["registration_option"].queryset = RegistrationOption.objects.filter(
            event__participation_workshops__process=process
        ).select_related("event")


class WorkshopForm(_SlugFromTitleMixin, forms.ModelForm):
    class Meta:
        model = Workshop
        fields = [
            "title",
            "slug",
            "held_on",
            "venue",
            "facilitation",
            "description",
            "documentation",
            "event",
            "registered_count",
            "present_count",
        ]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 4}),
            "documentation": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {"slug": _("Leave empty to make it from the title.")}

    def __init__(self, *args, process: Process, **kwargs):
        super().__init__(*args, **kwargs)
        self.slug_scope = {"process": process}
        self.fields["slug"].required = False
        self.fields["event"] = AddressField(
            queryset=Event.objects.all(),
            label=_("Event with registration"),
            help_text=_(
                "The address of the event in the calendar, e.g. /termine/zukunftswerkstatt/. "
                "Registered and present people are then counted from its registrations."
            ),
            initial=self.instance.event if self.instance.event_id else None,
        )

    def clean(self):
        cleaned = super().clean()
        registered, present = cleaned.get("registered_count"), cleaned.get("present_count")
        if registered is not None and present is not None and present > registered:
            self.add_error("present_count", _("More people present than registered?"))
        return cleaned


class PhotoForm(forms.Form):
    # The platform's image field: its German messages for a wrong type, a bomb or a huge file.
    image = ValidatedImageField(
        label=_("Photo"),
        help_text=_("JPEG, PNG or WebP. Location and camera data are removed."),
    )
    alt_text = forms.CharField(
        label=_("Description for people who cannot see the photo"), max_length=250
    )
    caption = forms.CharField(label=_("Caption"), max_length=250, required=False)
    copyright = forms.CharField(
        label=_("Copyright"), max_length=150, help_text=_("e.g. © Stadt Bitburg")
    )


class PaperCardsForm(forms.Form):
    workshop = forms.ModelChoiceField(
        label=_("Zukunftswerkstatt"), queryset=Workshop.objects.none()
    )
    table = forms.ModelChoiceField(label=_("Theme table"), queryset=ThemeTable.objects.none())
    kind = forms.ChoiceField(
        label=_("Kind of the cards"), choices=ContributionKind.choices, widget=forms.RadioSelect
    )
    cards = forms.CharField(
        label=_("Cards"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("One card per line, as written on the card."),
    )

    def __init__(self, *args, process: Process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workshop"].queryset = process.workshops.all()
        self.fields["table"].queryset = process.tables.all()

    def clean_cards(self):
        lines = [line.strip() for line in self.cleaned_data["cards"].splitlines() if line.strip()]
        if not lines:
            raise ValidationError(_("Please enter at least one card."))
        too_long = [n for n, line in enumerate(lines, 1) if len(line) > MAX_CONTRIBUTION_LENGTH]
        if too_long:
            raise ValidationError(
                _("Card %(number)s is longer than 2,000 characters.") % {"number": too_long[0]}
            )
        return lines


class ModerationForm(forms.Form):
    PUBLISH, HIDE = "publish", "hide"
    action = forms.ChoiceField(
        label=_("Decision"),
        choices=[(PUBLISH, _("Publish")), (HIDE, _("Hide with a reason"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason for hiding"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Shown in place of the text, e.g. “contained personal data of others”."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == self.HIDE and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Please give a reason; it is shown in place of the text."))
        return cleaned


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=pgettext_lazy("participation", "State"), choices=ContributionStatus.choices
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required for “not feasible”; shown with the contribution."),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") == ContributionStatus.NOT_FEASIBLE
            and not cleaned.get("reason", "").strip()
        ):
            self.add_error("reason", _("Please say why the contribution is not feasible."))
        return cleaned


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer of the network office"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown with the contribution. Empty the field to withdraw the answer."),
    )


class LinkMeasureForm(forms.Form):
    measure = forms.ModelChoiceField(
        label=_("Take up in the measure"),
        queryset=Measure.objects.order_by("title"),
        empty_label=_("Please choose"),
    )


class MeasureForm(_SlugFromTitleMixin, forms.ModelForm):
    class Meta:
        model = Measure
        fields = [
            "title",
            "slug",
            "summary",
            "description",
            "process",
            "field",
            "responsible_organisation",
            "responsible_person",
            "state",
            "progress",
            "starts_on",
            "ends_on",
            "is_published",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {"slug": _("Leave empty to make it from the title.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["responsible_organisation"].queryset = Organisation.objects.public()
        self.fields["field"].queryset = self.fields["field"].queryset.active()
        instance = self.instance
        self.fields["events"] = AddressesField(
            queryset=Event.objects.all(),
            label=_("Events that carry it out"),
            help_text=_("Addresses of events in the calendar, one per line."),
            initial=list(instance.events.all()) if instance.pk else [],
        )
        self.fields["projects"] = AddressesField(
            queryset=Project.objects.all(),
            label=_("Projects that carry it out"),
            help_text=_("Addresses of projects in the directory, one per line."),
            initial=list(instance.projects.all()) if instance.pk else [],
        )

    def _save_m2m(self):
        super()._save_m2m()
        self.instance.events.set(self.cleaned_data["events"])
        self.instance.projects.set(self.cleaned_data["projects"])

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end must not be before the start."))
        return cleaned


class MeasureUpdateForm(forms.Form):
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    text = forms.CharField(
        label=_("What happened?"), max_length=3000, widget=forms.Textarea(attrs={"rows": 5})
    )
    progress = forms.IntegerField(label=_("Progress in percent"), min_value=0, max_value=100)
    state = forms.ChoiceField(
        label=pgettext_lazy("participation", "State"), choices=MeasureState.choices
    )

    def __init__(self, *args, measure: Measure, **kwargs):
        kwargs.setdefault(
            "initial",
            {"date": timezone.localdate(), "progress": measure.progress, "state": measure.state},
        )
        super().__init__(*args, **kwargs)

    def clean_date(self):
        value = self.cleaned_data["date"]
        if value > timezone.localdate():
            raise ValidationError(_("Progress can only be reported for today or the past."))
        return value


class LinkContributionForm(forms.Form):
    contribution = forms.IntegerField(
        label=_("Number of the contribution"),
        min_value=1,
        help_text=_("Shown on every contribution, e.g. “Nr. 42”."),
    )

    def clean_contribution(self):
        from .models import Contribution

        number = self.cleaned_data["contribution"]
        contribution = Contribution.objects.visible().filter(pk=number).first()
        if contribution is None:
            raise ValidationError(_("There is no public contribution with this number."))
        return contribution
