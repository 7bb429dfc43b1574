"""The form organisations use to post and change an opportunity."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagementnetz.core.models import District, Field, TargetGroup

from ..models import Commitment, Offer, Opportunity, Skill, Suitability, TimeSlot, skills_to_column
from ..models.choices import OFFER_COLUMNS, SUITABILITY_COLUMNS, TIME_SLOT_COLUMNS
from .fields import DateField, MultipleChoiceCheckboxes, format_date_lines, parse_date_lines

# The form's sections, in order; the template renders one fieldset per section.
SECTIONS = [
    (_("What it is about"), ["title", "summary", "tasks", "fields", "target_groups"]),
    (
        _("Time"),
        [
            "commitment",
            "date_lines",
            "hours",
            "hours_period",
            "time_slots",
            "start_date",
            "end_date",
        ],
    ),
    (_("Place"), ["place", "district", "is_remote"]),
    (
        _("Who can join"),
        [
            "suited_for",
            "needs_police_certificate",
            "needs_driving_licence",
            "languages",
            "skill_list",
            "skills_note",
            "people_needed",
        ],
    ),
    (_("What you offer"), ["offer_list", "offers_note"]),
    (_("Contact person"), ["contact_name", "contact_email", "contact_phone"]),
]


class OpportunityForm(forms.ModelForm):
    fields = forms.ModelMultipleChoiceField(
        label=_("Fields of engagement"),
        queryset=Field.objects.active(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Please choose at least one field.")},
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("With whom you work"),
        queryset=TargetGroup.objects.active(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    commitment = forms.ChoiceField(
        label=_("Time commitment"), choices=Commitment.choices, widget=forms.RadioSelect
    )
    date_lines = forms.CharField(
        label=_("Dates"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Only for one-off engagements: one date per line, "
            "optionally with the time, e.g. „12.07.2027 9 bis 13 Uhr“."
        ),
    )
    time_slots = MultipleChoiceCheckboxes(label=_("When"), choices=TimeSlot.choices)
    suited_for = MultipleChoiceCheckboxes(label=_("Suited for"), choices=Suitability.choices)
    skill_list = MultipleChoiceCheckboxes(label=_("Helpful skills"), choices=Skill.choices)
    offer_list = MultipleChoiceCheckboxes(label=_("We offer"), choices=Offer.choices)
    start_date = DateField(label=_("From"), required=False)
    end_date = DateField(
        label=_("Until"),
        required=False,
        help_text=_("The opportunity disappears from the list after this day."),
    )

    class Meta:
        model = Opportunity
        fields = [
            "title",
            "summary",
            "tasks",
            "fields",
            "target_groups",
            "commitment",
            "hours",
            "hours_period",
            "start_date",
            "end_date",
            "place",
            "district",
            "is_remote",
            "needs_police_certificate",
            "needs_driving_licence",
            "languages",
            "skills_note",
            "people_needed",
            "offers_note",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        widgets = {
            "tasks": forms.Textarea(attrs={"rows": 6}),
            "skills_note": forms.Textarea(attrs={"rows": 3}),
            "offers_note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "hours": _("For regular engagements: about how many hours."),
            "languages": _("Languages that help, e.g. Arabic or Ukrainian."),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.active()
        self.fields["district"].empty_label = _("– no particular district –")
        self.fields["hours_period"].choices = [
            ("", "–"),
            *Opportunity._meta.get_field("hours_period").choices,
        ]
        self.fields["summary"].widget.attrs["maxlength"] = 300
        instance = self.instance
        if instance.pk:
            self.initial.update(
                {
                    "date_lines": format_date_lines(instance.dates),
                    "time_slots": instance.time_slots,
                    "suited_for": instance.suitabilities,
                    "skill_list": instance.skill_codes,
                    "offer_list": instance.offers,
                }
            )
        elif user is not None:
            self.initial.setdefault("contact_name", user.name)
            self.initial.setdefault("contact_email", user.email)
            self.initial.setdefault("contact_phone", user.phone)

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in SECTIONS]

    def clean_date_lines(self):
        return parse_date_lines(self.cleaned_data.get("date_lines", ""))

    def clean(self):
        data = super().clean()
        commitment = data.get("commitment")
        dates = data.get("date_lines") or []
        if commitment == Commitment.ONE_OFF:
            if not dates and "date_lines" not in self.errors:
                self.add_error("date_lines", _("Please give at least one date."))
            elif dates:
                data["start_date"] = date.fromisoformat(dates[0]["date"])
                data["end_date"] = date.fromisoformat(dates[-1]["date"])
        if commitment == Commitment.REGULAR:
            if not data.get("hours"):
                self.add_error("hours", _("Please say about how many hours it takes."))
            if not data.get("hours_period"):
                self.add_error("hours_period", _("Please choose per week or per month."))
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date must not be before the start."))
        changed = self.instance.pk is None or end != self.instance.end_date
        if end and end < timezone.localdate() and changed:
            field = "date_lines" if commitment == Commitment.ONE_OFF else "end_date"
            self.add_error(field, _("The end date must not be in the past."))
        if not (data.get("place") or data.get("district") or data.get("is_remote")):
            self.add_error(
                "place", _("Please give a place or district, or say that it works from home.")
            )
        return data

    def save(self, commit=True):
        opportunity: Opportunity = super().save(commit=False)
        data = self.cleaned_data
        opportunity.dates = data["date_lines"] if data["commitment"] == Commitment.ONE_OFF else []
        opportunity.start_date = data.get("start_date")
        opportunity.end_date = data.get("end_date")
        if data["commitment"] != Commitment.REGULAR:
            opportunity.hours, opportunity.hours_period = None, ""
        for value, column in TIME_SLOT_COLUMNS.items():
            setattr(opportunity, column, value in data["time_slots"])
        for value, column in SUITABILITY_COLUMNS.items():
            setattr(opportunity, column, value in data["suited_for"])
        for value, column in OFFER_COLUMNS.items():
            setattr(opportunity, column, value in data["offer_list"])
        opportunity.skills = skills_to_column(data["skill_list"])
        if commit:
            opportunity.save()
            self.save_m2m()
        return opportunity


class StillCurrentForm(forms.Form):
    """„Noch aktuell“: one button; the end date can be moved at the same time."""

    end_date = DateField(
        label=_("New end date"),
        required=False,
        help_text=_("Only if the opportunity should run longer than planned."),
    )

    def __init__(self, *args, opportunity: Opportunity, **kwargs):
        super().__init__(*args, **kwargs)
        self.opportunity = opportunity

    def clean_end_date(self):
        end = self.cleaned_data.get("end_date")
        if end and end < timezone.localdate():
            raise forms.ValidationError(_("The end date must not be in the past."))
        return end
