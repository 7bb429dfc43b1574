from urllib.parse import urlencode

from django import forms, template
from django.utils.safestring import SafeString

from engagementnetz.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    return render_markdown(text)


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (for pagination and filters)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = urlencode(sorted(params.lists()), doseq=True)
    return f"?{encoded}" if encoded else "?"


def widget_kind(bound_field) -> str:
    widget = bound_field.field.widget
    if getattr(bound_field.field, "is_honeypot", False):
        return "honeypot"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "file"
    return "input"


@register.filter
def field_kind(bound_field) -> str:
    return widget_kind(bound_field)


@register.filter
def kern_widget(bound_field):
    """Render the widget with the design system's classes and the accessible descriptions."""
    kind = widget_kind(bound_field)
    css = {
        "input": "kern-form-input__input",
        "file": "kern-form-input__input",
        "select": "kern-form-input__select",
        "checkbox": "kern-form-check__checkbox",
        "checkboxes": "kern-form-check__checkbox",
        "radios": "kern-form-check__radio",
    }.get(kind, "")
    attrs = {}
    if css:
        if bound_field.errors and kind in {"input", "file", "select", "checkbox"}:
            css += f" {css}--error"
        attrs["class"] = css
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described and kind not in {"checkboxes", "radios"}:
        attrs["aria-describedby"] = " ".join(described)
    return bound_field.as_widget(attrs=attrs)
