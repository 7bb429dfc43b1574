from django import forms
from django.utils.translation import gettext_lazy as _

from engagementnetz.core.models import Field

from ..models import Organisation, Project
from ._fields import https_urls


class ProjectForm(forms.ModelForm):
    class Meta:
        formfield_callback = https_urls
        model = Project
        fields = [
            "title",
            "summary",
            "description",
            "field",
            "status",
            "starts_on",
            "ends_on",
            "partners",
            "contact_name",
            "contact_email",
            "contact_phone",
            "is_published",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 10}),
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "partners": forms.SelectMultiple(attrs={"size": 8}),
        }
        help_texts = {
            "summary": _("One or two sentences; shown in the list of projects."),
            "partners": _("Other organisations of the directory that take part (optional)."),
            "is_published": _("Unpublished projects are only visible to your organisation."),
        }

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = Field.objects.active()
        self.fields["field"].empty_label = _("– please choose –")
        partners = Organisation.objects.public().only("pk", "name")
        lead = organisation or (self.instance.organisation if self.instance.pk else None)
        if lead is not None:
            partners = partners.exclude(pk=lead.pk)
        self.fields["partners"].queryset = partners

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end must not lie before the start."))
        return cleaned
