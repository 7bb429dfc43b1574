"""Form fields shared by the app's forms."""

import re
from datetime import date, datetime

from django import forms
from django.utils.translation import gettext_lazy as _

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]


class DateField(forms.DateField):
    """A date picker that also understands German dates typed by hand."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        super().__init__(**kwargs)
        self.error_messages["invalid"] = _("Please enter a date such as 24.12.2026.")


class MultipleChoiceCheckboxes(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.error_messages["invalid_choice"] = _("Please choose from the list.")


_DATE_LINE = re.compile(r"^\s*(\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2})\s*[,:–-]?\s*(.*)$")


def parse_date_lines(text: str) -> list[dict]:
    """``"12.07.2027 9 bis 13 Uhr"`` per line → ``[{"date": "2027-07-12", "note": "9 bis 13 Uhr"}]``."""
    items = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _DATE_LINE.match(line)
        parsed = None
        if match:
            for fmt in DATE_INPUT_FORMATS:
                try:
                    parsed = datetime.strptime(match.group(1), fmt).date()
                    break
                except ValueError:
                    continue
        if parsed is None:
            raise forms.ValidationError(
                _("Line %(number)s does not start with a date such as 12.07.2027.")
                % {"number": number}
            )
        items.append({"date": parsed.isoformat(), "note": match.group(2).strip()[:100]})
    return sorted(items, key=lambda item: item["date"])


def format_date_lines(items: list[dict]) -> str:
    lines = []
    for item in items or []:
        try:
            day = date.fromisoformat(item["date"])
        except (KeyError, TypeError, ValueError):
            continue
        lines.append(f"{day:%d.%m.%Y} {item.get('note', '')}".strip())
    return "\n".join(lines)


class VocabularyChoiceField(forms.ModelMultipleChoiceField):
    """Checkboxes of a vocabulary, addressed by slug in the URL; empty values are ignored."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, queryset, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(queryset, to_field_name="slug", **kwargs)
        self.error_messages["invalid_choice"] = _("Please choose from the list.")

    def clean(self, value):
        if isinstance(value, list | tuple):
            value = [item for item in value if item]
        return super().clean(value)
