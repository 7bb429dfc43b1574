"""The Engagement-Finder's eight questions, asked by a GET form so that results can be shared."""

from urllib.parse import urlencode

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from engagementnetz.core.forms import HoneypotField
from engagementnetz.core.models import District, Field, TargetGroup

from ..finder import DRIVING_LICENCE, REMOTE, FinderCriteria
from ..models import Commitment, Skill, Suitability, TimeSlot
from .fields import MultipleChoiceCheckboxes, VocabularyChoiceField

HOURS_CHOICES = [
    ("2", _("up to 2 hours a week")),
    ("5", _("2 to 5 hours a week")),
    ("mehr", _("more than 5 hours a week")),
]
KIND_CHOICES = [
    ("", _("both is fine")),
    (Commitment.ONE_OFF, _("one-off, e.g. at a festival")),
    (Commitment.REGULAR, _("regularly")),
]
PERSON_LABELS = {
    Suitability.YOUNG_PEOPLE: _("I am between 14 and 17 years old"),
    Suitability.SENIORS: _("I am 65 or older"),
    Suitability.FAMILIES: _("I would like to take part with my family"),
    Suitability.LITTLE_GERMAN: _("I speak only a little German"),
    Suitability.DISABILITIES: _("I have a disability"),
}


class FinderForm(forms.Form):
    interessen = VocabularyChoiceField(
        Field.objects.active(),
        label=_("1. What interests you?"),
    )
    stunden = forms.ChoiceField(
        label=_("2. How much time do you have?"),
        choices=HOURS_CHOICES,
        widget=forms.RadioSelect,
        required=False,
    )
    zeit = MultipleChoiceCheckboxes(label=_("3. When do you have time?"), choices=TimeSlot.choices)
    ort = forms.ChoiceField(label=_("4. Where?"), required=False)
    mit = VocabularyChoiceField(
        TargetGroup.objects.active(),
        label=_("5. With whom would you like to work?"),
    )
    person = MultipleChoiceCheckboxes(
        label=_("6. What applies to you?"), choices=list(PERSON_LABELS.items())
    )
    kann = MultipleChoiceCheckboxes(
        label=_("7. What are you good at?"),
        choices=[*Skill.choices, (DRIVING_LICENCE, _("I have a driving licence"))],
    )
    art = forms.ChoiceField(
        label=_("8. Once or regularly?"),
        choices=KIND_CHOICES,
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ort"].choices = [
            ("", _("anywhere in town")),
            (REMOTE, _("from home")),
            *District.objects.active().values_list("slug", "name"),
        ]

    def query_string(self) -> str:
        """The answers as a short, stable query string (for sharing and subscriptions)."""
        params = [
            (name, value) for name in self.fields for value in self.data.getlist(name) if value
        ]
        return urlencode(params)

    def criteria(self) -> FinderCriteria:
        data = self.cleaned_data
        place = data.get("ort") or ""
        district_id = None
        if place and place != REMOTE:
            district_id = District.objects.filter(slug=place).values_list("pk", flat=True).first()
        hours = data.get("stunden")
        return FinderCriteria(
            field_ids=tuple(field.pk for field in data.get("interessen") or ()),
            hours=int(hours) if hours and hours.isdigit() else None,
            times=tuple(data.get("zeit") or ()),
            district_id=district_id,
            remote=place == REMOTE,
            target_group_ids=tuple(group.pk for group in data.get("mit") or ()),
            person=tuple(data.get("person") or ()),
            skills=tuple(data.get("kann") or ()),
            commitment=data.get("art") or "",
        )


def criteria_from_query(query: str) -> FinderCriteria | None:
    """The criteria of a stored query string, or None if it no longer makes sense."""
    form = FinderForm(QueryDict(query))
    return form.criteria() if form.is_valid() else None


class FinderSubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        error_messages={
            "required": _("Please enter your e-mail address."),
            "invalid": _("Please enter a valid e-mail address, e.g. name@example.org."),
        },
    )
    consent = forms.BooleanField(
        label=_(
            "I would like to receive new matching opportunities by e-mail, at most once a week. "
            "I can unsubscribe at any time with one click."
        ),
        error_messages={"required": _("Please agree so that we may write to you.")},
    )
    query = forms.CharField(widget=forms.HiddenInput, max_length=2000)
    website = HoneypotField()

    def clean_query(self):
        query = self.cleaned_data["query"]
        if criteria_from_query(query) is None:
            raise forms.ValidationError(_("Please answer the questions again."))
        return query
