"""Logging volunteer hours, and the organisation's decision on them."""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagementnetz.organisations.models import Organisation

from ..models import HoursEntry
from .fields import DateField


class HoursEntryForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.public().only("pk", "name"),
        empty_label=_("– please choose –"),
        error_messages={"required": _("Please choose the organisation.")},
    )
    started_on = DateField(label=_("From"))
    ended_on = DateField(
        label=_("Until"),
        required=False,
        help_text=_("Leave empty for a single day."),
    )
    hours = forms.DecimalField(
        label=_("Hours"),
        min_value=Decimal("0.5"),
        max_value=Decimal("2000"),
        decimal_places=1,
        help_text=_("In total for this period, e.g. 3 or 2,5."),
        localize=True,
    )

    class Meta:
        model = HoursEntry
        fields = ["organisation", "activity", "started_on", "ended_on", "hours", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"activity": _("E.g. „Hausaufgabenhilfe“ or „Sommerfest: Aufbau“.")}

    def clean(self):
        data = super().clean()
        started, ended = data.get("started_on"), data.get("ended_on")
        if started and not ended:
            data["ended_on"] = ended = started
        today = timezone.localdate()
        if started and started > today:
            self.add_error("started_on", _("Hours can only be logged once they are done."))
        if started and ended:
            if ended < started:
                self.add_error("ended_on", _("The end must not be before the start."))
            elif ended > today:
                self.add_error("ended_on", _("Hours can only be logged once they are done."))
        return data

    def save(self, commit=True):
        entry = super().save(commit=False)
        entry.ended_on = self.cleaned_data["ended_on"]
        if commit:
            entry.save()
        return entry


class HoursDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("confirm", _("Confirm")), ("reject", _("Reject"))])
    reason = forms.CharField(
        label=_("Reason if you reject"),
        required=False,
        max_length=1000,
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not data.get("reason", "").strip():
            self.add_error("reason", _("Please give a short reason."))
        return data
