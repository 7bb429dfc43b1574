"""The filters of the public list; every filter lives in the URL."""

from django import forms
from django.utils.translation import gettext_lazy as _

from engagementnetz.core.models import District, Field

from ..models import Commitment, Offer, Suitability, TimeSlot
from .fields import MultipleChoiceCheckboxes, VocabularyChoiceField

REMOTE = "zuhause"


class Sorting:
    NEWEST = "neu"
    SOONEST = "bald"
    CHOICES = [(NEWEST, _("newest first")), (SOONEST, _("starting soonest"))]


WITHOUT_CHOICES = [
    ("fuehrungszeugnis", _("without police certificate")),
    ("fuehrerschein", _("without driving licence")),
]


class OpportunityFilterForm(forms.Form):
    bereich = VocabularyChoiceField(
        Field.objects.active(),
        label=_("Field"),
    )
    umfang = MultipleChoiceCheckboxes(label=_("Time commitment"), choices=Commitment.choices)
    zeit = MultipleChoiceCheckboxes(label=_("When"), choices=TimeSlot.choices)
    ort = forms.ChoiceField(label=_("Where"), required=False)
    geeignet = MultipleChoiceCheckboxes(label=_("Suited for"), choices=Suitability.choices)
    angebot = MultipleChoiceCheckboxes(label=_("The organisation offers"), choices=Offer.choices)
    ohne = MultipleChoiceCheckboxes(label=_("Requirements"), choices=WITHOUT_CHOICES)
    sortierung = forms.ChoiceField(label=_("Sort"), choices=Sorting.CHOICES, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ort"].choices = [
            ("", _("anywhere")),
            (REMOTE, _("from home")),
            *District.objects.active().values_list("slug", "name"),
        ]

    @property
    def is_filtered(self) -> bool:
        if not self.is_bound or not self.is_valid():
            return False
        return any(value for key, value in self.cleaned_data.items() if key != "sortierung")
