from django import forms
from django.utils.translation import gettext_lazy as _

from engagementnetz.core.models import District, Field

from .models import DocumentKind
from .selectors import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    """The search page's GET form; wrong filter values are reported and left out."""

    q = forms.CharField(label=_("Search term"), required=False, max_length=MAX_QUERY_LENGTH)
    art = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Everything")), *DocumentKind.choices],
    )
    bereich = forms.ModelChoiceField(
        label=_("Field of engagement"),
        required=False,
        queryset=Field.objects.active(),
        to_field_name="slug",
        empty_label=_("All fields"),
    )
    stadtteil = forms.ModelChoiceField(
        label=_("District"),
        required=False,
        queryset=District.objects.active(),
        to_field_name="slug",
        empty_label=_("All districts"),
    )
    seite = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def filters(self) -> dict:
        """The valid parts of what was asked for."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "raw": data.get("q") or "",
            "kind": data.get("art") or "",
            "field": data.get("bereich"),
            "district": data.get("stadtteil"),
            "page": data.get("seite") or 1,
        }
