"""Forms every visitor can use: filters, contact, reports."""

from django import forms
from django.utils.translation import gettext_lazy as _

from engagementnetz.core.forms import HoneypotField
from engagementnetz.core.models import District, Field, TargetGroup

from ..models import OrganisationKind, ProjectStatus, Report, ReportReason

CONTACT_CONSENT_TEXT = _(
    "I agree that my message and my contact details are passed on to the organisation so that "
    "it can reply. The platform deletes the message after %(days)s days."
)


class DirectoryFilterForm(forms.Form):
    """The directory's filters; they live in the URL so that a result can be shared."""

    SORTS = [
        ("name", _("Name (A–Z)")),
        ("neu", _("Newest in the network")),
        ("aktualisiert", _("Recently updated")),
    ]

    q = forms.CharField(label=_("Search term"), required=False, max_length=100)
    bereich = forms.ModelChoiceField(
        label=_("Field of engagement"),
        queryset=Field.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All fields"),
    )
    art = forms.ChoiceField(label=_("Kind"), required=False)
    stadtteil = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All districts"),
    )
    zielgruppe = forms.ModelChoiceField(
        label=_("Target group"),
        queryset=TargetGroup.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All target groups"),
    )
    mitglieder = forms.BooleanField(label=_("looking for new members"), required=False)
    engagierte = forms.BooleanField(label=_("looking for volunteers"), required=False)
    barrierefrei = forms.BooleanField(label=_("barrier-free premises"), required=False)
    sortierung = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)
    buchstabe = forms.CharField(required=False, max_length=1, widget=forms.HiddenInput)

    def __init__(self, *args, fields=None, target_groups=None, districts=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The lists are read once by the view and shared, so the page's query count is fixed.
        self.fields["bereich"].queryset = fields if fields is not None else Field.objects.active()
        self.fields["zielgruppe"].queryset = (
            target_groups if target_groups is not None else TargetGroup.objects.active()
        )
        self.fields["stadtteil"].queryset = (
            districts if districts is not None else District.objects.active()
        )
        self.fields["art"].choices = [("", _("All kinds")), *OrganisationKind.choices]

    def filters(self) -> dict:
        """The valid filters; an invalid value in the URL is ignored, never an error page."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class ProjectFilterForm(forms.Form):
    q = forms.CharField(label=_("Search term"), required=False, max_length=100)
    bereich = forms.ModelChoiceField(
        label=_("Field of engagement"),
        queryset=Field.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All fields"),
    )
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, fields=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bereich"].queryset = fields if fields is not None else Field.objects.active()
        self.fields["status"].choices = [("", _("All")), *ProjectStatus.choices]

    def filters(self) -> dict:
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class ContactForm(forms.Form):
    sender_name = forms.CharField(label=_("your name"), max_length=150)
    sender_email = forms.EmailField(label=_("your e-mail address"))
    subject = forms.CharField(label=_("subject"), max_length=200)
    message = forms.CharField(
        label=_("your message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
    consent = forms.BooleanField(label="", required=True)
    website = HoneypotField()

    def __init__(self, *args, retention_days: int = 30, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_text = str(CONTACT_CONSENT_TEXT) % {"days": retention_days}
        self.fields["consent"].label = self.consent_text
        self.fields["consent"].error_messages["required"] = _(
            "Please agree that your message is passed on; otherwise we cannot send it."
        )
        self.fields["sender_name"].error_messages["required"] = _("Please enter your name.")
        self.fields["sender_email"].error_messages["required"] = _(
            "Please enter your e-mail address, so that the organisation can reply."
        )
        self.fields["message"].error_messages["required"] = _("Please write your message.")

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class ReportForm(forms.ModelForm):
    website = HoneypotField()

    class Meta:
        model = Report
        fields = ["reason", "message", "reporter_email"]
        widgets = {
            "reason": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {"message": _("What is wrong, and where on the page?")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = ReportReason.choices
        self.fields["message"].max_length = 3000

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
