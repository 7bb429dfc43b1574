from django import forms
from django.utils.translation import gettext_lazy as _

from engagementnetz.core.uploads import ValidatedImageField

from .models import SiteSettings


class SiteSettingsForm(forms.ModelForm):
    class Meta:
        model = SiteSettings
        fields = [
            "name",
            "town",
            "tagline",
            "logo",
            "logo_alt",
            "colour_scheme",
            "contact_name",
            "contact_email",
            "contact_phone",
            "contact_address",
            "footer_text",
            "intro",
        ]
        field_classes = {"logo": ValidatedImageField}
        widgets = {
            "contact_address": forms.Textarea(attrs={"rows": 3}),
            "footer_text": forms.Textarea(attrs={"rows": 3}),
            "intro": forms.Textarea(attrs={"rows": 6}),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("logo") and not cleaned.get("logo_alt"):
            self.add_error("logo_alt", _("Please describe the logo for people who cannot see it."))
        return cleaned
