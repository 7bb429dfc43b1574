"""Forms of the network office: decisions, imports, links."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..models import Link, LinkCategory, OrganisationState
from ._fields import https_urls

NOTE_HELP = _("Kept in the history of decisions.")


class DecisionForm(forms.Form):
    """A decision with a note; some outcomes need the note because it is mailed."""

    CHOICES: list = []
    NOTE_REQUIRED_FOR: set = set()
    NOTE_REQUIRED_MESSAGE = _("Please give a reason; it is sent to the organisation.")

    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note or reason"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=NOTE_HELP,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = self.CHOICES
        self.fields["decision"].error_messages["required"] = _("Please choose a decision.")

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") in self.NOTE_REQUIRED_FOR
            and not cleaned.get("note", "").strip()
        ):
            self.add_error("note", self.NOTE_REQUIRED_MESSAGE)
        return cleaned


class RegistrationDecisionForm(DecisionForm):
    CHOICES = [
        ("verify", _("Verify and publish")),
        ("reject", _("Reject (the reason is mailed to the organisation)")),
    ]
    NOTE_REQUIRED_FOR = {"reject"}


class ClaimDecisionForm(DecisionForm):
    CHOICES = [
        ("approve", _("Approve: the person becomes administrator of the entry")),
        ("decline", _("Decline (the reason is mailed to the person)")),
    ]
    NOTE_REQUIRED_FOR = {"decline"}
    NOTE_REQUIRED_MESSAGE = _("Please give a reason; it is sent to the person.")


class ReportDecisionForm(DecisionForm):
    CHOICES = [
        ("resolved", _("Resolved: the entry has been corrected or taken offline")),
        ("dismissed", _("Dismissed: nothing to do")),
    ]


class StaleDecisionForm(DecisionForm):
    CHOICES = [
        ("confirm", _("The details are current (e.g. confirmed by phone)")),
        ("remind", _("Remind the administrators once more")),
        ("unpublish", _("Take the entry offline (the reason is mailed)")),
    ]
    NOTE_REQUIRED_FOR = {"unpublish"}


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to the administrators of the entry and kept in the history."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = _(
            "Please give a reason; it is sent to the organisation."
        )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Club list (CSV or XLSX)"),
        help_text=_(
            "The first row names the columns. Required are “Schlüssel”, “Name” and “Art”; "
            "download the export to see all columns."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".csv", ".xlsx")):
            raise ValidationError(_("Please upload a CSV or an Excel file (XLSX)."))
        return upload


class EntriesFilterForm(forms.Form):
    q = forms.CharField(label=_("Search term"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All")), *OrganisationState.choices]

    def filters(self) -> dict:
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class LinkForm(forms.ModelForm):
    class Meta:
        formfield_callback = https_urls
        model = Link
        fields = ["category", "title", "url", "description", "position", "is_published"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].empty_label = _("– please choose –")
        self.fields["url"].assume_scheme = "https"


class LinkCategoryForm(forms.ModelForm):
    class Meta:
        formfield_callback = https_urls
        model = LinkCategory
        fields = ["name", "description", "position"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
