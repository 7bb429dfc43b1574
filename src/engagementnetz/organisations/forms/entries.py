"""Forms for keeping an entry: registration, editing, photos, people, claims."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagementnetz.core.models import District, Field, TargetGroup
from engagementnetz.core.uploads import ValidatedImageField

from ..images import LOGO_SIDE, PHOTO_SIDE
from ..models import ClaimRequest, Invitation, MembershipRole, Organisation
from ._fields import https_urls

ENTITLEMENT_TEXT = _(
    "I am entitled to represent this organisation, and the details are correct to the best of "
    "my knowledge."
)


def _vocabulary_fields(form: forms.ModelForm) -> None:
    form.fields["fields"].queryset = Field.objects.active()
    if "target_groups" in form.fields:
        form.fields["target_groups"].queryset = TargetGroup.objects.active()
    form.fields["district"].queryset = District.objects.active()
    form.fields["district"].empty_label = _("– please choose –")


ORGANISATION_SECTIONS = [
    (
        _("About the organisation"),
        [
            "name",
            "kind",
            "short_description",
            "description",
            "fields",
            "target_groups",
            "logo",
            "languages",
        ],
    ),
    (
        _("Place and meetings"),
        [
            "street",
            "postcode",
            "city",
            "district",
            "latitude",
            "longitude",
            "meeting_times",
            "barrier_free",
            "accessibility_notes",
        ],
    ),
    (
        _("Contact"),
        ["website", "social_links", "email", "show_email", "phone", "show_phone"],
    ),
    (
        _("Further details"),
        ["register_number", "founded_year", "seeks_members", "seeks_volunteers"],
    ),
]


class OrganisationForm(forms.ModelForm):
    """Everything about an entry, in sections a club contact can work through."""

    SECTIONS = ORGANISATION_SECTIONS

    logo = ValidatedImageField(
        label=_("logo"),
        required=False,
        max_side=LOGO_SIDE,
        help_text=_("JPEG, PNG or WebP. Shown next to the name."),
    )
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")
    latitude = forms.DecimalField(
        label=_("latitude"),
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=-90,
        max_value=90,
        localize=True,
        help_text=_("For the map, e.g. 49,9675. The network office can fill this in for you."),
    )
    longitude = forms.DecimalField(
        label=_("longitude"),
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=-180,
        max_value=180,
        localize=True,
        help_text=_("For the map, e.g. 6,5259."),
    )

    class Meta:
        formfield_callback = https_urls
        model = Organisation
        fields = [name for _title, names in ORGANISATION_SECTIONS for name in names]
        widgets = {
            "fields": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 10}),
            "meeting_times": forms.Textarea(attrs={"rows": 3}),
            "social_links": forms.Textarea(attrs={"rows": 3}),
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "short_description": _("One or two sentences; shown in the directory list."),
            "meeting_times": _("For example: rehearsal every Tuesday 19:30–21:30."),
            "languages": _("Separated by commas, for example: Deutsch, Englisch, Arabisch."),
            "email": _(
                "Messages of the contact form are sent here, even when the address is not shown."
            ),
            "accessibility_notes": _("For example: step at the entrance, lift, accessible toilet."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _vocabulary_fields(self)

    @property
    def sections(self):
        return [
            (title, [self[name] for name in names if name in self.fields])
            for title, names in self.SECTIONS
        ]

    def clean_founded_year(self):
        year = self.cleaned_data.get("founded_year")
        this_year = timezone.localdate().year
        if year is not None and not 800 <= year <= this_year:
            raise ValidationError(
                _("Please give a year between 800 and %(year)s.") % {"year": this_year}
            )
        return year

    def clean_social_links(self):
        lines = [line.strip() for line in self.cleaned_data["social_links"].splitlines()]
        lines = [line for line in lines if line]
        validate = URLValidator(schemes=["http", "https"])
        for line in lines:
            try:
                validate(line)
            except ValidationError:
                raise ValidationError(
                    _("“%(line)s” is not a web address (it must start with https://).")
                    % {"line": line}
                ) from None
        return "\n".join(lines)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("show_email") and not cleaned.get("email"):
            self.add_error("show_email", _("Please enter the e-mail address to show."))
        if cleaned.get("show_phone") and not cleaned.get("phone"):
            self.add_error("show_phone", _("Please enter the phone number to show."))
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            self.add_error("longitude", _("Please give both latitude and longitude, or neither."))
        return cleaned


class OfficeOrganisationForm(OrganisationForm):
    """The network office also keeps the key that links the entry to its club list."""

    SECTIONS = [
        *OrganisationForm.SECTIONS,
        (_("Network office"), ["external_key"]),
    ]

    class Meta(OrganisationForm.Meta):
        fields = [*OrganisationForm.Meta.fields, "external_key"]

    def clean_external_key(self):
        key = self.cleaned_data["external_key"].strip()
        if (
            key
            and Organisation.objects.filter(external_key=key).exclude(pk=self.instance.pk).exists()
        ):
            raise ValidationError(_("Another entry already has this key."))
        return key


class RegistrationForm(forms.ModelForm):
    """The short guided form: the essentials, then the entry is completed and submitted."""

    confirm_entitled = forms.BooleanField(label=ENTITLEMENT_TEXT, required=True)
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        formfield_callback = https_urls
        model = Organisation
        fields = ["name", "kind", "short_description", "fields", "district", "email", "website"]
        widgets = {"fields": forms.CheckboxSelectMultiple}
        help_texts = {
            "name": _(
                "The full name, as the organisation uses it, e.g. “Musikverein Stahl e. V.”."
            ),
            "short_description": _("One or two sentences: what you do and for whom."),
            "email": _(
                "Messages of the contact form are sent here. You decide later whether the "
                "address is shown publicly."
            ),
        }
        error_messages = {
            "name": {"required": _("Please enter the name of the organisation.")},
            "kind": {"required": _("Please choose what kind of organisation it is.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _vocabulary_fields(self)
        self.fields["short_description"].required = True
        self.fields["email"].required = True
        self.fields["fields"].required = True
        self.fields["kind"].choices = [
            ("", _("– please choose –")),
            *self.fields["kind"].choices[1:],
        ]
        self.fields["confirm_entitled"].error_messages["required"] = _(
            "Please confirm that you may represent the organisation."
        )


class PhotoForm(forms.Form):
    image = ValidatedImageField(label=_("photo"), max_side=PHOTO_SIDE)
    caption = forms.CharField(
        label=_("caption"),
        max_length=200,
        help_text=_("Describe what can be seen; people who cannot see the photo hear this text."),
    )
    copyright = forms.CharField(
        label=_("copyright"),
        max_length=200,
        required=False,
        help_text=_("For example: © Stadt Bitburg"),
    )


class InvitationForm(forms.ModelForm):
    class Meta:
        formfield_callback = https_urls
        model = Invitation
        fields = ["email", "role"]
        widgets = {"role": forms.RadioSelect}
        help_texts = {
            "role": _(
                "Editors keep the entry, its events and offers; administrators also manage the people."
            ),
        }

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["role"].choices = MembershipRole.choices

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if (
            self.organisation
            and self.organisation.memberships.filter(user__email__iexact=email).exists()
        ):
            raise ValidationError(_("This person already keeps the entry."))
        return email


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("role"), choices=MembershipRole.choices)


class ClaimForm(forms.ModelForm):
    confirm_entitled = forms.BooleanField(label=ENTITLEMENT_TEXT, required=True)

    class Meta:
        formfield_callback = https_urls
        model = ClaimRequest
        fields = ["function", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "message": _("Anything that helps the network office, e.g. how to reach you by phone."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confirm_entitled"].error_messages["required"] = _(
            "Please confirm that you may represent the organisation."
        )
