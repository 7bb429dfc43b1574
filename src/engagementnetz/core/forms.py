"""One form renderer for the whole site, in the markup of the KERN design system."""

from django import forms
from django.forms.renderers import TemplatesSetting


class KernFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class HoneypotField(forms.CharField):
    """A field people never see; bots fill it in. Rendered by forms/field.html as hidden."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", "Website")
        super().__init__(**kwargs)
        self.widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.is_honeypot = True
