from django import forms
from django.utils.translation import gettext_lazy as _

from .models import LEGAL_PAGES, Page


class PageForm(forms.ModelForm):
    class Meta:
        model = Page
        fields = ["title", "slug", "body", "menu", "menu_position", "is_published"]
        widgets = {"body": forms.Textarea(attrs={"rows": 18})}

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if self.instance.pk and self.instance.is_legal and slug != self.instance.slug:
            raise forms.ValidationError(_("The address of a legal page cannot be changed."))
        return slug

    def clean_is_published(self):
        published = self.cleaned_data["is_published"]
        if self.instance.pk and self.instance.slug in LEGAL_PAGES and not published:
            raise forms.ValidationError(_("Legal pages must stay published."))
        return published
